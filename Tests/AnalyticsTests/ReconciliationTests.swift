import Foundation
import GRDB
import Ingest
import Store
import TestSupport
import Testing

@testable import Analytics

/// SPEC 9: remittances matched to encounter lines, and the figures of
/// `payments.csv`, `denials.csv` and 5.4's variance, worked out by hand.
@Suite struct ReconciliationTests {
    static let october = Month("2026-10")!

    /// October's encounters of two payers; E3's export still shows the allowed
    /// amount of a payment the payer later reversed.
    static let encounters = [
        "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,units,diagnosis_codes,charge,allowed,paid",
        "E1,2026-10-01,P1,Dr Adams,alice,Aetna,99214,1,E11.9,200.00,,",
        "E1,2026-10-01,P1,Dr Adams,alice,Aetna,36415,1,E11.9,20.00,,",
        "E2,2026-10-02,P2,Dr Adams,alice,Aetna,99213,1,I10,150.00,,",
        "E5,2026-10-05,P5,Dr Adams,alice,Aetna,99213,1,I10,150.00,,",
        "E3,2026-10-03,P3,Dr Baker,bob,Medicare,99215,1,I10,300.00,250.00,200.00",
        "E4,2026-10-04,P4,Dr Baker,bob,Medicare,97110,1,M54.50,40.00,,",
        "E4,2026-10-04,P4,Dr Baker,bob,Medicare,97110,1,M54.50,45.00,,",
        "E6,2026-10-06,P6,Dr Baker,bob,Medicare,99213,1,I10,150.00,,",
    ]

    /// Aetna, paid 2026-10-15: E1 with deductible and coinsurance and a denied
    /// venipuncture; E2 recoded by the payer from 99213 to 99212 (SVC06).
    static let aetna = Remittance835.file(
        payer: "AETNA", payerID: "60054", trace: "A-1", paidOn: "20261015",
        claims: [
            [
                "CLP*E1*1*220*100*50*12*AET1", "NM1*QC*1*PROBE*PATIENT", "DTM*232*20261001",
                "SVC*HC:99214*200*100**1", "DTM*472*20261001", "CAS*CO*45*50", "CAS*PR*1*30**2*20", "AMT*B6*150",
                "SVC*HC:36415*20*0**1", "DTM*472*20261001", "CAS*CO*97*20",
            ],
            [
                "CLP*E2*1*150*60*0*12*AET2", "DTM*232*20261002", "SVC*HC:99212*150*60**1*HC:99213",
                "DTM*472*20261002", "CAS*CO*45*90",
            ],
        ])

    /// Medicare, paid 2026-10-20: E3; E4's two 97110 lines in the other order
    /// (charge tells them apart), the second denied; a claim for an encounter
    /// that is in no export.
    static let medicare = Remittance835.file(
        payer: "MEDICARE PART B", payerID: "MCR01", trace: "M-1", paidOn: "20261020",
        claims: [
            [
                "CLP*E3*1*300*200*50*MB*MCR3", "DTM*232*20261003", "SVC*HC:99215*300*200**1", "DTM*472*20261003",
                "CAS*CO*45*50", "CAS*PR*2*50", "AMT*B6*250",
            ],
            [
                "CLP*E4*1*85*30*5*MB*MCR4", "DTM*232*20261004", "SVC*HC:97110*45*30**1", "DTM*472*20261004",
                "CAS*CO*45*10", "CAS*PR*2*5", "AMT*B6*35", "SVC*HC:97110*40*0**1", "DTM*472*20261004", "CAS*CO*50*40",
            ],
            ["CLP*UNKNOWN-9*1*50*50*0*MB*MCR9", "DTM*232*20261005", "SVC*HC:99211*50*50**1", "DTM*472*20261005"],
        ])

