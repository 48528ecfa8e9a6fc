import Analytics
import Foundation
import Testing

@testable import Report

@Suite struct ReportTemplatesTests {
    private func folder(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url.path
    }

    @Test func aFolderReplacesTheTemplatesItNamesAndKeepsTheRest() throws {
        // Given a summary template of the practice's own
        let templates = try ReportTemplates(
            overridingWith: try folder([
                "summary.mustache": "<section id=\"summary\"><p>Ours: {{monthName}} {{practice}}</p></section>"
            ]))
        // When the report renders with it
        let html = try MonthlyReport(
            data: ReportFixture.data(), practiceName: "<Lake>", generatedAt: ReportFixture.generatedAt
        ).html(templates: templates)
        // Then the summary is theirs, still escaped, and the other sections are the built-in ones
        #expect(html.contains("<p>Ours: October 2026 &lt;Lake&gt;</p>"))
        #expect(!html.contains("<p class=\"tile-value\">"))
        #expect(html.contains("<section id=\"definitions\""))
    }

    @Test func aFileThatIsNotATemplateOfTheReportIsRefusedByName() throws {
        #expect(throws: ReportError.self) {
            try ReportTemplates(overridingWith: try folder(["sumary.mustache": "typo"]))
        }
        do {
            _ = try ReportTemplates(overridingWith: try folder(["sumary.mustache": "typo"]))
        } catch {
            #expect(
                error.localizedDescription
                    == "template sumary.mustache: not a template of the report; expected one of accuracy, categories, "
                    + "definitions, em, payments, productivity, quality, reimbursement, report, style, summary")
        }
    }

    @Test func aTemplateThatDoesNotParseIsRefused() throws {
        let templates = try ReportTemplates(overridingWith: try folder(["em.mustache": "{{#open}} never closed"]))
        #expect(throws: ReportError.self) {
            try MonthlyReport(data: ReportFixture.data(), practiceName: nil, generatedAt: ReportFixture.generatedAt)
                .html(templates: templates)
        }
    }
}
