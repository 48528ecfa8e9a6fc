import ArgumentParser
import Foundation
import Ingest
import Store

/// `codeaudit import encounters FILE...`.
struct ImportEncounters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encounters",
        abstract: "Import coded-encounter exports (one row per service line).",
        discussion: """
            Each file is one transaction: it is imported whole (less its rejected rows) or not at all. \
            Rejected rows are kept with the import's batch and written to FILE.rejects.csv beside the \
            input, with the reason, ready to fix and import again. Use - to read standard input.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var importOptions: ImportFileOptions

    @Option(
        name: .customLong("icd10-codes"),
        help: ArgumentHelp(
            "A file of billable ICD-10-CM codes, one a line, replacing the built-in FY2026 code set.",
            valueName: "file"))
    var icd10Codes: String?

    @Argument(help: ArgumentHelp("Encounter export files (CSV, tab, pipe or semicolon separated).", valueName: "file"))
    var files: [String]

    func run() throws {
        Interruption.exitOnSignal()
        try exitingOnFailure {
            var options = ImportOptions(toolVersion: CodeAudit.version)
            options.force = importOptions.force
            options.strict = importOptions.strict
            options.writeRejectsFile = !importOptions.noRejectsFile
            if let icd10Codes { options.codeSet = try ICD10CodeSet(contentsOf: icd10Codes) }
            if let mapping = importOptions.mapping { options.mapping = try ColumnMapping(path: mapping) }
            let (database, pseudonymizer, created) = try store.openCreatingIfNeeded()
            if created {
                printError("created database \(store.databasePath) and key \(store.keyPath) (mode 0600)")
            }
            var failure: Int32?
            for file in files {
                do {
                    let outcome = try importOne(
                        file, database: database, pseudonymizer: pseudonymizer, options: options)
                    printError(ImportSummary(outcome).text)
                    if outcome.rolledBack { failure = failure ?? 65 }
                } catch let error as IngestError {
                    printError("codeaudit: \(error.localizedDescription)")
                    failure = failure ?? error.exitCode
                }
            }
            if let failure { throw ExitCode(failure) }
        }
    }

    private func importOne(
        _ file: String, database: CodeAuditDatabase, pseudonymizer: PatientPseudonymizer, options: ImportOptions
    ) throws -> ImportOutcome {
        var options = options
        var path = file
        var temporary: String?
        if file == "-" {
            let copy = try StandardInput.copyToTemporaryFile()
            temporary = copy
            path = copy
            options.displayName = "(stdin)"
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let importer = EncounterImporter(database: database, pseudonymizer: pseudonymizer, options: options)
        let progress = ProgressLine(label: options.displayName ?? file)
        defer { progress.finish() }
        return try importer.importFile(path, progress: progress.update)
    }
}
