import Analytics
import Crypto
import Edits
import Foundation

/// The monthly HTML report (SPEC 7): one self-contained page with inline CSS
/// and SVG, no scripts and no network requests, the same bytes for the same
/// data and clock.
///
/// ```swift
/// let html = try MonthlyReport(data: data, edits: edits, practiceName: "Riverside Clinic", generatedAt: date)
///     .html()
/// ```
public struct MonthlyReport: Sendable {
    public let data: MonthlyReportData
    /// The month's edits (SPEC 8): the "Automated edits" section.
    public let edits: MonthlyEdits
    public let practiceName: String?
    public let generatedAt: Date

    public init(data: MonthlyReportData, edits: MonthlyEdits, practiceName: String?, generatedAt: Date) {
        self.data = data
        self.edits = edits
        self.practiceName = practiceName
        self.generatedAt = generatedAt
    }

    /// Renders the page with `templates` (the built-in ones unless overridden).
    ///
    /// - throws: `ReportError.template` when a template does not parse or is missing.
    public func html(templates: ReportTemplates = .builtIn) throws -> String {
        let library = try templates.library()
        guard let style = library.render([String: String](), withTemplate: "style") else {
            throw ReportError.template(name: "style", reason: "missing")
        }
        let page = PageView(report: self, style: style)
        guard let html = library.render(page, withTemplate: "report") else {
            throw ReportError.template(name: "report", reason: "missing")
        }
        return html
    }
}

/// What the `report` template renders.
struct PageView {
    var practice: String
    var hasPractice: Bool
    var monthName: String
    var month: String
    var period: String
    var generatedAt: String
    var contentSecurityPolicy: String
    var style: String
    var tiles: [TileView]
    var accuracy: AccuracyView
    var categories: CategoriesView
    var em: EMView
    var productivity: ProductivityView
    var reimbursement: ReimbursementView
    var edits: EditsView
    var payments: PaymentsView
    var quality: DataQualityView
    var definitions: [Definition]

    init(report: MonthlyReport, style: String) {
        let data = report.data
        practice = report.practiceName ?? ""
        hasPractice = report.practiceName != nil
        monthName = data.month.longName
        month = data.month.description
        period =
            "Services dated \(data.month.firstDay) to the end of \(data.month.longName); coder productivity by the "
            + "day the coding was done."
        generatedAt = Self.timestamp(report.generatedAt)
        self.style = style
        // Scripts, frames, images, fonts and connections: none at all; styles: only this page's own stylesheet.
        let styleHash = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
        contentSecurityPolicy =
            "default-src 'none'; style-src 'sha256-\(styleHash)'; base-uri 'none'; form-action 'none'"
        tiles = TileView.tiles(data)
        accuracy = AccuracyView(data)
        categories = CategoriesView(data)
        em = EMView(data)
        productivity = ProductivityView(data)
        reimbursement = ReimbursementView(data)
        edits = EditsView(report.edits)
        payments = PaymentsView(data)
        quality = DataQualityView(data)
        definitions = Definition.all(toleranceText: ReportFormat.money(data.toleranceCents))
    }

    /// `2026-11-01 06:00 UTC`, whatever the machine's time zone.
    private static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }
}

/// Errors of the report.
public enum ReportError: LocalizedError {
    /// A template that does not parse, is missing, or is not one of the report's.
    case template(name: String, reason: String)
    /// The `--templates` folder cannot be read.
    case templateFolder(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .template(let name, let reason): "template \(name).mustache: \(reason)"
        case .templateFolder(let path, let reason): "cannot read the templates folder \(path): \(reason)"
        }
    }
}
