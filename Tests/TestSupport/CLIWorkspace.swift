import Foundation
import GRDB

/// A temporary working folder for one end-to-end test: the built `codeaudit` binary runs with it
/// as its current directory. Removed when the last reference to it goes.
///
///     let workspace = try CLIWorkspace()
///     try workspace.write("e.csv", encounters(["E1", "E2"]))
///     let result = try workspace.run(["import", "encounters", "e.csv"])
///     #expect(result.status == 0)
///     #expect(try workspace.count() == 2)
public final class CLIWorkspace: Sendable {
    private let temporary: TemporaryFolder

    /// Creates the folder; throws what `FileManager` throws when it cannot.
    public init() throws {
        temporary = try TemporaryFolder()
    }

    /// The folder.
    public var folder: URL { temporary.url }

    /// The path of `name`, a path relative to the folder.
    public func path(_ name: String) -> String { temporary.path(name) }

    /// Whether a file or folder `name` exists in the folder.
    public func exists(_ name: String) -> Bool { temporary.exists(name) }

    /// Writes `text` as UTF-8 to `name`, creating the folders on its way, and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String { try temporary.write(name, text) }

    /// Writes `bytes` to `name`, creating the folders on its way, and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String { try temporary.write(name, bytes: bytes) }

    /// Copies a fixture of `Tests/Fixtures/NCCI` (``NCCIFixture``) into the folder, as `name` unless given.
    @discardableResult
    public func copyNCCIFixture(_ fixture: String, as name: String? = nil) throws -> String {
        try write(name ?? fixture, bytes: NCCIFixture.bytes(fixture))
    }

    /// The permission bits of `name`.
    public func mode(_ name: String) throws -> Int { try temporary.mode(name) }

    /// `executable` (the built binary unless given), set to run `arguments` in this folder;
    /// `CODEAUDIT_DB` and `CODEAUDIT_KEY_FILE` are unset unless `environment` gives them.
    public func process(
        _ arguments: [String], environment: [String: String] = [:], executable: URL? = nil
    ) throws -> Process {
        let process = Process()
        process.executableURL = try executable ?? Self.binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CODEAUDIT_") }
            .merging(environment) { _, given in given }
        return process
    }

    /// Runs the binary to its end. stdout and stderr go to files, so neither is a terminal.
    public func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: Data? = nil
    ) throws -> CommandResult {
        try runToEnd(process(arguments, environment: environment), stdin: stdin)
    }

    /// Reads a database in the folder, as an outside tool would.
    public func read<T>(_ name: String = "codeaudit.sqlite", _ body: (Database) throws -> T) throws -> T {
        try readDatabase(at: path(name), body)
    }

    /// How many rows a table of a database in the folder holds.
    public func count(_ table: String = "encounter", in name: String = "codeaudit.sqlite") throws -> Int {
        try read(name) { try $0.rowCount(table) }
    }

    /// The `codeaudit` executable in the products folder that holds this test bundle.
    public static func binary() throws -> URL {
        let starts =
            [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
            + Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<5 {
                let candidate = folder.appendingPathComponent("codeaudit")
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                    FileManager.default.isExecutableFile(atPath: candidate.path)
                {
                    return candidate
                }
                folder.deleteLastPathComponent()
            }
        }
        // Fall back to the package's own build folder.
        let fallback = Repository.root.appendingPathComponent(".build/debug/codeaudit")
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fallback.path])
        }
        return fallback
    }
}
