import Analytics
import GRDB

/// Runs the five edits of SPEC 8 over a month's encounters and collects the flags.
struct EditFinder {
    let monthOf: Month
    let month: MonthEncounters
    private let schedule: FeeSchedule
    /// In the order found; sorted by `flags()`.
    private var found: [(row: EditFlagRow, sequence: Int)] = []

    init(_ db: Database, month: Month, encounters: MonthEncounters) throws {
        monthOf = month
        self.month = encounters
        schedule = try FeeSchedule(db, month: month)
    }

    /// Every flag of the month, ordered by service date, encounter id, edit,
    /// code and other code (SPEC 8.1), then the order they were found in; over
    /// `encounters` when the caller has read them already.
    static func flags(
        _ db: Database, month: Month, encounters: MonthEncounters? = nil
    ) throws -> (flags: [EditFlagRow], encounters: MonthEncounters) {
        var finder = try EditFinder(db, month: month, encounters: encounters ?? MonthEncounters(db, month: month))
        try finder.findPTP(db)
        try finder.findMUE(db)
        finder.findExcludes1()
        finder.findModifier25()
        try finder.findNewPatient(db)
        let sorted = finder.found.sorted { a, b in
            let left = (a.row.serviceDate, a.row.encounterID, a.row.edit.rawValue, a.row.code, a.row.otherCode ?? "")
            let right = (b.row.serviceDate, b.row.encounterID, b.row.edit.rawValue, b.row.code, b.row.otherCode ?? "")
            return left != right ? Self.precedes(left, right) : a.sequence < b.sequence
        }
        return (sorted.map(\.row), finder.month)
    }

    /// Text order by bytes, field by field.
    private static func precedes(
        _ a: (String, String, String, String, String), _ b: (String, String, String, String, String)
    ) -> Bool {
        for (x, y) in [(a.0, b.0), (a.1, b.1), (a.2, b.2), (a.3, b.3), (a.4, b.4)] where x != y {
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return false
    }

    /// The payer's rate per unit for `code` on the encounter's service date, looked
    /// up with a blank modifier (SPEC 8.1); nil when the fee schedule has none.
    func rate(_ encounter: MonthEncounters.Encounter, code: String) -> Int64? {
        schedule.rate(payer: encounter.payer, code: code, modifiers: [], on: encounter.serviceDate)
    }

    /// A flag on a line: the row carries the line's encounter, modifiers and,
    /// unless given, units. `alsoFlags` are other encounters (indices) the flag is about.
    mutating func add(
        line index: Int, edit: EditKind, code: String, otherCode: String?, units: Int, limit: Int?,
        modifierIndicator: Int?, atRiskCents: Int64?, detail: String, alsoFlags: [Int]
    ) {
        let line = month.lines[index]
        append(
            encounter: line.encounter, edit: edit, code: code, otherCode: otherCode, modifiers: line.modifiers,
            units: units, limit: limit, modifierIndicator: modifierIndicator, atRiskCents: atRiskCents,
            detail: detail, alsoFlags: alsoFlags)
    }

    /// A flag on an encounter's codes, not on one line (`excludes1`).
    mutating func add(encounter: Int, edit: EditKind, code: String, otherCode: String?, detail: String) {
        append(
            encounter: encounter, edit: edit, code: code, otherCode: otherCode, modifiers: [], units: nil, limit: nil,
            modifierIndicator: nil, atRiskCents: nil, detail: detail, alsoFlags: [])
    }

    private mutating func append(
        encounter index: Int, edit: EditKind, code: String, otherCode: String?, modifiers: [String], units: Int?,
        limit: Int?, modifierIndicator: Int?, atRiskCents: Int64?, detail: String, alsoFlags: [Int]
    ) {
        let encounter = month.encounters[index]
        var flagged = [encounter.externalID]
        for other in alsoFlags where !flagged.contains(month.encounters[other].externalID) {
            flagged.append(month.encounters[other].externalID)
        }
        let row = EditFlagRow(
            month: monthOf, encounterID: encounter.externalID, serviceDate: encounter.serviceDate,
            provider: encounter.provider, coder: encounter.coder, payer: encounter.payer, edit: edit, code: code,
            otherCode: otherCode, modifiers: modifiers, units: units, limit: limit,
            modifierIndicator: modifierIndicator, atRiskCents: atRiskCents, detail: detail,
            flaggedEncounterIDs: flagged)
        found.append((row, found.count))
    }
}
