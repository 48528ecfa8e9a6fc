import Foundation
import GRDB
import TestSupport
import Testing

/// No patient identifier leaves the input (SPEC 4, 7), and codes come back exactly as
/// given (SPEC 3, 5): the real binary, real files, a real database.
@Suite struct PrivacyAndCodesCLITests {
    /// The five exports of SPEC 5.
    private static let exports = [
        "error_rates", "findings", "coder_productivity", "reimbursement_variance", "em_distribution",
    ]
    /// The edit exports of SPEC 8 and the remittance exports of SPEC 9.
    private static let editAndRemittanceExports = ["edits", "edit_rates", "payments", "denials"]

    /// The people an 835 names (SPEC 9: NM1*QC patient, NM1*IL subscriber, NM1*74 corrected
    /// insured), each with a member id: never stored, never printed.
    private static let remittancePeople = [
        "ZQPROBEPATIENTLAST", "ZQPROBEPATIENTFIRST", "ZQPROBEMEMBER0001", "ZQPROBEINSUREDLAST",
        "ZQPROBEINSUREDFIRST", "ZQPROBESUBSCRIBER0002", "ZQPROBECORRECTEDLAST", "ZQPROBECORRECTEDFIRST",
        "ZQPROBECORRECTED0003", "ZQPROBESECONDLAST", "ZQPROBESECONDFIRST", "ZQPROBEMEMBER0004",
        "ZQPROBESECONDINSURED", "ZQPROBESUBSCRIBER0005",
    ]

    /// An 835 paying V1 (its claim names the patient, the subscriber and a corrected insured) and
    /// rejecting a second transaction for V2 (BPR02 999.00, its claim pays 100.00), whose claim names
    /// people too. The second transaction's ST is segment 18, its BPR segment 19.
    private static let remittance: String = {
        func transaction(_ control: String, _ segments: [String]) -> [String] {
            ["ST*835*\(control)"] + segments + ["SE*\(segments.count + 2)*\(control)"]
        }
        func payment(_ amount: String, _ trace: String) -> [String] {
            [
                "BPR*I*\(amount)*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20261110",
                "TRN*1*\(trace)*1512345678", "N1*PR*MEDICARE", "LX*1",
            ]
        }
        let paid = transaction(
            "0001",
            payment("80", "EFT-PRIVACY-1") + [
                "CLP*V1*1*150*80*20*12*CLM-V1",
                "NM1*QC*1*ZQPROBEPATIENTLAST*ZQPROBEPATIENTFIRST****MI*ZQPROBEMEMBER0001",
                "NM1*IL*1*ZQPROBEINSUREDLAST*ZQPROBEINSUREDFIRST****MI*ZQPROBESUBSCRIBER0002",
                "NM1*74*1*ZQPROBECORRECTEDLAST*ZQPROBECORRECTEDFIRST****C*ZQPROBECORRECTED0003",
                "SVC*HC:99213:25*150*80**1", "DTM*472*20261001", "CAS*CO*45*50", "CAS*PR*2*20", "AMT*B6*100",
            ])
        let rejected = transaction(
            "0002",
            payment("999", "EFT-PRIVACY-2") + [
                "CLP*V2*1*200*100*30*12*CLM-V2",
                "NM1*QC*1*ZQPROBESECONDLAST*ZQPROBESECONDFIRST****MI*ZQPROBEMEMBER0004",
                "NM1*IL*1*ZQPROBESECONDINSURED*ZQPROBESECONDFIRST****MI*ZQPROBESUBSCRIBER0005",
                "SVC*HC:99214*200*100**1", "DTM*472*20261003", "CAS*CO*45*70", "CAS*PR*2*30",
            ])
        let segments =
            ["GS*HP*PAYER*PRACTICE*20261110*0930*31*X*005010X221A1"] + paid + rejected + ["GE*2*31", "IEA*1*000000031"]
        return
            "ISA*00*          *00*          *ZZ*PAYER          *ZZ*PRACTICE       *261110*0930*^*00501*000000031*0*P*:~\n"
            + segments.map { $0 + "~\n" }.joined()
    }()

