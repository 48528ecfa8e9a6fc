import GRDB
import TestSupport
import Testing

@testable import Analytics

/// A period's encounters, lines, findings and diagnoses are the same whether
/// the tables are scanned (all of them, or the stretch holding the period) or
/// read through the date indexes, and each way is taken where it is cheapest.
@Suite struct ServicePeriodTests {
    /// Encounters serviced in August (coded in August), September (coded in October),
    /// October (coded in October, and one coded in November) and November.
    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,units,"
                    + "diagnosis_codes,allowed,coded_at,coding_minutes",
                "AUG,2026-08-20,P1,Dr A,alice,Aetna,99213,,1,I10,80.00,2026-08-21,",
                "SEP,2026-09-28,P2,Dr A,alice,Aetna,99214,25,1,I10;E11.9,90.00,2026-10-02 09:30:00,12",
                "SEP,2026-09-28,P2,Dr A,alice,Aetna,36415,,2,I10;E11.9,3.00,2026-10-02 09:30:00,12",
                "OCT,2026-10-05,P3,Dr B,bob,Medicare,99213,,1,E11.9;I10;J20.9,70.00,2026-10-06,",
                "LATE,2026-10-30,P4,Dr B,bob,Medicare,99214,,1,I10,,2026-11-03,8",
                "NOV,2026-11-02,P5,Dr B,chen,Medicare,99212,,1,I10,40.00,,",
            ])
        try workspace.load(
            .audits,
            [
                // SEP's finding lies between those of October's encounters, in row ids too.
                "encounter_id,auditor,audit_date,submitted_code,audited_code", "OCT,AUD,2026-11-01,99213,99213",
                "SEP,AUD,2026-11-01,99214,99213", "LATE,AUD,2026-11-05,99214,99214", "AUG,AUD,2026-11-01,99213,99213",
            ])
        return workspace
    }

    /// Everything the period's passes hand over, as text.
    static func contents(
        _ db: Database, access: ServicePeriod.Access, worked: Bool = true, smallTablesWhole: Bool = true
    ) throws -> [String] {
        let october = Month(year: 2026, month: 10)
        let period = try ServicePeriod(
            db, months: october...october, worked: worked, detailMonth: 0, access: access,
            readsSmallTablesWhole: smallTablesWhole)
        #expect(period.access == access)
        func name(_ encounter: ServicePeriod.Encounter) -> String {
            "\(period.serviceDate(of: encounter)) month \(encounter.monthIndex) work \(encounter.workMonthIndex) "
                + "\(period.coders.strings[encounter.coder]) turnaround \(encounter.turnaroundDays.map(String.init) ?? "-")"
        }
        var contents = period.encounters.map(name).sorted()
        var lines: [String] = []
        try period.forEachLine(db) { encounter, line in
            lines.append(
                "\(name(encounter)) line \(line.sourceLine) \(period.codes.strings[line.code]) \(line.modifiers) "
                    + "×\(line.units) allowed \(line.allowedCents.map(String.init) ?? "-")")
        }
        var findings: [String] = []
        try period.forEachFinding(db) { encounter, finding in
            findings.append("\(name(encounter)) \(finding.outcome) \(finding.submitted.code ?? "-")")
        }
        var diagnoses: [String] = []
        try period.forEachDiagnosis(ofMonth: 0, db) { encounter, position, code in
            diagnoses.append("\(name(encounter)) \(position) \(code ?? "counted")")
        }
        contents += lines.sorted() + findings.sorted() + diagnoses.sorted()
        let detail = MonthDetailBuilder(period: period).detail()
        contents += detail.encounters.map { "detail \($0.externalID) \($0.patient.count)" }
        return contents
    }

    @Test func scanningAndSeekingReadTheSameRows() throws {
        // Given encounters serviced or worked in October, and others
        let workspace = try Self.workspace()
        // When October is read each way: scanning OCT and LATE's rows (3 and 4), SEP (row 2, serviced in
        // September and coded in October) is found through the work-day index; through the indexes, the
        // lines and findings (at most four rows per encounter of the period) looked up or read whole
        let (scanned, stretch, sought, whole) = try workspace.database.read { db in
            (
                try Self.contents(db, access: .scanningAll), try Self.contents(db, access: .scanning(3...4)),
                try Self.contents(db, access: .throughIndexes, smallTablesWhole: false),
                try Self.contents(db, access: .throughIndexes)
            )
        }
        // Then all give the same rows
        #expect(scanned == sought && stretch == sought && whole == sought)
        // And those are September's encounter coded in October, October's two, not August's or November's
        #expect(
            Array(scanned.prefix(3)) == [
                "2026-09-28 month -1 work 0 alice turnaround 4", "2026-10-05 month 0 work 0 bob turnaround 1",
                "2026-10-30 month 0 work 1 bob turnaround 4",
            ])
        #expect(scanned.count == 3 + 4 + 3 + 6 + 2)
        // And only October's own encounters have their diagnosis codes and details read
        #expect(scanned.contains("2026-10-05 month 0 work 0 bob turnaround 1 1 I10"))
        #expect(scanned.contains("2026-09-28 month -1 work 0 alice turnaround 4 1 counted"))
        #expect(scanned.suffix(2) == ["detail OCT 64", "detail LATE 64"])
    }

    @Test func withoutTheEncountersWorkedInItEachWayReadsTheSameRows() throws {
        // Given encounters serviced or worked in October, and others
        let workspace = try Self.workspace()
        // When October's encounters by service date alone are read each way
        let (scanned, stretch, sought, whole) = try workspace.database.read { db in
            (
                try Self.contents(db, access: .scanningAll, worked: false),
                try Self.contents(db, access: .scanning(3...4), worked: false),
                try Self.contents(db, access: .throughIndexes, worked: false, smallTablesWhole: false),
                try Self.contents(db, access: .throughIndexes, worked: false)
            )
        }
        // Then all give the same rows: OCT and LATE with their 2 lines, 2 findings and 4 diagnoses
        #expect(scanned == sought && stretch == sought && whole == sought)
        #expect(scanned.count == 2 + 2 + 2 + 4 + 2)
        #expect(!scanned.contains { $0.hasPrefix("2026-09-28") })
    }

    @Test func rowsAreSortedOnlyWhenOutOfOrder() {
        // Rows by their first number: in order they stay as they are (ties kept in place), out of
        // order they are sorted
        let inOrder = [(1, "a"), (2, "b"), (2, "c"), (5, "d")]
        #expect(inOrder.sortedUnlessInOrder { $0.0 < $1.0 }.map(\.1) == ["a", "b", "c", "d"])
        let outOfOrder = [(3, "a"), (1, "b"), (2, "c"), (1, "d")]
        #expect(outOfOrder.sortedUnlessInOrder { $0.0 < $1.0 }.map(\.1) == ["b", "d", "c", "a"])
        #expect([Int]().sortedUnlessInOrder(by: <).isEmpty)
    }

    @Test func aPeriodIsScannedWhenItIsMuchOfTheStoreOrLiesTogetherInIt() throws {
        // Given a store of four months imported one after the other, 12 encounters each
        let workspace = try TestWorkspace()
        for month in 7...10 {
            try workspace.load(
                .encounters,
                ["encounter_id,service_date,patient_id,provider,payer,procedure_code,units,diagnosis_codes"]
                    + (1...12).map {
                        "M\(month)-\($0),2026-\(String(format: "%02d", month))-\($0 + 10),P\($0),Dr A,Aetna,99213,1,I10"
                    })
        }
        // When periods are read
        let access = { (months: ClosedRange<Month>) in
            try workspace.database.read { try ServicePeriod($0, months: months, worked: false).access }
        }
        let (july, october) = (Month(year: 2026, month: 7), Month(year: 2026, month: 10))
        // Then two months of four are half the store: scanned whole
        #expect(try access(october.advanced(by: -1)...october) == .scanningAll)
        // And one month, a quarter, lies in 12 rows together: those rows are scanned
        #expect(try access(october...october) == .scanning(37...48))
        #expect(try access(july...july) == .scanning(1...12))
        // And a month with no encounter is read through the indexes (it reads nothing)
        #expect(try access(october.next...october.next) == .throughIndexes)
    }

    @Test func aPeriodScatteredThroughTheStoreIsReadThroughTheIndexes() throws {
        // Given encounters of four months imported in one file, the months taking turns
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            ["encounter_id,service_date,patient_id,provider,payer,procedure_code,units,diagnosis_codes"]
                + (0..<48).map { "E\($0),2026-\(String(format: "%02d", 7 + $0 % 4))-11,P\($0),Dr A,Aetna,99213,1,I10" })
        // When one month (every fourth row) is read
        let october = Month(year: 2026, month: 10)
        let access = try workspace.database.read { try ServicePeriod($0, months: october...october).access }
        // Then its 12 rows spread over 45: through the indexes
        #expect(access == .throughIndexes)
    }
}
