import CSVOutput
import Foundation
import Store

/// What one kind of import does with the rows of a file; `FileImport` does
/// the rest (reading, header mapping, the import log, rejects, `--strict`).
protocol RowHandler: AnyObject {
    var kind: ImportKind { get }
    var columns: [ColumnSpec] { get }
    /// The canonical column whose values are pseudonymized in stored rejects.
    var patientColumn: String? { get }
    /// Called once the header is mapped and the batch begun.
    func begin(map: HeaderMap, batchID: Int64, session: ImportSession) throws
    /// Imports one row (not blank, with as many fields as the header); returns
    /// why it is rejected, or nothing when it was loaded.
    func importRow(_ record: CSVRecord, session: ImportSession) throws -> [RowProblem]
    /// Called after the last row, inside the transaction: file-level checks,
    /// defaults, and what the summary says.
    func finish(session: ImportSession, outcome: inout ImportOutcome) throws

    /// First cells of the header rows this kind looks for, letters and digits
    /// in lower case (`column1`): the delimiter is the byte after the first
    /// cell of the first line that starts with one. For files whose first line
    /// is a preamble and not the header (the default: none, the first line says).
    var headerFirstCells: Set<String> { get }
    /// Reads a row that comes before the header (the default: the first row
    /// is the header, mapped by `columns`' aliases and the `--mapping` file).
    /// Throws when the file is not of this kind.
    func header(_ record: CSVRecord, mapping: ColumnMapping?, file: String) throws -> HeaderRow
    /// The error for a file that ends before its header (the default: `IngestError.empty`).
    func missingHeader(file: String) -> IngestError
    /// Called with every non-blank row below the header, in order: whether it
    /// is no row of data (a table's sub-header), skipped and not counted. The
    /// default: none is.
    func skips(_ record: CSVRecord) -> Bool
    /// Rows loaded earlier in this file that the row just loaded displaced (a
    /// key given twice, the later row kept): rejected after all. Asked after
    /// each loaded row; the default: none.
    func takeDisplacedRows() -> [DisplacedRow]
}

/// What a row above a file's header is.
enum HeaderRow {
    /// The header, mapped.
    case header(HeaderMap)
    /// A line of a preamble (a title, a copyright notice): skipped.
    case preamble
}

/// A row loaded earlier in a file and rejected once a later row took its place.
struct DisplacedRow {
    /// The file line the row started on.
    var line: Int
    /// Its fields, as the file gave them.
    var fields: [String]
    var problem: RowProblem
}

extension RowHandler {
    var headerFirstCells: Set<String> { [] }

    func header(_ record: CSVRecord, mapping: ColumnMapping?, file: String) throws -> HeaderRow {
        .header(try HeaderMap(header: record.fields, specs: columns, mapping: mapping, file: file))
    }

    func missingHeader(file: String) -> IngestError { .empty(file: file) }

    func skips(_ record: CSVRecord) -> Bool { false }

    func takeDisplacedRows() -> [DisplacedRow] { [] }
}

/// Imports one file with a row handler, in one transaction.
struct FileImport {
    let database: CodeAuditDatabase
    let pseudonymizer: PatientPseudonymizer
    let options: ImportOptions

    func run(_ path: String, handler: some RowHandler, progress: (ImportProgress) throws -> Void) throws
        -> ImportOutcome
    {
        try importing(path, handler: handler) { run, session in try run.perform(session: session, progress: progress) }
    }

    /// Imports one file with a handler whose rows are parsed on a second
    /// thread, ahead of the store; the same import otherwise.
    func run(_ path: String, handler: some ParsingAheadRowHandler, progress: (ImportProgress) throws -> Void)
        throws -> ImportOutcome
    {
        try importing(path, handler: handler) { run, session in
            try run.performReadingAhead(session: session, progress: progress)
        }
    }

    /// Inspects the file, then runs `body` in the import's one transaction.
    private func importing<Handler: RowHandler>(
        _ path: String, handler: Handler, _ body: (ImportRun<Handler>, ImportSession) throws -> Void
    ) throws -> ImportOutcome {
        let name = options.displayName ?? path
        let info = try InputFileInfo.inspect(path: path, name: name, headerFirstCells: handler.headerFirstCells)
        let run = ImportRun(
            file: name, path: path, info: info, options: options, pseudonymizer: pseudonymizer, handler: handler)
        return try run.outcome(after: Result { try database.importing { session in try body(run, session) } })
    }
}

