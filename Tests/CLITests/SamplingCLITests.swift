import Foundation
import TestSupport
import Testing

/// sample → edit the worksheet → import audits → extrapolate, with the real binary (SPEC 6).
@Suite struct SamplingCLITests {
    /// Four October Medicare encounters, each one 99214 line; rates 99213 100.00, 99214 150.00, 99215 200.00.
    private func practice() throws -> CLIWorkspace {
        let workspace = try CLIWorkspace()
        try workspace.write(
            "e.csv",
            encounters(
                ["E1", "E2", "E3", "E4"], procedure: ["E1": "99214", "E2": "99214", "E3": "99214", "E4": "99214"]))
        try workspace.write(
            "fees.csv",
            "payer,procedure_code,amount\nMedicare,99213,100.00\nMedicare,99214,150.00\nMedicare,99215,200.00\n")
        #expect(try workspace.run(["import", "encounters", "e.csv"]).status == 0)
        #expect(try workspace.run(["import", "fees", "fees.csv"]).status == 0)
        return workspace
    }

    @Test func sampleWorksheetImportExtrapolate() throws {
        // Given a sample of 3 of the 4 encounters
        let workspace = try practice()
        let sampled = try workspace.run([
            "sample", "--month", "2026-10", "--size", "3", "--seed", "11", "--out", "w.csv",
        ])
        #expect(sampled.status == 0, "\(sampled.stderr)")
        #expect(sampled.stdout == "1\n")
        let sheet = csvRows(try String(contentsOfFile: workspace.path("w.csv"), encoding: .utf8))
        let header = sheet[0]
        #expect(
            header == [
                "encounter_id", "service_date", "provider", "coder", "payer", "code_type", "submitted_code",
                "submitted_units", "audited_code", "audited_units", "category", "comment", "auditor", "audit_date",
            ])
        // one CPT row and one ICD10 row per sampled encounter, the audited side pre-filled
        #expect(sheet.count == 1 + 6)
        #expect(sheet[1][5...9] == ["CPT", "99214", "1", "99214", "1"])
        #expect(sheet[2][5...9] == ["ICD10", "E11.9", "", "E11.9", ""])
        let drawn = [sheet[1][0], sheet[3][0], sheet[5][0]]
        #expect(Set(drawn).count == 3)
        // When the auditor signs every row, codes the first encounter's visit down to 99213 (overcoded 50.00)
        // and the second's up to 99215 (undercoded 50.00), leaves the third as it was, and imports it
        var edited = sheet
        for index in 1..<edited.count {
            edited[index][12] = "AUD"
            edited[index][13] = "2026-11-20"
        }
        edited[1][8] = "99213"
        edited[3][8] = "99215"
        try workspace.write("edited.csv", csvFile(edited.map { $0.joined(separator: ",") }))
        let imported = try workspace.run(["import", "audits", "edited.csv"])
        #expect(imported.status == 0 && imported.stderr.contains("6 loaded, 0 rejected"), "\(imported.stderr)")
        #expect(imported.stderr.contains("findings: 4 agree, 2 revised, 0 deleted, 0 added"))
        // Then the net extrapolation, worked by hand:
        //   values (cents) 5000, −5000, 0; N = 4, n = 3; mean 0; s² = (5000² + 5000² + 0²) / 2 = 25,000,000
        //   SE = √(N² (1 − n/N) s² / n) = √(16 · 0.25 · 25,000,000 / 3) = 5773.50 cents
        //   t(0.95, 2) = 2.919986 → half-width 16,858.66 cents; point 0 → −168.59 to 168.59
        let net = try workspace.run(["extrapolate", "--sample", "1"])
        #expect(net.status == 0, "\(net.stderr)")
        #expect(net.stdout.contains("3 of 4 encounters"))
        #expect(net.stdout.contains("point estimate (frame)       0.00"))
        #expect(net.stdout.contains("standard error               57.74"))
        #expect(net.stdout.contains("90% two-sided interval    -168.59 to 168.59"), "\(net.stdout)")
        #expect(net.stdout.contains("    \(drawn[0])  all  50.00  0.00  50.00\n"))
        #expect(net.stdout.contains("    \(drawn[1])  all  0.00  50.00  -50.00\n"))
        // and the gross one: values 5000, 0, 0; mean 1666.67; s² = (3333.33² + 2 · 1666.67²) / 2 = 8,333,333.33
        //   point 4 · 1666.67 = 66.67; SE = √(16 · 0.25 · 8,333,333.33 / 3) = 3333.33 cents
        //   half-width 2.919986 · 3333.33 = 9733.29 cents → −30.67 to 164.00
        let gross = try workspace.run(["extrapolate", "--sample", "1", "--gross", "--out", "x.csv"])
        #expect(gross.stdout.contains("point estimate (frame)       66.67"))
        #expect(gross.stdout.contains("90% two-sided interval    -30.67 to 164.00"), "\(gross.stdout)")
        let csv = try String(contentsOfFile: workspace.path("x.csv"), encoding: .utf8)
        #expect(csv.contains("1,2026-10,gross,4,3,16.67,28.87,66.67,33.33,0.9000,2,2.9200,-30.67,164.00\r\n"), "\(csv)")
    }

    @Test func riskSampleDrawsFromTheFlaggedAndTheUnflagged() throws {
        // Given six October encounters; E1–E3 bill modifier 25 on a lone E/M (the mod25 edit flags them)
        let workspace = try CLIWorkspace()
        try workspace.write(
            "e.csv",
            """
            encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,diagnosis_codes
            E1,2026-10-01,P1,Dr Adams,alice,Medicare,99214,25,I10
            E2,2026-10-02,P2,Dr Adams,alice,Medicare,99214,25,I10
            E3,2026-10-03,P3,Dr Adams,alice,Medicare,99214,25,I10
            E4,2026-10-04,P4,Dr Adams,alice,Medicare,99214,,I10
            E5,2026-10-05,P5,Dr Adams,alice,Medicare,99214,,I10
            E6,2026-10-06,P6,Dr Adams,alice,Medicare,99214,,I10

            """)
        #expect(try workspace.run(["import", "encounters", "e.csv"]).status == 0)
        // When two encounters are drawn per risk stratum
        let sampled = try workspace.run([
            "sample", "--month", "2026-10", "--size", "2", "--per", "risk", "--seed", "3", "--out", "w.csv",
        ])
        #expect(sampled.status == 0, "\(sampled.stderr)")
        #expect(sampled.stderr.contains("4 of the 6 encounters of 2026-10 (2 per risk)"), "\(sampled.stderr)")
        // Then the worksheet holds two flagged and two unflagged encounters
        let sheet = csvRows(try String(contentsOfFile: workspace.path("w.csv"), encoding: .utf8))
        let drawn = Set(sheet.dropFirst().map { $0[0] })
        #expect(drawn.count == 4)
        #expect(
            drawn.intersection(["E1", "E2", "E3"]).count == 2 && drawn.intersection(["E4", "E5", "E6"]).count == 2)
        // and once audited, the extrapolation names the two strata
        var edited = sheet
        for index in 1..<edited.count {
            edited[index][12] = "AUD"
            edited[index][13] = "2026-11-20"
        }
        try workspace.write("edited.csv", csvFile(edited.map { $0.joined(separator: ",") }))
        #expect(try workspace.run(["import", "audits", "edited.csv"]).status == 0)
        let appraised = try workspace.run(["extrapolate", "--sample", "1"])
        #expect(appraised.stdout.contains("4 of 6 encounters in 2 strata"), "\(appraised.stdout)")
        #expect(appraised.stdout.contains("  flagged  ") && appraised.stdout.contains("  unflagged  "))
    }

    @Test func sameSeedSameSampleAndRefusals() throws {
        let workspace = try practice()
        // The same seed draws the same encounters in the same order
        _ = try workspace.run(["sample", "--month", "2026-10", "--size", "2", "--seed", "5", "--out", "a.csv"])
        _ = try workspace.run(["sample", "--month", "2026-10", "--size", "2", "--seed", "5", "--out", "b.csv"])
        #expect(
            try String(contentsOfFile: workspace.path("a.csv"), encoding: .utf8)
                == String(contentsOfFile: workspace.path("b.csv"), encoding: .utf8))
        // A size larger than the frame is refused, naming the frame
        let tooLarge = try workspace.run(["sample", "--month", "2026-10", "--size", "5", "--seed", "5"])
        #expect(tooLarge.status == 65 && tooLarge.stderr.contains("frame of 4"), "\(tooLarge.stderr)")
        // An unaudited sample is not extrapolated
        let unaudited = try workspace.run(["extrapolate", "--sample", "1"])
        #expect(unaudited.status == 65 && unaudited.stderr.contains("have no audit yet"))
        // An unknown sample is refused
        #expect(try workspace.run(["extrapolate", "--sample", "9"]).status == 65)
    }
}
