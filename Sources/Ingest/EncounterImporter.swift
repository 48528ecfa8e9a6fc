import Foundation
import Store

/// Imports coded-encounter exports (SPEC 3.1) into the store, one file per
/// transaction.
///
/// Lines are judged in file order: a blank encounter field takes the value
/// that earlier lines of the same encounter gave (and a later line may fill a
/// field that earlier lines left blank); a line whose value differs from one
/// set by earlier lines is rejected; a line that leaves a required encounter
/// field blank when no earlier line gave it is rejected.
///
/// ```swift
/// let importer = EncounterImporter(database: database, pseudonymizer: pseudonymizer, options: options)
/// let outcome = try importer.importFile("encounters.csv")
/// ```
public struct EncounterImporter {
    let database: CodeAuditDatabase
    let pseudonymizer: PatientPseudonymizer
    let options: ImportOptions

    public init(database: CodeAuditDatabase, pseudonymizer: PatientPseudonymizer, options: ImportOptions) {
        self.database = database
        self.pseudonymizer = pseudonymizer
        self.options = options
    }

    /// Imports one file.
    ///
    /// - returns: what was loaded and rejected; with `strict`, an outcome whose
    ///   `rolledBack` is true when rows were rejected.
    /// - throws: `IngestError` when the file cannot be imported at all (nothing
    ///   is committed then), any error `progress` throws, and database errors.
    public func importFile(_ path: String, progress: (ImportProgress) throws -> Void = { _ in }) throws -> ImportOutcome
    {
        let name = options.displayName ?? path
        let info = try InputFileInfo.inspect(path: path)
        let run = EncounterImportRun(
            file: name, path: path, info: info, options: options, pseudonymizer: pseudonymizer)
        do {
            try database.importing { session in
                try run.perform(session: session, progress: progress)
            }
        } catch is StrictRollback {
            run.outcome.rolledBack = true
            run.outcome.batchID = nil
        } catch {
            run.discardRejectsFile()
            throw error
        }
        try run.closeRejectsFile()
        return run.outcome
    }
}

/// Thrown inside the transaction to roll back a `--strict` import with rejects.
private struct StrictRollback: Error {}

/// The state of one file's import.
private final class EncounterImportRun {
    let file: String
    let path: String
    let info: InputFileInfo
    let options: ImportOptions
    let pseudonymizer: PatientPseudonymizer
    var outcome: ImportOutcome

    private var map: HeaderMap?
    private var parser: EncounterRowParser?
    private var batchID: Int64 = 0
    private var encounters: [String: EncounterState] = [:]
    private var pseudonyms: [String: String] = [:]
    private var rejectsWriter: CSVWriter?

    init(file: String, path: String, info: InputFileInfo, options: ImportOptions, pseudonymizer: PatientPseudonymizer) {
        self.file = file
        self.path = path
        self.info = info
        self.options = options
        self.pseudonymizer = pseudonymizer
        outcome = ImportOutcome(file: file)
        outcome.encoding = info.encoding
        outcome.delimiter = info.delimiter
    }

    func perform(session: ImportSession, progress: (ImportProgress) throws -> Void) throws {
        if !options.force, let previous = try session.previousBatch(kind: .encounters, sha256: info.sha256) {
            outcome.alreadyImportedAs = previous
            return
        }
        let reader = try CSVReader(path: path, info: info)
        try reader.forEachRecord(
            { record in
                if map == nil {
                    try begin(header: record, session: session)
                } else {
                    try importRow(record, session: session)
                    try progress(ImportProgress(bytesRead: 0, totalBytes: info.size, rowsRead: outcome.counts.rowsRead))
                }
            },
            progress: { bytes in
                try progress(ImportProgress(bytesRead: bytes, totalBytes: info.size, rowsRead: outcome.counts.rowsRead))
            })
        guard map != nil else { throw IngestError.empty(file: file) }
        try finish(session: session)
        if options.strict && outcome.counts.rowsRejected > 0 { throw StrictRollback() }
    }

