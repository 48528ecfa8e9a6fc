import Analytics

/// One summary tile: the month's figure, its change from the previous month and its twelve-month trend.
struct TileView {
    var label: String
    var value: String
    var change: String
    /// `good`, `bad` or `neutral`: how the change reads for the practice.
    var changeClass: String
    var detail: String
    var sparkline: String
}

extension TileView {
    /// Which way a figure should move.
    enum Better {
        case up, down, neither
    }

    /// The six tiles, in the order the summary shows them.
    static func tiles(_ data: MonthlyReportData) -> [TileView] {
        let practice = data.errorRates.first { $0.dimension == .practice }
        return [
            encounterAccuracyTile(data), codeAccuracyTile(data, practice: practice),
            netImpactTile(data, practice: practice), encountersCodedTile(data), encountersPerHourTile(data),
            underpaidTile(data),
        ]
    }

    // MARK: - One tile each

    private static func encounterAccuracyTile(_ data: MonthlyReportData) -> TileView {
        let now = data.summary
        return rateTile(
            "Encounter accuracy", now.encounterAccuracy, data.previousSummary?.encounterAccuracy,
            data.month.previous.longName,
            detail: "\(ReportFormat.count(now.encountersAudited)) encounters audited",
            id: "spark-encounter-accuracy",
            points: trend(data, { $0.encounterAccuracy?.value }, { ReportFormat.percent($0.encounterAccuracy) }))
    }

    private static func codeAccuracyTile(_ data: MonthlyReportData, practice: ErrorRateRow?) -> TileView {
        rateTile(
            "Code accuracy", data.summary.codeAccuracy, data.previousSummary?.codeAccuracy,
            data.month.previous.longName,
            detail: practice?.codeAccuracyInterval.map {
                "95% CI \(ReportFormat.percent($0.low))–\(ReportFormat.percent($0.high)), "
                    + "\(ReportFormat.count(practice?.codesReviewed ?? 0)) codes"
            } ?? "no codes reviewed",
            id: "spark-code-accuracy",
            points: trend(data, { $0.codeAccuracy?.value }, { ReportFormat.percent($0.codeAccuracy) }))
    }

    private static func netImpactTile(_ data: MonthlyReportData, practice: ErrorRateRow?) -> TileView {
        let now = data.summary
        return TileView(
            label: "Net financial impact of coding errors", value: ReportFormat.money(now.netImpactCents),
            change: moneyChange(now.netImpactCents, data.previousSummary?.netImpactCents, data.month.previous.longName),
            changeClass: "neutral",
            detail: practice?.netCents == nil
                ? "no procedure findings with a contract rate"
                : "undercoded \(ReportFormat.money(practice?.undercodedCents)) − overcoded "
                    + ReportFormat.money(practice?.overcodedCents),
            sparkline: Sparkline.svg(
                id: "spark-net-impact", title: "Net financial impact, last twelve months",
                points: trend(
                    data, { $0.netImpactCents.map { Double($0) } }, { ReportFormat.money($0.netImpactCents) })))
    }

    private static func encountersCodedTile(_ data: MonthlyReportData) -> TileView {
        let now = data.summary
        return TileView(
            label: "Encounters coded", value: ReportFormat.count(now.encountersCoded),
            change: countChange(
                now.encountersCoded, data.previousSummary?.encountersCoded, data.month.previous.longName),
            changeClass: "neutral", detail: "by \(data.productivity.count) coders",
            sparkline: Sparkline.svg(
                id: "spark-encounters-coded", title: "Encounters coded, last twelve months",
                points: trend(data, { Double($0.encountersCoded) }, { ReportFormat.count($0.encountersCoded) })))
    }

    private static func encountersPerHourTile(_ data: MonthlyReportData) -> TileView {
        let now = data.summary
        let before = data.previousSummary
        let hours = data.productivity.compactMap(\.hours).reduce(Ratio(0, 1)!) { $0 + $1 }
        return TileView(
            label: "Encounters per hour", value: ReportFormat.number(now.encountersPerHour, decimals: 2),
            change: numberChange(now.encountersPerHour, before?.encountersPerHour, data.month.previous.longName),
            changeClass: changeClass(now.encountersPerHour, before?.encountersPerHour, better: .up),
            detail: now.encountersPerHour == nil
                ? "no coder hours" : "over \(ReportFormat.number(hours, decimals: 2)) hours",
            sparkline: Sparkline.svg(
                id: "spark-encounters-per-hour", title: "Encounters per hour, last twelve months",
                points: trend(
                    data, { $0.encountersPerHour?.value },
                    { ReportFormat.number($0.encountersPerHour, decimals: 2) })))
    }

