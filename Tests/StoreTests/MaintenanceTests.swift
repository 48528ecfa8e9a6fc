import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

@Suite struct MaintenanceTests {
    @Test func newDatabaseIsSound() throws {
        let folder = try TemporaryFolder()
        let database = try CodeAuditDatabase(path: folder.path("db.sqlite"))
        #expect(try database.check() == IntegrityReport(integrity: ["ok"], foreignKeyViolations: []))
    }

    @Test func brokenReferenceIsReported() throws {
        // Given a line whose encounter does not exist, written with foreign keys off
        let folder = try TemporaryFolder()
        let path = folder.path("db.sqlite")
        let database = try CodeAuditDatabase(path: path)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try DatabaseQueue(path: path, configuration: configuration).write { db in
            try db.execute(
                sql:
                    "INSERT INTO encounter_line (encounter_id, source_line, procedure_code, units) VALUES (42, 2, '99213', 1)"
            )
        }
        // When it is checked; Then the violation is named and the database is not sound
        let report = try database.check()
        #expect(report.integrity == ["ok"])
        #expect(report.foreignKeyViolations == ["encounter_line row 1 → encounter"])
        #expect(!report.isSound)
    }

    @Test func backupIsAPrivateConsistentCopyAndNeverOverwrites() throws {
        // Given a database with an import batch
        let folder = try TemporaryFolder()
        let database = try CodeAuditDatabase(path: folder.path("db.sqlite"))
        _ = try database.importing { session in
            try session.beginBatch(
                ImportBatchStart(
                    kind: .hours, fileName: "h.csv", fileSize: 1, sha256: "abc", encoding: "UTF-8", delimiter: "comma",
                    header: "coder,work_date,hours", forced: false, startedAt: "2026-11-01T00:00:00Z",
                    toolVersion: "test"))
        }
        // When it is backed up
        let copy = folder.path("copy.sqlite")
        try database.backup(to: copy)
        // Then the copy opens, holds the batch, checks sound, and is readable by its owner only
        let restored = try CodeAuditDatabase(path: copy)
        #expect(try restored.importBatches().map(\.sha256) == ["abc"])
        #expect(try restored.check().isSound)
        #expect(try fileMode(copy) == 0o600)
        // and a second backup to the same file is refused, leaving it as it was
        #expect(throws: StoreError.self) { try database.backup(to: copy) }
        #expect(try CodeAuditDatabase(path: copy).importBatches().count == 1)
    }
}
