import Foundation
import TestSupport
import Testing

@testable import Analytics

/// A hand-made month of audits, for `error_rates.csv` and `findings.csv`.
///
/// October 2026: encounters E01–E13 (E13 not audited), coders alice, bob, chen
/// and dana, providers Dr Adams, Dr Baker and Dr Cole, payers Aetna and
/// Medicare; E00, on 2026-09-30, has an error that October must not count.
///
/// Rates per unit for a finding (blank modifier; the payer's own rate before `*`):
/// - 99213: Aetna 9156 (`*`), Medicare 8500 (its own)
/// - 99214: Aetna 14000 through 2026-10-15, 15000 from 2026-10-16; Medicare 13000 (`*`);
///   the `*` 99214-25 rate of 99900 is never a finding's rate
/// - 96372 2500, 36415 1000, G0439 17500 (all `*`); J1030 Medicare 1250, none for Aetna
/// - 99215: no rate at all
enum CodingAccuracyFixture {
    static let october = Month("2026-10")!

    static let encounters = [
        "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,modifiers,units,diagnosis_codes,"
            + "charge,allowed,paid",
        "E00,2026-09-30,P100,Dr Adams,alice,Aetna,99213,,1,E11.9,120.00,,",
        "E01,2026-10-01,P101,Dr Adams,alice,Aetna,99213,,1,E11.9,120.00,,",
        "E02,2026-10-02,P102,Dr Adams,alice,Medicare,99213,,1,I10,120.00,,",
        "E03,2026-10-05,P103,Dr Baker,bob,Aetna,99214,25,1,E11.9,180.00,,",
        "E04,2026-10-08,P104,Dr Baker,bob,Medicare,99214,,1,I10,180.00,,",
        "E04,2026-10-08,P104,Dr Baker,bob,Medicare,96372,,2,I10,60.00,,",
        "E05,2026-10-12,P105,Dr Cole,chen,Aetna,99215,,1,J06.9,250.00,,",
        "E06,2026-10-15,P106,Dr Adams,bob,Aetna,99214,,1,I10,180.00,,",
        "E07,2026-10-16,P107,Dr Adams,alice,Aetna,99213,,1,E11.9,120.00,,",
        "E08,2026-10-20,P108,Dr Baker,alice,Medicare,99213,,1,I10,120.00,,",
        "E08,2026-10-20,P108,Dr Baker,alice,Medicare,36415,,1,I10,15.00,,",
        "E09,2026-10-20,P109,Dr Cole,chen,Medicare,99213,,1,I10,120.00,,",
        "E10,2026-10-26,P110,Dr Baker,dana,Aetna,99213,25,1,E11.9,120.00,,",
        "E11,2026-10-29,P111,Dr Adams,chen,Medicare,J1030,,1,I10,40.00,,",
        "E12,2026-10-31,P112,Dr Cole,alice,Aetna,J1030,,1,I10,40.00,,",
        "E13,2026-10-10,P113,Dr Cole,chen,Medicare,99213,,1,I10,120.00,,",
    ]

    static let fees = [
        "payer,procedure_code,modifier,amount,effective_from,effective_to",
        "*,99213,,91.56,,",
        "Medicare,99213,,85.00,,",
        "*,99214,,130.00,,",
        "*,99214,25,999.00,,",
        "Aetna,99214,,140.00,2026-01-01,2026-10-15",
        "Aetna,99214,,150.00,2026-10-16,",
        "*,96372,,25.00,,",
        "*,36415,,10.00,,",
        "*,G0439,,175.00,,",
        "Medicare,J1030,,12.50,,",
    ]

