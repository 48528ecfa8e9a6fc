import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

/// The storage contract of SPEC 4, checked on a real database file.
@Suite struct StoreTests {
    @Test func newDatabaseAndItsWALFilesAreReadableByTheOwnerOnly() throws {
        // Given no database file
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        // When the store is opened
        let database = try CodeAuditDatabase(path: path)
        // Then the file and its -wal and -shm companions exist with mode 0600
        for suffix in ["", "-wal", "-shm"] {
            #expect(FileManager.default.fileExists(atPath: path + suffix), "\(suffix) missing")
            #expect(try fileMode(path + suffix) == 0o600, "mode of \(path + suffix)")
        }
        _ = database
    }

    @Test func existingDatabaseWithAWideModeIsMadePrivate() throws {
        // Given a database file that others can read
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        _ = try CodeAuditDatabase(path: path)
        chmod(path, 0o644)
        // When it is opened again
        let database = try CodeAuditDatabase(path: path)
        // Then it is readable by its owner only again
        #expect(try fileMode(path) == 0o600)
        _ = database
    }

    @Test func databaseUsesWALForeignKeysAndABusyTimeout() throws {
        // Given a new database
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        let database = try CodeAuditDatabase(path: path)
        // When its settings are read, from the file and from the store's own connections
        let journalMode = try readDatabase(at: path) {
            try String.fetchOne($0, sql: "PRAGMA journal_mode")
        }
        let settings = try database.writer.write { db in
            (
                foreignKeys: try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                busyTimeout: try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
            )
        }
        let readerForeignKeys = try database.writer.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        // Then the file is in WAL mode, foreign keys are enforced, and a busy database is waited for
        #expect(journalMode == "wal")
        #expect(settings.foreignKeys == 1)
        #expect(readerForeignKeys == 1)
        #expect((settings.busyTimeout ?? 0) > 0)
    }

    @Test func everyConnectionWritesWithSynchronousFull() throws {
        // Given a new database
        let folder = try TemporaryFolder()
        let database = try CodeAuditDatabase(path: folder.path("codeaudit.sqlite"))
        // When the synchronous setting of the connection that writes imports, and of a reader, is read
        let writer = try database.writer.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        let reader = try database.writer.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        // Then both are FULL (2), as SPEC 4 asks, so a commit survives a power loss
        #expect(writer == 2, "the writer connection runs with synchronous=\(writer.map(String.init) ?? "nil")")
        #expect(reader == 2)
    }

