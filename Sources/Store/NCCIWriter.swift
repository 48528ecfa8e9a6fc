import GRDB
import GRDBSQLite

/// One NCCI procedure-to-procedure edit as a practitioner PTP file gives it
/// (SPEC 8): codes, dates and CMS's indicator and rationale, never a descriptor.
public struct PTPEdit: Sendable, Equatable {
    public var column1: String
    public var column2: String
    /// `YYYY-MM-DD`.
    public var effectiveDate: String
    /// `YYYY-MM-DD`, or nil while the edit is in force.
    public var deletionDate: String?
    /// 0 (no modifier allowed), 1 (an NCCI-associated modifier allowed) or 9 (no edit).
    public var modifierIndicator: Int
    /// The file's `*`: the edit existed before 1996.
    public var before1996: Bool
    public var rationale: String

    public init(
        column1: String, column2: String, effectiveDate: String, deletionDate: String?, modifierIndicator: Int,
        before1996: Bool, rationale: String
    ) {
        self.column1 = column1
        self.column2 = column2
        self.effectiveDate = effectiveDate
        self.deletionDate = deletionDate
        self.modifierIndicator = modifierIndicator
        self.before1996 = before1996
        self.rationale = rationale
    }
}

/// One code's medically unlikely edit from a practitioner services MUE table,
/// in force from the table's effective date.
public struct MUEValue: Sendable, Equatable {
    public var procedureCode: String
    /// `YYYY-MM-DD`: the day the table took effect (the file itself carries no date).
    public var effectiveDate: String
    /// The most units of the code a practitioner reports (per line or per day, by the indicator).
    public var value: Int
    /// 1 (line edit), 2 (date of service edit: policy) or 3 (date of service edit: clinical).
    public var adjudicationIndicator: Int
    public var rationale: String

    public init(procedureCode: String, effectiveDate: String, value: Int, adjudicationIndicator: Int, rationale: String)
    {
        self.procedureCode = procedureCode
        self.effectiveDate = effectiveDate
        self.value = value
        self.adjudicationIndicator = adjudicationIndicator
        self.rationale = rationale
    }
}

/// Writes the NCCI tables during an import: a PTP file holds hundreds of
/// thousands of edits, so the statements stay prepared and bind through
/// SQLite's C API, and edits go in groups of 64 rows a statement (one row a
/// statement spent half the import opening and closing SQLite's cursors). A
/// row replaces the one stored under its key; how many keys were new is the
/// growth of the table (`editCount`, `valueCount`), which costs one count per
/// file instead of a look-up per row.
public final class NCCIWriter: RawStatementWriter {
    /// How many edits one statement writes.
    static let group = 64

    private let db: Database
    var connection: Database { db }
    private lazy var upsertEdit = prepare(Self.upsertEdits(rows: 1))
    private lazy var upsertEditGroup = prepare(Self.upsertEdits(rows: Self.group))
    /// Edits given to `store` and not written yet, and their batch.
    private var pending: [PTPEdit] = []
    private var pendingBatchID: Int64 = 0
    private lazy var findEdit = prepare(
        """
        SELECT deletion_date, modifier_indicator, before_1996, rationale FROM ptp_edit
        WHERE column_1 = ? AND column_2 = ? AND effective_date = ?
        """)
    private lazy var upsertValue = prepare(
        """
        INSERT INTO mue_value (procedure_code, effective_date, mue_value, adjudication_indicator, rationale, batch_id)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (procedure_code, effective_date) DO UPDATE SET
            mue_value = excluded.mue_value, adjudication_indicator = excluded.adjudication_indicator,
            rationale = excluded.rationale, batch_id = excluded.batch_id
        """)

    init(db: Database) {
        self.db = db
    }

    /// `INSERT … VALUES` of `rows` edits, each replacing the row stored under its key.
    private static func upsertEdits(rows: Int) -> String {
        """
        INSERT INTO ptp_edit (column_1, column_2, effective_date, deletion_date, modifier_indicator, before_1996,
                              rationale, batch_id)
        VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
        ON CONFLICT (column_1, column_2, effective_date) DO UPDATE SET
            deletion_date = excluded.deletion_date, modifier_indicator = excluded.modifier_indicator,
            before_1996 = excluded.before_1996, rationale = excluded.rationale, batch_id = excluded.batch_id
        """
    }