    /// The file line of each finding is in the comment; E11 and E09 come before
    /// encounters of earlier service dates or lower ids, to show the order of findings.csv.
    static let audits = [
        "encounter_id,auditor,audit_date,code_type,submitted_code,audited_code,submitted_units,audited_units,"
            + "category,comment",
        "E00,R. Patel,2026-10-05,CPT,99213,99215,,,E/M level,",  // 2: September
        "E01,R. Patel,2026-11-02,CPT,99213,99213,,,,",  // 3
        "E01,R. Patel,2026-11-02,ICD10,E11.9,E11.9,,,,",  // 4
        "E02,R. Patel,2026-11-02,CPT,99213,99214,,,E/M level,MDM supports moderate",  // 5
        "E02,R. Patel,2026-11-02,ICD10,I10,I10,,,,",  // 6
        "E03,S. Kim,2026-11-03,CPT,99214,99213,,,E/M level,",  // 7
        "E03,S. Kim,2026-11-03,ICD10,E11.9,E11.65,,,Specificity,",  // 8
        "E03,S. Kim,2026-11-03,MOD,25,,,,Modifier,no separate E/M",  // 9
        "E04,S. Kim,2026-11-03,CPT,99214,99214,,,,",  // 10
        "E04,S. Kim,2026-11-03,CPT,96372,96372,2,1,Units,one injection",  // 11
        "E04,S. Kim,2026-11-03,ICD10,I10,I10,,,,",  // 12
        "E11,R. Patel,2026-11-04,HCPCS,J1030,J1030,1,3,Units,",  // 13
        "E05,R. Patel,2026-11-04,CPT,99215,99214,,,E/M level,",  // 14
        "E05,R. Patel,2026-11-04,ICD10,J06.9,J06.9,,,,",  // 15
        "E06,R. Patel,2026-11-04,CPT,99214,99214,,,,",  // 16
        "E06,R. Patel,2026-11-04,HCPCS,,G0439,,,Missing code,",  // 17
        "E07,S. Kim,2026-11-05,CPT,99213,99214,,,E/M level,",  // 18
        "E07,S. Kim,2026-11-05,ICD10,,E78.5,,,Missing code,",  // 19
        "E09,S. Kim,2026-11-05,ICD10,I10,I10,,,,",  // 20
        "E09,S. Kim,2026-11-05,MOD,,25,,,Modifier,",  // 21
        "E08,S. Kim,2026-11-05,CPT,99213,99213,,,,",  // 22
        "E08,S. Kim,2026-11-05,CPT,36415,,,,Unbundling,",  // 23
        "E10,R. Patel,2026-11-06,CPT,99213,99213,,,,",  // 24
        "E10,R. Patel,2026-11-06,ICD10,E11.9,E11.9,,,,",  // 25
        "E10,R. Patel,2026-11-06,MOD,25,25,,,,",  // 26
        "E12,R. Patel,2026-11-06,HCPCS,J1030,J1030,,,,",  // 27
        "E12,R. Patel,2026-11-06,ICD10,I10,I10,,,,",  // 28
    ]

    /// A workspace holding the fixture.
    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.load(.encounters, encounters)
        try workspace.load(.fees, fees)
        try workspace.load(.audits, audits)
        return workspace
    }
}

