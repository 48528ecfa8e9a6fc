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
        return try CodeAuditDatabase(path: databasePath)
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
