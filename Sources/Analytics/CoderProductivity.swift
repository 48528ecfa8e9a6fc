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
        try database.read { db in try Self.coderProductivity(db, month: month) }
    }

    /// The rows of `coder_productivity.csv` from an open read.
    static func coderProductivity(_ db: Database, month: Month) throws -> [CoderProductivityRow] {
        let arguments: StatementArguments = ["first": month.firstDay, "next": month.nextFirstDay]
        var turnarounds: [String: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: CoderProductivitySQL.turnarounds, arguments: arguments) {
            turnarounds[row["coder"], default: []].append(row["days"])
        }
        return try Row.fetchAll(db, sql: CoderProductivitySQL.totals, arguments: arguments).map { row in
            let coder: String = row["coder"]
            let encounters: Int = row["encounters"]
            let hours = Self.hours(centihours: row["centihours"], minutes: row["minutes"])
            let days = turnarounds[coder] ?? []
            return CoderProductivityRow(
                month: month, coder: coder, encountersCoded: encounters, linesCoded: row["lines"],
                codesAssigned: row["codes"], hours: hours,
                encountersPerHour: hours.flatMap { Ratio(Int64(encounters) * $0.denominator, $0.numerator) },
                medianTurnaroundDays: TurnaroundDays.median(days), p90TurnaroundDays: TurnaroundDays.p90(days),
                encountersAudited: row["audited"], codeAccuracy: Ratio(row["agreed"] as Int64, row["findings"]))
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

private enum CoderProductivitySQL {
    /// The encounters worked in the month `:first` ..< `:next`.
    static let work = """
        work AS (
            SELECT e.id, e.coder, e.service_date,
                   substr(e.coded_at, 1, 10) AS coded_day, e.coding_minutes
            FROM encounter e
            WHERE COALESCE(substr(e.coded_at, 1, 10), e.service_date) >= :first
              AND COALESCE(substr(e.coded_at, 1, 10), e.service_date) < :next
        )
        """

    /// Each coder's days from service to coding, sorted for the median and p90.
    static let turnarounds = """
        WITH \(work)
        SELECT coder, CAST(round(julianday(coded_day) - julianday(service_date)) AS INTEGER) AS days
        FROM work
        WHERE coded_day IS NOT NULL
        ORDER BY coder, days
        """

    /// One row per coder. Every joined table is first grouped by encounter
    /// (or coder, for hours), so no join multiplies another's rows; CROSS JOIN
    /// keeps SQLite reading the month's encounters first rather than every line.
    static let totals = """
        WITH \(work),
        lines AS (
            SELECT l.encounter_id, COUNT(*) AS lines,
                   COUNT(l.modifier_1) + COUNT(l.modifier_2) + COUNT(l.modifier_3) + COUNT(l.modifier_4) AS modifiers
            FROM work w CROSS JOIN encounter_line l ON l.encounter_id = w.id
            GROUP BY l.encounter_id
        ),
        diagnoses AS (
            SELECT d.encounter_id, COUNT(*) AS diagnoses
            FROM work w CROSS JOIN encounter_diagnosis d ON d.encounter_id = w.id
            GROUP BY d.encounter_id
        ),
        findings AS (
            SELECT f.encounter_id, COUNT(*) AS findings, SUM(f.outcome = 'agree') AS agreed
            FROM work w CROSS JOIN audit_finding f ON f.encounter_id = w.id
            GROUP BY f.encounter_id
        ),
        hours AS (
            SELECT coder, SUM(centihours) AS centihours
            FROM coder_hours
            WHERE work_date >= :first AND work_date < :next
            GROUP BY coder
        )
        SELECT w.coder,
               COUNT(*) AS encounters,
               COALESCE(SUM(ln.lines), 0) AS lines,
               COALESCE(SUM(ln.lines), 0) + COALESCE(SUM(ln.modifiers), 0) + COALESCE(SUM(dx.diagnoses), 0) AS codes,
               MAX(h.centihours) AS centihours,
               SUM(w.coding_minutes) AS minutes,
               COUNT(f.encounter_id) AS audited,
               COALESCE(SUM(f.findings), 0) AS findings,
               COALESCE(SUM(f.agreed), 0) AS agreed
        FROM work w
        LEFT JOIN lines ln ON ln.encounter_id = w.id
        LEFT JOIN diagnoses dx ON dx.encounter_id = w.id
        LEFT JOIN findings f ON f.encounter_id = w.id
        LEFT JOIN hours h ON h.coder = w.coder
        GROUP BY w.coder
        ORDER BY w.coder
        """
}