    // MARK: - Header

    private func begin(header record: CSVRecord, session: ImportSession) throws {
        let header = record.fields
        let map = try HeaderMap(
            header: header, specs: ColumnSpec.encounterColumns, mapping: options.mapping, file: file)
        self.map = map
        parser = EncounterRowParser(map: map, codeSet: options.codeSet, today: options.today)
        outcome.columns = map.describe(specs: ColumnSpec.encounterColumns)
        outcome.identifierColumns = map.identifierColumns.map { header[$0] }
        outcome.ignoredColumns = map.unknownColumns.map { header[$0] }
        if let warning = info.encodingWarning { outcome.warnings.append(warning) }
        for (index, column) in map.shadowed {
            let used = header[map.index(of: column)!]
            outcome.warnings.append("column \"\(header[index])\" also looks like \(column); \"\(used)\" is used")
        }
        batchID = try session.beginBatch(
            ImportBatchStart(
                kind: .encounters, fileName: file, fileSize: info.size, sha256: info.sha256,
                encoding: info.encoding.rawValue, delimiter: info.delimiter.name,
                header: CSVWriter.line(keptFields(of: record, pseudonymize: false)), forced: options.force,
                startedAt: options.timestamp(), toolVersion: options.toolVersion))
    }

    // MARK: - Rows

    private func importRow(_ record: CSVRecord, session: ImportSession) throws {
        guard let map, let parser else { return }
        if record.isBlank {
            outcome.blankRowsSkipped += 1
            return
        }
        outcome.counts.rowsRead += 1
        guard record.count == map.header.count else {
            try reject(
                record,
                problems: [
                    RowProblem(
                        column: nil,
                        reason: "the row has \(record.count) fields; the header has \(map.header.count)")
                ], session: session)
            return
        }
        switch parser.parse(record) {
        case .failure(let failure):
            try reject(record, problems: failure.problems, session: session)
        case .success(let row):
            let problems = try assemble(row, writer: session.encounters)
            if problems.isEmpty {
                outcome.counts.rowsLoaded += 1
            } else {
                try reject(record, problems: problems, session: session)
            }
        }
    }

    /// Merges a parsed line into its encounter and writes it, or returns why it cannot be.
    private func assemble(_ row: EncounterRow, writer: EncounterWriter) throws -> [RowProblem] {
        var fields = row.fields
        fields.patientPseudonym = row.patientID.map(pseudonym)
        let id = row.encounterID
        let cached = encounters[id]
        // An encounter not in memory is most often new: try it as such first.
        let state = cached ?? EncounterState()
        var (merged, problems) = merge(fields, into: state.fields, encounter: id)
        let newCodes = row.diagnoses.filter { !state.diagnoses.contains($0) }
        problems += missing(merged, diagnoses: state.diagnoses.isEmpty && newCodes.isEmpty, encounter: id)

        let rowID: Int64
        if cached == nil {
            if problems.isEmpty, let inserted = try writer.insertIfNew(externalID: id, fields: merged, batchID: batchID)
            {
                rowID = inserted
                outcome.encountersAdded += 1
            } else {
                // The store may know it (an earlier import, or earlier in this file): judge the line again.
                remember(id, try storedState(id, writer: writer))
                return try assemble(row, writer: writer)
            }
        } else if !problems.isEmpty {
            return problems
        } else if let existing = state.id {
            rowID = existing
            if merged != state.fields { try writer.update(id: rowID, fields: merged, batchID: batchID) }
        } else if let replaced = state.replacing {
            try writer.replace(replaced, fields: merged, batchID: batchID)
            rowID = replaced.id
            outcome.counts.encountersReplaced += 1
        } else {
            rowID = try writer.insert(externalID: id, fields: merged, batchID: batchID)
            outcome.encountersAdded += 1
        }
        for code in newCodes {
            try writer.insert(diagnosis: code, position: state.diagnoses.count, encounterID: rowID)
            state.diagnoses.append(code)
        }
        try writer.insert(line: row.line, encounterID: rowID)
        state.id = rowID
        state.replacing = nil
        state.fields = merged
        if cached == nil { remember(id, state) }
        return []
    }

