import Crypto
import Foundation

/// Turns patient ids into pseudonyms: HMAC-SHA256 under the practice's key,
/// written as 64 lower-case hex digits. The same key and id always give the
/// same pseudonym; without the key it cannot be reversed.
public struct PatientPseudonymizer: @unchecked Sendable {
    /// HMAC state keyed once; each pseudonym starts from a copy of it.
    private let keyed: HMAC<SHA256>

    public init(key: SymmetricKey) {
        keyed = HMAC<SHA256>(key: key)
    }

    /// The pseudonym of a patient id (trimmed, otherwise as given).
    public func pseudonym(for patientID: String) -> String {
        var mac = keyed
        var id = patientID
        id.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return Hex.lowercase(mac.finalize())
    }
}

/// The pseudonymization key file: 32 random bytes written as 64 hex digits,
/// readable by its owner only.
public enum KeyFile {
    /// The key file's default path: `codeaudit.key` beside the database.
    public static func defaultPath(forDatabase database: String) -> String {
        URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("codeaudit.key").path
    }

    /// Creates a new random key at `path` with mode 0600.
    ///
    /// - throws: `IngestError.keyFile` when the file exists already or cannot be written.
    public static func create(at path: String) throws {
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { Hex.lowercase($0) } + "\n"
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it exists already" : String(cString: strerror(errno))
            throw IngestError.keyFile(path: path, reason: "cannot create the key file: \(reason)")
        }
        defer { close(fd) }
        let written = hex.withCString { write(fd, $0, strlen($0)) }
        guard written == hex.utf8.count, fsync(fd) == 0 else {
            throw IngestError.keyFile(
                path: path, reason: "cannot write the key file: \(String(cString: strerror(errno)))")
        }
    }

    /// Loads the key at `path`, refusing a file that its group or others can read.
    ///
    /// - throws: `IngestError.keyFile` when the file is missing, readable by
    ///   others, or not 64 hex digits.
    public static func load(from path: String) throws -> SymmetricKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw IngestError.keyFile(
                path: path,
                reason: "the pseudonymization key is missing; run 'codeaudit init' for a new database, "
                    + "or name the key of this one with --key-file or CODEAUDIT_KEY_FILE")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw IngestError.keyFile(
                path: path,
                reason: String(
                    format: "the key file has mode %03o: others can read it; run 'chmod 600 %@'",
                    info.st_mode & 0o777, path))
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw IngestError.keyFile(path: path, reason: "cannot read the key file")
        }
        let hex = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index + 1 < hex.count,
            let byte = UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16)
        {
            bytes.append(byte)
            index += 2
        }
        guard bytes.count == 32, hex.count == 64 else {
            throw IngestError.keyFile(path: path, reason: "the key file does not hold a key (64 hex digits)")
        }
        return SymmetricKey(data: bytes)
    }
}
