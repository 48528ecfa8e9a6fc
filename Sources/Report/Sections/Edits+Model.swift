import Analytics
import Edits

/// Automated edits (SPEC 8): how many of the month's encounters the edits
/// flag, by coder and by provider; which edits and PTP pairs fire most; and
/// whether auditors find more errors in flagged encounters than in the others.
/// Aggregates only: no encounter id or patient reaches the page.
struct EditsView {
    struct Group {
        var heading: String
        var dimension: String
        var chart: String
        var rows: [Row]
        var hasRows: Bool
    }

    struct Row {
        var group: String
        var encounters: String
        var flagged: String
        var flagRate: String
        var interval: String
        var flags: String
        var atRisk: String
        /// `4 of 17`: flagged encounters audited with an error, of those audited.
        var flaggedErrors: String
        var otherErrors: String
        var smallSample: Bool
    }

    struct KindRow {
        var edit: String
        var id: String
        var flags: String
        var share: String
        var atRisk: String
    }

    struct PairRow {
        var column1: String
        var column2: String
        var flags: String
        var atRisk: String
    }

    /// A table never imported, the edit it leaves idle, and the command that fills it.
    struct MissingTable {
        var sentence: String
        var command: String
    }

    /// The month has encounters for the edits to run over.
    var hasData: Bool
    var summary: String
    var groups: [Group]
    var kinds: [KindRow]
    var hasKinds: Bool
    var pairs: [PairRow]
    var hasPairs: Bool
    var ptpImported: Bool
    var comparison: String
    var fewAudits: String
    var hasFewAudits: Bool
    /// No comparison to speak of yet: the page suggests a risk-based sample.
    var suggestRiskSample: Bool
    var missing: [MissingTable]
    var hasMissing: Bool
    var stillRun: String

    /// Fewer encounters than this and a flag rate's interval is too wide to judge a person by (as for accuracy).
    static let smallSample = AccuracyView.smallSample
    /// Fewer audited encounters than this on either side and the flagged-against-unflagged comparison is a hint.
    static let fewAudits = 10
    /// How many PTP pairs the report lists.
    static let pairCount = 10

    init(_ edits: MonthlyEdits) {
        let practice = edits.rates.first { $0.dimension == .practice }
        hasData = (practice?.encounters ?? 0) > 0
        summary = practice.map(Self.summary) ?? ""
        let practiceRate = practice?.flagRate.map { (rate: $0.value, label: "practice \(ReportFormat.percent($0))") }
        groups = [(EditRateRow.Dimension.coder, "by coder"), (.provider, "by provider")].map { dimension, heading in
            let rows = edits.rates.filter { $0.dimension == dimension }
            return Group(
                heading: heading, dimension: dimension == .coder ? "Coder" : "Provider",
                chart: FlagRateChart.svg(
                    id: "edits-\(dimension.rawValue)",
                    title: "Share of encounters the edits flag \(heading), with 95% confidence intervals and the "
                        + "practice's rate",
                    items: rows.compactMap(Self.chartItem), practice: practiceRate),
                rows: rows.map(Self.row), hasRows: !rows.isEmpty)
        }
        kinds = Self.kinds(edits.flags)
        hasKinds = !kinds.isEmpty
        pairs = Self.pairs(edits.flags)
        hasPairs = !pairs.isEmpty
        ptpImported = edits.ptpImported
        comparison = Self.comparison(practice)
        fewAudits = Self.fewAuditsSentence(practice) ?? ""
        hasFewAudits = !fewAudits.isEmpty
        suggestRiskSample =
            hasFewAudits || (practice.map { $0.auditedFlagged == 0 || $0.auditedUnflagged == 0 } ?? true)
        missing = Self.missingTables(ptp: edits.ptpImported, mue: edits.mueImported)
        hasMissing = !missing.isEmpty
        stillRun =
            "The Excludes1, modifier 25 and new-patient edits run without \(missing.count == 1 ? "it" : "them")."
    }

    private static func chartItem(_ row: EditRateRow) -> FlagRateChart.Item? {
        guard let rate = row.flagRate,
            let interval = WilsonInterval(successes: row.encountersFlagged, trials: row.encounters)
        else { return nil }
        return FlagRateChart.Item(
            label: row.group, rate: rate.value, low: interval.low, high: interval.high,
            smallSample: row.encounters < smallSample,
            text: "\(ReportFormat.percent(rate)) (\(ReportFormat.count(row.encountersFlagged)) of "
                + "\(ReportFormat.count(row.encounters)))")
    }

    private static func row(_ row: EditRateRow) -> Row {
        let interval = WilsonInterval(successes: row.encountersFlagged, trials: row.encounters)
        return Row(
            group: row.group, encounters: ReportFormat.count(row.encounters),
            flagged: ReportFormat.count(row.encountersFlagged), flagRate: ReportFormat.percent(row.flagRate),
            interval: interval.map { "\(ReportFormat.percent($0.low))–\(ReportFormat.percent($0.high))" }
                ?? ReportFormat.dash,
            flags: ReportFormat.count(EditKind.allCases.reduce(0) { $0 + row.count($1) }),
            atRisk: ReportFormat.money(row.atRiskCents),
            flaggedErrors: ofAudited(row.auditedFlaggedInError, row.auditedFlagged),
            otherErrors: ofAudited(row.auditedUnflaggedInError, row.auditedUnflagged),
            smallSample: row.encounters < smallSample)
    }

    /// `4 of 17`; `–` when none was audited.
    private static func ofAudited(_ inError: Int, _ audited: Int) -> String {
        audited == 0 ? ReportFormat.dash : "\(ReportFormat.count(inError)) of \(ReportFormat.count(audited))"
    }
}
