import GRDB
import Store

extension Analytics {
    /// The reimbursement tolerance per line of the kept month summaries: the exports' default.
    public static let keptToleranceCents: Int64 = 100
    /// At most about this many encounters' months are summarized in one pass:
    /// a pass holds its encounters in memory (56 bytes each, and a quarter more
    /// set aside for those serviced earlier and worked in its months), about
    /// 28 MB. The 1,000,000-line benchmark file's ten months, 332,424
    /// encounters, are one pass (0.7 s); 200,000 made it two (1.0 s).
    static let encountersPerKeepingPass = 400_000
    /// What a pass may hold, in bytes, in a store with remittances.
    static let bytesPerKeepingPass = 48_000_000

    /// The encounters one pass may hold: `encountersPerKeepingPass`; fewer
    /// when the store holds remittances, whose reconciliation also holds,
    /// for each of a pass's service lines, the line, the encounter line it
    /// may match and what it was paid: about 200 bytes each (measured on the
    /// 400,000-line benchmark store with its 835, which as one pass of
    /// 132,654 encounters took 121 MB).
    static func encountersPerPass(_ db: Database) throws -> Int {
        guard let linesPerEncounter = try ServicePeriod.rowsPerRow(of: "remittance_line", per: "encounter", db)
        else { return encountersPerKeepingPass }
        return min(encountersPerKeepingPass, Int(Double(bytesPerKeepingPass) / (70 + 200 * linesPerEncounter)))
    }

    /// Computes and keeps the summary of each month, from the store's first
    /// month of data to its last, that has none kept: the months an import
    /// changed (it dropped their summaries as it committed), or all of them in
    /// a store made before summaries were kept. The report's trend reads them
    /// (see `practiceTrend(_:before:toleranceCents:)`), so that a report reads
    /// eleven rows for the months before its own, however many are stored.
    ///
    /// Runs in one write transaction, from the data of one moment.
    ///
    /// - throws: A database error; nothing is kept then, and the trend computes those months.
    public func keepMonthSummaries() throws {
        try database.keepingMonthSummaries { db in try Self.keepMonthSummaries(db) }
    }

    /// `encountersPerPass`, when given, in place of `encountersPerPass(_:)`.
    static func keepMonthSummaries(_ db: Database, encountersPerPass: Int? = nil) throws {
        guard let span = try dataMonths(db) else { return }
        let kept = Set(
            try StoredMonthSummary.fetch(
                db, from: span.lowerBound.description, through: span.upperBound.description,
                toleranceCents: keptToleranceCents
            ).map(\.month))
        let missing = span.months.filter { !kept.contains($0.description) }
        for (pass, encounters) in try passes(over: missing, db, perPass: encountersPerPass) {
            let summaries = try summaries(db, of: pass, encounters: encounters)
            for month in pass.months {
                try StoredMonthSummary(summaries[month], month: month, toleranceCents: keptToleranceCents).store(db)
            }
        }
    }

    /// The months whose kept summary differs from what their data now gives:
    /// none, unless an import changed a month without dropping its summary.
    /// Computes every kept month again, in the same passes as keeping them.
    ///
    /// - throws: A database error when the store cannot be read.
    public func monthsWithStaleSummaries() throws -> [Month] {
        try database.read { db in
            let kept = try StoredMonthSummary.fetch(
                db, from: "0000-00", through: "9999-99", toleranceCents: Self.keptToleranceCents)
            var stale: [Month] = []
            for (pass, encounters) in try Self.passes(over: kept.compactMap { Month($0.month) }, db) {
                let computed = try Self.summaries(db, of: pass, encounters: encounters)
                for row in kept {
                    guard let month = Month(row.month), pass.contains(month) else { continue }
                    if row != StoredMonthSummary(computed[month], month: month, toleranceCents: Self.keptToleranceCents)
                    {
                        stale.append(month)
                    }
                }
            }
            return stale
        }
    }

    /// The summaries of the months of a pass that hold data, by month, at the kept tolerance.
    private static func summaries(
        _ db: Database, of pass: ClosedRange<Month>, encounters: Int
    ) throws -> [Month: PracticeSummary] {
        // Those serviced in the months, and room for those serviced before and worked in them
        // (9% more in a month of the benchmark file: coded days lag service by a few days).
        let summaries = try practiceTrend(
            db, months: pass, toleranceCents: keptToleranceCents, expectedEncounters: encounters + encounters / 4)
        return Dictionary(uniqueKeysWithValues: summaries.map { ($0.month, $0) })
    }

