import GRDB

extension Analytics {
    /// Coder productivity for the work `month` (SPEC 5.3): one row per coder
    /// with at least one encounter worked in the month, ordered by coder.
    ///
    /// An encounter's work day is the date of its `coded_at` (its first ten
    /// characters, as written), else its service date. Hours come from the
    /// hours file when the coder has rows dated in the month, else from the
    /// encounters' `coding_minutes`.
    ///
    /// - throws: any database error.
    public func coderProductivity(for month: Month) throws -> [CoderProductivityRow] {
        try database.read { db in
            let period = try ServicePeriod(db, months: month...month)
            var tally = ProductivityTally(period: period, monthIndex: 0)
            try period.forEachLine(db) { encounter, line in
                tally.addLine(of: encounter, modifiers: line.modifiers.count)
            }
            try period.forEachDiagnosis(ofMonth: 0, db) { encounter, _, _ in tally.addDiagnosis(of: encounter) }
            try period.forEachFinding(db) { encounter, finding in tally.add(finding, of: encounter) }
            return try tally.rows(db)
        }
    }

    /// Hundredths from the hours file win; otherwise the minute sum, which is
    /// REAL, is made exact by rounding it to thousandths of a minute.
    static func hours(centihours: Int64?, minutes: Double?) -> Ratio? {
        if let centihours { return Ratio(centihours, 100) }
        guard let minutes else { return nil }
        return Ratio(Int64((minutes * 1000).rounded()), 60_000)
    }
}

/// Turnaround in whole days, summarised over one coder's encounters.
enum TurnaroundDays {
    /// The middle value of `sorted`, or the average of the middle two for an
    /// even count; nil when empty.
    static func median(_ sorted: [Int64]) -> Ratio? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return Ratio(sorted[middle], 1) }
        return Ratio(sorted[middle - 1] + sorted[middle], 2)
    }

    /// The nearest-rank 90th percentile of `sorted`: its ⌈0.9·n⌉-th smallest
    /// value (1-based); nil when empty.
    static func p90(_ sorted: [Int64]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = (9 * sorted.count + 9) / 10
        return Int(sorted[rank - 1])
    }
}

/// The rows of `coder_productivity.csv` of one month of a period, added up
/// from the encounters worked in it (coded in it, else serviced in it), a line,
/// a diagnosis and a finding at a time.
struct ProductivityTally {
    private struct Coder {
        var encounters = 0
        var lines = 0
        var modifiers = 0
        var diagnoses = 0
        /// Σ coding minutes; nil until an encounter has some.
        var minutes: Double?
        var audited: Set<Int64> = []
        var findings = 0
        var agreed = 0
        var turnarounds: [Int64] = []

        mutating func add(_ encounter: ServicePeriod.Encounter) {
            encounters += 1
            if let minutes = encounter.codingMinutes { self.minutes = (self.minutes ?? 0) + minutes }
            if let days = encounter.turnaroundDays { turnarounds.append(days) }
        }
    }

    let period: ServicePeriod
    /// The work month, as an offset in the period.
    let monthIndex: Int
    /// By coder number.
    private var coders: [Int: Coder] = [:]

    /// Starts with the encounters of `period` worked in its month `monthIndex`.
    init(period: ServicePeriod, monthIndex: Int) {
        self.period = period
        self.monthIndex = monthIndex
        for encounter in period.encounters where encounter.workMonthIndex == monthIndex {
            // In place: a copy of the coder would copy its turnarounds at every append.
            coders[encounter.coder, default: Coder()].add(encounter)
        }
    }

    /// Counts a line (and its modifiers) of `encounter`, when it was worked in the month.
    mutating func addLine(of encounter: ServicePeriod.Encounter, modifiers: Int) {
        guard encounter.workMonthIndex == monthIndex else { return }
        coders[encounter.coder]!.lines += 1
        coders[encounter.coder]!.modifiers += modifiers
    }

    mutating func addDiagnosis(of encounter: ServicePeriod.Encounter) {
        guard encounter.workMonthIndex == monthIndex else { return }
        coders[encounter.coder]!.diagnoses += 1
    }

    mutating func add(_ finding: ServicePeriod.Finding, of encounter: ServicePeriod.Encounter) {
        guard encounter.workMonthIndex == monthIndex else { return }
        coders[encounter.coder]!.audited.insert(encounter.id)
        coders[encounter.coder]!.findings += 1
        if finding.outcome == .agree { coders[encounter.coder]!.agreed += 1 }
    }

    /// One row per coder, in byte order as SQL sorts them; hours from the hours
    /// file where the coder has rows dated in the month, else from the minutes.
    ///
    /// - throws: A database error when the hours cannot be read.
    func rows(_ db: Database) throws -> [CoderProductivityRow] {
        let month = period.months[monthIndex]
        var centihours: [String: Int64] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT coder, SUM(centihours) FROM coder_hours WHERE work_date >= ? AND work_date < ? GROUP BY coder
                """, arguments: [month.firstDay, month.nextFirstDay])
        {
            centihours[row[0]] = row[1]
        }
        return coders.map { (name: period.coders.strings[$0.key], figures: $0.value) }
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            .map { coder in
                let figures = coder.figures
                let hours = Analytics.hours(centihours: centihours[coder.name], minutes: figures.minutes)
                let days = figures.turnarounds.sorted()
                return CoderProductivityRow(
                    month: month, coder: coder.name, encountersCoded: figures.encounters, linesCoded: figures.lines,
                    codesAssigned: figures.lines + figures.modifiers + figures.diagnoses, hours: hours,
                    encountersPerHour: hours.flatMap {
                        Ratio(Int64(figures.encounters) * $0.denominator, $0.numerator)
                    },
                    medianTurnaroundDays: TurnaroundDays.median(days), p90TurnaroundDays: TurnaroundDays.p90(days),
                    encountersAudited: figures.audited.count,
                    codeAccuracy: Ratio(Int64(figures.agreed), Int64(figures.findings)))
            }
    }
}
