import Crypto
import Foundation
import GRDB
import Ingest
import Store

/// A real store in a temporary folder: the database, its key, and the files a test imports,
/// side by side as `codeaudit` keeps them. Removed when the last reference to it goes.
///
///     let workspace = try TestWorkspace()
///     let path = try workspace.write("e.csv", encounterFile([encounterLine()]))
///     let outcome = try workspace.importEncounters(path)
///     #expect(try workspace.texts("SELECT external_id FROM encounter") == ["E1"])
public final class TestWorkspace {
    /// The "today" of every import: after every fixture date, so that none is in the future.
    public static let today = CalendarDay(year: 2026, month: 11, day: 27)!

    private let temporary: TemporaryFolder
    /// The database file, `codeaudit.sqlite` in the folder.
    public let databasePath: String
    /// The store, open on `databasePath`.
    public let database: CodeAuditDatabase
    /// The practice's key, from `codeaudit.key` in the folder.
    public let key: SymmetricKey

    /// Creates the folder, the database and its key; throws what they throw.
    public init() throws {
        temporary = try TemporaryFolder()
        databasePath = temporary.path("codeaudit.sqlite")
        database = try CodeAuditDatabase(path: databasePath)
        let keyPath = temporary.path("codeaudit.key")
        try KeyFile.create(at: keyPath)
        key = try KeyFile.load(from: keyPath)
    }

    /// The folder.
    public var folder: URL { temporary.url }

    /// Writes `text` as UTF-8 to a file in the workspace and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try temporary.write(name, text) }

    /// Writes `bytes` to a file in the workspace and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String { try temporary.write(name, bytes: bytes) }

    /// Imports the file at `path` as `kind` under the workspace's key, `today` and tool version
    /// "test", with whatever else `configure` sets.
    public func importFile(
        _ path: String, kind: ImportKind, configure: (inout ImportOptions) throws -> Void = { _ in },
        progress: (ImportProgress) throws -> Void = { _ in }
    ) throws -> ImportOutcome {
        var options = ImportOptions(today: Self.today, toolVersion: "test")
        try configure(&options)
        let importer = Importer(database: database, pseudonymizer: PatientPseudonymizer(key: key), options: options)
        return try importer.importFile(path, kind: kind, progress: progress)
    }

    /// Imports the file at `path` as `kind` through a store opened anew on the same file, as
    /// another `codeaudit` process would, without a rejects file: for what a reader sees while
    /// an import commits.
    public func importFromAnotherProcess(_ path: String, kind: ImportKind) throws -> ImportOutcome {
        var options = ImportOptions(today: Self.today, toolVersion: "test")
        options.writeRejectsFile = false
        let importer = Importer(
            database: try CodeAuditDatabase(path: databasePath), pseudonymizer: PatientPseudonymizer(key: key),
            options: options)
        return try importer.importFile(path, kind: kind)
    }

    /// Imports one encounter file.
    public func importEncounters(
        _ path: String, configure: (inout ImportOptions) throws -> Void = { _ in },
        progress: (ImportProgress) throws -> Void = { _ in }
    ) throws -> ImportOutcome {
        try importFile(path, kind: .encounters, configure: configure, progress: progress)
    }

    /// Writes `lines` (a header first) as a file of `kind`, `name` or a new one, and imports it
    /// without a rejects file.
    ///
    /// Throws ``RejectedRows`` unless every row loads: a hand-made fixture has no bad row by mistake.
    @discardableResult
    public func load(_ kind: ImportKind, _ lines: [String], name: String? = nil) throws -> ImportOutcome {
        let path = try write(name ?? "\(kind.rawValue)-\(UUID().uuidString).csv", csvFile(lines))
        let outcome = try importFile(path, kind: kind) { $0.writeRejectsFile = false }
        guard outcome.counts.rowsRejected == 0 else {
            throw RejectedRows(rejects: outcome.firstRejects.map { "line \($0.line): \($0.reason)" })
        }
        return outcome
    }

    /// A fixture's rows that ``TestWorkspace/load(_:_:name:)`` could not load.
    public struct RejectedRows: Error {
        /// Each reject as `line N: reason`.
        public var rejects: [String]

        public init(rejects: [String]) {
            self.rejects = rejects
        }
    }

    /// Reads the database file on a connection of its own.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try readDatabase(at: databasePath, readOnly: false, body)
    }

    /// The first column of every row of `sql`, as text (`NULL` for null).
    public func texts(_ sql: String) throws -> [String] { try read { try $0.texts(sql) } }

    /// Every row of every table, as text, for "nothing changed" assertions.
    public func contentSnapshot() throws -> [String] { try read { try $0.storedRows() } }
}

/// A file imported into a fresh workspace: the workspace, to read the store back, and what the
/// import returned.
public struct ImportedFile {
    /// The workspace holding the file and the store it was imported into.
    public let workspace: TestWorkspace
    /// What the import returned.
    public let outcome: ImportOutcome

    /// Writes `bytes` as `name` into `workspace` (a new one unless given) and imports it as
    /// encounters, with whatever options `configure` sets.
    public init(
        _ name: String = "e.csv", bytes: [UInt8], in workspace: TestWorkspace? = nil,
        configure: (inout ImportOptions) throws -> Void = { _ in }
    ) throws {
        let workspace = try workspace ?? TestWorkspace()
        outcome = try workspace.importEncounters(workspace.write(name, bytes: bytes), configure: configure)
        self.workspace = workspace
    }

    /// Writes `text` as `name` into `workspace` (a new one unless given) and imports it as
    /// encounters, with whatever options `configure` sets.
    public init(
        _ name: String = "e.csv", text: String, in workspace: TestWorkspace? = nil,
        configure: (inout ImportOptions) throws -> Void = { _ in }
    ) throws {
        try self.init(name, bytes: Array(text.utf8), in: workspace, configure: configure)
    }

    /// Imports a canonical encounter file of `lines` into a new workspace.
    public init(lines: [String]) throws {
        try self.init(text: encounterFile(lines))
    }

    /// The first column of every row of `sql`, as text.
    public func texts(_ sql: String) throws -> [String] { try workspace.texts(sql) }
}
