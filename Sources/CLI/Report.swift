import Analytics
import ArgumentParser
import Edits
import Foundation
import Report
import Store

extension CodeAudit {
    /// `codeaudit report --month YYYY-MM --out DIR`.
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a month's HTML report and every CSV export into a folder.",
            discussion: """
                Writes DIR/report.html — one self-contained page (no scripts, no network requests) to open, \
                print or email — and DIR/error_rates.csv, findings.csv, coder_productivity.csv, \
                reimbursement_variance.csv, em_distribution.csv, edits.csv, edit_rates.csv, payments.csv and \
                denials.csv. The report's clock is SOURCE_DATE_EPOCH when it is set, so the same data gives the same bytes.
                """)

        @OptionGroup var store: StoreOptions

        @Option(
            help: ArgumentHelp(
                "The month, by service date (productivity: by the day work was done).", valueName: "YYYY-MM"))
        var month: Month

        @Option(help: ArgumentHelp("The folder to write into (created when missing).", valueName: "dir"))
        var out: String

        @Option(help: ArgumentHelp("The practice name for the report's title.", valueName: "name"))
        var practice: String?

        @Option(
            help: ArgumentHelp(
                "A folder of NAME.mustache files replacing the built-in templates of the same name.",
                valueName: "dir"))
        var templates: String?

        @OptionGroup var csv: CSVExportOptions

        func run() throws {
            try logged("report", store: store) { record in
                let database = try store.openExisting()
                let templateSet = try loadTemplates()
                try MonthlyReportWriter(
                    analytics: Analytics(database: database), templates: templateSet, practice: practice,
                    toleranceCents: csv.tolerance.cents, bom: !csv.noBOM, clock: try reportClock()
                ).write(month: month, into: out, record: &record)
                printError(
                    "wrote \((out as NSString).appendingPathComponent("report.html")) and "
                        + "\(ExportName.allCases.count) CSV exports for \(month)")
            }
        }

        private func loadTemplates() throws -> ReportTemplates {
            guard let templates else { return .builtIn }
            do {
                return try ReportTemplates(overridingWith: templates)
            } catch let error as ReportError {
                printError("codeaudit: \(error.localizedDescription)")
                if case .templateFolder = error { throw ExitCode(66) }
                throw ExitCode(65)
            }
        }
    }
}

/// Writes a month's report.html and its CSV exports into a folder.
struct MonthlyReportWriter {
    let analytics: Analytics
    let templates: ReportTemplates
    let practice: String?
    let toleranceCents: Int64
    let bom: Bool
    let clock: Date

    func write(month: Month, into out: String, record: inout RunRecord) throws {
        let progress = ProgressLine(label: "report \(month)")
        // One read: the tiles, the tables and the edits all come from one snapshot of the store.
        let (data, edits) = try analytics.monthlyReport(for: month, toleranceCents: toleranceCents) {
            progress.step($0)
        }
        progress.finish()
        let html: String
        do {
            html = try MonthlyReport(data: data, edits: edits, practiceName: practice, generatedAt: clock)
                .html(templates: templates)
        } catch let error as ReportError {
            printError("codeaudit: \(error.localizedDescription)")
            throw ExitCode(65)
        }
        try writeFiles(
            [("report.html", Data(html.utf8))] + Exports.monthly(data, edits: edits).csvFiles(bom: bom), into: out,
            record: &record)
    }
}

extension [ExportTable] {
    /// Each table as `NAME.csv` and its bytes.
    func csvFiles(bom: Bool) -> [(name: String, bytes: Data)] {
        map { ("\($0.name).csv", $0.csv(bom: bom)) }
    }
}

/// Writes `files` into `folder` (created when missing), each recorded in the run log.
func writeFiles(_ files: [(name: String, bytes: Data)], into folder: String, record: inout RunRecord) throws {
    try createFolder(folder)
    for (name, bytes) in files {
        let path = (folder as NSString).appendingPathComponent(name)
        try OutputFile.write(bytes, to: path)
        record.wrote(bytes, to: path)
    }
}

/// The report's clock: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) when set, else now.
func reportClock(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
    guard let text = environment["SOURCE_DATE_EPOCH"] else { return Date() }
    guard let seconds = Int64(text), seconds >= 0 else {
        printError("codeaudit: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01, not '\(text)'")
        throw ExitCode(64)
    }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
}

/// Creates an output folder (and its parents) when missing.
func createFolder(_ path: String) throws {
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        printError("codeaudit: cannot create the folder \(path): \(error.localizedDescription)")
        throw ExitCode(73)
    }
}
