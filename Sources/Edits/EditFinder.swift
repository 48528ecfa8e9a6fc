import Analytics
import GRDB

/// Runs the five edits of SPEC 8 over a month's encounters and collects the flags.
struct EditFinder {
    let monthOf: Month
    let month: MonthEncounters
    private let schedule: FeeSchedule
    /// In the order found, each with its encounter's index in `month.encounters`
    /// (which are by service date and external id); sorted by `flags()`.
    private var found: [(row: EditFlagRow, encounter: Int)] = []

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
        // Encounters are already by service date and external id: sort by their index, then
        // edit, code and other code as text, then the order found; indices, not the rows, move.
        let found = finder.found
        let order = found.indices.sorted { a, b in
            let (x, y) = (found[a], found[b])
            if x.encounter != y.encounter { return x.encounter < y.encounter }
            for (left, right) in [
                (x.row.edit.rawValue, y.row.edit.rawValue), (x.row.code, y.row.code),
                (x.row.otherCode ?? "", y.row.otherCode ?? ""),
            ] where left != right {
                return left.utf8.lexicographicallyPrecedes(right.utf8)
            }
            return a < b
        }
        return (order.map { found[$0].row }, finder.month)
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
        found.append((row, index))
    }
}
