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
        let work = Self.work(productivity.map { ($0.encountersCoded, $0.hours) })
        let payerTotals = variance.filter { $0.procedureCode == "ALL" }.compactMap(\.underpaidCents)
        self.init(
            month: month, encounterAccuracy: practice?.encounterAccuracy, codeAccuracy: practice?.codeAccuracy,
            netImpactCents: practice?.netCents, encountersAudited: practice?.encountersAudited ?? 0,
            encountersCoded: work.encountersCoded, encountersPerHour: work.encountersPerHour,
            underpaidCents: payerTotals.isEmpty ? nil : payerTotals.reduce(0, +))
    }

    /// Σ encounters coded, and Σ encounters ÷ Σ hours over the coders who have
    /// hours, from each coder's figures in `coder_productivity.csv`.
    static func work(
        _ coders: [(encountersCoded: Int, hours: Ratio?)]
    ) -> (encountersCoded: Int, encountersPerHour: Ratio?) {
        let withHours = coders.filter { $0.hours != nil }
        let hours = withHours.compactMap(\.hours).reduce(Ratio(0, 1)!) { $0 + $1 }
        return (
            coders.reduce(0) { $0 + $1.encountersCoded },
            withHours.isEmpty
                ? nil
                : Ratio(Int64(withHours.reduce(0) { $0 + $1.encountersCoded }) * hours.denominator, hours.numerator)
        )
    }
}