    /// The encounter fields once this line's are added to the earlier lines', and
    /// a problem for each field where they disagree.
    private func merge(_ line: EncounterFields, into earlier: EncounterFields, encounter id: String) -> (
        EncounterFields, [RowProblem]
    ) {
        var merged = earlier
        var problems: [RowProblem] = []
        func take<T: Equatable>(_ value: T?, _ slot: inout T?, _ column: String, _ label: String, shown: Bool = true) {
            guard let value else { return }
            guard let before = slot else {
                slot = value
                return
            }
            guard before != value else { return }
            let detail =
                shown
                ? "\(label) '\(value)' but earlier lines give '\(before)'"
                : "\(label) differs from the one earlier lines give"
            problems.append(
                RowProblem(
                    column: map?.index(of: column), reason: "encounter field disagrees: \(detail) (encounter \(id))"))
        }
        take(line.serviceDate, &merged.serviceDate, "service_date", "service date")
        take(line.patientPseudonym, &merged.patientPseudonym, "patient_id", "patient id", shown: false)
        take(line.provider, &merged.provider, "provider", "provider")
        take(line.specialty, &merged.specialty, "specialty", "specialty")
        take(line.coder, &merged.coder, "coder", "coder")
        take(line.payer, &merged.payer, "payer", "payer")
        take(line.codedAt, &merged.codedAt, "coded_at", "coded at")
        take(line.codingMinutes, &merged.codingMinutes, "coding_minutes", "coding minutes")
        return (merged, problems)
    }

    /// Required encounter fields that neither this line nor an earlier one gave.
    private func missing(_ fields: EncounterFields, diagnoses noDiagnosis: Bool, encounter id: String) -> [RowProblem] {
        var problems: [RowProblem] = []
        for (value, column, label) in [
            (fields.serviceDate, "service_date", "service date"),
            (fields.patientPseudonym, "patient_id", "patient id"),
            (fields.provider, "provider", "provider"),
        ] where value == nil {
            problems.append(
                RowProblem(
                    column: map?.index(of: column),
                    reason: "\(label) is blank, and no earlier line of encounter \(id) gives it"))
        }
        if noDiagnosis {
            problems.append(
                RowProblem(
                    column: map?.columns["diagnosis_codes"]?.first,
                    reason: "no diagnosis code on the encounter: this line gives none, and no earlier line of "
                        + "encounter \(id) does"))
        }
        return problems
    }

    /// What the store knows of an encounter: stored by this import, stored by an
    /// earlier one (to be replaced), or nothing (a new encounter).
    private func storedState(_ id: String, writer: EncounterWriter) throws -> EncounterState {
        guard let stored = try writer.encounter(externalID: id) else { return EncounterState() }
        if stored.batchID == batchID {
            return EncounterState(id: stored.id, fields: stored.fields, diagnoses: stored.diagnosisCodes)
        }
        return EncounterState(replacing: stored)
    }

    /// Keeps recent encounters in memory; the store answers for the others, so
    /// memory stays flat however large the file.
    private func remember(_ id: String, _ state: EncounterState) {
        if encounters.count >= 20_000 { encounters.removeAll(keepingCapacity: true) }
        encounters[id] = state
    }

    private func pseudonym(_ patientID: String) -> String {
        if let known = pseudonyms[patientID] { return known }
        if pseudonyms.count >= 10_000 { pseudonyms.removeAll(keepingCapacity: true) }
        let value = pseudonymizer.pseudonym(for: patientID)
        pseudonyms[patientID] = value
        return value
    }

