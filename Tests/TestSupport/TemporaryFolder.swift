import Foundation

/// A new, empty folder under the system's temporary folder, removed with everything in it
/// when the last reference to it goes.
///
///     let folder = try TemporaryFolder()
///     let path = try folder.write("fees.csv", "payer,procedure_code,amount\n")
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL

    /// Creates the folder; throws what `FileManager` throws when it cannot.
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("codeaudit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The path of `name`, a path relative to the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Whether a file or folder `name` exists in the folder.
    public func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// Writes `text` as UTF-8 to `name`, creating the folders on its way, and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `name`, creating the folders on its way, and returns its path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// The permission bits of `name` (`0o600` for a file only its owner may read).
    public func mode(_ name: String) throws -> Int { try fileMode(path(name)) }
}

/// The permission bits of the file at `path` (`0o600` for a file only its owner may read).
public func fileMode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as! NSNumber).intValue & 0o777
}
