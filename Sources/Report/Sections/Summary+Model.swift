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

    static func tiles(_ data: MonthlyReportData) -> [TileView] {
        let now = data.summary
        let before = data.previousSummary
        let practice = data.errorRates.first { $0.dimension == .practice }
        let previousName = data.month.previous.longName
        let hours = data.productivity.compactMap(\.hours).reduce(Ratio(0, 1)!) { $0 + $1 }
        let underpaidLines = data.variance.filter { $0.procedureCode == "ALL" }.reduce(0) { $0 + $1.underpaidLines }
        func trend(_ value: (PracticeSummary) -> Double?, _ text: (PracticeSummary) -> String) -> [(
            String, Double?, String
        )] {
            data.trend.map { ($0.month.shortName, value($0), text($0)) }
        }
        return [
            rateTile(
                "Encounter accuracy", now.encounterAccuracy, before?.encounterAccuracy, previousName,
                detail: "\(ReportFormat.count(now.encountersAudited)) encounters audited",
                id: "spark-encounter-accuracy",
                points: trend({ $0.encounterAccuracy?.value }, { ReportFormat.percent($0.encounterAccuracy) })),
            rateTile(
                "Code accuracy", now.codeAccuracy, before?.codeAccuracy, previousName,
                detail: practice?.codeAccuracyInterval.map {
                    "95% CI \(ReportFormat.percent($0.low))–\(ReportFormat.percent($0.high)), "
                        + "\(ReportFormat.count(practice?.codesReviewed ?? 0)) codes"
                } ?? "no codes reviewed",
                id: "spark-code-accuracy",
                points: trend({ $0.codeAccuracy?.value }, { ReportFormat.percent($0.codeAccuracy) })),
            TileView(
                label: "Net financial impact of coding errors", value: ReportFormat.money(now.netImpactCents),
                change: moneyChange(now.netImpactCents, before?.netImpactCents, previousName), changeClass: "neutral",
                detail: practice?.netCents == nil
                    ? "no procedure findings with a contract rate"
                    : "undercoded \(ReportFormat.money(practice?.undercodedCents)) − overcoded "
                        + ReportFormat.money(practice?.overcodedCents),
                sparkline: Sparkline.svg(
                    id: "spark-net-impact", title: "Net financial impact, last twelve months",
                    points: trend({ $0.netImpactCents.map { Double($0) } }, { ReportFormat.money($0.netImpactCents) }))),
            TileView(
                label: "Encounters coded", value: ReportFormat.count(now.encountersCoded),
                change: countChange(now.encountersCoded, before?.encountersCoded, previousName),
                changeClass: "neutral", detail: "by \(data.productivity.count) coders",
                sparkline: Sparkline.svg(
                    id: "spark-encounters-coded", title: "Encounters coded, last twelve months",
                    points: trend({ Double($0.encountersCoded) }, { ReportFormat.count($0.encountersCoded) }))),
            TileView(
                label: "Encounters per hour", value: ReportFormat.number(now.encountersPerHour, decimals: 2),
                change: numberChange(now.encountersPerHour, before?.encountersPerHour, previousName),
                changeClass: changeClass(now.encountersPerHour, before?.encountersPerHour, better: .up),
                detail: now.encountersPerHour == nil
                    ? "no coder hours" : "over \(ReportFormat.number(hours, decimals: 2)) hours",
                sparkline: Sparkline.svg(
                    id: "spark-encounters-per-hour", title: "Encounters per hour, last twelve months",
                    points: trend(
                        { $0.encountersPerHour?.value }, { ReportFormat.number($0.encountersPerHour, decimals: 2) }))),
            TileView(
                label: "Underpaid amount", value: ReportFormat.money(now.underpaidCents),
                change: moneyChange(now.underpaidCents, before?.underpaidCents, previousName),
                changeClass: changeClass(
                    now.underpaidCents.map { Ratio($0, 1)! }, before?.underpaidCents.map { Ratio($0, 1)! },
                    better: .down),
                detail: now.underpaidCents == nil
                    ? "no line with both a contract rate and an allowed amount"
                    : "\(ReportFormat.count(underpaidLines)) underpaid lines",
                sparkline: Sparkline.svg(
                    id: "spark-underpaid", title: "Underpaid amount, last twelve months",
                    points: trend({ $0.underpaidCents.map { Double($0) } }, { ReportFormat.money($0.underpaidCents) }))),
        ]
    }

    private static func rateTile(
        _ label: String, _ now: Ratio?, _ before: Ratio?, _ previousName: String, detail: String, id: String,
        points: [(String, Double?, String)]
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