    /// Stores an edit under its key (column 1, column 2, effective date),
    /// replacing the row stored under the same key. The edit is written with
    /// the next ones, by this call or by `flush`, `editCount` or `edit`: one of
    /// them must come before the import's transaction ends.
    ///
    /// - throws: a `DatabaseError` from writing the group, e.g. a CHECK the
    ///   values break (a deletion date before the effective date) or an unknown batch.
    public func store(_ edit: PTPEdit, batchID: Int64) throws {
        if !pending.isEmpty && batchID != pendingBatchID { try flush() }
        pendingBatchID = batchID
        pending.append(edit)
        if pending.count == Self.group { try flush() }
    }

    /// Writes the edits `store` holds back.
    ///
    /// - throws: a `DatabaseError`; the edits are dropped either way.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        defer { pending.removeAll(keepingCapacity: true) }
        if pending.count == Self.group {
            let s = try upsertEditGroup.sqliteStatement
            for (index, edit) in pending.enumerated() {
                bind(s, edit, batchID: pendingBatchID, from: Int32(index * 8))
            }
            try step(s)
        } else {
            let s = try upsertEdit.sqliteStatement
            for edit in pending {
                bind(s, edit, batchID: pendingBatchID, from: 0)
                try step(s)
            }
        }
    }

    /// How many edits the store holds, those `store` holds back written first.
    public func editCount() throws -> Int {
        try flush()
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM ptp_edit") ?? 0
    }

    /// The edit stored under a key, if any, those `store` holds back written first.
    public func edit(column1: String, column2: String, effectiveDate: String) throws -> PTPEdit? {
        try flush()
        let s = try findEdit.sqliteStatement
        defer { sqlite3_reset(s) }
        bind(s, 1, column1)
        bind(s, 2, column2)
        bind(s, 3, effectiveDate)
        let rc = sqlite3_step(s)
        guard rc == SQLITE_ROW else {
            if rc == SQLITE_DONE { return nil }
            throw error(rc)
        }
        return PTPEdit(
            column1: column1, column2: column2, effectiveDate: effectiveDate, deletionDate: text(s, 0),
            modifierIndicator: Int(sqlite3_column_int64(s, 1)), before1996: sqlite3_column_int64(s, 2) == 1,
            rationale: text(s, 3) ?? "")
    }

    /// Stores a code's MUE under its key (code, effective date), replacing the
    /// row stored under the same key.
    ///
    /// - throws: a `DatabaseError`, e.g. a CHECK the values break.
    public func store(_ value: MUEValue, batchID: Int64) throws {
        let s = try upsertValue.sqliteStatement
        bind(s, value, batchID: batchID)
        try step(s)
    }

    /// How many MUE values the store holds.
    public func valueCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM mue_value") ?? 0
    }

    // MARK: - SQLite C API

    /// Binds an edit's eight parameters, after the first `offset`.
    private func bind(_ s: OpaquePointer, _ edit: PTPEdit, batchID: Int64, from offset: Int32) {
        bind(s, offset + 1, edit.column1)
        bind(s, offset + 2, edit.column2)
        bind(s, offset + 3, edit.effectiveDate)
        bind(s, offset + 4, edit.deletionDate)
        sqlite3_bind_int64(s, offset + 5, Int64(edit.modifierIndicator))
        sqlite3_bind_int64(s, offset + 6, edit.before1996 ? 1 : 0)
        bind(s, offset + 7, edit.rationale)
        sqlite3_bind_int64(s, offset + 8, batchID)
    }

    /// Binds a value's six parameters.
    private func bind(_ s: OpaquePointer, _ value: MUEValue, batchID: Int64) {
        bind(s, 1, value.procedureCode)
        bind(s, 2, value.effectiveDate)
        sqlite3_bind_int64(s, 3, Int64(value.value))
        sqlite3_bind_int64(s, 4, Int64(value.adjudicationIndicator))
        bind(s, 5, value.rationale)
        sqlite3_bind_int64(s, 6, batchID)
    }

    private func bind(_ s: OpaquePointer, _ index: Int32, _ value: String?) {
        guard var text = value else {
            sqlite3_bind_null(s, index)
            return
        }
        text.withUTF8 { bytes in
            _ = sqlite3_bind_text(s, index, bytes.baseAddress, Int32(bytes.count), transient)
        }
    }

    private func text(_ s: OpaquePointer, _ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(s, column) else { return nil }
        return String(cString: pointer)
    }
}
