import Analytics
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

    @OptionGroup var codeSet: CodeSetOptions

    func run() throws {
        try ImportFiles(kind: .encounters, store: store, options: importOptions, icd10Codes: codeSet.icd10Codes).run()
    }
}

/// `codeaudit import audits FILE...`.
struct ImportAudits: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audits",
        abstract: "Import audit findings (one row per reviewed code).",
        discussion: """
            Each row judges one code of an encounter already imported: agree, revised, deleted (audited \
            code blank) or added (submitted code blank). Findings for an encounter that already has an \
            audit replace that audit.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var importOptions: ImportFileOptions

    @OptionGroup var codeSet: CodeSetOptions

    func run() throws {
        try ImportFiles(kind: .audits, store: store, options: importOptions, icd10Codes: codeSet.icd10Codes).run()
    }
}

/// `codeaudit import fees FILE...`.
struct ImportFees: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees",
        abstract: "Import fee schedules: the contract rate per payer, code and modifier.",
        discussion: """
            Payer * is any payer without its own rate; a blank modifier is any modifier. Rates for one \
            payer, code and modifier must not overlap in time: a file with overlapping ranges is refused \
            (exit 65). A row with the same payer, code, modifier and start date as a stored rate \
            replaces it.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var importOptions: ImportFileOptions

    func run() throws {
        try ImportFiles(kind: .fees, store: store, options: importOptions, icd10Codes: nil).run()
    }
}

/// `codeaudit import hours FILE...`.
struct ImportHours: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours",
        abstract: "Import coder hours worked: one row per coder per day.",
        discussion: """
            A coder and day already stored by an earlier import is replaced (a corrected timesheet); a \
            second row for the same coder and day in one file is rejected.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var importOptions: ImportFileOptions

    func run() throws {
        try ImportFiles(kind: .hours, store: store, options: importOptions, icd10Codes: nil).run()
    }
}

/// `codeaudit import remittances FILE...`.
struct ImportRemittances: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remittances",
        abstract: "Import X12 835 remittance advice: what payers paid, line by line, and why.",
        discussion: """
            Reads ASC X12 005010X221A1 files as clearinghouses and practice-management systems deliver them \
            (several interchanges, groups and transactions per file; line breaks or none). Each transaction \
            (one payment) whose segment count or total does not add up, or that repeats a payment imported \
            from another file, is rejected and written to FILE.rejects.csv; the others are imported. A \
            malformed file is refused whole (exit 65). Claims are matched to encounters by the patient \
            control number (CLP01 = the encounter id of the export). Patient and subscriber names and \
            member ids are never stored.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var importOptions: ImportFileOptions

    func validate() throws {
        if importOptions.mapping != nil {
            throw ValidationError("--mapping names the columns of a CSV export; an 835 file has none")
        }
    }

    func run() throws {
        try ImportFiles(kind: .remittances, store: store, options: importOptions, icd10Codes: nil).run()
    }
}

/// The ICD-10-CM code set an import of encounters or audits checks codes against.
struct CodeSetOptions: ParsableArguments {
    @Option(
        name: .customLong("icd10-codes"),
        help: ArgumentHelp(
            "A file of billable ICD-10-CM codes, one a line, replacing the built-in FY2026 code set.",
            valueName: "file"))
    var icd10Codes: String?
}

/// What every import command does with its files.
struct ImportFiles {
    let kind: ImportKind
    let store: StoreOptions
    let options: ImportFileOptions
    let icd10Codes: String?
    /// The day an MUE table takes effect.
    var effectiveDate: CalendarDay?

    func run() throws {
        Interruption.exitOnSignal()
        try logged("import \(kind.rawValue)", store: store) { record in
            var importOptions = ImportOptions(toolVersion: CodeAudit.version)
            importOptions.force = options.force
            importOptions.strict = options.strict
            importOptions.writeRejectsFile = !options.noRejectsFile
            if let icd10Codes { importOptions.codeSet = try ICD10CodeSet(contentsOf: icd10Codes) }
            if let mapping = options.mapping { importOptions.mapping = try ColumnMapping(path: mapping) }
            let (database, pseudonymizer, created) = try store.openCreatingIfNeeded()
            if created {
                printError("created database \(store.databasePath) and key \(store.keyPath) (mode 0600)")
            }
            let run = FileImportRun(
                importer: Importer(database: database, pseudonymizer: pseudonymizer, options: importOptions))
            let files = options.files.map { ImportInput(kind: kind, path: $0, effectiveDate: effectiveDate) }
            if let failure = try run.importFiles(files, record: &record) {
                throw ExitCode(failure)
            }
        }
    }
}

/// One file to import, and how.
struct ImportInput {
    var kind: ImportKind
    var path: String
    /// The day an MUE table takes effect; nil for the other kinds.
    var effectiveDate: CalendarDay?
}

/// Imports files one after the other into an open store, printing each file's
/// summary and recording it in the run: the import commands and the demo share it.
struct FileImportRun {
    let importer: Importer
    /// One line a file (the demo), instead of the full summary with columns and rejects.
    var brief = false

    /// Imports each file as its kind and returns the exit code of the first refused
    /// file, or nil; a refused file does not stop the others.
    ///
    /// - throws: what is not about one file (a busy or broken database, an
    ///   interruption), which ends the run.
    func importFiles(_ files: [ImportInput], record: inout RunRecord) throws -> Int32? {
        var failure: Int32?
        for input in files {
            let (kind, file) = (input.kind, input.path)
            do {
                let outcome = try importOne(file, kind: kind, effectiveDate: input.effectiveDate)
                printError(brief ? ImportSummary(outcome).line(kind: kind) : ImportSummary(outcome).text)
                record.inputs.append(RunFile(path: file, size: outcome.fileSize, sha256: outcome.sha256))
                if outcome.batchID != nil {
                    record.rowsRead += outcome.counts.rowsRead
                    record.rowsLoaded += outcome.counts.rowsLoaded
                    record.rowsRejected += outcome.counts.rowsRejected
                }
                if outcome.rolledBack { failure = failure ?? 65 }
            } catch let error as IngestError {
                printError("codeaudit: \(error.localizedDescription)")
                failure = failure ?? error.exitCode
                let digest = FileDigest.sha256(file: file)
                record.inputs.append(RunFile(path: file, size: digest?.size ?? 0, sha256: digest?.sha256 ?? ""))
            }
        }
        // The imports dropped the summaries of the months they changed: compute them again, for the
        // reports. The files are in whatever happens here: a report computes a month without one.
        // Not after 835s alone: the months their claims match need the reconciliation, which costs
        // more than the 835's import (2.1 s against 1.8 s on the 200,000-line benchmark); reports
        // compute those months until an import of another kind keeps them.
        guard files.contains(where: { $0.kind != .remittances }) else { return failure }
        do {
            try Analytics(database: importer.database).keepMonthSummaries()
        } catch {
            printError(
                "codeaudit: warning: the month summaries were not computed (\(error)); "
                    + "reports compute those months themselves until the next import keeps them")
        }
        return failure
    }

    private func importOne(_ file: String, kind: ImportKind, effectiveDate: CalendarDay?) throws -> ImportOutcome {
        var path = file
        var importer = effectiveDate.map(importer.takingEffect) ?? importer
        var temporary: String?
        if file == "-" {
            let copy = try StandardInput.copyToTemporaryFile()
            temporary = copy
            path = copy
            importer = importer.readingStandardInput()
        }
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let progress = ProgressLine(label: file == "-" ? "(stdin)" : file)
        defer { progress.finish() }
        return try importer.importFile(path, kind: kind, progress: progress.update)
    }
}
