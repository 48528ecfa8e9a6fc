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
        try database.read { db in
            let period = try ServicePeriod(db, months: month...month, worked: false)
            var visits = EMVisits()
            try period.forEachLine(db) { encounter, line in
                guard encounter.monthIndex == 0 else { return }
                visits.add(provider: encounter.provider, code: line.code)
            }
            return visits.rows(month: month, providers: period.providers.strings, codes: period.codes.strings)
        }
    }
}

/// A month's lines counted by provider and code number; the office/outpatient
/// E/M codes among them make `em_distribution.csv`.
struct EMVisits {
    private var visits: [Int: [Int: Int]] = [:]

    mutating func add(provider: Int, code: Int) {
        visits[provider, default: [:]][code, default: 0] += 1
    }

    /// The rows of `em_distribution.csv`, providers and codes named by
    /// `providers` and `codes`, providers in byte order as SQL sorts them.
    func rows(month: Month, providers providerNames: [String], codes codeNames: [String]) -> [EMDistributionRow] {
        var practice: [String: Int] = [:]
        var providers: [(name: String, visits: [String: Int])] = []
        for (provider, codes) in visits {
            var levels: [String: Int] = [:]
            for (code, count) in codes where EMLevels.all.contains(codeNames[code]) {
                levels[codeNames[code]] = count
                practice[codeNames[code], default: 0] += count
            }
            if !levels.isEmpty { providers.append((providerNames[provider], levels)) }
        }
        providers.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return providers.flatMap { provider in
            EMDistributionRow.Category.allCases.flatMap { category in
                Analytics.emRows(
                    month: month, provider: provider.name, category: category, visits: provider.visits,
                    practice: practice)
            }
        }
    }
}

extension Analytics {
    /// The rows of one provider and category, or none when the provider has no
    /// visit in the category.
    fileprivate static func emRows(
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

    /// Every code.
    static let all = Set(EMDistributionRow.Category.allCases.flatMap(codes))
}
