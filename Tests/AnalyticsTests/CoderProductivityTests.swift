import Ingest
import TestSupport
import Testing

@testable import Analytics

/// SPEC 5.3: coder productivity for the month work was done.
@Suite struct CoderProductivityTests {
    static let october = Month(year: 2026, month: 10)
    static let november = Month(year: 2026, month: 11)

    /// ALICE has hours rows; BOB only coding minutes; CAROL neither; DAVE's one
    /// encounter was served in October but coded in November. E-A3 and E-B1
    /// were served in September and coded in October.
    static func fixture() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,units,"
                    + "diagnosis_codes,coded_at,coding_minutes",
                "E-A1,2026-10-01,P01,DR-ADAMS,ALICE,ACME,99213,25,1,E11.9;I10,2026-10-02T09:15:00,12",
                "E-A1,2026-10-01,P01,DR-ADAMS,ALICE,ACME,36415,,2,E11.9,2026-10-02T09:15:00,12",
                "E-A2,2026-10-05,P02,DR-ADAMS,ALICE,ACME,99214,,1,I10,2026-10-08,",
                "E-A3,2026-09-28,P03,DR-BAKER,ALICE,ACME,20610,RT;59,1,J06.9,2026-10-06 14:30,",
                "E-A4,2026-10-10,P04,DR-BAKER,ALICE,ACME,99215,,1,E11.9;I10;J06.9,2026-10-20T23:30:00-05:00,",
                "E-A4,2026-10-10,P04,DR-BAKER,ALICE,ACME,93000,,1,,,",
                "E-B1,2026-09-29,P05,DR-ADAMS,BOB,ACME,99203,,1,J06.9,2026-10-01T10:00:00,12.5",
                "E-B2,2026-10-02,P06,DR-ADAMS,BOB,ACME,99213,,1,J06.9,2026-10-02T16:40:00,20",
                "E-B2,2026-10-02,P06,DR-ADAMS,BOB,ACME,87880,QW,1,J06.9,2026-10-02T16:40:00,20",
                "E-B3,2026-10-03,P07,DR-BAKER,BOB,ACME,99212,,1,I10,2026-10-09 11:05,7.25",
                "E-C1,2026-10-12,P08,DR-BAKER,CAROL,ACME,99214,25,1,E11.9;I10,,",
                "E-C1,2026-10-12,P08,DR-BAKER,CAROL,ACME,96372,59,1,,,",
                "E-C2,2026-10-14,P09,DR-BAKER,CAROL,ACME,99213,,1,Z00.00,2026-10-14,",
                "E-D1,2026-10-28,P10,DR-ADAMS,DAVE,ACME,99213,,1,I10,2026-11-03T09:00:00,30",
            ])
        try workspace.load(
            .hours,
            [
                "coder,work_date,hours",
                "ALICE,2026-09-30,8",
                "ALICE,2026-10-01,7.5",
                "ALICE,2026-10-02,7.25",
                "ALICE,2026-11-02,8",
                "DAVE,2026-10-30,6",
            ])
        try workspace.load(
            .audits,
            [
                "encounter_id,auditor,audit_date,submitted_code,audited_code",
                "E-A1,KIM,2026-11-10,99213,99214",
                "E-A1,KIM,2026-11-10,36415,36415",
                "E-A1,KIM,2026-11-10,E11.9,E11.9",
                "E-A1,KIM,2026-11-10,I10,I10",
                "E-A3,KIM,2026-11-10,20610,20610",
                "E-A3,KIM,2026-11-10,J06.9,",
                "E-A3,KIM,2026-11-10,,I10",
                "E-B1,KIM,2026-11-10,99203,99203",
                "E-B1,KIM,2026-11-10,J06.9,J06.9",
                "E-D1,KIM,2026-11-10,99213,99214",
            ])
        return workspace
    }

    @Test func octoberHasOneRowPerCoderWithItsFigures() throws {
        // Given the fixture
        let workspace = try Self.fixture()
        // When October's productivity is computed
        let rows = try workspace.analytics.coderProductivity(for: Self.october)
        // Then ALICE, BOB and CAROL each have a row, in coder order; DAVE's only
        // encounter was coded in November, so he has none
        #expect(rows.map(\.coder) == ["ALICE", "BOB", "CAROL"])
        // ALICE: E-A1..E-A4 (E-A3 served 09-28, coded 10-06: counts in October).
        //   lines 2 + 1 + 1 + 2 = 6; modifiers 1 (A1: 25) + 2 (A3: RT, 59) = 3;
        //   diagnoses 2 + 1 + 1 + 3 = 7; codes 6 + 3 + 7 = 16.
        //   hours: October rows only, 7.50 + 7.25 = 1475 hundredths (her coding minutes are ignored);
        //   per hour 4 / 14.75 = 400/1475 ≈ 0.27.
        //   turnarounds: A1 10-01→10-02 = 1, A2 10-05→10-08 = 3, A3 09-28→10-06 = 8,
        //   A4 10-10→10-20 = 10 (the date as written, zone ignored); even count:
        //   median (3 + 8) / 2 = 11/2, p90 rank ⌈0.9·4⌉ = 4 → 10.
        //   audits: A1 (4 rows, 3 agree) and A3 (3 rows, 1 agree): 2 encounters, 4/7.
        #expect(
            rows.first
                == CoderProductivityRow(
                    month: Self.october, coder: "ALICE", encountersCoded: 4, linesCoded: 6, codesAssigned: 16,
                    hours: Ratio(1475, 100), encountersPerHour: Ratio(400, 1475), medianTurnaroundDays: Ratio(11, 2),
                    p90TurnaroundDays: 10, encountersAudited: 2, codeAccuracy: Ratio(4, 7)))
        // BOB: E-B1 (served 09-29, coded 10-01), E-B2, E-B3.
        //   lines 1 + 2 + 1 = 4; modifiers 1 (QW); diagnoses 1 + 1 + 1 = 3 (E-B2's two
        //   lines repeat J06.9: one code); codes 4 + 1 + 3 = 8.
        //   hours: no hours rows, so minutes 12.5 + 20 (once, not per line) + 7.25 = 39.75
        //   = 39750 thousandths / 60000 = 0.6625 h; per hour 3 · 60000 / 39750 ≈ 4.53.
        //   turnarounds: B1 2, B2 0, B3 10-03→10-09 = 6; odd count: sorted 0, 2, 6,
        //   median 2, p90 rank ⌈0.9·3⌉ = 3 → 6.
        //   audits: B1, 2 rows both agree: 1 encounter, 2/2.
        #expect(
            rows.dropFirst().first
                == CoderProductivityRow(
                    month: Self.october, coder: "BOB", encountersCoded: 3, linesCoded: 4, codesAssigned: 8,
                    hours: Ratio(39_750, 60_000), encountersPerHour: Ratio(180_000, 39_750),
                    medianTurnaroundDays: Ratio(2, 1), p90TurnaroundDays: 6, encountersAudited: 1,
                    codeAccuracy: Ratio(2, 2)))
        // CAROL: E-C1 (no coded_at: its service date puts it in October), E-C2.
        //   lines 2 + 1 = 3; modifiers 25, 59 = 2; diagnoses 2 + 1 = 3; codes 8.
        //   no hours rows and no minutes: hours and rate blank.
        //   turnarounds: E-C2 only, 0 days: median 0, p90 0. No audits: 0 and blank.
        #expect(
            rows.last
                == CoderProductivityRow(
                    month: Self.october, coder: "CAROL", encountersCoded: 2, linesCoded: 3, codesAssigned: 8,
                    hours: nil, encountersPerHour: nil, medianTurnaroundDays: Ratio(0, 1), p90TurnaroundDays: 0,
                    encountersAudited: 0, codeAccuracy: nil))
        // And as written: hours and rate with 2 decimals, turnaround with 1
        #expect(rows.map { $0.hours?.formatted(decimals: 2) } == ["14.75", "0.66", nil])
        #expect(rows.map { $0.encountersPerHour?.formatted(decimals: 2) } == ["0.27", "4.53", nil])
        #expect(rows.map { $0.medianTurnaroundDays?.formatted(decimals: 1) } == ["5.5", "2.0", "0.0"])
    }

    @Test func hoursRowsOfAnotherMonthDoNotCount() throws {
        // Given the fixture: DAVE's hours row is dated 10-30, his encounter coded 11-03
        let workspace = try Self.fixture()
        // When November's productivity is computed
        let rows = try workspace.analytics.coderProductivity(for: Self.november)
        // Then DAVE alone has a row; with no hours rows in November his hours are
        // his coding minutes, 30 / 60 = 30000/60000; per hour 1 · 60000 / 30000 = 2.
        //   turnaround 10-28→11-03 = 6 days; E-D1's one finding is revised: 0/1.
        // ALICE's 11-02 hours row gives her no row: she coded nothing in November.
        #expect(
            rows == [
                CoderProductivityRow(
                    month: Self.november, coder: "DAVE", encountersCoded: 1, linesCoded: 1, codesAssigned: 2,
                    hours: Ratio(30_000, 60_000), encountersPerHour: Ratio(60_000, 30_000),
                    medianTurnaroundDays: Ratio(6, 1), p90TurnaroundDays: 6, encountersAudited: 1,
                    codeAccuracy: Ratio(0, 1))
            ])
    }

    @Test func aMonthWithNoWorkHasNoRows() throws {
        // Given the fixture, whose September has services and hours but no coding,
        // and an empty store
        let workspace = try Self.fixture()
        let empty = try TestWorkspace()
        // When September's productivity is computed on each
        // Then there are no rows
        #expect(try workspace.analytics.coderProductivity(for: Month(year: 2026, month: 9)).isEmpty)
        #expect(try empty.analytics.coderProductivity(for: Self.october).isEmpty)
    }

    @Test func p90IsTheNearestRankAndTheMedianAveragesTheMiddleTwo() {
        // Given sorted turnarounds of 1, 10 and 11 encounters
        let ten: [Int64] = Array(1...10)
        let eleven: [Int64] = Array(1...11)
        // Then p90 is the ⌈0.9·n⌉-th smallest: rank 1, rank 9 and rank 10
        #expect(TurnaroundDays.p90([4]) == 4)
        #expect(TurnaroundDays.p90(ten) == 9)
        #expect(TurnaroundDays.p90(eleven) == 10)
        #expect(TurnaroundDays.p90([]) == nil)
        // And the median is the middle value, or the middle two's average: (5 + 6) / 2
        #expect(TurnaroundDays.median(ten) == Ratio(11, 2))
        #expect(TurnaroundDays.median(eleven) == Ratio(6, 1))
        #expect(TurnaroundDays.median([]) == nil)
    }
}