extension ImportRun {
    /// The outcome once the transaction is over: a `--strict` rollback is an
    /// outcome, any other error is thrown (the rejects file left as it was).
    func outcome(after result: Result<Void, any Error>) throws -> ImportOutcome {
        do {
            try result.get()
        } catch is StrictRollback {
            outcome.rolledBack = true
            outcome.batchID = nil
        } catch {
            discardRejectsFile()
            throw error
        }
        try closeRejectsFile()
        return outcome
    }
}

/// Thrown inside the transaction to roll back a `--strict` import with rejects.
private struct StrictRollback: Error {}

/// The state of one file's import.
private final class ImportRun<Handler: RowHandler> {
    let file: String
    let path: String
    let info: InputFileInfo
    let options: ImportOptions
    let handler: Handler
    var outcome: ImportOutcome

    private var map: HeaderMap?
    private var batchID: Int64 = 0
    private var pseudonyms: PseudonymCache
    private var rejectsFile: RejectsFile?

    init(
        file: String, path: String, info: InputFileInfo, options: ImportOptions,
        pseudonymizer: PatientPseudonymizer, handler: Handler
    ) {
        self.file = file
        self.path = path
        self.info = info
        self.options = options
        self.handler = handler
        pseudonyms = PseudonymCache(pseudonymizer: pseudonymizer)
        outcome = ImportOutcome(file: file)
        outcome.fileSize = info.size
        outcome.sha256 = info.sha256
        outcome.encoding = info.encoding
        outcome.delimiter = info.delimiter
    }

    func perform(session: ImportSession, progress: (ImportProgress) throws -> Void) throws {
        try perform(session: session, progress: progress) { row, bytesRead in
            let reader = try CSVReader(path: path, name: file, info: info)
            try reader.forEachRecord(
                { record in try row(record) { try handler.importRow($0, session: session) } }, progress: bytesRead)
        }
    }

    /// The steps of every import around its records: the no-op for a file
    /// imported before, the header, each row, the progress, the end of the
    /// file. `records` reads the file and hands each record to `row` in file
    /// order, with how to load it, and the bytes read so far to `bytesRead`.
    fileprivate func perform(
        session: ImportSession, progress: (ImportProgress) throws -> Void,
        records: (
            _ row: (CSVRecord, _ load: (CSVRecord) throws -> [RowProblem]) throws -> Void,
            _ bytesRead: (Int64) throws -> Void
        ) throws -> Void
    ) throws {
        if !options.force, let previous = try session.previousBatch(kind: handler.kind, sha256: info.sha256) {
            outcome.alreadyImportedAs = previous
            return
        }
        // `progress` is called only while `records` runs, never after.
        try withoutActuallyEscaping(progress) { progress in
            try records(
                { record, load in
                    if map == nil {
                        try header(record, session: session)
                    } else {
                        try importRow(record, session: session, load: load)
                        try progress(
                            ImportProgress(bytesRead: 0, totalBytes: info.size, rowsRead: outcome.counts.rowsRead))
                    }
                },
                { bytes in
                    try progress(
                        ImportProgress(bytesRead: bytes, totalBytes: info.size, rowsRead: outcome.counts.rowsRead))
                })
        }
        guard map != nil else { throw handler.missingHeader(file: file) }
        try finish(session: session)
        if options.strict && outcome.counts.rowsRejected > 0 { throw StrictRollback() }
    }

    // MARK: - Header

    private func header(_ record: CSVRecord, session: ImportSession) throws {
        switch try handler.header(record, mapping: options.mapping, file: file) {
        case .header(let map): try begin(header: record, map: map, session: session)
        case .preamble: break
        }
    }

    private func begin(header record: CSVRecord, map: HeaderMap, session: ImportSession) throws {
        let header = record.fields
        self.map = map
        if options.writeRejectsFile, options.displayName == nil {
            rejectsFile = RejectsFile(beside: path, header: map.header + ["reject_line", "reject_reason"])
        }
        outcome.columns = map.describe(specs: handler.columns)
        outcome.identifierColumns = map.identifierColumns.map { header[$0] }
        outcome.ignoredColumns = map.unknownColumns.map { header[$0] }
        if let warning = info.encodingWarning { outcome.warnings.append(warning) }
        for (index, column) in map.shadowed {
            let used = header[map.index(of: column)!]
            outcome.warnings.append("column \"\(header[index])\" also looks like \(column); \"\(used)\" is used")
        }
        batchID = try session.beginBatch(
            ImportBatchStart(
                kind: handler.kind, fileName: file, fileSize: info.size, sha256: info.sha256,
                encoding: info.encoding.rawValue, delimiter: info.delimiter.name,
                header: CSVWriter.line(keptFields(of: record, pseudonymize: false)), forced: options.force,
                startedAt: options.timestamp(), toolVersion: options.toolVersion))
        try handler.begin(map: map, batchID: batchID, session: session)
    }