    @Test func everyTableIsStrict() throws {
        // Given a new database
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        _ = try CodeAuditDatabase(path: path)
        // When the table list is read
        let rows = try readDatabase(at: path) { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT name, strict FROM pragma_table_list
                    WHERE schema = 'main' AND type = 'table'
                    AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                    """)
        }
        // Then there are tables, and every one of them is STRICT
        #expect(rows.count >= 5)
        for row in rows {
            let name: String = row["name"]
            let strict: Int = row["strict"]
            #expect(strict == 1, "table \(name) is not STRICT")
        }
    }

    @Test func firstMigrationIsRecorded() throws {
        // Given a new database
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        _ = try CodeAuditDatabase(path: path)
        // When GRDB's migration log is read
        let identifiers = try readDatabase(at: path) {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
        }
        // Then the first migration is there under its shipped name
        #expect(identifiers.contains("v1: import log and encounters"))
    }

    @Test func openingTwiceAppliesNoMigrationAgain() throws {
        // Given a database opened once
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        _ = try CodeAuditDatabase(path: path)
        let before = try readDatabase(at: path) {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
        }
        // When it is opened again
        _ = try CodeAuditDatabase(path: path)
        // Then the migration log is unchanged
        let after = try readDatabase(at: path) {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(before == after)
    }

    @Test func importBatchHasTheColumnsOutsideToolsQuery() throws {
        // Given a new database
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        _ = try CodeAuditDatabase(path: path)
        // When the columns of import_batch are listed
        let columns = try readDatabase(at: path) { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('import_batch')"))
        }
        // Then SPEC 4's columns are all there
        let required: Set = [
            "id", "kind", "file_name", "sha256", "rows_read", "rows_loaded", "rows_rejected", "encounters_replaced",
            "rows_replaced", "started_at", "finished_at", "tool_version",
        ]
        #expect(required.subtracting(columns).isEmpty, "missing: \(required.subtracting(columns).sorted())")
    }

    @Test func everyForeignKeyIsIndexed() throws {
        // Given a new database
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        _ = try CodeAuditDatabase(path: path)
        // When every foreign key is compared with the leading columns of its table's indexes
        let unindexed = try readDatabase(at: path) { db -> [String] in
            var unindexed: [String] = []
            for table in try db.schemaTables() {
                let keyRows = try Row.fetchAll(
                    db, sql: "SELECT id, seq, \"from\" FROM pragma_foreign_key_list(?) ORDER BY id, seq",
                    arguments: [table])
                let keys = Dictionary(grouping: keyRows, by: { $0["id"] as Int }).values.map { rows in
                    rows.map { $0["from"] as String }
                }
                let indexes = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list(?)", arguments: [table])
                    .map { index in
                        // An expression index has no column name: it cannot serve a foreign key.
                        try String?.fetchAll(
                            db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [index]
                        ).map { $0 ?? "(expression)" }
                    }
                for key in keys where !indexes.contains(where: { Array($0.prefix(key.count)) == key }) {
                    unindexed.append("\(table)(\(key.joined(separator: ", ")))")
                }
            }
            return unindexed
        }
        // Then none is left without an index
        #expect(unindexed.isEmpty, "foreign keys without an index: \(unindexed)")
    }

    @Test func foreignKeysAreEnforced() throws {
        // Given a new database
        let folder = try TemporaryFolder()
        let database = try CodeAuditDatabase(path: folder.path("codeaudit.sqlite"))
        // When an encounter names a batch that does not exist
        // Then the store refuses it
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO encounter (external_id, service_date, patient_pseudonym, provider, batch_id)
                        VALUES ('E1', '2026-10-01', 'p', 'Dr Demo', 42)
                        """)
            }
        }
    }

    @Test(arguments: ["missing-folder/codeaudit.sqlite", "a-file/codeaudit.sqlite"])
    func unwritableLocationThrowsCannotOpen(relativePath: String) throws {
        // Given a path inside a folder that does not exist, or inside a regular file
        // (either is unwritable even for root)
        let folder = try TemporaryFolder()
        try folder.write("a-file", "not a folder")
        let path = folder.path(relativePath)
        // When the store is opened there
        // Then it says it cannot open the database, naming the path
        do {
            _ = try CodeAuditDatabase(path: path)
            Issue.record("opened a database at \(path)")
        } catch let error as StoreError {
            switch error {
            case .cannotOpen(let reported, _): #expect(reported == path)
            }
            #expect(error.localizedDescription.contains(path))
        }
    }

    @Test func fileThatIsNotADatabaseThrowsCannotOpenAndIsKept() throws {
        // Given a file that is not a SQLite database
        let folder = try TemporaryFolder()
        let path = folder.path("notes.sqlite")
        let bytes = Data(String(repeating: "not a database, just notes\n", count: 200).utf8)
        try bytes.write(to: URL(fileURLWithPath: path))
        // When the store is opened on it
        // Then it throws cannotOpen and leaves the file as it was
        #expect(throws: StoreError.self) { _ = try CodeAuditDatabase(path: path) }
        #expect(FileManager.default.contents(atPath: path) == bytes)
    }

    @Test func inMemoryStoreHasTheSameSchema() throws {
        // Given a file store and an in-memory store
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        _ = try CodeAuditDatabase(path: path)
        let memory = try CodeAuditDatabase()
        // When their tables are listed
        let fileTables = try readDatabase(at: path) { try $0.schemaTables() }
        let memoryTables = try memory.writer.read { try $0.schemaTables() }
        // Then they are the same, and the in-memory store has no path
        #expect(fileTables == memoryTables)
        #expect(memory.path == nil)
    }

    @Test func erasedInMemoryStoreIsEmptyAndNumbersBatchesFromOneAgain() throws {
        // Given an in-memory store holding an import batch
        let memory = try CodeAuditDatabase()
        let start = ImportBatchStart(
            kind: .hours, fileName: "h.csv", fileSize: 1, sha256: "abc", encoding: "UTF-8", delimiter: "comma",
            header: "coder,work_date,hours", forced: false, startedAt: "2026-11-01T00:00:00Z", toolVersion: "test")
        _ = try memory.importing { try $0.beginBatch(start) }
        #expect(try memory.importBatches().count == 1)
        // When it is erased
        try memory.eraseInMemoryStore()
        // Then it holds no batch, keeps its whole schema, and the next batch is number 1 again
        #expect(try memory.importBatches().isEmpty)
        #expect(
            try memory.writer.read { try $0.schemaTables() }
                == (try CodeAuditDatabase().writer.read { try $0.schemaTables() }))
        #expect(try memory.importing { try $0.beginBatch(start) } == 1)
    }
}
