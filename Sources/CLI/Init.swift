import ArgumentParser
import Foundation
import Ingest
import Store

extension CodeAudit {
    /// `codeaudit init`: creates the database and the pseudonymization key.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database (schema migrations) and the pseudonymization key.",
            discussion: """
                The key (32 random bytes, mode 0600) turns every patient id into a pseudonym before it is \
                stored. Keep it with the database and back both up together: without it, new imports \
                cannot be matched to the patients already stored.
                """)

        @OptionGroup var store: StoreOptions

        func run() throws {
            try logged("init", store: store) { _ in
                let path = store.databasePath
                let existed = CodeAuditDatabase.exists(at: path)
                let keyExisted = FileManager.default.fileExists(atPath: store.keyPath)
                if !keyExisted {
                    if existed, try CodeAuditDatabase(path: path).holdsPatientData() {
                        throw IngestError.keyFile(
                            path: store.keyPath,
                            reason: "the database \(path) already holds pseudonymized patients, and a new key "
                                + "would not match them; restore its key or name it with --key-file")
                    }
                    try KeyFile.create(at: store.keyPath)
                }
                _ = try KeyFile.load(from: store.keyPath)
                _ = try CodeAuditDatabase(path: path)
                let database = existed ? "database \(path) is up to date" : "created database \(path)"
                let key = keyExisted ? "using key \(store.keyPath)" : "created key \(store.keyPath) (mode 0600)"
                printError("\(database); \(key)")
            }
        }
    }
}
