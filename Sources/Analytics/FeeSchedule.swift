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
    /// The days from which the rates in force change, ascending: each rate's
    /// first day, and the day after its last one, written as that last day
    /// followed by a NUL, which sorts after it and before the next day.
    private var changes: [String] = []

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
        var changes: Set<String> = []
        while let row = try rows.next() {
            let rate = Rate(payer: row[1], modifier: row[2], amountCents: row[3], from: row[4], to: row[5])
            rates[row[0], default: []].append(rate)
            changes.insert(rate.from)
            if let to = rate.to { changes.insert(to + "\u{0}") }
        }
        self.changes = changes.sorted()
    }

    /// The number of the stretch of days `day` is in between two changes of the
    /// rates in force: two days with the same number get the same rate for any
    /// payer, code and modifiers, so a pass over many lines looks each up once.
    /// How many periods `period(of:)` numbers: one more than the changes.
    package var periodCount: Int { changes.count + 1 }

    package func period(of day: String) -> Int {
        var (low, high) = (0, changes.count)
        while low < high {
            let middle = (low + high) / 2
            if changes[middle] <= day { low = middle + 1 } else { high = middle }
        }
        return low
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

/// The fee schedule's look-up for a pass over many lines, remembered per payer,
/// code, modifiers and period of unchanged rates: a month's lines share a few
/// thousand of those. Lines without modifiers, most of them, are looked up in
/// arrays by number rather than hashed.
struct RateCache {
    private struct Key: Hashable {
        var payer: Int
        var period: Int
        var code: Int
        var modifiers: [String]
    }

    /// Not looked up yet, and no rate: the other values are rates in cents.
    private static let unknown = Int64.min
    private static let none = Int64.min + 1

    let schedule: FeeSchedule
    /// Lines without modifiers: by payer and rate period, then by code number.
    private var plain: [[Int64]] = []
    private var periods: Int
    private var withModifiers: [Key: Int64?] = [:]

    init(_ schedule: FeeSchedule) {
        self.schedule = schedule
        periods = schedule.periodCount
    }

    /// `schedule.rate(payer:code:modifiers:on:)` for `line` of `period`'s `encounter`.
    mutating func rate(
        _ line: ServicePeriod.Line, of encounter: ServicePeriod.Encounter, in period: ServicePeriod
    ) -> Int64? {
        func lookUp() -> Int64? {
            schedule.rate(
                payer: period.payers.strings[encounter.payer], code: period.codes.strings[line.code],
                modifiers: line.modifiers, on: period.serviceDate(of: encounter))
        }
        guard line.modifiers.isEmpty else {
            let key = Key(
                payer: encounter.payer, period: encounter.ratePeriod, code: line.code, modifiers: line.modifiers)
            if let rate = withModifiers[key] { return rate }
            let rate = lookUp()
            withModifiers[key] = rate
            return rate
        }
        let row = encounter.payer * periods + encounter.ratePeriod
        if row >= plain.count { plain += repeatElement([], count: row + 1 - plain.count) }
        if line.code >= plain[row].count {
            plain[row] += repeatElement(Self.unknown, count: line.code + 1 - plain[row].count)
        }
        switch plain[row][line.code] {
        case Self.unknown:
            let rate = lookUp()
            plain[row][line.code] = rate ?? Self.none
            return rate
        case Self.none: return nil
        case let rate: return rate
        }
    }
}