    // MARK: - Rows

    /// Counts and checks a row below the header; `load` imports it when it is
    /// a row of data with as many fields as the header.
    private func importRow(
        _ record: CSVRecord, session: ImportSession, load: (CSVRecord) throws -> [RowProblem]
    ) throws {
        guard let map else { return }
        if record.isBlank {
            outcome.blankRowsSkipped += 1
            return
        }
        if handler.skips(record) { return }
        outcome.counts.rowsRead += 1
        guard record.count == map.header.count else {
            try reject(
                record,
                problems: [
                    RowProblem(
                        column: nil,
                        reason: "the row has \(record.count) fields; the header has \(map.header.count)"
                            + (record.count > map.header.count
                                ? " (a value holding a \(info.delimiter.name) must be enclosed in quotes)" : ""))
                ], session: session)
            return
        }
        let problems = try load(record)
        if problems.isEmpty {
            outcome.counts.rowsLoaded += 1
            for displaced in handler.takeDisplacedRows() {
                outcome.counts.rowsLoaded -= 1
                try reject(
                    line: displaced.line, fields: displaced.fields, stored: displaced.fields,
                    problems: [displaced.problem], session: session)
            }
        } else {
            try reject(record, problems: problems, session: session)
        }
    }

    // MARK: - Rejects

    private func reject(_ record: CSVRecord, problems: [RowProblem], session: ImportSession) throws {
        try reject(
            line: record.line, fields: record.fields, stored: keptFields(of: record, pseudonymize: true),
            problems: problems, session: session)
    }

    /// Rejects the row at `line`: `fields` as the file gave them go to the
    /// rejects file, `stored` (no identifier, the patient pseudonymized) to the store.
    private func reject(
        line: Int, fields: [String], stored: [String], problems: [RowProblem], session: ImportSession
    ) throws {
        guard let map else { return }
        outcome.counts.rowsRejected += 1
        let column = problems.first?.column.map { map.header[$0] }
        let reason = problems.map(\.reason).joined(separator: "; ")
        if outcome.firstRejects.count < ImportOutcome.rejectsShown {
            outcome.firstRejects.append(RowReject(line: line, column: column, reason: reason))
        }
        try session.recordReject(
            batchID: batchID,
            StoredReject(lineNumber: line, columnName: column, reason: reason, rawRow: CSVWriter.line(stored)))
        guard let rejectsFile else { return }
        var fields = fields
        while fields.count < map.header.count { fields.append("") }
        try rejectsFile.write(fields + [String(line), reason])
    }

    /// The fields of a record without identifier-looking columns, the patient id
    /// replaced by its pseudonym when asked.
    private func keptFields(of record: CSVRecord, pseudonymize: Bool) -> [String] {
        guard let map else { return record.fields }
        let patientColumn = handler.patientColumn.flatMap { map.index(of: $0) }
        return (0..<record.count).compactMap { index in
            if map.identifierColumns.contains(index) { return nil }
            if pseudonymize, index == patientColumn {
                let value = record[index]
                return value.isEmpty ? "" : pseudonyms.pseudonym(for: value)
            }
            return record[index]
        }
    }

    /// Moves the finished rejects file into place, over an older one.
    func closeRejectsFile() throws {
        outcome.rejectsFile = try rejectsFile?.close()
    }

    /// Leaves an older rejects file as it was when the import failed.
    func discardRejectsFile() {
        rejectsFile?.discard()
    }

    // MARK: - End

    private func finish(session: ImportSession) throws {
        try handler.finish(session: session, outcome: &outcome)
        if outcome.counts.rowsRead == 0 { outcome.warnings.append("the file has no rows below its header") }
        if outcome.blankRowsSkipped > 0 {
            outcome.warnings.append("\(outcome.blankRowsSkipped) blank row(s) skipped")
        }
        outcome.batchID = batchID
        try session.finishBatch(
            id: batchID, counts: outcome.counts, warnings: outcome.warnings, finishedAt: options.timestamp())
    }
}

