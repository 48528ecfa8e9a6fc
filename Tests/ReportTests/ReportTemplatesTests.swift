import Analytics
import Foundation
import TestSupport
import Testing

@testable import Report

@Suite struct ReportTemplatesTests {
    /// The templates of a folder holding `files`, read while the folder exists.
    private func customTemplates(_ files: [String: String]) throws -> ReportTemplates {
        let folder = try TemporaryFolder()
        for (name, text) in files { try folder.write(name, text) }
        return try withExtendedLifetime(folder) { try ReportTemplates(overridingWith: folder.url.path) }
    }

    @Test func aFolderReplacesTheTemplatesItNamesAndKeepsTheRest() throws {
        // Given a summary template of the practice's own
        let templates = try customTemplates([
            "summary.mustache": "<section id=\"summary\"><p>Ours: {{monthName}} {{practice}}</p></section>"
        ])
        // When the report renders with it
        let html = try MonthlyReport(
            data: ReportFixture.data(), edits: ReportFixture.edits(), practiceName: "<Lake>",
            generatedAt: ReportClock.generatedAt
        ).html(templates: templates)
        // Then the summary is theirs, still escaped, and the other sections are the built-in ones
        #expect(html.contains("<p>Ours: October 2026 &lt;Lake&gt;</p>"))
        #expect(!html.contains("<p class=\"tile-value\">"))
        #expect(html.contains("<section id=\"definitions\""))
    }

    @Test func aFileThatIsNotATemplateOfTheReportIsRefusedByName() throws {
        #expect(throws: ReportError.self) {
            try customTemplates(["sumary.mustache": "typo"])
        }
        do {
            _ = try customTemplates(["sumary.mustache": "typo"])
        } catch {
            #expect(
                error.localizedDescription
                    == "template sumary.mustache: not a template of the report; expected one of accuracy, categories, "
                    + "definitions, edits, em, payments, productivity, quality, reimbursement, report, style, summary")
        }
    }

    @Test func aTemplateThatDoesNotParseIsRefused() throws {
        let templates = try customTemplates(["em.mustache": "{{#open}} never closed"])
        #expect(throws: ReportError.self) {
            try MonthlyReport(
                data: ReportFixture.data(), edits: ReportFixture.edits(), practiceName: nil,
                generatedAt: ReportClock.generatedAt
            ).html(templates: templates)
        }
    }
}
