import Foundation
import GRDB

/// What `codeaudit check` found.
public struct IntegrityReport: Sendable, Equatable {
    /// `PRAGMA integrity_check`'s lines: `["ok"]` when the file is sound.
    public var integrity: [String]
    /// `PRAGMA foreign_key_check`'s rows, as `table rowid → parent`; empty when every reference holds.
    public var foreignKeyViolations: [String]

    public var isSound: Bool { integrity == ["ok"] && foreignKeyViolations.isEmpty }
}

extension CodeAuditDatabase {
    /// Runs SQLite's integrity and foreign-key checks over the whole file.
    public func check() throws -> IntegrityReport {
        try writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                return "\(table) row \(rowid.map(String.init) ?? "?") → \(parent)"
            }
            return IntegrityReport(integrity: integrity, foreignKeyViolations: violations)
        }
    }

    /// Writes a consistent copy of the database to `destination` with SQLite's
    /// backup API (safe while an import runs: the copy holds the last commit).
    /// The copy is created with mode 0600 and must not exist yet.
    ///
    /// - throws: `StoreError.cannotOpen` when the copy cannot be created; database errors.
    public func backup(to destination: String) throws {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw StoreError.cannotOpen(path: destination, reason: "it exists already; name a new file")
        }
        let fd = open(destination, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw StoreError.cannotOpen(path: destination, reason: String(cString: strerror(errno)))
        }
        close(fd)
        do {
            let copy = try DatabaseQueue(path: destination)
            try writer.backup(to: copy)
            try copy.close()
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            throw error
        }
    }
}
