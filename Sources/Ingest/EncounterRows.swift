import Foundation
import Store

/// The rows of a coded-encounter export (SPEC 3.1): service lines, merged
/// into encounters. Import them with `Importer.importFile(_:kind: .encounters)`.
///
/// Lines are judged in file order: a blank encounter field takes the value
/// that earlier lines of the same encounter gave (and a later line may fill a
/// field that earlier lines left blank); a line whose value differs from one
/// set by earlier lines is rejected; a line that leaves a required encounter
/// field blank when no earlier line gave it is rejected.
final class EncounterRows: ParsingAheadRowHandler {
    let kind = ImportKind.encounters
    let columns = ColumnSpec.encounterColumns
    let patientColumn: String? = "patient_id"
    private let options: ImportOptions
    private let pseudonymizer: PatientPseudonymizer
    private var map: HeaderMap?
    /// Parses the rows that the reading thread did not (none, as `FileImport` runs it).
    private var parser: EncounterLineParser?
    private var batchID: Int64 = 0
    private var encounters: [String: EncounterState] = [:]
    private var added = 0
    private var replaced = 0
    /// Whether an encounter may have been written without a coder or a payer
    /// (stored as '' until `finish` gives it the default).
    private var wroteBlankCoderOrPayer = false

    init(options: ImportOptions, pseudonymizer: PatientPseudonymizer) {
        self.options = options
        self.pseudonymizer = pseudonymizer
    }

    func parser(map: HeaderMap) -> EncounterLineParser {
        EncounterLineParser(
            rows: EncounterRowParser(map: map, codeSet: options.codeSet, today: options.today),
            pseudonyms: PseudonymCache(pseudonymizer: pseudonymizer))
    }

    func begin(map: HeaderMap, batchID: Int64, session: ImportSession) throws {
        self.map = map
        self.batchID = batchID
        try session.setAsideIndexes(forFirstLoadOf: .encounters)
    }

    func importRow(_ record: CSVRecord, session: ImportSession) throws -> [RowProblem] {
        guard let map else { return [] }
        if parser == nil { parser = self.parser(map: map) }
        return try importRow(record, parsed: parser!.parse(record), session: session)
    }

    func importRow(
        _ record: CSVRecord, parsed: Result<EncounterRow, RowProblems>, session: ImportSession
    ) throws -> [RowProblem] {
        switch parsed {
        case .failure(let failure):
            return failure.problems
        case .success(let row):
            return try assemble(row, writer: session.encounters)
        }
    }

    func finish(session: ImportSession, outcome: inout ImportOutcome) throws {
        // Two updates that read every encounter of the batch, run only when one may need them.
        let defaults =
            try wroteBlankCoderOrPayer
            ? session.encounters.applyDefaults(batchID: batchID) : (coders: 0, payers: 0)
        if defaults.coders > 0 {
            outcome.warnings.append(
                "\(defaults.coders) encounter\(defaults.coders == 1 ? "" : "s") had no coder; stored as UNASSIGNED")
        }
        if defaults.payers > 0 {
            outcome.warnings.append(
                "\(defaults.payers) encounter\(defaults.payers == 1 ? "" : "s") had no payer; stored as UNKNOWN")
        }
        outcome.encountersAdded = added
        outcome.counts.rowsReplaced = replaced
        outcome.details.append("\(added + replaced) encounters: \(added) new, \(replaced) replaced")
    }

    /// Merges a parsed line into its encounter and writes it, or returns why it cannot be.
    private func assemble(_ row: EncounterRow, writer: EncounterWriter) throws -> [RowProblem] {
        let id = row.encounterID
        let cached = encounters[id]
        // An encounter not in memory is most often new: try it as such first.
        let state = cached ?? EncounterState()
        var merged = state.fields
        var problems = merge(row.fields, into: &merged, encounter: id)
        let newCodes = row.diagnoses.filter { !state.diagnoses.contains($0) }
        problems += missing(merged, diagnoses: state.diagnoses.isEmpty && newCodes.isEmpty, encounter: id)

        if problems.isEmpty && (merged.coder == nil || merged.payer == nil) { wroteBlankCoderOrPayer = true }
        let rowID: Int64
        if cached == nil {
            if problems.isEmpty, let inserted = try writer.insertIfNew(externalID: id, fields: merged, batchID: batchID)
            {
                rowID = inserted
                added += 1
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
        } else if let earlier = state.replacing {
            try writer.replace(earlier, fields: merged, batchID: batchID)
            rowID = earlier.id
            replaced += 1
        } else {
            rowID = try writer.insert(externalID: id, fields: merged, batchID: batchID)
            added += 1
        }
        if !newCodes.isEmpty {
            try writer.insert(diagnoses: newCodes, from: state.diagnoses.count, encounterID: rowID)
            state.diagnoses += newCodes
        }
        try writer.insert(line: row.line, encounterID: rowID)
        state.id = rowID
        state.replacing = nil
        state.fields = merged
        if cached == nil { remember(id, state) }
        return []
    }

    /// Adds this line's encounter fields to the earlier lines' (`merged`); returns
    /// a problem for each field where they disagree.
    private func merge(_ line: EncounterFields, into merged: inout EncounterFields, encounter id: String)
        -> [RowProblem]
    {
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
        return problems
    }

    /// Required encounter fields that neither this line nor an earlier one gave.
    private func missing(_ fields: EncounterFields, diagnoses noDiagnosis: Bool, encounter id: String) -> [RowProblem] {
        var problems: [RowProblem] = []
        // Checked before the list of fields is built: on most lines none is missing.
        if fields.serviceDate == nil || fields.patientPseudonym == nil || fields.provider == nil {
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
}

/// Parses the lines of an encounter export and pseudonymizes their patients:
/// all the work on a line that needs no store.
struct EncounterLineParser: RowParser {
    let rows: EncounterRowParser
    var pseudonyms: PseudonymCache

    mutating func parse(_ record: CSVRecord) -> Result<EncounterRow, RowProblems> {
        rows.parse(record).map { row in
            var row = row
            row.fields.patientPseudonym = row.patientID.map { pseudonyms.pseudonym(for: $0) }
            return row
        }
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
