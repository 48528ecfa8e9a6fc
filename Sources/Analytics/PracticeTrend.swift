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
    /// range per figure rather than month by month.
    ///
    /// A month holds data when an encounter line has its service date in it
    /// or an encounter was worked in it (coded, or else serviced): the months
    /// whose exports have a row. Audits and remittances belong to encounters,
    /// so they add no month; hours count only for coders who worked
    /// encounters. A month without data is left out rather than shown as zero.
    ///
    /// - throws: A database error when the store cannot be read.
    static func practiceTrend(
        _ db: Database, months: ClosedRange<Month>, toleranceCents: Int64
    ) throws -> [PracticeSummary] {
        let window = TrendWindow(months)
        let schedule = try FeeSchedule(db, months: months)
        let accuracy = try window.accuracy(db, schedule: schedule)
        let work = try window.work(db)
        let lines = try window.lines(
            db, schedule: schedule, toleranceCents: toleranceCents,
            remitted: Reconciliation(db, months: months).lines)
        return window.months.indices.compactMap { index in
            guard lines[index].lines > 0 || !work[index].isEmpty else { return nil }
            let month = window.months[index]
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

/// The months of a trend and the grouped reads that fill them, each month's
/// figures at its offset from the first.
private struct TrendWindow {
    let months: [Month]
    let first: Month
    /// The range's days: `>= first AND < next`.
    let days: (first: String, next: String)

    init(_ range: ClosedRange<Month>) {
        months = range.months
        first = range.lowerBound
        days = (range.lowerBound.firstDay, range.upperBound.nextFirstDay)
    }

    var arguments: StatementArguments { ["first": days.first, "next": days.next] }

    /// The offset of the month of `day` (`YYYY-MM…`), read from its digits: a
    /// date string the store holds, in the range.
    func offset(ofDay day: String) -> Int {
        var digits = day.utf8.makeIterator()
        var year = 0
        for _ in 0..<4 { year = year * 10 + Int(digits.next()! &- 48) }
        _ = digits.next()
        let month = Int(digits.next()! &- 48) * 10 + Int(digits.next()! &- 48)
        return (year - first.year) * 12 + month - first.month
    }

    /// The practice row of `error_rates.csv` of each month, tallied from one
    /// pass over the range's findings.
    func accuracy(_ db: Database, schedule: FeeSchedule) throws -> [AccuracyTally?] {
        var tallies = [AccuracyTally?](repeating: nil, count: months.count)
        let rows = try Row.fetchCursor(db, sql: ReviewedCode.sql, arguments: [days.first, days.next])
        while let row = try rows.next() {
            let code = ReviewedCode(row, schedule: schedule)
            let index = offset(ofDay: code.serviceDate)
            if tallies[index] == nil { tallies[index] = AccuracyTally() }
            tallies[index]!.add(code)
        }
        return tallies
    }

    /// Each month's coders with their encounters and hours, as `coder_productivity.csv`
    /// counts them: encounters by the day worked, hours from the hours file, else the minutes.
    func work(_ db: Database) throws -> [[String: (encountersCoded: Int, hours: Ratio?)]] {
        var centihours = [[String: Int64]](repeating: [:], count: months.count)
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT substr(work_date, 1, 7) AS month, coder, SUM(centihours) FROM coder_hours
                WHERE work_date >= :first AND work_date < :next
                GROUP BY month, coder
                """, arguments: arguments)
        {
            centihours[offset(ofDay: row[0])][row[1]] = row[2]
        }
        var coders = [[String: (encountersCoded: Int, hours: Ratio?)]](repeating: [:], count: months.count)
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT substr(COALESCE(substr(coded_at, 1, 10), service_date), 1, 7) AS month, coder,
                       COUNT(*), SUM(coding_minutes)
                FROM encounter
                WHERE COALESCE(substr(coded_at, 1, 10), service_date) >= :first
                  AND COALESCE(substr(coded_at, 1, 10), service_date) < :next
                GROUP BY month, coder
                """, arguments: arguments)
        {
            let index = offset(ofDay: row[0])
            let coder: String = row[1]
            coders[index][coder] = (row[2], Analytics.hours(centihours: centihours[index][coder], minutes: row[3]))
        }
        return coders
    }

    /// Each month's lines as the variance's payer totals add them up: priced by
    /// the fee schedule, remitted amounts in place of the export's, in one pass.
    func lines(
        _ db: Database, schedule: FeeSchedule, toleranceCents: Int64, remitted: [Int64: RemittedLine]
    ) throws -> [VarianceTally] {
        var tallies = [VarianceTally](repeating: VarianceTally(), count: months.count)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.service_date, e.payer, l.procedure_code, l.units, l.charge_cents, l.allowed_cents,
                       l.paid_cents, l.modifier_1, l.modifier_2, l.modifier_3, l.modifier_4, l.id
                FROM encounter e
                JOIN encounter_line l ON l.encounter_id = e.id
                WHERE e.service_date >= :first AND e.service_date < :next
                """, arguments: arguments)
        while let row = try rows.next() {
            let day: String = row[0]
            let payer: String = row[1]
            let code: String = row[2]
            let modifiers = [row[7], row[8], row[9], row[10]].compactMap { $0 as String? }
            let remittance = remitted[row[11] as Int64]
            let line = PricedLine(
                units: row[3], chargeCents: row[4], allowedCents: remittance?.allowedCents ?? row[5],
                paidCents: remittance?.paidCents ?? row[6],
                rateCents: schedule.rate(payer: payer, code: code, modifiers: modifiers, on: day))
            tallies[offset(ofDay: day)].add(line, toleranceCents: toleranceCents)
        }
        return tallies
    }
}
