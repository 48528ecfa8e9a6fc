import Analytics

/// The five edits of SPEC 8, by the `edit` id the exports write.
public enum EditKind: String, Sendable, CaseIterable, Comparable {
    case ptp, mue, excludes1, mod25
    case newPatient = "new_patient"

    /// The order rows are sorted in within one encounter: SPEC 8.1 orders by the id's text.
    public static func < (a: EditKind, b: EditKind) -> Bool { a.rawValue < b.rawValue }
}

/// One row of `edits.csv` (SPEC 8.1): one flag.
///
/// The encounter fields are those of the line the flag names (for `ptp`,
/// column 2's line; for a date-of-service `mue` flag, the first line of the
/// code); an `excludes1` flag names the encounter alone.
public struct EditFlagRow: Sendable, Equatable {
    public var month: Month
    public var encounterID: String
    public var serviceDate: String
    public var provider: String
    public var coder: String
    public var payer: String
    public var edit: EditKind
    /// As printed: ICD-10-CM codes with their dot. `ptp`: column 1's code.
    public var code: String
    /// `ptp`: column 2's code; `excludes1`: the higher code of the pair;
    /// `new_patient`: the code of the most recent earlier E/M in the window.
    public var otherCode: String?
    /// The named line's modifiers in their order (none on an `excludes1` row).
    public var modifiers: [String]
    /// The named line's units (a date-of-service `mue` flag: the summed units); nil on `excludes1`.
    public var units: Int?
    /// `mue`: the MUE value.
    public var limit: Int?
    /// `ptp`: 0 or 1.
    public var modifierIndicator: Int?
    /// nil when the edit carries no amount or a rate it needs is missing.
    public var atRiskCents: Int64?
    /// One sentence a coder understands.
    public var detail: String
    /// Every encounter (external id) this flag makes flagged: the named one,
    /// and for a `ptp` or `mue` flag across two encounters, the other(s) too.
    public var flaggedEncounterIDs: [String]

    public init(
        month: Month, encounterID: String, serviceDate: String, provider: String, coder: String, payer: String,
        edit: EditKind, code: String, otherCode: String?, modifiers: [String], units: Int?, limit: Int?,
        modifierIndicator: Int?, atRiskCents: Int64?, detail: String, flaggedEncounterIDs: [String]
    ) {
        self.month = month
        self.encounterID = encounterID
        self.serviceDate = serviceDate
        self.provider = provider
        self.coder = coder
        self.payer = payer
        self.edit = edit
        self.code = code
        self.otherCode = otherCode
        self.modifiers = modifiers
        self.units = units
        self.limit = limit
        self.modifierIndicator = modifierIndicator
        self.atRiskCents = atRiskCents
        self.detail = detail
        self.flaggedEncounterIDs = flaggedEncounterIDs
    }
}

/// One row of `edit_rates.csv` (SPEC 8.2).
public struct EditRateRow: Sendable, Equatable {
    public enum Dimension: String, Sendable, CaseIterable {
        case practice, coder, provider
    }

    public var month: Month
    public var dimension: Dimension
    /// `ALL` on the practice row.
    public var group: String
    public var encounters: Int
    public var encountersFlagged: Int
    public var flagRate: Ratio?
    /// Flags (rows of `edits.csv`) on the group's encounters, by edit.
    public var flags: [EditKind: Int]
    /// Σ at-risk amounts of the group's flags that have one; nil when none has.
    public var atRiskCents: Int64?
    public var auditedFlagged: Int
    public var auditedFlaggedInError: Int
    public var flaggedErrorRate: Ratio?
    public var auditedUnflagged: Int
    public var auditedUnflaggedInError: Int
    public var unflaggedErrorRate: Ratio?

    public init(
        month: Month, dimension: Dimension, group: String, encounters: Int, encountersFlagged: Int,
        flagRate: Ratio?, flags: [EditKind: Int], atRiskCents: Int64?, auditedFlagged: Int,
        auditedFlaggedInError: Int, flaggedErrorRate: Ratio?, auditedUnflagged: Int, auditedUnflaggedInError: Int,
        unflaggedErrorRate: Ratio?
    ) {
        self.month = month
        self.dimension = dimension
        self.group = group
        self.encounters = encounters
        self.encountersFlagged = encountersFlagged
        self.flagRate = flagRate
        self.flags = flags
        self.atRiskCents = atRiskCents
        self.auditedFlagged = auditedFlagged
        self.auditedFlaggedInError = auditedFlaggedInError
        self.flaggedErrorRate = flaggedErrorRate
        self.auditedUnflagged = auditedUnflagged
        self.auditedUnflaggedInError = auditedUnflaggedInError
        self.unflaggedErrorRate = unflaggedErrorRate
    }

    /// The count of one edit's flags (0 when none).
    public func count(_ edit: EditKind) -> Int { flags[edit] ?? 0 }
}

/// A month's edits: what `edits.csv`, `edit_rates.csv` and the report's
/// "Automated edits" section show.
public struct MonthlyEdits: Sendable, Equatable {
    public var month: Month
    /// Ordered by service date, encounter id, edit, code, other code (SPEC 8.1).
    public var flags: [EditFlagRow]
    /// Practice, then coders by name, then providers by name (SPEC 8.2).
    public var rates: [EditRateRow]
    /// Whether any PTP / MUE table was ever imported: without one, that edit
    /// cannot fire, and the report says which import fills it.
    public var ptpImported: Bool
    public var mueImported: Bool

    public init(month: Month, flags: [EditFlagRow], rates: [EditRateRow], ptpImported: Bool, mueImported: Bool) {
        self.month = month
        self.flags = flags
        self.rates = rates
        self.ptpImported = ptpImported
        self.mueImported = mueImported
    }
}