    @Test func noPatientIdentifierReachesAnyOutputOrTheStore() throws {
        // Given an October encounter file with direct identifiers in extra columns, distinctive patient ids,
        // and one bad row (an unknown procedure-code shape) among good ones, plus fees, audits and hours
        let workspace = try CLIWorkspace()
        let identifiers = [
            "Zelda Quixote", "1937-04-05", "555-0142", "078-05-1120", "zelda@example.org", "42 Wallaby Way",
            "Ignatius Pennywhistle", "1941-11-30", "555-0199", "219-09-9999", "ignatius@example.org",
            "7 Marmalade Lane",
        ]
        let patientIDs = ["MRN-778899", "MRN-665544", "MRN-990011"]
        let header =
            "encounter_id,service_date,patient_id,provider,specialty,coder,payer,place_of_service,procedure_code,"
            + "modifiers,units,diagnosis_codes,charge,allowed,paid,coded_at,coding_minutes,"
            + "Patient Name,DOB,Phone,SSN,Email,Address\n"
        try workspace.write(
            "e.csv",
            header
                + "V1,2026-10-01,MRN-778899,Dr Demo,Family,jlee,Medicare,11,99213,25,1,E11.9;I10,150.00,91.56,80.00,"
                + "2026-10-02,12,Zelda Quixote,1937-04-05,555-0142,078-05-1120,zelda@example.org,42 Wallaby Way\n"
                + "V2,2026-10-03,MRN-665544,Dr Demo,Family,jlee,Medicare,11,99214,,1,Z00.00,200.00,130.00,100.00,"
                + "2026-10-04,15,Ignatius Pennywhistle,1941-11-30,555-0199,219-09-9999,ignatius@example.org,"
                + "7 Marmalade Lane\n"
                + "V3,2026-10-05,MRN-990011,Dr Demo,Family,jlee,Medicare,11,NOTACODE,,1,I10,90.00,,,"
                + "2026-10-06,9,Zelda Quixote,1937-04-05,555-0142,078-05-1120,zelda@example.org,42 Wallaby Way\n")
        try workspace.write(
            "fees.csv", "payer,procedure_code,modifier,amount\nMedicare,99213,,91.56\nMedicare,99214,,130.00\n")
        try workspace.write(
            "audits.csv",
            "encounter_id,auditor,audit_date,submitted_code,audited_code\n"
                + "V1,AUD,2026-11-01,99213,99214\nV1,AUD,2026-11-01,E11.9,E11.9\n"
                + "V2,AUD,2026-11-01,99214,99214\nV2,AUD,2026-11-01,Z00.00,Z00.00\n")
        try workspace.write("hours.csv", "coder,work_date,hours\njlee,2026-10-02,7.5\n")
        try workspace.write("remit.835", Self.remittance)
        let inputs: Set<String> = ["e.csv", "fees.csv", "audits.csv", "hours.csv", "remit.835"]
        var results: [CommandResult] = []

        // When every import, all nine exports, a sample of the whole frame and its extrapolation run
        let encountersImport = try workspace.run(["import", "encounters", "e.csv"])
        #expect(
            encountersImport.status == 0 && encountersImport.stderr.contains("1 rejected"),
            "\(encountersImport.stderr)")
        results.append(encountersImport)
        // (a connection of this test's own keeps the database open, so that the commands leave their
        // writes in the WAL, to be searched like the rest: the last connection to close would fold it in)
        var readOnly = Configuration()
        readOnly.readonly = true
        let walKeeper = try DatabaseQueue(path: workspace.path("codeaudit.sqlite"), configuration: readOnly)
        _ = try walKeeper.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
        for (kind, file) in [("fees", "fees.csv"), ("audits", "audits.csv"), ("hours", "hours.csv")] {
            let result = try workspace.run(["import", kind, file])
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            results.append(result)
        }
        let remittanceImport = try workspace.run(["import", "remittances", "remit.835"])
        #expect(
            remittanceImport.status == 0 && remittanceImport.stderr.contains("2 payments read, 1 loaded, 1 rejected"),
            "\(remittanceImport.stderr)")
        results.append(remittanceImport)
        for name in Self.exports + Self.editAndRemittanceExports {
            let result = try workspace.run(["export", name, "--month", "2026-10", "--out", "\(name).csv"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            results.append(result)
        }
        let sampled = try workspace.run([
            "sample", "--month", "2026-10", "--size", "2", "--seed", "7", "--out", "worksheet.csv",
        ])
        #expect(sampled.status == 0, "\(sampled.stderr)")
        results.append(sampled)
        let extrapolated = try workspace.run([
            "extrapolate", "--sample", sampled.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "--out",
            "extrapolation.csv",
        ])
        #expect(extrapolated.status == 0, "\(extrapolated.stderr)")
        results.append(extrapolated)
        let reported = try workspace.run(["report", "--month", "2026-10", "--out", "report"])
        #expect(reported.status == 0, "\(reported.stderr)")
        results.append(reported)

        // Then every file the tool wrote (all but the inputs and the encounters' PHI rejects file), the database
        // and its WAL, and every stdout and stderr hold none of the identifiers, no raw patient id and none of
        // the people the 835 names
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path)
        #expect(names.contains("e.rejects.csv") && names.contains("remit.rejects.csv"))
        // (the rejects file beside the input is PHI like it, so the search must find the values there)
        let rejects = try Data(contentsOf: workspace.folder.appendingPathComponent("e.rejects.csv"))
        #expect(rejects.contains(bytes: "Zelda Quixote".utf8) && rejects.contains(bytes: "MRN-990011".utf8))
        let report = try FileManager.default.contentsOfDirectory(atPath: workspace.path("report")).map {
            "report/\($0)"
        }
        let outputs =
            (names.filter { !inputs.contains($0) && $0 != "e.rejects.csv" && $0 != "report" } + report)
            .sorted()
        let exports = Self.exports + Self.editAndRemittanceExports
        for expected in exports.map({ "\($0).csv" }) + exports.map({ "report/\($0).csv" }) + [
            "worksheet.csv", "extrapolation.csv", "codeaudit.sqlite", "report/report.html", "remit.rejects.csv",
            "codeaudit.sqlite-wal",
        ] {
            #expect(outputs.contains(expected), "\(expected) missing from \(outputs)")
        }
        let wal = try Data(contentsOf: workspace.folder.appendingPathComponent("codeaudit.sqlite-wal"))
        #expect(wal.contains(bytes: "EFT-PRIVACY-1".utf8), "the WAL holds the remittance import")
        for name in outputs {
            let bytes = try Data(contentsOf: workspace.folder.appendingPathComponent(name))
            for value in identifiers + patientIDs + Self.remittancePeople {
                #expect(!bytes.contains(bytes: value.utf8), "\(name) holds \(value)")
            }
        }
        withExtendedLifetime(walKeeper) {}
        // And the rejected transaction is stored with the batch by its envelope figures only, as the rejects
        // file beside the 835 gives it
        let rejectedPayment = try workspace.read { db in
            try db.texts(
                """
                SELECT r.line_number || ' | ' || r.reason || ' | ' || r.raw_row FROM import_reject r
                JOIN import_batch b ON b.id = r.batch_id WHERE b.kind = 'remittances'
                """)
        }
        let reason = "segment 19: BPR02 is 999.00, the claims' CLP04 less the PLB adjustments total 100.00"
        #expect(
            rejectedPayment == ["18 | \(reason) | 18,0002,EFT-PRIVACY-2,1512345678,MEDICARE,2026-11-10,999.00"])
        let remittanceRejects = try String(contentsOfFile: workspace.path("remit.rejects.csv"), encoding: .utf8)
        #expect(remittanceRejects.contains("18,0002,EFT-PRIVACY-2,1512345678,MEDICARE,2026-11-10,999.00,\"\(reason)\""))
        // And the report names no encounter either (SPEC 7)
        let page = try String(contentsOfFile: workspace.path("report/report.html"), encoding: .utf8)
        for id in ["V1", "V2", "V3"] {
            #expect(!page.contains(">\(id)<") && !page.contains(" \(id) ") && !page.contains("\(id),"), "\(id)")
        }
        for (index, result) in results.enumerated() {
            let text = Data((result.stdout + result.stderr).utf8)
            for value in identifiers + patientIDs + Self.remittancePeople {
                #expect(!text.contains(bytes: value.utf8), "output of command \(index) holds \(value)")
            }
        }
    }

    @Test func codesAndIdentifiersSurviveByteIdentical() throws {
        // Given an encounter whose codes and identifiers spreadsheets mangle: id MAR1, provider 02139,
        // coder 0450, payer 1E5, place of service 02, procedures 0001U and 99213, diagnosis E11.9;
        // rates for 0001U and 0002U; and an audit revising 0001U to 0002U and E11.9 to I10
        let workspace = try CLIWorkspace()
        try workspace.write(
            "e.csv",
            "encounter_id,service_date,patient_id,provider,specialty,coder,payer,place_of_service,procedure_code,"
                + "modifiers,units,diagnosis_codes,charge,allowed,paid,coded_at,coding_minutes\n"
                + "MAR1,2026-10-05,P1,02139,Family,0450,1E5,02,0001U,,1,E11.9,100.00,90.00,80.00,2026-10-06,10\n"
                + "MAR1,2026-10-05,P1,02139,Family,0450,1E5,02,99213,,1,E11.9,150.00,91.56,80.00,2026-10-06,10\n")
        try workspace.write(
            "fees.csv",
            "payer,procedure_code,modifier,amount\n1E5,0001U,,90.00\n1E5,0002U,,120.00\n1E5,99213,,91.56\n")
        try workspace.write(
            "audits.csv",
            "encounter_id,auditor,audit_date,submitted_code,audited_code\n"
                + "MAR1,AUD,2026-11-01,0001U,0002U\nMAR1,AUD,2026-11-01,E11.9,I10\n"
                + "MAR1,AUD,2026-11-01,99213,99213\n")

        // When they are imported and every export is written
        for (kind, file) in [("encounters", "e.csv"), ("fees", "fees.csv"), ("audits", "audits.csv")] {
            let result = try workspace.run(["import", kind, file])
            #expect(result.status == 0 && result.stderr.contains("0 rejected"), "\(kind): \(result.stderr)")
        }
        var exported: [String: [[String]]] = [:]
        for name in Self.exports {
            let result = try workspace.run(["export", name, "--month", "2026-10", "--out", "\(name).csv"])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            exported[name] = csvRows(try String(contentsOfFile: workspace.path("\(name).csv"), encoding: .utf8))
        }

        // Then the store keeps them as text, exactly
        let stored = try workspace.read { db in
            (
                try String.fetchAll(db, sql: "SELECT place_of_service FROM encounter_line ORDER BY 1"),
                try String.fetchAll(db, sql: "SELECT procedure_code FROM encounter_line ORDER BY 1")
            )
        }
        #expect(stored.0 == ["02", "02"])
        #expect(stored.1 == ["0001U", "99213"])

        // and findings.csv has the revised rows with every cell exact
        let findings = try #require(exported["findings"])
        #expect(
            findings.first?.prefix(12) == [
                "month", "encounter_id", "service_date", "provider", "coder", "payer", "auditor", "audit_date",
                "code_type", "outcome", "submitted_code", "audited_code",
            ])
        let cpt = findings.dropFirst().first { $0.count > 11 && $0[8] == "CPT" }
        #expect(
            cpt?.prefix(12) == [
                "2026-10", "MAR1", "2026-10-05", "02139", "0450", "1E5", "AUD", "2026-11-01", "CPT", "revised",
                "0001U", "0002U",
            ], "\(findings)")
        let icd = findings.dropFirst().first { $0.count > 11 && $0[8] == "ICD10" }
        #expect(
            icd?.prefix(12) == [
                "2026-10", "MAR1", "2026-10-05", "02139", "0450", "1E5", "AUD", "2026-11-01", "ICD10", "revised",
                "E11.9", "I10",
            ], "\(findings)")

        // and error_rates.csv keys the coder, provider and payer exactly
        let keys = Set(
            (exported["error_rates"] ?? []).dropFirst().compactMap { $0.count > 2 ? $0[1] + "=" + $0[2] : nil })
        #expect(keys.isSuperset(of: ["practice=ALL", "coder=0450", "provider=02139", "payer=1E5"]), "\(keys)")

        // and coder_productivity.csv names coder 0450
        #expect((exported["coder_productivity"] ?? []).dropFirst().map { $0[1] } == ["0450"])

        // and reimbursement_variance.csv has payer 1E5 with code 0001U
        let variance = (exported["reimbursement_variance"] ?? []).dropFirst().map { [$0[1], $0[2]] }
        #expect(variance.contains(["1E5", "0001U"]), "\(variance)")
        #expect(variance.contains(["1E5", "ALL"]), "\(variance)")

        // and em_distribution.csv names provider 02139
        let providers = Set((exported["em_distribution"] ?? []).dropFirst().map { $0[1] })
        #expect(providers == ["02139"], "\(providers)")

        // and the sample worksheet pre-fills the submitted codes exactly
        let sampled = try workspace.run([
            "sample", "--month", "2026-10", "--size", "1", "--seed", "3", "--out", "w.csv",
        ])
        #expect(sampled.status == 0, "\(sampled.stderr)")
        let sheet = csvRows(try String(contentsOfFile: workspace.path("w.csv"), encoding: .utf8))
        #expect(
            Set(sheet.dropFirst().map { $0[0] + "|" + $0[2] + "|" + $0[3] + "|" + $0[4] }) == ["MAR1|02139|0450|1E5"])
        #expect(Set(sheet.dropFirst().map { $0[6] }) == ["0001U", "99213", "E11.9"], "\(sheet)")

        // and the report prints coder 0450, provider 02139 and payer 1E5 as written
        let reported = try workspace.run(["report", "--month", "2026-10", "--out", "report"])
        #expect(reported.status == 0, "\(reported.stderr)")
        let page = try String(contentsOfFile: workspace.path("report/report.html"), encoding: .utf8)
        for row in ["<tr><th scope=\"row\">0450</th>", "<tr><th scope=\"row\">02139", "<tr><th scope=\"row\">1E5</th>"]
        {
            #expect(page.contains(row), "\(row)")
        }
    }
}
