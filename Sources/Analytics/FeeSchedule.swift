import GRDB

/// The contract rates in force during a period, and the look-up of SPEC 3.3:
/// the rate whose effective range holds the service date (both ends
/// inclusive), for the encounter's payer before `*` (any payer), and within a
/// payer a rate for one of the line's modifiers (the first one, in the line's
/// order, that has a rate) before the rate for a blank modifier.
///
/// A month's rates are few (thousands at most), so they are read once and
/// the look-up runs in memory for every line: an SQL sub-query per line cost
/// most of the reimbursement export.
package struct FeeSchedule {
    private struct Rate {
        var payer: String
        var modifier: String
        var amountCents: Int64
        var from: String
        var to: String?
    }

    /// By procedure code.
    private var rates: [String: [Rate]] = [:]

    /// The rates whose effective range meets `month`.
    package init(_ db: Database, month: Month) throws {
        try self.init(db, months: month...month)
    }

    /// The rates whose effective range meets any of `months`: a look-up on a
    /// day of one of them gives what that month's own schedule gives, since
    /// the look-up checks each rate's range against the day anyway.
    package init(_ db: Database, months: ClosedRange<Month>) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT procedure_code, payer, modifier, amount_cents, effective_from, effective_to FROM fee_rate
                WHERE effective_from < ? AND (effective_to IS NULL OR effective_to >= ?)
                """,
            arguments: [months.upperBound.nextFirstDay, months.lowerBound.firstDay])
        while let row = try rows.next() {
            rates[row[0], default: []].append(
                Rate(payer: row[1], modifier: row[2], amountCents: row[3], from: row[4], to: row[5]))
        }
    }

    /// The rate in cents per unit, or nil when the schedule has none. A finding
    /// carries no modifier: pass none, and only blank-modifier rates apply.
    package func rate(payer: String, code: String, modifiers: [String] = [], on day: String) -> Int64? {
        guard let candidates = rates[code] else { return nil }
        var best: (rank: Int, amountCents: Int64)?
        for rate in candidates where rate.from <= day && (rate.to.map { $0 >= day } ?? true) {
            let payerRank: Int
            if rate.payer == payer {
                payerRank = 0
            } else if rate.payer == "*" {
                payerRank = 1
            } else {
                continue
            }
            let modifierRank: Int
            if rate.modifier.isEmpty {
                modifierRank = 4
            } else if let position = modifiers.firstIndex(of: rate.modifier) {
                modifierRank = position
            } else {
                continue
            }
            let rank = payerRank * 10 + modifierRank
            if best.map({ rank < $0.rank }) ?? true { best = (rank, rate.amountCents) }
        }
        return best?.amountCents
    }
}
