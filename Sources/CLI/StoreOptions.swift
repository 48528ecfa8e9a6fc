import ArgumentParser
import Foundation
import Ingest
import Store

/// Where the database and its pseudonymization key are.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $CODEAUDIT_DB, else ./codeaudit.sqlite).", valueName: "path"))
    var db: String?

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "The pseudonymization key (default: $CODEAUDIT_KEY_FILE, else codeaudit.key beside the database).",
            valueName: "path"))
    var keyFile: String?

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["CODEAUDIT_DB"] ?? "codeaudit.sqlite"
    }

    var keyPath: String {
        keyFile ?? ProcessInfo.processInfo.environment["CODEAUDIT_KEY_FILE"]
            ?? KeyFile.defaultPath(forDatabase: databasePath)
    }

    /// Opens a database that exists; an export or report never creates one.
    ///
    /// - throws: `ExitCode(66)` with a message when there is no database at the path.
    func openExisting() throws -> CodeAuditDatabase {
        guard CodeAuditDatabase.exists(at: databasePath) else {
            printError(
                "codeaudit: no database at \(databasePath); import files first (codeaudit import encounters FILE), "
                    + "or name it with --db or CODEAUDIT_DB")
            throw ExitCode(66)
        }
        return try OpenedStores.shared.open(databasePath)
    }

    /// Opens the database, creating it and its key when it does not exist yet.
    /// Returns the store, the key and whether they were created.
    func openCreatingIfNeeded() throws -> (CodeAuditDatabase, PatientPseudonymizer, created: Bool) {
        let path = databasePath
        let isNew = !CodeAuditDatabase.exists(at: path)
        let keyExists = FileManager.default.fileExists(atPath: keyPath)
        if isNew && !keyExists { try KeyFile.create(at: keyPath) }
        let key = try KeyFile.load(from: keyPath)
        let database = try CodeAuditDatabase(path: path)
        return (database, PatientPseudonymizer(key: key), isNew)
    }
}

/// The stores a command opened, by path, so that its `run_log` record is
/// written through the store it read rather than by opening the file again:
/// each opening makes the write-ahead log and each closing checkpoints it,
/// two disk syncs apiece, several milliseconds of a command that reads a month.
final class OpenedStores: @unchecked Sendable {
    static let shared = OpenedStores()

    private let lock = NSLock()
    private var stores: [String: CodeAuditDatabase] = [:]

    /// Opens the store at `path` and keeps it for `take(_:)`.
    func open(_ path: String) throws -> CodeAuditDatabase {
        let database = try CodeAuditDatabase(path: path)
        lock.withLock { stores[path] = database }
        return database
    }

    /// The store opened at `path`, if any, handed over (it closes when the caller lets it go).
    func take(_ path: String) -> CodeAuditDatabase? {
        lock.withLock { stores.removeValue(forKey: path) }
    }
}
