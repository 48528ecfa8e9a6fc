import GRDB

extension Analytics {
    /// The practice summary of each of the `count` months ending with `month`
    /// that holds data, oldest first (see `practiceTrend(_:months:toleranceCents:)`).
    ///
    /// - throws: A database error when the store cannot be read.
    public func practiceTrend(
        endingWith month: Month, count: Int = 12, toleranceCents: Int64 = 100
    ) throws -> [PracticeSummary] {
        try database.read { db in
            try Self.practiceTrend(
                db, months: month.advanced(by: 1 - max(count, 1))...month, toleranceCents: toleranceCents)
        }
    }

    /// The summary of each month of `months` that holds data, oldest first:
    /// each figure equal to what `PracticeSummary(month:errorRates:productivity:variance:)`
    /// makes of that month's exports, but read in one pass over the whole
    /// range per table rather than month by month.
    ///
    /// A month holds data when an encounter line has its service date in it
    /// or an encounter was worked in it (coded, or else serviced): the months
    /// whose exports have a row. Audits and remittances belong to encounters,
    /// so they add no month; hours count only for coders who worked
    /// encounters. A month without data is left out rather than shown as zero.
    ///
    /// - throws: A database error when the store cannot be read.
    static func practiceTrend(
        _ db: Database, months: ClosedRange<Month>, toleranceCents: Int64, expectedEncounters: Int? = nil
    ) throws -> [PracticeSummary] {
        let period = try ServicePeriod(db, months: months, expectedEncounters: expectedEncounters)
        let remitted = try Reconciliation(db, months: months).lines
        var rates = RateCache(period.schedule)
        var trend = TrendTallies(months: period.months, toleranceCents: toleranceCents)
        try period.forEachLine(db) { encounter, line in
            guard period.months.indices.contains(encounter.monthIndex) else { return }
            trend.add(
                PricedLine(line, of: encounter, in: period, remitted: remitted[line.id], rates: &rates),
                month: encounter.monthIndex)
        }
        try period.forEachFinding(db) { encounter, finding in
            guard period.months.indices.contains(encounter.monthIndex) else { return }
            trend.add(ReviewedCode(encounter, finding, in: period), month: encounter.monthIndex)
        }
        try trend.addWork(of: period, db)
        return trend.summaries()
    }
}

/// The trend's figures of each of a run of months, added up a line, a finding
/// and an encounter at a time with the tallies the exports themselves use, so
/// that each month's summary is what its exports give. Lines and findings of
/// later months (the report's own) are left out.
struct TrendTallies {
    let months: [Month]
    let toleranceCents: Int64
    /// The practice row of `error_rates.csv`, per month.
    private var accuracy: [AccuracyTally?]
    /// The lines of `reimbursement_variance.csv`, all payers together, per month.
    private var lines: [VarianceTally]
    /// Each coder's encounters and hours of `coder_productivity.csv`, per month.
    private var work: [[String: (encountersCoded: Int, hours: Ratio?)]]

    init(months: [Month], toleranceCents: Int64) {
        self.months = months
        self.toleranceCents = toleranceCents
        accuracy = Array(repeating: nil, count: months.count)
        lines = Array(repeating: VarianceTally(), count: months.count)
        work = Array(repeating: [:], count: months.count)
    }

    mutating func add(_ line: PricedLine, month index: Int) {
        guard months.indices.contains(index) else { return }
        lines[index].add(line, toleranceCents: toleranceCents)
    }

    mutating func add(_ code: ReviewedCode, month index: Int) {
        guard months.indices.contains(index) else { return }
        if accuracy[index] == nil { accuracy[index] = AccuracyTally() }
        accuracy[index]!.add(code)
    }

    /// Each month's coders with their encounters and hours, as `coder_productivity.csv`
    /// counts them: encounters by the day worked, hours from the hours file, else the minutes.
    ///
    /// - throws: A database error when the hours cannot be read.
    mutating func addWork(of period: ServicePeriod, _ db: Database) throws {
        guard let first = months.first, let last = months.last else { return }
        var centihours = [[String: Int64]](repeating: [:], count: months.count)
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT substr(work_date, 1, 7) AS month, coder, SUM(centihours) FROM coder_hours
                WHERE work_date >= ? AND work_date < ?
                GROUP BY month, coder
                """, arguments: [first.firstDay, last.nextFirstDay])
        {
            let month: String = row[0]
            centihours[ServicePeriod.monthIndex(of: month, from: first)][row[1]] = row[2]
        }
        // The period's months start with these.
        var coders = [[Int: (encounters: Int, minutes: Double?)]](repeating: [:], count: months.count)
        for encounter in period.encounters where months.indices.contains(encounter.workMonthIndex) {
            var coder = coders[encounter.workMonthIndex][encounter.coder, default: (0, nil)]
            coder.encounters += 1
            if let minutes = encounter.codingMinutes { coder.minutes = (coder.minutes ?? 0) + minutes }
            coders[encounter.workMonthIndex][encounter.coder] = coder
        }
        for index in months.indices {
            for (number, coder) in coders[index] {
                let name = period.coders.strings[number]
                work[index][name] = (
                    coder.encounters, Analytics.hours(centihours: centihours[index][name], minutes: coder.minutes)
                )
            }
        }
    }

    /// The summaries of the months that hold data, oldest first.
    func summaries() -> [PracticeSummary] {
        months.indices.compactMap { index in
            guard lines[index].lines > 0 || !work[index].isEmpty else { return nil }
            let month = months[index]
            let practice = accuracy[index]?.row(month: month, group: ReviewedCode.practice)
            // Sums of exact, reduced ratios: the coders' order does not matter.
            let coded = PracticeSummary.work(Array(work[index].values))
            return PracticeSummary(
                month: month, encounterAccuracy: practice?.encounterAccuracy, codeAccuracy: practice?.codeAccuracy,
                netImpactCents: practice?.netCents, encountersAudited: practice?.encountersAudited ?? 0,
                encountersCoded: coded.encountersCoded, encountersPerHour: coded.encountersPerHour,
                underpaidCents: lines[index].row(month: month, payer: "ALL", procedureCode: "ALL").underpaidCents)
        }
    }
}