    /// Medicare, paid 2026-10-27: E3 reversed and paid again for less; E6.
    static let medicareCorrection = Remittance835.file(
        payer: "MEDICARE PART B", payerID: "MCR01", trace: "M-2", paidOn: "20261027",
        claims: [
            [
                "CLP*E3*22*-300*-200*-50*MB*MCR3", "DTM*232*20261003", "SVC*HC:99215*-300*-200**-1",
                "DTM*472*20261003", "CAS*CO*45*-50", "CAS*PR*2*-50", "AMT*B6*-250",
            ],
            [
                "CLP*E3*1*300*180*45*MB*MCR3B", "DTM*232*20261003", "SVC*HC:99215*300*180**1", "DTM*472*20261003",
                "CAS*CO*45*75", "CAS*PR*2*45", "AMT*B6*225",
            ],
            [
                "CLP*E6*1*150*100*20*MB*MCR6", "DTM*232*20261006", "SVC*HC:99213*150*100**1", "DTM*472*20261006",
                "CAS*CO*45*30", "CAS*PR*2*20", "AMT*B6*120",
            ],
        ])

    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.load(.encounters, encounters)
        try workspace.load(.fees, ["payer,procedure_code,amount", "Medicare,99215,240.00"])
        for file in [aetna, medicare, medicareCorrection] {
            try workspace.load(.remittances, [file])
        }
        return workspace
    }

    @Test func paymentsAddUpPerPayerWithUnmatchedClaimsOnTheirOwnRow() throws {
        // Given the fixture
        let workspace = try Self.workspace()
        // When October's payments are computed
        let rows = try workspace.analytics.payments(for: Self.october)
        // Then each payer's figures are the hand-worked ones (payers in code-point order, as every export sorts them)
        #expect(
            rows == [
                PaymentRow(
                    month: Self.october, payer: "Aetna", lines: 4, remittedLines: 3, chargeCents: 52_000,
                    allowedCents: 21_000, paidCents: 16_000, patientResponsibilityCents: 5_000, deniedLines: 1,
                    denialRate: Ratio(1, 3), deniedChargeCents: 2_000, medianDaysToPayment: Ratio(14, 1),
                    p90DaysToPayment: 14, unmatchedClaims: 0),
                PaymentRow(
                    month: Self.october, payer: "MEDICARE PART B", lines: 0, remittedLines: 0, chargeCents: nil,
                    allowedCents: nil, paidCents: nil, patientResponsibilityCents: nil, deniedLines: 0,
                    denialRate: nil, deniedChargeCents: nil, medianDaysToPayment: nil, p90DaysToPayment: nil,
                    unmatchedClaims: 1),
                PaymentRow(
                    month: Self.october, payer: "Medicare", lines: 4, remittedLines: 4, chargeCents: 53_500,
                    allowedCents: 38_000, paidCents: 31_000, patientResponsibilityCents: 7_000, deniedLines: 1,
                    denialRate: Ratio(1, 4), deniedChargeCents: 4_000, medianDaysToPayment: Ratio(33, 2),
                    p90DaysToPayment: 21, unmatchedClaims: 0),
                PaymentRow(
                    month: Self.october, payer: "ALL", lines: 8, remittedLines: 7, chargeCents: 105_500,
                    allowedCents: 59_000, paidCents: 47_000, patientResponsibilityCents: 12_000, deniedLines: 2,
                    denialRate: Ratio(2, 7), deniedChargeCents: 6_000, medianDaysToPayment: Ratio(16, 1),
                    p90DaysToPayment: 21, unmatchedClaims: 1),
            ])
    }

    @Test func denialsNameTheGroupAndReasonOfTheLargestAdjustment() throws {
        // Given the fixture
        let workspace = try Self.workspace()
        // When October's denials are listed
        let rows = try workspace.analytics.denials(for: Self.october)
        // Then the venipuncture bundled by Aetna and the second 97110 Medicare found not necessary are there
        #expect(
            rows == [
                DenialRow(
                    month: Self.october, payer: "Aetna", reason: "CO-97", deniedLines: 1, deniedClaims: 1,
                    deniedChargeCents: 2_000, shareOfDenied: Ratio(1, 1)),
                DenialRow(
                    month: Self.october, payer: "Medicare", reason: "CO-50", deniedLines: 1, deniedClaims: 1,
                    deniedChargeCents: 4_000, shareOfDenied: Ratio(1, 1)),
            ])
    }

    @Test func varianceUsesTheRemittedAllowedAfterAReversalAndCorrection() throws {
        // Given E3 whose export says allowed 250.00 but whose payments net to 225.00, against a 240.00 rate
        let workspace = try Self.workspace()
        // When October's variance is computed
        let rows = try workspace.analytics.reimbursementVariance(for: Self.october)
        // Then Medicare's 99215 is underpaid by 15.00, by the remitted figures
        let row = try #require(rows.first { $0.payer == "Medicare" && $0.procedureCode == "99215" })
        #expect(row.allowedCents == 22_500 && row.paidCents == 18_000 && row.expectedCents == 24_000)
        #expect(row.varianceCents == -1_500 && row.underpaidLines == 1)
    }

    @Test func aClaimMatchesItsEncounterWhateverTheLetterCaseAndSurroundingSpaces() throws {
        // Given encounter AB-7 and a claim whose CLP01 is " ab-7 "
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,payer,procedure_code,units,diagnosis_codes,charge",
                "AB-7,2026-10-07,P7,Dr Adams,Aetna,99213,1,I10,150.00",
            ])
        try workspace.load(
            .remittances,
            [
                Remittance835.file(
                    payer: "AETNA", payerID: "60054", trace: "A-7", paidOn: "20261017",
                    claims: [["CLP* ab-7 *1*150*90*0*12*AET7", "SVC*HC:99213*150*90**1", "DTM*472*20261007"]])
            ])
        // When October's payments are computed
        let aetna = try #require(try workspace.analytics.payments(for: Self.october).first)
        // Then the line is remitted and nothing is unmatched
        #expect(aetna.payer == "Aetna" && aetna.remittedLines == 1 && aetna.paidCents == 9_000)
        #expect(aetna.unmatchedClaims == 0 && aetna.medianDaysToPayment == Ratio(10, 1))
    }

    @Test func aClaimBelongsToOneEncounterWhenTwoIdsDifferOnlyInLetterCase() throws {
        // Given encounters ab-7 (stored first) and AB-7, alike but for the letter case of their ids; a claim
        // written AB-7 and one written Ab-7, each with a patient responsibility
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,payer,procedure_code,units,diagnosis_codes,charge",
                "ab-7,2026-10-07,P7,Dr Adams,Aetna,99213,1,I10,150.00",
                "AB-7,2026-10-07,P8,Dr Adams,Aetna,99213,1,I10,150.00",
            ])
        try workspace.load(
            .remittances,
            [
                Remittance835.file(
                    payer: "AETNA", payerID: "60054", trace: "A-8", paidOn: "20261017",
                    claims: [
                        ["CLP*AB-7*1*150*90*10*12*AET8", "SVC*HC:99213*150*90**1", "DTM*472*20261007", "CAS*PR*2*10"],
                        ["CLP*Ab-7*1*150*80*20*12*AET9", "SVC*HC:99213*150*80**1", "DTM*472*20261007", "CAS*PR*2*20"],
                    ])
            ])
        // When the month is reconciled
        let (remitted, ids) = try workspace.database.read { db in
            (
                try Reconciliation(db, month: Self.october).lines,
                try Dictionary(
                    uniqueKeysWithValues: Row.fetchAll(
                        db,
                        sql: "SELECT external_id, l.id FROM encounter e JOIN encounter_line l ON l.encounter_id = e.id"
                    ).map { ($0[0] as String, $0[1] as Int64) })
            )
        }
        // Then AB-7 is the encounter written as the first claim's CLP01, ab-7 the first stored of the second's,
        // each paid once, and each patient responsibility counted once
        let (exactID, firstID) = (try #require(ids["AB-7"]), try #require(ids["ab-7"]))
        let exact = try #require(remitted[exactID])
        let first = try #require(remitted[firstID])
        #expect(exact.paidCents == 9_000 && exact.patientResponsibilityCents == 1_000 && exact.allowedCents == 10_000)
        #expect(first.paidCents == 8_000 && first.patientResponsibilityCents == 2_000 && first.allowedCents == 10_000)
        let aetna = try #require(try workspace.analytics.payments(for: Self.october).first)
        #expect(aetna.remittedLines == 2 && aetna.paidCents == 17_000 && aetna.patientResponsibilityCents == 3_000)
    }

    @Test func everyRowReadOrTheMonthsFoundThroughTheIndexesTheReconciliationIsTheSame() throws {
        // Given the suite's store, and two encounters alike but for the letter case of their ids: ab-9
        // in September (stored first) and AB-9 in October, with a claim written Ab-9 (ab-9's, the
        // first stored; without a service date, which only the encounter's month tells apart) and one
        // written AB-9 (AB-9's)
        let workspace = try Self.workspace()
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,payer,procedure_code,units,diagnosis_codes,charge",
                "ab-9,2026-09-09,P9,Dr Adams,Aetna,99213,1,I10,150.00",
                "AB-9,2026-10-09,P9,Dr Adams,Aetna,99214,1,I10,200.00",
            ])
        try workspace.load(
            .remittances,
            [
                Remittance835.file(
                    payer: "AETNA", payerID: "60054", trace: "A-9", paidOn: "20261019",
                    claims: [
                        ["CLP*Ab-9*1*150*70*0*12*AET10", "SVC*HC:99213*150*70**1"],
                        ["CLP*AB-9*1*200*95*0*12*AET11", "SVC*HC:99214*200*95**1", "DTM*472*20261009"],
                    ])
            ])
        let september = Month(year: 2026, month: 9)
        for months in [Self.october...Self.october, september...september, september...Self.october] {
            // When the months are reconciled reading every row, and finding theirs through the indexes
            let (everyRow, throughIndexes, lines) = try workspace.database.read { db in
                (
                    try Reconciliation(db, months: months, readingAll: true).lines,
                    try Reconciliation(db, months: months, readingAll: false).lines,
                    try Row.fetchAll(
                        db,
                        sql:
                            "SELECT e.external_id, l.id FROM encounter e JOIN encounter_line l ON l.encounter_id = e.id"
                    ).map { ($0[0] as String, $0[1] as Int64) }
                )
            }
            // Then every line gets the same from both
            for (_, id) in lines { #expect(everyRow[id] == throughIndexes[id], "line \(id) of \(months)") }
            // And each claim paid the encounter it belongs to, in that encounter's month only
            let paid = { (encounter: String) in
                lines.first { $0.0 == encounter }.flatMap { everyRow[$0.1]?.paidCents }
            }
            #expect(paid("ab-9") == (months.contains(september) ? 7_000 : nil), "\(months)")
            #expect(paid("AB-9") == (months.contains(Self.october) ? 9_500 : nil), "\(months)")
            #expect(paid("E1") == (months.contains(Self.october) ? 10_000 : nil), "\(months)")
        }
    }

    @Test func twoLinesOfOneCodeMatchByChargeEachOnce() throws {
        // Given E4's two 97110 lines, remitted in the other order
        let workspace = try Self.workspace()
        // When the month is reconciled
        let lines = try workspace.database.read { db in
            (
                try Reconciliation(db, month: Self.october).lines,
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT l.id, l.charge_cents FROM encounter_line l JOIN encounter e ON e.id = l.encounter_id
                        WHERE e.external_id = 'E4' ORDER BY l.source_line
                        """)
            )
        }
        // Then the 45.00 line got the payment and the 40.00 line the denial
        let (remitted, rows) = lines
        let first = try #require(remitted[rows[0]["id"] as Int64])
        let second = try #require(remitted[rows[1]["id"] as Int64])
        #expect(first.paidCents == 0 && first.denialReason == "CO-50")
        #expect(second.paidCents == 3_000 && second.allowedCents == 3_500 && second.denialReason == nil)
    }
}