/// SPEC 5.1: coding accuracy by practice, coder, provider, payer and code type.
///
/// The 26 October findings; for each priced procedure row s = amount(submitted) and d = delta
/// (rate × units, a blank side 0); "missing" = a rate is missing, so the row is not priced:
///
///     E01  CPT   99213→99213 agree       s  9156  d 0
///     E02  CPT   99213→99214 revised     s  8500  d 13000 − 8500 = +4500
///     E03  CPT   99214→99213 revised     s 14000  d 9156 − 14000 = −4844   (Aetna 99214 through 10-15)
///     E04  CPT   99214 agree             s 13000  d 0
///     E04  CPT   96372 2→1 revised       s  5000  d 2500·1 − 2500·2 = −2500
///     E05  CPT   99215→99214 revised     missing (99215)
///     E06  CPT   99214 agree             s 14000  d 0                       (Aetna 99214 through 10-15)
///     E06  HCPCS →G0439 added            s     0  d 17500 − 0 = +17500
///     E07  CPT   99213→99214 revised     s  9156  d 15000 − 9156 = +5844    (Aetna 99214 from 10-16)
///     E08  CPT   99213 agree             s  8500  d 0
///     E08  CPT   36415→ deleted          s  1000  d 0 − 1000 = −1000
///     E10  CPT   99213 agree             s  9156  d 0
///     E11  HCPCS J1030 1→3 revised       s  1250  d 1250·3 − 1250·1 = +2500
///     E12  HCPCS J1030 agree             missing (no Aetna or * rate)
///
///     ICD10: E01 E02 E04 E05 E09 E10 E12 agree, E03 revised (E11.9→E11.65), E07 added (E78.5)
///     MOD:   E03 deleted (25), E09 added (25), E10 agree
@Suite struct ErrorRatesTests {
    /// An expected row: encounters and codes as (count, count not agree), money as (over, under, net) and the
    /// payment error rate as (numerator, denominator), nil when blank.
    static func row(
        _ dimension: ErrorRateRow.Dimension, _ key: String, encounters: (Int, Int), codes: (Int, Int),
        money: (Int64, Int64, Int64)? = nil, paymentErrorRate: (Int64, Int64)? = nil
    ) -> ErrorRateRow {
        ErrorRateRow(
            month: CodingAccuracyFixture.october, dimension: dimension, key: key, encountersAudited: encounters.0,
            encountersWithErrors: encounters.1, encounterAccuracy: Ratio(encounters.0 - encounters.1, encounters.0),
            codesReviewed: codes.0, codesInError: codes.1, codeAccuracy: Ratio(codes.0 - codes.1, codes.0),
            codeAccuracyInterval: WilsonInterval(successes: codes.0 - codes.1, trials: codes.0),
            overcodedCents: money?.0, undercodedCents: money?.1, netCents: money?.2,
            paymentErrorRate: paymentErrorRate.flatMap { Ratio($0.0, $0.1) })
    }

    static let practice = [
        // 12 audited encounters (E13 has no audit, E00 is September); all agree: E01, E10, E12 → 9 with errors.
        // 26 findings, 12 not agree. Priced: 12 procedure rows (E05 and E12's are missing a rate).
        // under = 4500 + 17500 + 5844 + 2500 = 30344; over = 4844 + 2500 + 1000 = 8344; net = 30344 − 8344 = 22000
        // Σ s = 9156 + 8500 + 14000 + 13000 + 5000 + 14000 + 0 + 9156 + 8500 + 1000 + 9156 + 1250 = 92718
        // payment error rate = (8344 + 30344) / 92718 = 38688 / 92718
        row(
            .practice, "ALL", encounters: (12, 9), codes: (26, 12), money: (8344, 30344, 22000),
            paymentErrorRate: (38688, 92718))
    ]

    static let coders = [
        // alice: E01 E02 E07 E08 E12, all agree E01 E12; 10 findings, not agree E02 CPT, E07 CPT+ICD10, E08 CPT.
        // under = 4500 + 5844 = 10344; over = 1000; net 9344; Σ s = 9156 + 8500 + 9156 + 8500 + 1000 = 36312
        row(
            .coder, "alice", encounters: (5, 3), codes: (10, 4), money: (1000, 10344, 9344),
            paymentErrorRate: (11344, 36312)),
        // bob: E03 E04 E06, none all agree; 8 findings, not agree E03 ×3, E04 96372, E06 G0439.
        // under = 17500; over = 4844 + 2500 = 7344; net 10156; Σ s = 14000 + 13000 + 5000 + 14000 + 0 = 46000
        row(
            .coder, "bob", encounters: (3, 3), codes: (8, 5), money: (7344, 17500, 10156),
            paymentErrorRate: (24844, 46000)),
        // chen: E05 E09 E11 (E13 not audited), each with an error; 5 findings, not agree E05 CPT, E09 MOD, E11.
        // Priced: E11 only: under 2500, over 0, net 2500, Σ s = 1250 → rate 2500 / 1250
        row(.coder, "chen", encounters: (3, 3), codes: (5, 3), money: (0, 2500, 2500), paymentErrorRate: (2500, 1250)),
        // dana: E10, all agree; priced rows that sum to zero: 0, 0, 0, rate 0 / 9156
        row(.coder, "dana", encounters: (1, 0), codes: (3, 0), money: (0, 0, 0), paymentErrorRate: (0, 9156)),
    ]

