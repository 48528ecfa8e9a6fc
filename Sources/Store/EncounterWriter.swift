import GRDB
import GRDBSQLite

/// The encounter-level fields of a coded encounter. A nil field is blank so
/// far: the importer fills it from a later line of the same encounter.
public struct EncounterFields: Sendable, Equatable {
    public var serviceDate: String?
    public var patientPseudonym: String?
    public var provider: String?
    public var specialty: String?
    public var coder: String?
    public var payer: String?
    public var codedAt: String?
    public var codingMinutes: Double?

    public init(
        serviceDate: String? = nil, patientPseudonym: String? = nil, provider: String? = nil,
        specialty: String? = nil, coder: String? = nil, payer: String? = nil, codedAt: String? = nil,
        codingMinutes: Double? = nil
    ) {
        self.serviceDate = serviceDate
        self.patientPseudonym = patientPseudonym
        self.provider = provider
        self.specialty = specialty
        self.coder = coder
        self.payer = payer
        self.codedAt = codedAt
        self.codingMinutes = codingMinutes
    }
}

/// An encounter as stored: its row id, the batch that loaded it, its fields
/// and its diagnosis codes in first-seen order.
public struct StoredEncounter: Sendable, Equatable {
    public var id: Int64
    public var batchID: Int64
    public var fields: EncounterFields
    public var diagnosisCodes: [String]
}

/// One service line, validated and normalized.
public struct EncounterLineValues: Sendable, Equatable {
    public var sourceLine: Int
    public var procedureCode: String
    /// Up to four modifiers, in the order given.
    public var modifiers: [String]
    public var units: Int
    public var placeOfService: String?
    public var chargeCents: Int64?
    public var allowedCents: Int64?
    public var paidCents: Int64?

    public init(
        sourceLine: Int, procedureCode: String, modifiers: [String], units: Int, placeOfService: String?,
        chargeCents: Int64?, allowedCents: Int64?, paidCents: Int64?
    ) {
        self.sourceLine = sourceLine
        self.procedureCode = procedureCode
        self.modifiers = modifiers
        self.units = units
        self.placeOfService = placeOfService
        self.chargeCents = chargeCents
        self.allowedCents = allowedCents
        self.paidCents = paidCents
    }
}

