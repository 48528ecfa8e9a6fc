import Analytics
import Edits

extension Exports {
    /// How `edits.csv` writes a line's modifiers in one cell: `25;59`. The
    /// encounter import reads `;` between codes, so the cell can go back in as it is.
    static let modifierSeparator = ";"

    /// `edits.csv` (SPEC 8.1): one row per flag, in the order `MonthlyEdits`
    /// holds them (service date, encounter id, edit, code, other code).
    /// `modifiers`, `units`, `limit` and `modifier_indicator` are blank where
    /// the edit has none; `at_risk` is blank where the flag carries no amount.
    public static func edits(_ rows: [EditFlagRow]) -> ExportTable {
        ExportTable(
            name: ExportName.edits.rawValue,
            header: [
                "month", "encounter_id", "service_date", "provider", "coder", "payer", "edit", "code", "other_code",
                "modifiers", "units", "limit", "modifier_indicator", "at_risk", "detail",
            ],
            rows: rows.map { row in
                [
                    .text(row.month.description), .text(row.encounterID), .text(row.serviceDate), .text(row.provider),
                    .text(row.coder), .text(row.payer), .text(row.edit.rawValue), .text(row.code),
                    .optionalText(row.otherCode), .optionalText(row.modifiers.joined(separator: modifierSeparator)),
                    row.units.map(ExportCell.count) ?? .blank, row.limit.map(ExportCell.count) ?? .blank,
                    row.modifierIndicator.map(ExportCell.count) ?? .blank, .money(row.atRiskCents),
                    .text(row.detail),
                ]
            })
    }

    /// `edit_rates.csv` (SPEC 8.2): the practice row, then coders, then
    /// providers, as `MonthlyEdits` orders them. Every count is written (0 when
    /// nothing counts); a rate with no encounter to divide by, and `at_risk`
    /// when no flag of the group carries an amount, are blank.
    public static func editRates(_ rows: [EditRateRow]) -> ExportTable {
        ExportTable(
            name: ExportName.editRates.rawValue,
            header: [
                "month", "dimension", "group", "encounters", "encounters_flagged", "flag_rate", "ptp", "mue",
                "excludes1", "mod25", "new_patient", "at_risk", "audited_flagged", "audited_flagged_in_error",
                "flagged_error_rate", "audited_unflagged", "audited_unflagged_in_error", "unflagged_error_rate",
            ],
            rows: rows.map { row in
                [.text(row.month.description), .text(row.dimension.rawValue), .text(row.group)]
                    + [
                        .count(row.encounters), .count(row.encountersFlagged), .ratio(row.flagRate, decimals: 4),
                    ]
                    + [EditKind.ptp, .mue, .excludes1, .mod25, .newPatient].map { .count(row.count($0)) }
                    + [
                        .money(row.atRiskCents), .count(row.auditedFlagged), .count(row.auditedFlaggedInError),
                        .ratio(row.flaggedErrorRate, decimals: 4), .count(row.auditedUnflagged),
                        .count(row.auditedUnflaggedInError), .ratio(row.unflaggedErrorRate, decimals: 4),
                    ]
            })
    }
}
