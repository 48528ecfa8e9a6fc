import Analytics
import GRDB

/// The rows of `edit_rates.csv` (SPEC 8.2): for the practice, each coder and
/// each provider, how many encounters the edits flag and whether auditors find
/// errors more often in those than in the others.
struct EditRates {
    private struct Group: Hashable {
        let dimension: EditRateRow.Dimension
        let name: String
    }

    fileprivate struct Tally {
        var encounters = 0
        var flagged = 0
        var flags: [EditKind: Int] = [:]
        var atRiskCents: Int64?
        var auditedFlagged = 0
        var auditedFlaggedInError = 0
        var auditedUnflagged = 0
        var auditedUnflaggedInError = 0
    }

    /// Whether each audited encounter of the month (by row id) has a finding
    /// that is not `agree` (SPEC 5.1's encounter-level error).
    static func audits(_ db: Database, month: Month) throws -> [Int64: Bool] {
        var inError: [Int64: Bool] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT f.encounter_id, MAX(f.outcome <> 'agree') FROM audit_finding f
                JOIN encounter e ON e.id = f.encounter_id
                WHERE e.service_date >= ? AND e.service_date < ? GROUP BY f.encounter_id
                """, arguments: [month.firstDay, month.nextFirstDay])
        while let row = try rows.next() { inError[row[0]] = row[1] }
        return inError
    }

    static func rows(
        month: Month, flags: [EditFlagRow], encounters: MonthEncounters, audits: [Int64: Bool]
    ) -> [EditRateRow] {
        let flaggedIDs = Set(flags.flatMap(\.flaggedEncounterIDs))
        var tallies: [Group: Tally] = [:]
        func groups(coder: String, provider: String) -> [Group] {
            [
                Group(dimension: .practice, name: "ALL"), Group(dimension: .coder, name: coder),
                Group(dimension: .provider, name: provider),
            ]
        }
        for encounter in encounters.encounters {
            let flagged = flaggedIDs.contains(encounter.externalID)
            for group in groups(coder: encounter.coder, provider: encounter.provider) {
                tallies[group, default: Tally()].add(encounter: flagged, audit: audits[encounter.rowID])
            }
        }
        for flag in flags {
            for group in groups(coder: flag.coder, provider: flag.provider) {
                tallies[group, default: Tally()].add(flag)
            }
        }
        let order = EditRateRow.Dimension.allCases
        return tallies.sorted { a, b in
            let (left, right) = (order.firstIndex(of: a.key.dimension)!, order.firstIndex(of: b.key.dimension)!)
            return left != right ? left < right : a.key.name.utf8.lexicographicallyPrecedes(b.key.name.utf8)
        }.map { group, tally in
            EditRateRow(
                month: month, dimension: group.dimension, group: group.name, encounters: tally.encounters,
                encountersFlagged: tally.flagged, flagRate: Ratio(tally.flagged, tally.encounters), flags: tally.flags,
                atRiskCents: tally.atRiskCents, auditedFlagged: tally.auditedFlagged,
                auditedFlaggedInError: tally.auditedFlaggedInError,
                flaggedErrorRate: Ratio(tally.auditedFlaggedInError, tally.auditedFlagged),
                auditedUnflagged: tally.auditedUnflagged, auditedUnflaggedInError: tally.auditedUnflaggedInError,
                unflaggedErrorRate: Ratio(tally.auditedUnflaggedInError, tally.auditedUnflagged))
        }
    }
}

extension EditRates.Tally {
    /// An encounter of the group: flagged or not, audited (in error or not) or not.
    fileprivate mutating func add(encounter flagged: Bool, audit inError: Bool?) {
        encounters += 1
        if flagged { self.flagged += 1 }
        guard let inError else { return }
        if flagged {
            auditedFlagged += 1
            if inError { auditedFlaggedInError += 1 }
        } else {
            auditedUnflagged += 1
            if inError { auditedUnflaggedInError += 1 }
        }
    }

    /// A flag named on one of the group's encounters.
    fileprivate mutating func add(_ flag: EditFlagRow) {
        flags[flag.edit, default: 0] += 1
        if let cents = flag.atRiskCents { atRiskCents = (atRiskCents ?? 0) + cents }
    }
}
