/// The practice's headline figures for one month: the report's summary tiles
/// and, month by month, their trend lines.
public struct PracticeSummary: Sendable, Equatable {
    public var month: Month
    /// The practice row of `error_rates.csv` (SPEC 5.1); nil when nothing was audited.
    public var encounterAccuracy: Ratio?
    public var codeAccuracy: Ratio?
    /// Net financial impact of coding errors: undercoded − overcoded (SPEC 5.1).
    public var netImpactCents: Int64?
    public var encountersAudited: Int
    /// Σ `encounters_coded` over the coders of `coder_productivity.csv` (SPEC 5.3): the work month.
    public var encountersCoded: Int
    /// Σ encounters ÷ Σ hours over the coders who have hours; nil when none has.
    public var encountersPerHour: Ratio?
    /// Σ `underpaid_amount` over the payers' `ALL` rows (SPEC 5.4); nil when no line was comparable.
    public var underpaidCents: Int64?

    public init(
        month: Month, encounterAccuracy: Ratio?, codeAccuracy: Ratio?, netImpactCents: Int64?,
        encountersAudited: Int, encountersCoded: Int, encountersPerHour: Ratio?, underpaidCents: Int64?
    ) {
        self.month = month
        self.encounterAccuracy = encounterAccuracy
        self.codeAccuracy = codeAccuracy
        self.netImpactCents = netImpactCents
        self.encountersAudited = encountersAudited
        self.encountersCoded = encountersCoded
        self.encountersPerHour = encountersPerHour
        self.underpaidCents = underpaidCents
    }

    /// The summary of a month from its export rows, so the tiles always equal the exports.
    public init(
        month: Month, errorRates: [ErrorRateRow], productivity: [CoderProductivityRow],
        variance: [ReimbursementVarianceRow]
    ) {
        let practice = errorRates.first { $0.dimension == .practice }
        let withHours = productivity.filter { $0.hours != nil }
        let hours = withHours.compactMap(\.hours).reduce(Ratio(0, 1)!) { $0 + $1 }
        let payerTotals = variance.filter { $0.procedureCode == "ALL" }.compactMap(\.underpaidCents)
        self.init(
            month: month, encounterAccuracy: practice?.encounterAccuracy, codeAccuracy: practice?.codeAccuracy,
            netImpactCents: practice?.netCents, encountersAudited: practice?.encountersAudited ?? 0,
            encountersCoded: productivity.reduce(0) { $0 + $1.encountersCoded },
            encountersPerHour: withHours.isEmpty
                ? nil
                : Ratio(
                    Int64(withHours.reduce(0) { $0 + $1.encountersCoded }) * hours.denominator, hours.numerator),
            underpaidCents: payerTotals.isEmpty ? nil : payerTotals.reduce(0, +))
    }
}

extension Analytics {
    /// The practice summary of each of the `count` months ending with `month`, oldest first.
    ///
    /// - throws: A database error when the store cannot be read.
    public func practiceTrend(
        endingWith month: Month, count: Int = 12, toleranceCents: Int64 = 100
    ) throws -> [PracticeSummary] {
        var months = [month]
        while months.count < count { months.insert(months[0].previous, at: 0) }
        return try months.map { month in
            PracticeSummary(
                month: month, errorRates: try errorRates(for: month), productivity: try coderProductivity(for: month),
                variance: try reimbursementVariance(for: month, toleranceCents: toleranceCents))
        }
    }
}
