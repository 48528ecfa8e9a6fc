import Analytics
import ArgumentParser
import Foundation
import Store

extension CodeAudit {
    /// `codeaudit check`.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run SQLite's integrity and foreign-key checks, and check the kept month summaries.",
            discussion: """
                Also computes every month summary the imports keep for the reports' trends again and compares. \
                Exits 0 when the database is sound, 65 when a check finds a problem (listed on stderr).
                """)

        @OptionGroup var store: StoreOptions

        func run() throws {
            try logged("check", store: store) { _ in
                let database = try store.openExisting()
                let report = try database.check()
                // Only a sound file is worth computing figures from.
                let stale = report.isSound ? try Analytics(database: database).monthsWithStaleSummaries() : []
                if report.isSound && stale.isEmpty {
                    printError(
                        "\(store.databasePath): integrity ok, every foreign key holds, "
                            + "every kept month summary matches its data")
                    return
                }
                for line in report.integrity where line != "ok" { printError("integrity: \(line)") }
                for line in report.foreignKeyViolations { printError("foreign key: \(line)") }
                for month in stale {
                    printError("month summary: \(month)'s kept figures differ from its data (reports would show them)")
                }
                throw ExitCode(65)
            }
        }
    }

    /// `codeaudit backup DEST`.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a consistent copy of the database (SQLite's backup API), safe while an import runs.",
            discussion: """
                The copy (mode 0600) holds the patients' pseudonyms: keep the key file (codeaudit.key) with it, \
                or the copy cannot be linked to later imports.
                """)

        @OptionGroup var store: StoreOptions

        @Argument(help: ArgumentHelp("The copy to write; it must not exist yet.", valueName: "dest"))
        var destination: String

        func run() throws {
            try logged("backup", store: store) { record in
                try store.openExisting().backup(to: destination)
                record.wrote(file: destination)
                printError("wrote \(destination); back up \(store.keyPath) with it")
            }
        }
    }
}
