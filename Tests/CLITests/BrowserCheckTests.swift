import Foundation
import TestSupport
import Testing

/// A real browser opens the report: headless Chromium (Debian's `chromium`,
/// which `make test` installs) prints it to PDF on Letter and on A4 and takes
/// desktop and phone screenshots. The check fails when the browser is missing,
/// exits with an error, or reports a blocked load or a script error.
/// `RECORD_SNAPSHOTS=1` also copies the desktop screenshot to
/// `docs/report-screenshot.png`, the picture in the README.
@Suite(.serialized) struct BrowserCheckTests {
    /// A report of the sample practice's latest month, rendered by the real binary in a workspace
    /// holding the sample practice imported (``SampleImport``).
    private func sampleReport(_ workspace: CLIWorkspace, templates: String? = nil) throws -> String {
        var arguments = [
            "report", "--month", "2026-10", "--out", "report", "--practice", "Riverbend Medical Group (fictional)",
        ]
        if let templates { arguments += ["--templates", templates] }
        let result = try workspace.run(arguments, environment: ReportClock.environment)
        #expect(result.status == 0, "\(result.stderr)")
        return workspace.path("report/report.html")
    }

    private func chromium() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs the browser on `page`; returns its exit status and log.
    private func browse(_ page: String, _ arguments: [String]) throws -> (status: Int32, log: String) {
        guard let browser = chromium() else {
            Issue.record("chromium is not installed: `make test` installs Debian's chromium package")
            return (-1, "")
        }
        let profile = try TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--enable-logging=stderr", "--v=0", "--force-device-scale-factor=1",
                "--user-data-dir=\(profile.url.path)",
            ] + arguments + [URL(fileURLWithPath: page).absoluteString]
        let result = try withExtendedLifetime(profile) { try runToEnd(process) }
        return (result.status, result.stdout + result.stderr)
    }

    /// What the browser must never say about the page.
    private func expectCleanLog(_ log: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for problem in ["Refused to", "Uncaught", "net::ERR", "Failed to load", "Content Security Policy"] {
            #expect(!log.contains(problem), "browser said: \(log)", sourceLocation: sourceLocation)
        }
    }

    private func pages(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return (try? NSRegularExpression(pattern: "/Type\\s*/Page[^s]"))?
            .numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) ?? 0
    }

    @Test func chromiumPrintsTheReportOnLetterAndA4() throws {
        // Given the sample practice's October report
        let workspace = try SampleImport.run()
        let page = try sampleReport(workspace)
        // When Chromium prints it (its default paper is Letter)
        let letter = workspace.path("letter.pdf")
        let printed = try browse(page, ["--print-to-pdf=\(letter)", "--no-pdf-header-footer"])
        // Then it exits cleanly with a PDF of several pages and nothing blocked
        #expect(printed.status == 0, "\(printed.log)")
        expectCleanLog(printed.log)
        let pdf = try Data(contentsOf: URL(fileURLWithPath: letter))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(String(decoding: pdf, as: UTF8.self).contains("/MediaBox [0 0 612 792]"))  // 8.5 × 11 in
        #expect(pages(pdf) >= 2)
        // And on A4, through a stylesheet that sets the paper (the policy follows the stylesheet's hash)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let style = html.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[0]
        try FileManager.default.createDirectory(atPath: workspace.path("a4"), withIntermediateDirectories: true)
        try workspace.write("a4/style.mustache", style + "@page { size: A4; }\n")
        try FileManager.default.removeItem(atPath: workspace.path("report"))
        let a4Page = try sampleReport(workspace, templates: "a4")
        let a4 = workspace.path("a4.pdf")
        let printedA4 = try browse(a4Page, ["--print-to-pdf=\(a4)", "--no-pdf-header-footer"])
        #expect(printedA4.status == 0, "\(printedA4.log)")
        expectCleanLog(printedA4.log)
        let a4PDF = try Data(contentsOf: URL(fileURLWithPath: a4))
        #expect(String(decoding: a4PDF, as: UTF8.self).contains("/MediaBox [0 0 594.9"))  // 210 mm
        #expect(pages(a4PDF) >= 2)
    }

    @Test func chromiumScreenshotsTheReportOnADesktopAndAPhone() throws {
        let workspace = try SampleImport.run()
        let page = try sampleReport(workspace)
        for (name, size) in [("desktop", "1200,1900"), ("phone", "390,2400")] {
            let file = workspace.path("\(name).png")
            let shot = try browse(page, ["--window-size=\(size)", "--screenshot=\(file)"])
            #expect(shot.status == 0, "\(shot.log)")
            expectCleanLog(shot.log)
            let png = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(png.count > 20_000, "a blank page compresses to almost nothing")
            if name == "desktop" && ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
                let target = Repository.root.appendingPathComponent("docs/report-screenshot.png")
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(atPath: file, toPath: target.path)
            }
            if let keep = ProcessInfo.processInfo.environment["CODEAUDIT_KEEP_SCREENSHOTS"] {
                try? FileManager.default.removeItem(atPath: "\(keep)/\(name).png")
                try FileManager.default.copyItem(atPath: file, toPath: "\(keep)/\(name).png")
            }
        }
    }
}
