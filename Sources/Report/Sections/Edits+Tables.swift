import Analytics
import Edits

/// The section's two tables: flags by edit, and the PTP pairs that fire most.
extension EditsView {
    /// What each edit checks, in a manager's words (the Definitions section says more).
    static func words(_ edit: EditKind) -> String {
        switch edit {
        case .ptp: "Procedure pair billed together (PTP)"
        case .mue: "Units above the limit (MUE)"
        case .excludes1: "Diagnoses that exclude each other (Excludes1)"
        case .mod25: "Modifier 25 with no other procedure"
        case .newPatient: "New-patient visit for a returning patient"
        }
    }

    /// One row per edit that flagged something, most flags first (then in `EditKind`'s order).
    static func kinds(_ flags: [EditFlagRow]) -> [KindRow] {
        let tallies = EditKind.allCases.map { edit in (edit, Tally(flags.filter { $0.edit == edit })) }
            .filter { $0.1.flags > 0 }
        let total = tallies.reduce(0) { $0 + $1.1.flags }
        return tallies.enumerated()
            .sorted { ($0.element.1.flags, $1.offset) > ($1.element.1.flags, $0.offset) }
            .map { _, entry in
                let (edit, tally) = entry
                return KindRow(
                    edit: words(edit), id: edit.rawValue, flags: ReportFormat.count(tally.flags),
                    share: ReportFormat.percent(Ratio(tally.flags, total)),
                    atRisk: ReportFormat.money(tally.atRiskCents))
            }
    }

    /// The most frequent column 1 / column 2 pairs of the `ptp` flags, up to `pairCount`: most flags
    /// first, then the most money at risk, then by the codes.
    static func pairs(_ flags: [EditFlagRow]) -> [PairRow] {
        var byPair: [Pair: [EditFlagRow]] = [:]
        for flag in flags where flag.edit == .ptp {
            byPair[Pair(column1: flag.code, column2: flag.otherCode ?? ""), default: []].append(flag)
        }
        let ordered = byPair.map { ($0.key, Tally($0.value)) }.sorted { a, b in
            let left = (a.1.flags, a.1.atRiskCents ?? -1, b.0.column1, b.0.column2)
            let right = (b.1.flags, b.1.atRiskCents ?? -1, a.0.column1, a.0.column2)
            return left > right
        }
        return ordered.prefix(pairCount).map { pair, tally in
            PairRow(
                column1: pair.column1, column2: pair.column2, flags: ReportFormat.count(tally.flags),
                atRisk: ReportFormat.money(tally.atRiskCents))
        }
    }

    private struct Pair: Hashable {
        var column1: String
        var column2: String
    }

    /// Flags and the sum of their amounts at risk (nil when none carries one, as in `edit_rates.csv`).
    private struct Tally {
        var flags: Int
        var atRiskCents: Int64?

        init(_ rows: [EditFlagRow]) {
            flags = rows.count
            let amounts = rows.compactMap(\.atRiskCents)
            atRiskCents = amounts.isEmpty ? nil : amounts.reduce(0, +)
        }
    }
}