/// Writes encounters during an import. This is the ingest hot path, so it
/// keeps its statements prepared and binds through SQLite's C API.
public final class EncounterWriter: RawStatementWriter {
    private let db: Database
    var connection: Database { db }
    /// The text of the statement being bound; every statement binds all of its text parameters.
    private let boundText = BoundText()
    /// The days of the encounters written, before and after (see `ImportSession.dropChangedMonthSummaries`).
    private let changedDays: ChangedDays
    private lazy var find = prepare(
        """
        SELECT id, batch_id, service_date, patient_pseudonym, provider, specialty, coder, payer,
               coded_at, coding_minutes
        FROM encounter WHERE external_id = ?
        """)
    private lazy var findDiagnoses = prepare(
        "SELECT code FROM encounter_diagnosis WHERE encounter_id = ? ORDER BY position")
    private lazy var insert = prepare(
        """
        INSERT INTO encounter (service_date, patient_pseudonym, provider, specialty, coder, payer,
                               coded_at, coding_minutes, batch_id, external_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    private lazy var insertNew = prepare(
        """
        INSERT INTO encounter (service_date, patient_pseudonym, provider, specialty, coder, payer,
                               coded_at, coding_minutes, batch_id, external_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (external_id) DO NOTHING
        """)
    private lazy var update = prepare(
        """
        UPDATE encounter SET service_date = ?, patient_pseudonym = ?, provider = ?, specialty = ?,
               coder = ?, payer = ?, coded_at = ?, coding_minutes = ?, batch_id = ?
        WHERE id = ?
        """)
    private lazy var deleteLines = prepare("DELETE FROM encounter_line WHERE encounter_id = ?")
    private lazy var deleteDiagnoses = prepare("DELETE FROM encounter_diagnosis WHERE encounter_id = ?")
    private lazy var insertReplacement = prepare(
        "INSERT INTO encounter_replacement (batch_id, encounter_id, previous_batch_id) VALUES (?, ?, ?)")
    /// Lines and diagnoses wait here and go in up to `rowsPerInsert` rows a
    /// statement: each run of a statement opens and closes a cursor on the
    /// table and each of its indexes, which costs more than a row. They are
    /// written in the order given, before anything reads or deletes those
    /// tables and before the import commits (`flush()`).
    private var pendingLines: [(encounterID: Int64, values: EncounterLineValues)] = []
    private var pendingDiagnoses: [(encounterID: Int64, position: Int64, code: String)] = []
    static let rowsPerInsert = 32
    /// Inserts of n lines or diagnoses (n from 1 to `rowsPerInsert`), prepared on first use.
    private var lineInserts: [Int: Result<Statement, any Error>] = [:]
    private var diagnosisInserts: [Int: Result<Statement, any Error>] = [:]

    init(db: Database, changedDays: ChangedDays) {
        self.db = db
        self.changedDays = changedDays
    }

    /// The stored encounter with this external id, if any.
    public func encounter(externalID: String) throws -> StoredEncounter? {
        try flushDiagnoses()
        boundText.reset()
        let s = try find.sqliteStatement
        defer { sqlite3_reset(s) }
        bind(s, 1, externalID)
        let rc = sqlite3_step(s)
        guard rc == SQLITE_ROW else {
            if rc == SQLITE_DONE { return nil }
            throw error(rc)
        }
        let fields = EncounterFields(
            serviceDate: text(s, 2), patientPseudonym: text(s, 3), provider: text(s, 4),
            specialty: text(s, 5), coder: nonBlank(text(s, 6)), payer: nonBlank(text(s, 7)), codedAt: text(s, 8),
            codingMinutes: sqlite3_column_type(s, 9) == SQLITE_NULL ? nil : sqlite3_column_double(s, 9))
        let id = sqlite3_column_int64(s, 0)
        let batchID = sqlite3_column_int64(s, 1)
        return StoredEncounter(id: id, batchID: batchID, fields: fields, diagnosisCodes: try diagnoses(of: id))
    }

    private func diagnoses(of encounterID: Int64) throws -> [String] {
        let s = try findDiagnoses.sqliteStatement
        defer { sqlite3_reset(s) }
        sqlite3_bind_int64(s, 1, encounterID)
        var codes: [String] = []
        while true {
            let rc = sqlite3_step(s)
            if rc == SQLITE_DONE { return codes }
            guard rc == SQLITE_ROW else { throw error(rc) }
            codes.append(text(s, 0) ?? "")
        }
    }

    /// Inserts a new encounter and returns its row id.
    public func insert(externalID: String, fields: EncounterFields, batchID: Int64) throws -> Int64 {
        boundText.reset()
        let s = try insert.sqliteStatement
        bind(s, fields: fields, batchID: batchID)
        bind(s, 10, externalID)
        try step(s)
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Inserts an encounter unless one with this external id is stored; returns
    /// the new row id, or nil when it was stored already (and nothing changed).
    public func insertIfNew(externalID: String, fields: EncounterFields, batchID: Int64) throws -> Int64? {
        boundText.reset()
        let s = try insertNew.sqliteStatement
        bind(s, fields: fields, batchID: batchID)
        bind(s, 10, externalID)
        try step(s)
        guard sqlite3_changes(db.sqliteConnection) == 1 else { return nil }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Replaces a stored encounter entirely: its lines and diagnoses go, its
    /// fields are this batch's, and the replacement is recorded.
    public func replace(_ encounter: StoredEncounter, fields: EncounterFields, batchID: Int64) throws {
        // The months it leaves change too.
        changedDays.add(encounter.fields)
        try flush()
        for statement in [try deleteLines.sqliteStatement, try deleteDiagnoses.sqliteStatement] {
            sqlite3_bind_int64(statement, 1, encounter.id)
            try step(statement)
        }
        try update(id: encounter.id, fields: fields, batchID: batchID)
        let s = try insertReplacement.sqliteStatement
        sqlite3_bind_int64(s, 1, batchID)
        sqlite3_bind_int64(s, 2, encounter.id)
        sqlite3_bind_int64(s, 3, encounter.batchID)
        try step(s)
    }

    /// Overwrites the fields of an encounter, e.g. when a later line fills a blank.
    public func update(id: Int64, fields: EncounterFields, batchID: Int64) throws {
        boundText.reset()
        let s = try update.sqliteStatement
        bind(s, fields: fields, batchID: batchID)
        sqlite3_bind_int64(s, 10, id)
        try step(s)
    }

    /// Inserts one service line of an encounter (in the store by the next `flush()`).
    public func insert(line: EncounterLineValues, encounterID: Int64) throws {
        pendingLines.append((encounterID, line))
        if pendingLines.count == Self.rowsPerInsert { try flushLines() }
    }

    /// Adds diagnosis codes at `position` (0-based) of an encounter's list and on
    /// (in the store by the next `flush()`).
    public func insert(diagnoses codes: [String], from position: Int, encounterID: Int64) throws {
        for (offset, code) in codes.enumerated() {
            pendingDiagnoses.append((encounterID, Int64(position + offset), code))
            if pendingDiagnoses.count == Self.rowsPerInsert { try flushDiagnoses() }
        }
    }

    /// Writes the lines and diagnoses inserted so far. The import session calls
    /// it before it commits; the writer itself before it reads or deletes them.
    public func flush() throws {
        try flushLines()
        try flushDiagnoses()
    }

    private func flushLines() throws {
        guard !pendingLines.isEmpty else { return }
        boundText.reset()
        let s = try statement(rows: pendingLines.count, in: &lineInserts) { count in
            """
            INSERT INTO encounter_line (encounter_id, source_line, procedure_code, modifier_1, modifier_2,
                   modifier_3, modifier_4, units, place_of_service, charge_cents, allowed_cents, paid_cents)
            VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: count).joined(separator: ", "))
            """
        }
        for (row, (encounterID, line)) in pendingLines.enumerated() {
            let first = Int32(12 * row)
            sqlite3_bind_int64(s, first + 1, encounterID)
            sqlite3_bind_int64(s, first + 2, Int64(line.sourceLine))
            bind(s, first + 3, line.procedureCode)
            for slot in 0..<4 {
                bind(s, first + Int32(4 + slot), slot < line.modifiers.count ? line.modifiers[slot] : nil)
            }
            sqlite3_bind_int64(s, first + 8, Int64(line.units))
            bind(s, first + 9, line.placeOfService)
            bind(s, first + 10, line.chargeCents)
            bind(s, first + 11, line.allowedCents)
            bind(s, first + 12, line.paidCents)
        }
        pendingLines.removeAll(keepingCapacity: true)
        try step(s)
    }

    private func flushDiagnoses() throws {
        guard !pendingDiagnoses.isEmpty else { return }
        boundText.reset()
        let s = try statement(rows: pendingDiagnoses.count, in: &diagnosisInserts) { count in
            "INSERT INTO encounter_diagnosis (encounter_id, position, code) VALUES "
                + Array(repeating: "(?, ?, ?)", count: count).joined(separator: ", ")
        }
        for (row, diagnosis) in pendingDiagnoses.enumerated() {
            let first = Int32(3 * row)
            sqlite3_bind_int64(s, first + 1, diagnosis.encounterID)
            sqlite3_bind_int64(s, first + 2, diagnosis.position)
            bind(s, first + 3, diagnosis.code)
        }
        pendingDiagnoses.removeAll(keepingCapacity: true)
        try step(s)
    }

    /// The insert of `rows` rows, prepared from `sql(rows)` on first use.
    private func statement(
        rows: Int, in prepared: inout [Int: Result<Statement, any Error>], sql: (Int) -> String
    ) throws -> OpaquePointer {
        if let statement = prepared[rows] { return try statement.sqliteStatement }
        let statement = prepare(sql(rows))
        prepared[rows] = statement
        return try statement.sqliteStatement
    }

    /// Gives the encounters of a batch that no line gave a coder or a payer the
    /// spec's defaults, `UNASSIGNED` and `UNKNOWN`, and says how many got each.
    /// Every import of encounters calls it before it commits.
    public func applyDefaults(batchID: Int64) throws -> (coders: Int, payers: Int) {
        try db.execute(
            sql: "UPDATE encounter SET coder = 'UNASSIGNED' WHERE batch_id = ? AND coder = ''", arguments: [batchID])
        let coders = db.changesCount
        try db.execute(
            sql: "UPDATE encounter SET payer = 'UNKNOWN' WHERE batch_id = ? AND payer = ''", arguments: [batchID])
        return (coders, db.changesCount)
    }

    // MARK: - SQLite C API

    private func bind(_ s: OpaquePointer, fields: EncounterFields, batchID: Int64) {
        changedDays.add(fields)
        bind(s, 1, fields.serviceDate)
        bind(s, 2, fields.patientPseudonym)
        bind(s, 3, fields.provider)
        bind(s, 4, fields.specialty)
        // The columns are NOT NULL: a coder or payer no line has given yet is '' until
        // applyDefaults, before the import commits, stores the spec's default.
        bind(s, 5, fields.coder ?? "")
        bind(s, 6, fields.payer ?? "")
        bind(s, 7, fields.codedAt)
        if let minutes = fields.codingMinutes {
            sqlite3_bind_double(s, 8, minutes)
        } else {
            sqlite3_bind_null(s, 8)
        }
        sqlite3_bind_int64(s, 9, batchID)
    }

    private func bind(_ s: OpaquePointer, _ index: Int32, _ value: String?) {
        boundText.bind(s, index, value)
    }

    private func text(_ s: OpaquePointer, _ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(s, column) else { return nil }
        return String(cString: pointer)
    }

    /// A stored coder or payer, nil while it is still blank in this import.
    private func nonBlank(_ value: String?) -> String? {
        value?.isEmpty == false ? value : nil
    }
}
