import Foundation

/// Files a test run builds once and every test that needs them copies: a database that takes
/// several commands to fill, say. Built on first use, in a workspace of its own; kept until
/// the test run ends. A build that throws fails every test that asks for a copy.
///
///     static let base = SharedFixture { workspace in
///         try workspace.write("good.csv", encounters(["G1", "G2"]))
///         guard try workspace.run(["import", "encounters", "good.csv"]).status == 0 else { throw … }
///     }
///     let workspace = try Self.base.copy()
public final class SharedFixture: @unchecked Sendable {
    private let build: @Sendable (CLIWorkspace) throws -> Void
    private let lock = NSLock()
    private var built: Result<URL, any Error>?

    public init(_ build: @escaping @Sendable (CLIWorkspace) throws -> Void) {
        self.build = build
    }

    /// A new workspace holding a copy of the fixture's files. No process has its databases
    /// open: each file and its write-ahead log are the whole of it (shared memory is left out).
    public func copy() throws -> CLIWorkspace {
        let folder = try lock.withLock {
            if built == nil { built = Result { try make() } }
            return try built!.get()
        }
        let workspace = try CLIWorkspace()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasSuffix("-shm") {
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent(name), to: URL(fileURLWithPath: workspace.path(name)))
        }
        return workspace
    }

    private func make() throws -> URL {
        let workspace = try CLIWorkspace()
        try build(workspace)
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent(
            "codeaudit-test-shared-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: workspace.folder, to: kept)
        KeptFolders.add(kept)
        return kept
    }
}

/// The shared fixtures' folders, removed when the process exits.
private enum KeptFolders {
    nonisolated(unsafe) private static var folders: [URL] = []
    private static let lock = NSLock()
    private static let removeAtExit: Void = { atexit { KeptFolders.removeAll() } }()

    static func add(_ folder: URL) {
        lock.withLock {
            _ = removeAtExit
            folders.append(folder)
        }
    }

    private static func removeAll() {
        lock.withLock { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
    }
}
