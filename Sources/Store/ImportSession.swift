import GRDB

/// One import's view of the store, alive inside a single transaction: when
/// the closure given to `CodeAuditDatabase.importing` throws, everything the
/// session wrote is rolled back.
public final class ImportSession {
    let db: Database
    /// The writer for encounter rows, created on first use.
    public var encounters: EncounterWriter {
        if let encounterWriter { return encounterWriter }
        let writer = EncounterWriter(db: db, changedDays: changedDays)
        encounterWriter = writer
        return writer
    }
    fileprivate var encounterWriter: EncounterWriter?
    /// The indexes `setAsideIndexes(forFirstLoadOf:)` dropped, as created.
    var indexesToBuild: [String] = []
    /// The batches this import began, whose months' kept summaries it drops (see `dropChangedMonthSummaries`).
    var batches: [(kind: ImportKind, id: Int64)] = []
    /// The first and last day of the months whose figures this import changes, as noted so far.
    let changedDays = ChangedDays()
    /// The writer for remittances, created on first use.
    public private(set) lazy var remittances = RemittanceWriter(db: db, changedDays: changedDays)
    /// The writer for the NCCI edit tables, created on first use.
    public private(set) lazy var ncci = NCCIWriter(db: db)

    init(db: Database) {
        self.db = db
    }

    /// The batch that already loaded a file with this SHA-256, if any.
    public func previousBatch(kind: ImportKind, sha256: String) throws -> ImportBatchSummary? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT * FROM import_batch WHERE kind = ? AND sha256 = ?
                ORDER BY id DESC LIMIT 1
                """,
            arguments: [kind.rawValue, sha256]
        ).map(ImportBatchSummary.init(row:))
    }

    /// Records the start of an import and returns the batch id.
    public func beginBatch(_ start: ImportBatchStart) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO import_batch
                    (kind, file_name, file_size, sha256, encoding, delimiter, header, forced,
                     started_at, tool_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                start.kind.rawValue, start.fileName, start.fileSize, start.sha256, start.encoding,
                start.delimiter, start.header, start.forced ? 1 : 0, start.startedAt, start.toolVersion,
            ])
        batches.append((start.kind, db.lastInsertedRowID))
        return db.lastInsertedRowID
    }

    /// Records a rejected row with its batch.
    public func recordReject(batchID: Int64, _ reject: StoredReject) throws {
        try db.execute(
            sql: """
                INSERT INTO import_reject (batch_id, line_number, column_name, reason, raw_row)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [batchID, reject.lineNumber, reject.columnName, reject.reason, reject.rawRow])
    }

    /// Records the end of an import.
    public func finishBatch(id: Int64, counts: ImportBatchCounts, warnings: [String], finishedAt: String) throws {
        try db.execute(
            sql: """
                UPDATE import_batch SET rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_replaced = ?,
                    encounters_replaced = CASE kind WHEN 'encounters' THEN ? ELSE 0 END, warnings = ?,
                    finished_at = ?
                WHERE id = ?
                """,
            arguments: [
                counts.rowsRead, counts.rowsLoaded, counts.rowsRejected, counts.rowsReplaced, counts.rowsReplaced,
                warnings.joined(separator: "\n"), finishedAt, id,
            ])
    }
}

extension CodeAuditDatabase {
    /// Runs `body` in one write transaction: all of it is committed, or none.
    public func importing<T>(_ body: (ImportSession) throws -> T) throws -> T {
        try writer.write { db in
            // A larger page cache keeps a long import's B-tree pages in memory.
            try db.execute(sql: "PRAGMA cache_size = -32768")
            let session = ImportSession(db: db)
            let result = try body(session)
            // The encounter writer holds back lines and diagnoses to insert many in one statement.
            try session.encounterWriter?.flush()
            try session.buildSetAsideIndexes()
            try session.dropChangedMonthSummaries()
            return result
        }
    }

    /// Every batch of the import log, oldest first.
    public func importBatches() throws -> [ImportBatchSummary] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM import_batch ORDER BY id")
                .map(ImportBatchSummary.init(row:))
        }
    }

    /// The rejected rows stored with a batch, in file order.
    public func rejects(batchID: Int64) throws -> [StoredReject] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT line_number, column_name, reason, raw_row FROM import_reject
                    WHERE batch_id = ? ORDER BY line_number, id
                    """,
                arguments: [batchID]
            ).map {
                StoredReject(
                    lineNumber: $0["line_number"], columnName: $0["column_name"], reason: $0["reason"],
                    rawRow: $0["raw_row"])
            }
        }
    }
}

extension ImportBatchSummary {
    init(row: Row) {
        self.init(
            id: row["id"],
            kind: ImportKind(rawValue: row["kind"]) ?? .encounters,
            fileName: row["file_name"],
            sha256: row["sha256"],
            counts: ImportBatchCounts(
                rowsRead: row["rows_read"], rowsLoaded: row["rows_loaded"],
                rowsRejected: row["rows_rejected"], rowsReplaced: row["rows_replaced"]),
            startedAt: row["started_at"],
            finishedAt: row["finished_at"])
    }
}

extension CodeAuditDatabase {
    /// Whether any pseudonymized patient is stored (so a new key would not match).
    public func holdsPatientData() throws -> Bool {
        try writer.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM encounter)") ?? false }
    }
}