extension ImportRun where Handler: ParsingAheadRowHandler {
    /// `perform`, with the file read and its rows parsed on a second thread
    /// (`ReadAhead`) while this one stores them, in file order.
    func performReadingAhead(session: ImportSession, progress: (ImportProgress) throws -> Void) throws {
        try perform(session: session, progress: progress) { row, bytesRead in
            let ahead = ReadAhead(
                reader: try CSVReader(path: path, name: file, info: info), handler: handler,
                mapping: options.mapping, file: file)
            ahead.start()
            defer { ahead.stop() }
            var record = CSVRecord(encoding: info.encoding)
            while true {
                var batch = ahead.take()
                var (bytesStart, endsStart) = (0, 0)
                for index in batch.events.indices {
                    switch batch.events[index].take() {
                    case nil:
                        continue
                    case .bytesRead(let bytes):
                        try bytesRead(bytes)
                    case .record(let line, let bytesEnd, let endsEnd, let parsed):
                        batch.load(into: &record, bytes: bytesStart..<bytesEnd, ends: endsStart..<endsEnd, line: line)
                        (bytesStart, endsStart) = (bytesEnd, endsEnd)
                        try row(record) { record in
                            guard let parsed else { return try handler.importRow(record, session: session) }
                            return try handler.importRow(record, parsed: parsed, session: session)
                        }
                    }
                }
                guard let end = batch.end else { continue }
                try end.get()
                return
            }
        }
    }
}

/// Pseudonyms of recently seen patients: a patient's lines usually come together.
struct PseudonymCache {
    let pseudonymizer: PatientPseudonymizer
    private var known: [String: String] = [:]

    init(pseudonymizer: PatientPseudonymizer) {
        self.pseudonymizer = pseudonymizer
    }

    mutating func pseudonym(for patientID: String) -> String {
        if let value = known[patientID] { return value }
        if known.count >= 10_000 { known.removeAll(keepingCapacity: true) }
        let value = pseudonymizer.pseudonym(for: patientID)
        known[patientID] = value
        return value
    }
}

/// Imports files of any kind: encounters, audit findings, fee schedules, coder hours, the NCCI
/// tables or remittances.
///
/// ```swift
/// let importer = Importer(database: database, pseudonymizer: pseudonymizer, options: options)
/// let outcome = try importer.importFile("hours-2026-10.csv", kind: .hours)
/// ```
public struct Importer {
    public let database: CodeAuditDatabase
    let pseudonymizer: PatientPseudonymizer
    let options: ImportOptions

    public init(database: CodeAuditDatabase, pseudonymizer: PatientPseudonymizer, options: ImportOptions) {
        self.database = database
        self.pseudonymizer = pseudonymizer
        self.options = options
    }

    /// The same importer for a copy of standard input: named `(stdin)`, with no
    /// rejects file (there is no folder beside the input to write it to).
    public func readingStandardInput() -> Importer {
        var options = options
        options.displayName = "(stdin)"
        return Importer(database: database, pseudonymizer: pseudonymizer, options: options)
    }

    /// The same importer for an MUE table in force from `day`.
    public func takingEffect(_ day: CalendarDay) -> Importer {
        var options = options
        options.effectiveDate = day
        return Importer(database: database, pseudonymizer: pseudonymizer, options: options)
    }

    /// Imports one file of `kind`, in one transaction. An MUE table needs
    /// `options.effectiveDate`.
    ///
    /// - returns: what was loaded and rejected; with `strict`, an outcome whose
    ///   `rolledBack` is true when rows were rejected.
    /// - throws: `IngestError` when the file cannot be imported at all (nothing
    ///   is committed then), any error `progress` throws, and database errors.
    public func importFile(
        _ path: String, kind: ImportKind, progress: (ImportProgress) throws -> Void = { _ in }
    ) throws -> ImportOutcome {
        let run = FileImport(database: database, pseudonymizer: pseudonymizer, options: options)
        switch kind {
        case .encounters:
            return try run.run(
                path, handler: EncounterRows(options: options, pseudonymizer: pseudonymizer), progress: progress)
        case .hours:
            return try run.run(path, handler: HourRows(today: options.today), progress: progress)
        case .fees:
            return try run.run(path, handler: FeeRows(file: options.displayName ?? path), progress: progress)
        case .audits:
            return try run.run(path, handler: AuditRows(options: options), progress: progress)
        case .remittances:
            return try RemittanceImport(database: database, options: options).run(path)
        case .ptp:
            return try run.run(path, handler: PTPRows(), progress: progress)
        case .mue:
            guard let effective = options.effectiveDate else {
                preconditionFailure("an MUE table is imported with options.effectiveDate, the day it takes effect")
            }
            return try run.run(path, handler: MUERows(effective: effective), progress: progress)
        }
    }
}
