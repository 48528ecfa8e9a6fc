import Analytics
import ArgumentParser
import Foundation
import Ingest
import Report
import Store

extension CodeAudit {
    /// `codeaudit demo`: the sample practice, imported and reported.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build a fresh database from SampleData/ and write a report for every month into Reports/.",
            discussion: """
                Imports every file of the sample folder by the kind its name says (encounters…, fee…, audit…, \
                hour…, remittance…, …ptp…, …mue…YYYY-MM-DD, the day the MUE table takes effect; encounters \
                first), into a new database (default OUT/demo.sqlite, replaced on each run), \
                then writes OUT/YYYY-MM/report.html and the month's CSV exports for each month with encounters. \
                Rejected rows are reported on stderr; no rejects file is written into the sample folder.
                """)

        @Option(name: .customLong("sample-data"), help: ArgumentHelp("The sample exports.", valueName: "dir"))
        var sampleData = "SampleData"

        @Option(help: ArgumentHelp("Where the month folders go.", valueName: "dir"))
        var out = "Reports"

        @Option(
            help: ArgumentHelp(
                "The demo database (default: OUT/demo.sqlite). An existing file is refused unless it is the default.",
                valueName: "path"))
        var db: String?

        @Option(help: ArgumentHelp("The practice name for the reports' titles.", valueName: "name"))
        var practice = "Riverbend Medical Group (fictional)"

        func run() throws {
            let files = try sampleFiles()
            var store = StoreOptions()
            store.db = try freshDatabasePath()
            store.keyFile = (store.databasePath as NSString).deletingPathExtension + ".key"
            let clock = try reportClock()
            try logged("demo", store: store) { record in
                try createFolder(out)
                let (database, pseudonymizer, _) = try store.openCreatingIfNeeded()
                var options = ImportOptions(toolVersion: CodeAudit.version)
                options.writeRejectsFile = false
                let run = FileImportRun(
                    importer: Importer(database: database, pseudonymizer: pseudonymizer, options: options), brief: true)
                if let failure = try run.importFiles(files, record: &record) { throw ExitCode(failure) }
                let analytics = Analytics(database: database)
                let writer = MonthlyReportWriter(
                    analytics: analytics, templates: .builtIn, practice: practice, toleranceCents: 100, bom: true,
                    clock: clock)
                let months = try analytics.serviceMonths()
                for month in months {
                    try writer.write(
                        month: month, into: (out as NSString).appendingPathComponent(month.description), record: &record
                    )
                }
                guard let latest = months.last else {
                    printError("codeaudit: no encounters in \(sampleData): nothing to report")
                    throw ExitCode(65)
                }
                printError(
                    "wrote \(months.count) monthly reports into \(out)/; open the latest: "
                        + (out as NSString).appendingPathComponent("\(latest)/report.html"))
            }
        }

        /// The sample folder's files with the kind their names say, encounters first (audits need them).
        private func sampleFiles() throws -> [ImportInput] {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: sampleData).sorted()
            } catch {
                printError("codeaudit: cannot read the sample folder \(sampleData): \(error.localizedDescription)")
                throw ExitCode(66)
            }
            let kinds: [(ImportKind, String)] = [
                (.encounters, "encounter"), (.fees, "fee"), (.audits, "audit"), (.hours, "hour"),
                (.remittances, "remittance"), (.ptp, "ptp"), (.mue, "mue"),
            ]
            let files = try kinds.flatMap { kind, stem in
                try names.filter { name in
                    let lower = name.lowercased()
                    return lower.contains(stem) && !lower.contains(".rejects.")
                        && [".csv", ".txt", ".tsv", ".835"].contains { lower.hasSuffix($0) }
                }.map { name in
                    ImportInput(
                        kind: kind, path: (sampleData as NSString).appendingPathComponent(name),
                        effectiveDate: kind == .mue ? try Self.effectiveDate(ofMUEFile: name) : nil)
                }
            }
            guard files.contains(where: { $0.kind == .encounters }) else {
                printError("codeaudit: no encounter export (a file named encounters…) in \(sampleData)")
                throw ExitCode(66)
            }
            return files
        }

        /// The day a sample MUE table takes effect: the `YYYY-MM-DD` that ends its name
        /// (`ncci-mue-practitioner-2026-04-01.csv`), since the table itself carries no date.
        static func effectiveDate(ofMUEFile name: String) throws -> CalendarDay {
            let stem = (name as NSString).deletingPathExtension
            let tail = String(stem.suffix(10))
            guard tail.count == 10, tail.split(separator: "-").first?.count == 4,
                let day = CalendarDay(parsing: tail)
            else {
                printError(
                    "codeaudit: the sample MUE table \(name) has no effective date at the end of its name; name it "
                        + "like ncci-mue-practitioner-2026-04-01.csv (the day the table takes effect)")
                throw ExitCode(65)
            }
            return day
        }

        /// The demo's own database, removed first when it is the default one.
        private func freshDatabasePath() throws -> String {
            if let db {
                guard !FileManager.default.fileExists(atPath: db) else {
                    printError(
                        "codeaudit: \(db) exists; the demo builds a fresh database (leave out --db to use \(out)/demo.sqlite)"
                    )
                    throw ExitCode(73)
                }
                return db
            }
            let path = (out as NSString).appendingPathComponent("demo.sqlite")
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            try? FileManager.default.removeItem(atPath: (path as NSString).deletingPathExtension + ".key")
            return path
        }
    }
}