    static let providers = [
        // Dr Adams: E01 E02 E06 E07 E11, all agree E01; 9 findings, not agree E02 CPT, E06 G0439, E07 ×2, E11.
        // under = 4500 + 17500 + 5844 + 2500 = 30344; over 0; Σ s = 9156 + 8500 + 14000 + 0 + 9156 + 1250 = 42062
        row(
            .provider, "Dr Adams", encounters: (5, 4), codes: (9, 5), money: (0, 30344, 30344),
            paymentErrorRate: (30344, 42062)),
        // Dr Baker: E03 E04 E08 E10, all agree E10; 11 findings, not agree E03 ×3, E04 96372, E08 36415.
        // over = 4844 + 2500 + 1000 = 8344; under 0; net −8344;
        // Σ s = 14000 + 13000 + 5000 + 8500 + 1000 + 9156 = 50656
        row(
            .provider, "Dr Baker", encounters: (4, 3), codes: (11, 5), money: (8344, 0, -8344),
            paymentErrorRate: (8344, 50656)),
        // Dr Cole: E05 E09 E12, all agree E12; 6 findings, not agree E05 CPT, E09 MOD.
        // No priced procedure row (99215 and Aetna J1030 have no rate): money blank
        row(.provider, "Dr Cole", encounters: (3, 2), codes: (6, 2)),
    ]

    static let payers = [
        // Aetna: E01 E03 E05 E06 E07 E10 E12, all agree E01 E10 E12; 16 findings, 7 not agree.
        // under = 17500 + 5844 = 23344; over = 4844; net 18500;
        // Σ s = 9156 + 14000 + 14000 + 0 + 9156 + 9156 = 55468; rate (4844 + 23344) / 55468
        row(
            .payer, "Aetna", encounters: (7, 4), codes: (16, 7), money: (4844, 23344, 18500),
            paymentErrorRate: (28188, 55468)),
        // Medicare: E02 E04 E08 E09 E11, each with an error; 10 findings, 5 not agree.
        // under = 4500 + 2500 = 7000; over = 2500 + 1000 = 3500; net 3500;
        // Σ s = 8500 + 13000 + 5000 + 8500 + 1000 + 1250 = 37250; rate (3500 + 7000) / 37250
        row(
            .payer, "Medicare", encounters: (5, 5), codes: (10, 5), money: (3500, 7000, 3500),
            paymentErrorRate: (10500, 37250)),
    ]

    static let codeTypes = [
        // CPT: 11 rows in E01–E08 and E10, not agree E02 E03 E04(96372) E05 E07 E08(36415); E06 agrees on its
        // CPT row alone → all agree E01 E06 E10. under = 4500 + 5844 = 10344; over = 4844 + 2500 + 1000 = 8344;
        // net 2000; Σ s = 92718 − 0 (G0439) − 1250 (J1030) = 91468
        row(
            .codeType, "CPT", encounters: (9, 6), codes: (11, 6), money: (8344, 10344, 2000),
            paymentErrorRate: (18688, 91468)),
        // HCPCS: E06 G0439 added, E11 J1030 revised, E12 J1030 agree (missing rate, not priced).
        // under = 17500 + 2500 = 20000; over 0; Σ s = 0 + 1250
        row(
            .codeType, "HCPCS", encounters: (3, 2), codes: (3, 2), money: (0, 20000, 20000),
            paymentErrorRate: (20000, 1250)),
        // ICD10: 9 rows in E01–E05, E07, E09, E10, E12; not agree E03 (E11.65) and E07 (E78.5 added); money blank
        row(.codeType, "ICD10", encounters: (9, 2), codes: (9, 2)),
        // MOD: E03 deleted, E09 added, E10 agree; money blank
        row(.codeType, "MOD", encounters: (3, 2), codes: (3, 2)),
    ]