    /// `months` (oldest first) as runs of consecutive months, each holding
    /// about `encountersPerPass(_:)` encounters at most (a month holding
    /// more is a run of its own), with the encounters serviced in each run.
    private static func passes(
        over months: [Month], _ db: Database, perPass: Int? = nil
    ) throws -> [(months: ClosedRange<Month>, encounters: Int)] {
        guard let first = months.first, let last = months.last else { return [] }
        let perPass = try perPass ?? encountersPerPass(db)
        var encounters: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT substr(service_date, 1, 7) AS month, COUNT(*) FROM encounter
                WHERE service_date >= ? AND service_date < ? GROUP BY month
                """, arguments: [first.firstDay, last.nextFirstDay])
        {
            encounters[row[0]] = row[1]
        }
        var passes: [(months: ClosedRange<Month>, encounters: Int)] = []
        for month in months {
            let count = encounters[month.description] ?? 0
            if let current = passes.last, current.months.upperBound.next == month,
                current.encounters + count <= perPass
            {
                passes[passes.count - 1] = (current.months.lowerBound...month, current.encounters + count)
            } else {
                passes.append((month...month, count))
            }
        }
        return passes
    }

    /// The first and last month that may hold data — of an encounter's service
    /// date or work day — or nil for a store without encounters. Months outside
    /// it hold none.
    static func dataMonths(_ db: Database) throws -> ClosedRange<Month>? {
        // Each MIN and MAX its own look-up at one end of its index.
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT MIN(service_date) FROM encounter), (SELECT MAX(service_date) FROM encounter),
                       (SELECT MIN(COALESCE(substr(coded_at, 1, 10), service_date)) FROM encounter),
                       (SELECT MAX(COALESCE(substr(coded_at, 1, 10), service_date)) FROM encounter)
                """)!
        let days: [String] = (0..<4).compactMap { row[$0] }
        guard let first = days.min().flatMap({ Month(String($0.prefix(7))) }),
            let last = days.max().flatMap({ Month(String($0.prefix(7))) })
        else { return nil }
        return first...last
    }

    /// The summary of each month of `months` that holds data, oldest first —
    /// what `practiceTrend(_:months:toleranceCents:)` computes — read from the
    /// kept summaries where they were computed with `toleranceCents`, and
    /// computed for the months without one.
    ///
    /// - throws: A database error when the store cannot be read.
    static func keptTrend(
        _ db: Database, months: ClosedRange<Month>, toleranceCents: Int64
    ) throws -> [PracticeSummary] {
        guard let span = try dataMonths(db), span.overlaps(months) else { return [] }
        let wanted = months.clamped(to: span)
        var kept: [String: StoredMonthSummary] = [:]
        for row in try StoredMonthSummary.fetch(
            db, from: wanted.lowerBound.description, through: wanted.upperBound.description,
            toleranceCents: toleranceCents)
        {
            kept[row.month] = row
        }
        var summaries: [PracticeSummary] = []
        var missing: [Month] = []
        for month in wanted.months {
            guard let row = kept[month.description] else {
                missing.append(month)
                continue
            }
            if let summary = PracticeSummary(kept: row, month: month) { summaries.append(summary) }
        }
        guard let first = missing.first, let last = missing.last else { return summaries }
        let computed = Set(missing)
        summaries += try practiceTrend(db, months: first...last, toleranceCents: toleranceCents)
            .filter { computed.contains($0.month) }
        return summaries.sorted { $0.month < $1.month }
    }
}

extension StoredMonthSummary {
    /// The kept form of a month's summary; nil for a month that holds no data.
    init(_ summary: PracticeSummary?, month: Month, toleranceCents: Int64) {
        func fraction(_ ratio: Ratio?) -> Fraction? {
            ratio.map { Fraction(numerator: $0.numerator, denominator: $0.denominator) }
        }
        self.init(
            month: month.description, toleranceCents: toleranceCents, holdsData: summary != nil,
            encounterAccuracy: fraction(summary?.encounterAccuracy), codeAccuracy: fraction(summary?.codeAccuracy),
            netImpactCents: summary?.netImpactCents, encountersAudited: Int64(summary?.encountersAudited ?? 0),
            encountersCoded: Int64(summary?.encountersCoded ?? 0),
            encountersPerHour: fraction(summary?.encountersPerHour), underpaidCents: summary?.underpaidCents)
    }
}

extension PracticeSummary {
    /// A kept summary of `month`; nil when the month holds no data.
    init?(kept: StoredMonthSummary, month: Month) {
        guard kept.holdsData else { return nil }
        func ratio(_ fraction: StoredMonthSummary.Fraction?) -> Ratio? {
            fraction.flatMap { Ratio($0.numerator, $0.denominator) }
        }
        self.init(
            month: month, encounterAccuracy: ratio(kept.encounterAccuracy), codeAccuracy: ratio(kept.codeAccuracy),
            netImpactCents: kept.netImpactCents, encountersAudited: Int(kept.encountersAudited),
            encountersCoded: Int(kept.encountersCoded), encountersPerHour: ratio(kept.encountersPerHour),
            underpaidCents: kept.underpaidCents)
    }
}