    private static func underpaidTile(_ data: MonthlyReportData) -> TileView {
        let now = data.summary
        let before = data.previousSummary
        let underpaidLines = data.variance.filter { $0.procedureCode == "ALL" }.reduce(0) { $0 + $1.underpaidLines }
        return TileView(
            label: "Underpaid amount", value: ReportFormat.money(now.underpaidCents),
            change: moneyChange(now.underpaidCents, before?.underpaidCents, data.month.previous.longName),
            changeClass: changeClass(
                now.underpaidCents.map { Ratio($0, 1)! }, before?.underpaidCents.map { Ratio($0, 1)! },
                better: .down),
            detail: now.underpaidCents == nil
                ? "no line with both a contract rate and an allowed amount"
                : "\(ReportFormat.count(underpaidLines)) underpaid lines",
            sparkline: Sparkline.svg(
                id: "spark-underpaid", title: "Underpaid amount, last twelve months",
                points: trend(
                    data, { $0.underpaidCents.map { Double($0) } }, { ReportFormat.money($0.underpaidCents) })))
    }

    /// A figure over the twelve months the sparklines show, for the months that
    /// hold data: the month's slot (0 for eleven months before the report's),
    /// short name, value to plot (nil: no figure) and text for the description.
    /// A month without data has no point at all, rather than a zero.
    private static func trend(
        _ data: MonthlyReportData, _ value: (PracticeSummary) -> Double?, _ text: (PracticeSummary) -> String
    ) -> [Sparkline.Point] {
        let first = data.month.advanced(by: -11)
        return data.trend.filter { $0.month >= first && $0.month <= data.month }.map { summary in
            let slot = (summary.month.year - first.year) * 12 + summary.month.month - first.month
            return (slot, summary.month.shortName, value(summary), text(summary))
        }
    }

    private static func rateTile(
        _ label: String, _ now: Ratio?, _ before: Ratio?, _ previousName: String, detail: String, id: String,
        points: [Sparkline.Point]
    ) -> TileView {
        let change: String
        if let now, let before {
            let points = Ratio((now - before).numerator * 100, (now - before).denominator)!
            change = signed(ReportFormat.number(points, decimals: 1)) + " points from " + previousName
        } else {
            change = missing(now, before, previousName)
        }
        return TileView(
            label: label, value: ReportFormat.percent(now), change: change,
            changeClass: changeClass(now, before, better: .up), detail: detail,
            sparkline: Sparkline.svg(id: id, title: "\(label), last twelve months", points: points))
    }

    private static func moneyChange(_ now: Int64?, _ before: Int64?, _ previousName: String) -> String {
        guard let now, let before else { return missing(now, before, previousName) }
        return signed(ReportFormat.money(now - before)) + " from " + previousName
    }

    private static func countChange(_ now: Int, _ before: Int?, _ previousName: String) -> String {
        guard let before else { return "no figure for \(previousName)" }
        let percent = before == 0 ? "" : " (\(signed(ReportFormat.percent(Ratio(now - before, before), decimals: 1))))"
        return signed(ReportFormat.count(now - before)) + percent + " from " + previousName
    }

    private static func numberChange(_ now: Ratio?, _ before: Ratio?, _ previousName: String) -> String {
        guard let now, let before else { return missing(now, before, previousName) }
        return signed(ReportFormat.number(now - before, decimals: 2)) + " from " + previousName
    }

    private static func missing<T>(_ now: T?, _ before: T?, _ previousName: String) -> String {
        now == nil ? "no figure this month" : "no figure for \(previousName)"
    }

    /// `+1.2` for a rise; a fall keeps its minus sign; no change is `no change`-free `0.0`.
    private static func signed(_ text: String) -> String {
        text.hasPrefix("−") || text.allSatisfy({ "0.,%$".contains($0) }) ? text : "+" + text
    }

    private static func changeClass(_ now: Ratio?, _ before: Ratio?, better: Better) -> String {
        guard let now, let before else { return "neutral" }
        let difference = (now - before).numerator
        if difference == 0 || better == .neither { return "neutral" }
        return (difference > 0) == (better == .up) ? "good" : "bad"
    }
}
