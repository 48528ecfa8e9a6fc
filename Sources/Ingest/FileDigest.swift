import Crypto
import Foundation

/// SHA-256 of files and data, as lower-case hex, for the run log.
public enum FileDigest {
    public static func sha256(_ data: some DataProtocol) -> String {
        Hex.lowercase(SHA256.hash(data: data))
    }

    /// The digest and size of a file read in chunks; nil when it cannot be read.
    public static func sha256(file path: String) -> (size: Int64, sha256: String)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            size += Int64(chunk.count)
        }
        return (size, Hex.lowercase(hasher.finalize()))
    }
}