    // MARK: - Rejects

    private func reject(_ record: CSVRecord, problems: [RowProblem], session: ImportSession) throws {
        guard let map else { return }
        outcome.counts.rowsRejected += 1
        let column = problems.first?.column.map { map.header[$0] }
        let reason = problems.map(\.reason).joined(separator: "; ")
        if outcome.firstRejects.count < ImportOutcome.rejectsShown {
            outcome.firstRejects.append(RowReject(line: record.line, column: column, reason: reason))
        }
        try session.recordReject(
            batchID: batchID,
            StoredReject(
                lineNumber: record.line, columnName: column, reason: reason,
                rawRow: CSVWriter.line(keptFields(of: record, pseudonymize: true))))
        guard options.writeRejectsFile, options.displayName == nil else { return }
        if rejectsWriter == nil {
            rejectsWriter = try CSVWriter(path: Self.rejectsPath(for: path) + ".partial", bom: true)
            try rejectsWriter?.write(map.header + ["reject_line", "reject_reason"])
        }
        var fields = record.fields
        while fields.count < map.header.count { fields.append("") }
        try rejectsWriter?.write(fields + [String(record.line), reason])
    }

    /// The fields of a record without identifier-looking columns, the patient id
    /// replaced by its pseudonym when asked.
    private func keptFields(of record: CSVRecord, pseudonymize: Bool) -> [String] {
        guard let map else { return record.fields }
        let patientColumn = parser?.patientColumn
        return (0..<record.count).compactMap { index in
            if map.identifierColumns.contains(index) { return nil }
            if pseudonymize, index == patientColumn {
                let value = record[index]
                return value.isEmpty ? "" : pseudonym(value)
            }
            return record[index]
        }
    }

    static func rejectsPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingPathExtension().path + ".rejects.csv"
    }

    /// Moves the finished rejects file into place, over an older one.
    func closeRejectsFile() throws {
        guard let writer = rejectsWriter else { return }
        rejectsWriter = nil
        try writer.close()
        let final = Self.rejectsPath(for: path)
        guard rename(final + ".partial", final) == 0 else {
            throw IngestError.unreadable(file: final, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        outcome.rejectsFile = final
    }

    /// Leaves an older rejects file as it was when the import failed.
    func discardRejectsFile() {
        guard rejectsWriter != nil else { return }
        rejectsWriter = nil
        unlink(Self.rejectsPath(for: path) + ".partial")
    }

    // MARK: - End

    private func finish(session: ImportSession) throws {
        let defaults = try session.encounters.applyDefaults(batchID: batchID)
        if defaults.coders > 0 {
            outcome.warnings.append(
                "\(defaults.coders) encounter\(defaults.coders == 1 ? "" : "s") had no coder; stored as UNASSIGNED")
        }
        if defaults.payers > 0 {
            outcome.warnings.append(
                "\(defaults.payers) encounter\(defaults.payers == 1 ? "" : "s") had no payer; stored as UNKNOWN")
        }
        if outcome.blankRowsSkipped > 0 {
            outcome.warnings.append("\(outcome.blankRowsSkipped) blank row(s) skipped")
        }
        outcome.batchID = batchID
        try session.finishBatch(
            id: batchID, counts: outcome.counts, warnings: outcome.warnings, finishedAt: options.timestamp())
    }
}

/// An encounter as this import knows it.
private final class EncounterState {
    /// The row id once this import has written the encounter.
    var id: Int64?
    var fields: EncounterFields
    var diagnoses: [String]
    /// The stored encounter of an earlier import that this import's first
    /// accepted line will replace.
    var replacing: StoredEncounter?

    init(
        id: Int64? = nil, fields: EncounterFields = EncounterFields(), diagnoses: [String] = [],
        replacing: StoredEncounter? = nil
    ) {
        self.id = id
        self.fields = fields
        self.diagnoses = diagnoses
        self.replacing = replacing
    }
}
