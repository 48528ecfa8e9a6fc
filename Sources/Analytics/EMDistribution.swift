import GRDB

extension Analytics {
    /// The office/outpatient E/M level distribution for the service `month`
    /// (SPEC 5.5), ordered by provider, category (new, then established) and
    /// level.
    ///
    /// A provider with visits in a category gets one row per level of that
    /// category, zero-visit levels included; a visit is an E/M line (its units
    /// do not count). Shares compare the provider with all providers.
    ///
    /// - throws: any database error.
    public func emDistribution(for month: Month) throws -> [EMDistributionRow] {
        try database.read { db in try Self.emDistribution(db, month: month) }
    }

    /// The rows of `em_distribution.csv` from an open read.
    static func emDistribution(_ db: Database, month: Month) throws -> [EMDistributionRow] {
        let counts = try Row.fetchAll(db, sql: EMLevels.visitsSQL, arguments: [month.firstDay, month.nextFirstDay])
        var providers: [String] = []
        var visits: [String: [String: Int]] = [:]
        var practice: [String: Int] = [:]
        for row in counts {
            let provider: String = row["provider"]
            let level: String = row["level"]
            let count: Int = row["visits"]
            if visits[provider] == nil { providers.append(provider) }
            visits[provider, default: [:]][level] = count
            practice[level, default: 0] += count
        }
        return providers.flatMap { provider in
            EMDistributionRow.Category.allCases.flatMap { category in
                Self.emRows(
                    month: month, provider: provider, category: category, visits: visits[provider] ?? [:],
                    practice: practice)
            }
        }
    }

    /// The rows of one provider and category, or none when the provider has no
    /// visit in the category.
    private static func emRows(
        month: Month, provider: String, category: EMDistributionRow.Category, visits: [String: Int],
        practice: [String: Int]
    ) -> [EMDistributionRow] {
        let levels = EMLevels.codes(category)
        let total = levels.reduce(0) { $0 + visits[$1, default: 0] }
        let practiceTotal = levels.reduce(0) { $0 + practice[$1, default: 0] }
        guard total > 0 else { return [] }
        return levels.map { level in
            let count = visits[level, default: 0]
            let share = Ratio(count, total)
            let practiceShare = Ratio(practice[level, default: 0], practiceTotal)
            let difference = share.flatMap { share in practiceShare.map { share - $0 } }
            return EMDistributionRow(
                month: month, provider: provider, category: category, level: level, visits: count, share: share,
                practiceShare: practiceShare, difference: difference,
                flagged: count >= EMLevels.flagVisits && difference.map(EMLevels.isFlaggedDifference) ?? false)
        }
    }
}

/// The office/outpatient E/M codes and the report's flag thresholds.
private enum EMLevels {
    static func codes(_ category: EMDistributionRow.Category) -> [String] {
        switch category {
        case .new: ["99202", "99203", "99204", "99205"]
        case .established: ["99211", "99212", "99213", "99214", "99215"]
        }
    }

    /// A level is flagged only when it holds at least this many of the provider's visits.
    static let flagVisits = 20

    /// |difference| ≥ 15 percentage points, compared in integers so that a
    /// difference of exactly 0.15 is flagged.
    static func isFlaggedDifference(_ difference: Ratio) -> Bool {
        difference.numerator.magnitude * 100 >= 15 * difference.denominator.magnitude
    }

    /// Every code, quoted for SQL: `'99202', '99203', …`.
    private static let allCodes = EMDistributionRow.Category.allCases.flatMap(codes).map { "'\($0)'" }
        .joined(separator: ", ")

    static let visitsSQL = """
        SELECT e.provider, l.procedure_code AS level, COUNT(*) AS visits
        FROM encounter_line l JOIN encounter e ON e.id = l.encounter_id
        WHERE e.service_date >= ? AND e.service_date < ?
          AND l.procedure_code IN (\(allCodes))
        GROUP BY e.provider, l.procedure_code
        ORDER BY e.provider, l.procedure_code
        """
}