    @Test func everyRowOfTheMonthIsComputedExactly() throws {
        // Given the fixture
        let workspace = try CodingAccuracyFixture.workspace()
        // When the accuracy of October is computed
        let rows = try workspace.analytics.errorRates(for: CodingAccuracyFixture.october)
        // Then there is the practice row, the coders, providers and payers by key, then the code types in order,
        // each with the hand-computed figures
        #expect(
            rows.map { "\($0.dimension.rawValue) \($0.key)" } == [
                "practice ALL", "coder alice", "coder bob", "coder chen", "coder dana", "provider Dr Adams",
                "provider Dr Baker", "provider Dr Cole", "payer Aetna", "payer Medicare", "code_type CPT",
                "code_type HCPCS", "code_type ICD10", "code_type MOD",
            ])
        let expected = Self.practice + Self.coders + Self.providers + Self.payers + Self.codeTypes
        for (row, expected) in zip(rows, expected) {
            #expect(row == expected, "\(expected.dimension) \(expected.key)")
        }
    }

    @Test func practiceRatesAreWrittenWithFourDecimals() throws {
        // Given the fixture
        let workspace = try CodingAccuracyFixture.workspace()
        // When the practice row of October is computed
        let practice = try #require(try workspace.analytics.errorRates(for: CodingAccuracyFixture.october).first)
        // Then encounter accuracy = 3 / 12 = 0.25, code accuracy = 14 / 26 = 0.538461…, payment error rate
        // = 38688 / 92718 = 0.417265…, and the interval is Wilson's for 14 of 26 (computed apart: 0.3546–0.7124)
        #expect(practice.encounterAccuracy?.formatted(decimals: 4) == "0.2500")
        #expect(practice.codeAccuracy?.formatted(decimals: 4) == "0.5385")
        #expect(practice.paymentErrorRate?.formatted(decimals: 4) == "0.4173")
        let interval = try #require(practice.codeAccuracyInterval)
        #expect(String(format: "%.4f", interval.low) == "0.3546")
        #expect(String(format: "%.4f", interval.high) == "0.7124")
    }

    @Test(arguments: [(0, 10, "0.0000", "0.2775"), (10, 10, "0.7225", "1.0000"), (81, 263, "0.2553", "0.3662")])
    func wilsonIntervalMatchesIndependentValues(successes: Int, trials: Int, low: String, high: String) throws {
        // Given a count of successes out of trials
        // When its 95% Wilson interval is computed
        let interval = try #require(WilsonInterval(successes: successes, trials: trials))
        // Then both ends agree to 4 decimals with values computed independently
        #expect(String(format: "%.4f", interval.low) == low)
        #expect(String(format: "%.4f", interval.high) == high)
    }

    @Test func previousMonthCountsOnlyItsOwnEncounter() throws {
        // Given the fixture, whose September holds E00 alone: CPT 99213 → 99215, revised, 99215 without a rate
        let workspace = try CodingAccuracyFixture.workspace()
        // When the accuracy of September is computed
        let rows = try workspace.analytics.errorRates(for: Month("2026-09")!)
        // Then each row counts one encounter with one error, and no money (the finding is not priced)
        #expect(
            rows.map { "\($0.dimension.rawValue) \($0.key)" } == [
                "practice ALL", "coder alice", "provider Dr Adams", "payer Aetna", "code_type CPT",
            ])
        #expect(rows.allSatisfy { $0.encountersAudited == 1 && $0.encountersWithErrors == 1 && $0.codesInError == 1 })
        #expect(rows.allSatisfy { $0.overcodedCents == nil && $0.paymentErrorRate == nil })
    }

    @Test func monthWithoutAuditsHasNoRows() throws {
        // Given the fixture, with nothing in November
        let workspace = try CodingAccuracyFixture.workspace()
        // When the accuracy of November is computed
        // Then there is no row
        #expect(try workspace.analytics.errorRates(for: Month("2026-11")!) == [])
    }
}
