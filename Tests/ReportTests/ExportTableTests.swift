import Analytics
import Codes
import Edits
import Foundation
import Testing

@testable import Report

@Suite struct ExportTableTests {
    private let october = Month("2026-10")!

    /// The file's text without its BOM.
    private func text(_ table: ExportTable) -> String {
        String(decoding: table.csv(bom: false), as: UTF8.self)
    }

    @Test func everyExportHasTheSpecsExactHeader() {
        // Given each export of no rows; Then the file is the header alone, as SPEC 5 names the columns
        #expect(
            text(Exports.errorRates([]))
                == "month,dimension,key,encounters_audited,encounters_with_errors,encounter_accuracy,codes_reviewed,"
                + "codes_in_error,code_accuracy,code_accuracy_ci_low,code_accuracy_ci_high,overcoded_amount,"
                + "undercoded_amount,net_amount,payment_error_rate\r\n")
        #expect(
            text(Exports.findings([]))
                == "month,encounter_id,service_date,provider,coder,payer,auditor,audit_date,code_type,outcome,"
                + "submitted_code,audited_code,submitted_units,audited_units,category,delta_amount,rate_missing,"
                + "comment\r\n")
        #expect(
            text(Exports.coderProductivity([]))
                == "month,coder,encounters_coded,lines_coded,codes_assigned,hours,encounters_per_hour,"
                + "median_turnaround_days,p90_turnaround_days,encounters_audited,code_accuracy\r\n")
        #expect(
            text(Exports.reimbursementVariance([]))
                == "month,payer,procedure_code,lines,units,charge,expected,allowed,paid,variance,variance_rate,"
                + "underpaid_lines,underpaid_amount,overpaid_lines,no_rate_lines,pending_lines\r\n")
        #expect(
            text(Exports.emDistribution([]))
                == "month,provider,category,level,visits,share,practice_share,difference\r\n")
        let month = MonthlyReportData(
            month: october, errorRates: [], findings: [], productivity: [], variance: [], emDistribution: [], trend: [],
            files: [], toleranceCents: 100)
        let edits = MonthlyEdits(month: october, flags: [], rates: [], ptpImported: false, mueImported: false)
        #expect(Exports.monthly(month, edits: edits).map(\.name) == ExportName.allCases.map(\.rawValue))
        #expect(
            text(Exports.payments([]))
                == "month,payer,lines,remitted_lines,charge,allowed,paid,patient_responsibility,denied_lines,"
                + "denial_rate,denied_charge,median_days_to_payment,p90_days_to_payment,unmatched_claims\r\n")
        #expect(
            text(Exports.denials([]))
                == "month,payer,reason,denied_lines,denied_claims,denied_charge,share_of_denied\r\n")
        #expect(
            text(Exports.edits([]))
                == "month,encounter_id,service_date,provider,coder,payer,edit,code,other_code,modifiers,units,limit,"
                + "modifier_indicator,at_risk,detail\r\n")
        #expect(
            text(Exports.editRates([]))
                == "month,dimension,group,encounters,encounters_flagged,flag_rate,ptp,mue,excludes1,mod25,"
                + "new_patient,at_risk,audited_flagged,audited_flagged_in_error,flagged_error_rate,audited_unflagged,"
                + "audited_unflagged_in_error,unflagged_error_rate\r\n")
        // And the report folder and `codeaudit export` list them in SPEC 2's order of sections: 5, 8, 9
        #expect(
            ExportName.allCases.map(\.rawValue) == [
                "error_rates", "findings", "coder_productivity", "reimbursement_variance", "em_distribution", "edits",
                "edit_rates", "payments", "denials",
            ])
    }

    @Test func fileStartsWithABOMUnlessAskedNotTo() {
        let table = Exports.emDistribution([])
        #expect(Array(table.csv()).prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(Array(table.csv(bom: false)).first == UInt8(ascii: "m"))
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+1", "'+1"), ("-Medicare", "'-Medicare"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "\"'\tTab\""), ("\rCR", "\"'\rCR\""), ("\nLF", "\"'\nLF\""), ("E11.9; I10", "\"E11.9; I10\""),
        ("A|B", "\"A|B\""),
        ("Smith, John", "\"Smith, John\""), ("Dr \"Bob\"", "\"Dr \"\"Bob\"\"\""), ("0001U", "0001U"),
        ("E11.9", "E11.9"), ("Peña", "Peña"),
    ])
    func textCellsAreGuardedAndQuoted(value: String, written: String) {
        // Given a coder name as a text cell; When it is written; Then formula triggers get a ' and quoting is RFC 4180
        let table = ExportTable(name: "t", header: ["coder"], rows: [[.text(value)]])
        #expect(text(table) == "coder\r\n\(written)\r\n")
    }

    @Test func numbersAreWrittenPlainEvenWhenNegative() {
        let row = ReimbursementVarianceRow(
            month: october, payer: "Aetna", procedureCode: "99213", lines: 2, units: 3, chargeCents: 30000,
            expectedCents: 18312, allowedCents: 17000, paidCents: 13600, varianceCents: -1312,
            varianceRate: Ratio(-1312, 18312), underpaidLines: 1, underpaidCents: 1312, overpaidLines: 0,
            noRateLines: 0, pendingLines: 0)
        // -1312/18312 = -0.071647… → -0.0716
        #expect(
            text(Exports.reimbursementVariance([row])).hasSuffix(
                "2026-10,Aetna,99213,2,3,300.00,183.12,170.00,136.00,-13.12,-0.0716,1,13.12,0,0,0\r\n"))
    }

    @Test func blankMoneyAndRatesStayBlankAndCountsAreZero() {
        let row = ReimbursementVarianceRow(
            month: october, payer: "Self Pay", procedureCode: "ALL", lines: 1, units: 1, chargeCents: nil,
            expectedCents: nil, allowedCents: nil, paidCents: nil, varianceCents: nil, varianceRate: nil,
            underpaidLines: 0, underpaidCents: nil, overpaidLines: 0, noRateLines: 1, pendingLines: 1)
        #expect(text(Exports.reimbursementVariance([row])).hasSuffix("2026-10,Self Pay,ALL,1,1,,,,,,,0,,0,1,1\r\n"))
    }

    @Test func errorRateRowIsWrittenWithFourDecimalRatesAndBounds() {
        // 81 of 263 correct: code accuracy 81/263 = 0.30798… → 0.3080; Wilson [0.2553, 0.3662]
        let row = ErrorRateRow(
            month: october, dimension: .codeType, key: "ICD10", encountersAudited: 3, encountersWithErrors: 1,
            encounterAccuracy: Ratio(2, 3), codesReviewed: 263, codesInError: 182, codeAccuracy: Ratio(81, 263),
            codeAccuracyInterval: WilsonInterval(successes: 81, trials: 263), overcodedCents: nil,
            undercodedCents: nil, netCents: nil, paymentErrorRate: nil)
        #expect(
            text(Exports.errorRates([row])).hasSuffix(
                "2026-10,code_type,ICD10,3,1,0.6667,263,182,0.3080,0.2553,0.3662,,,,\r\n"))
    }

    @Test func productivityWritesHoursWithTwoDecimalsAndTurnaroundWithOne() {
        // 12.5 hours; 10 / 12.5 = 0.80 per hour; median (2 + 3) / 2 = 2.5 days; p90 4 days
        let row = CoderProductivityRow(
            month: october, coder: "jlee", encountersCoded: 10, linesCoded: 25, codesAssigned: 60,
            hours: Ratio(1250, 100), encountersPerHour: Ratio(1000, 1250), medianTurnaroundDays: Ratio(5, 2),
            p90TurnaroundDays: 4, encountersAudited: 0, codeAccuracy: nil)
        #expect(
            text(Exports.coderProductivity([row])).hasSuffix("2026-10,jlee,10,25,60,12.50,0.80,2.5,4.0,0,\r\n"))
    }

    @Test func findingsWriteBooleansAndBlankSides() {
        let row = FindingRow(
            month: october, encounterID: "V1", serviceDate: "2026-10-01", provider: "Dr A", coder: "jlee",
            payer: "Aetna", auditor: "AUD", auditDate: "2026-11-02", codeType: .cpt, outcome: .deleted,
            submittedCode: "36415", auditedCode: nil, submittedUnits: 1, auditedUnits: nil, category: nil,
            deltaCents: nil, rateMissing: true, comment: "=cmd")
        #expect(
            text(Exports.findings([row])).hasSuffix(
                "2026-10,V1,2026-10-01,Dr A,jlee,Aetna,AUD,2026-11-02,CPT,deleted,36415,,1,,,,true,'=cmd\r\n"))
    }

    @Test(arguments: [
        (Int64(1), Int64(3), 4, "0.3333"), (2, 3, 4, "0.6667"), (1, 8, 2, "0.13"), (-1, 8, 2, "-0.13"),
        (5, 2, 0, "3"), (-5, 2, 0, "-3"), (1, 20_000, 4, "0.0001"), (-1, 30_000, 4, "0.0000"),
        (123_450, 100, 2, "1234.50"),
    ])
    func ratiosRoundHalfAwayFromZeroOnce(numerator: Int64, denominator: Int64, decimals: Int, written: String) {
        #expect(Ratio(numerator, denominator)!.formatted(decimals: decimals) == written)
    }

    @Test func ratioOfZeroIsBlank() {
        #expect(Ratio(Int64(3), Int64(0)) == nil)
    }
}
