import Foundation
import GRDB

/// The codeaudit store: one SQLite file in WAL mode, migrated to the current
/// schema when opened.
///
/// ```swift
/// let database = try CodeAuditDatabase(path: "codeaudit.sqlite")
/// ```
public final class CodeAuditDatabase: Sendable {
    /// The database file, or nil for an in-memory store.
    public let path: String?
    let writer: any DatabaseWriter

    /// Opens the store at `path`, creating it (mode 0600) when it does not
    /// exist, and applies pending migrations.
    ///
    /// - throws: `StoreError.cannotOpen` when the file cannot be created or
    ///   opened, and any database error from the migrations.
    public init(path: String) throws {
        self.path = path
        let created = try Self.createFileIfMissing(path)
        do {
            writer = try DatabasePool(path: path, configuration: Self.configuration())
            // Switching to WAL, GRDB sets synchronous = NORMAL on the writer after
            // prepareDatabase has run; every commit must reach the disk, so set FULL again.
            try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            // Migrating takes the write lock even when there is nothing to do, so a check, a backup,
            // an export or a report would wait for an import in another process to commit: look first.
            if try !writer.read({ try Self.migrator.hasCompletedMigrations($0) }) {
                try Self.migrator.migrate(writer)
            }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        {
            // Another process is writing: the caller says so and may try again.
            throw error
        } catch {
            if created { try? FileManager.default.removeItem(atPath: path) }
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        for suffix in ["", "-wal", "-shm"] {
            chmod(path + suffix, 0o600)
        }
    }

    /// A fresh in-memory store, for tests and fuzzing.
    public init() throws {
        path = nil
        writer = try DatabaseQueue(configuration: Self.configuration())
        try Self.migrator.migrate(writer)
    }

    /// Empties an in-memory store back to its freshly migrated schema, so that a
    /// fuzzer can run many inputs through one store: opening a store per input
    /// costs more than most inputs, and its queue is freed only later, on
    /// another thread, which reads as a leak to the fuzzer's per-input check.
    ///
    /// - precondition: the store is in memory.
    /// - throws: any database error from the erase or the migrations.
    public func eraseInMemoryStore() throws {
        precondition(path == nil, "only an in-memory store is erased")
        try writer.erase()
        try Self.migrator.migrate(writer)
    }

    /// Whether a store file exists at `path`.
    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // The month queries of a report and the exports go through the date indexes and read
            // many pages more than once: through SQLite's 2 MB page cache each read is a copy out of
            // the kernel. Readers map the file instead, up to 256 MB so that a report on a large
            // store does not count gigabytes of mapped pages as its own; writers keep their usual I/O.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = 268435456") }
        }
        return configuration
    }

    /// Creates an empty file readable by its owner only, so that SQLite's
    /// `-wal` and `-shm` files, which copy its mode, are private too.
    private static func createFileIfMissing(_ path: String) throws -> Bool {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if fd >= 0 {
            close(fd)
            return true
        }
        if errno == EEXIST { return false }
        throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
}

extension CodeAuditDatabase {
    /// Runs read-only SQL: the analytics read the store through this.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }
}
