import Analytics
import Edits

/// October's edits in the fixture: 21 flags on 19 of 1,530 encounters, every
/// edit firing, three PTP pairs (one flag without a rate), and audits of 17
/// flagged and 23 unflagged encounters that agree with the error rates' 40.
/// The rows add up: each group's counts and amounts are those of its flags.
extension ReportFixture {
    static func edits(_ names: Names = Names()) -> MonthlyEdits {
        var flags: [EditFlagRow] = []
        func add(
            _ edit: EditKind, _ code: String, _ other: String?, risk: Int64?, coder: Int, provider: Int, day: Int,
            units: Int? = 1, limit: Int? = nil, indicator: Int? = nil, modifiers: [String] = [],
            encounter: String? = nil
        ) {
            let id = encounter ?? "ENC-EDIT-\(flags.count + 1)"
            flags.append(
                EditFlagRow(
                    month: october, encounterID: id, serviceDate: "2026-10-\(day < 10 ? "0" : "")\(day)",
                    provider: names.providers[provider], coder: names.coders[coder], payer: names.payers[0],
                    edit: edit, code: code, otherCode: other, modifiers: modifiers, units: units, limit: limit,
                    modifierIndicator: indicator, atRiskCents: risk, detail: "\(edit.rawValue) \(code)",
                    flaggedEncounterIDs: [id]))
        }
        for index in 0..<4 {
            add(.ptp, "80053", "80048", risk: 1_150, coder: 1, provider: 0, day: 2 + index, indicator: 0)
        }
        for index in 0..<3 {
            add(
                .ptp, "20611", "20610", risk: index == 2 ? nil : 6_820, coder: 1, provider: 1, day: 6 + index,
                indicator: 1, modifiers: ["RT"])
        }
        for index in 0..<2 {
            add(.ptp, "93000", "93010", risk: 850, coder: 0, provider: 0, day: 9 + index, indicator: 1)
        }
        for index in 0..<3 {
            add(.mue, "J1030", nil, risk: 1_240, coder: 1, provider: 1, day: 11 + index, units: 3, limit: 2)
        }
        // two of them on encounters a PTP edit flags too: 21 flags, 19 encounters
        add(.excludes1, "E10.9", "E11.9", risk: nil, coder: 0, provider: 0, day: 9, units: nil, encounter: "ENC-EDIT-8")
        add(.excludes1, "E10.9", "E11.9", risk: nil, coder: 1, provider: 0, day: 2, units: nil, encounter: "ENC-EDIT-1")
        for index in 0..<2 {
            add(.excludes1, "E10.9", "E11.9", risk: nil, coder: index, provider: 0, day: 16 + index, units: nil)
        }
        for index in 0..<2 {
            add(.mod25, "99214", nil, risk: nil, coder: 1, provider: 1, day: 18 + index, modifiers: ["25"])
        }
        for index in 0..<3 {
            add(.newPatient, "99204", "99214", risk: 5_310, coder: 0, provider: index % 2, day: 20 + index)
        }
        // ptp 4 × 11.50 + 2 × 68.20 + 2 × 8.50 = 199.40; mue 3 × 12.40 = 37.20; new_patient 3 × 53.10 = 159.30
        let rates = [
            rate(
                .practice, "ALL", encounters: 1_530, flagged: 19, flags: [9, 3, 4, 2, 3], risk: 39_590,
                audited: (17, 4), others: (23, 2)),
            rate(
                .coder, names.coders[0], encounters: 620, flagged: 6, flags: [2, 0, 2, 0, 3], risk: 17_630,
                audited: (8, 1), others: (17, 1)),
            rate(
                .coder, names.coders[1], encounters: 910, flagged: 13, flags: [7, 3, 2, 2, 0], risk: 21_960,
                audited: (9, 3), others: (6, 1)),
            rate(
                .provider, names.providers[0], encounters: 1_100, flagged: 10, flags: [6, 0, 4, 0, 2], risk: 16_920,
                audited: (12, 3), others: (18, 2)),
            rate(
                .provider, names.providers[1], encounters: 430, flagged: 9, flags: [3, 3, 0, 2, 1], risk: 22_670,
                audited: (5, 1), others: (5, 0)),
        ]
        return MonthlyEdits(month: october, flags: flags, rates: rates, ptpImported: true, mueImported: true)
    }

    /// A group's row; `flags` counts ptp, mue, excludes1, mod25 and new_patient in that order.
    static func rate(
        _ dimension: EditRateRow.Dimension, _ group: String, encounters: Int, flagged: Int, flags: [Int],
        risk: Int64?, audited: (Int, inError: Int), others: (Int, inError: Int)
    ) -> EditRateRow {
        EditRateRow(
            month: october, dimension: dimension, group: group, encounters: encounters, encountersFlagged: flagged,
            flagRate: Ratio(flagged, encounters),
            flags: Dictionary(uniqueKeysWithValues: zip(EditKind.allCases, flags)), atRiskCents: risk,
            auditedFlagged: audited.0, auditedFlaggedInError: audited.inError,
            flaggedErrorRate: Ratio(audited.inError, audited.0), auditedUnflagged: others.0,
            auditedUnflaggedInError: others.inError, unflaggedErrorRate: Ratio(others.inError, others.0))
    }

    /// A month with no edit data at all, for tests of other sections.
    static let noEdits = MonthlyEdits(month: october, flags: [], rates: [], ptpImported: false, mueImported: false)
}
