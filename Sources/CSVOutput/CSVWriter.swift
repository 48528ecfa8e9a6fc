import CCSV
import Foundation

/// A file that cannot be written.
public struct CSVWriteError: LocalizedError, Equatable {
    public var path: String
    public var reason: String

    public var errorDescription: String? { "cannot write \(path): \(reason)" }
}

/// Writes RFC 4180 CSV: comma-separated, CRLF line ends, a field quoted (by
/// libcsv) only when it holds a comma, a quote, a line break, a tab, a `;` or
/// a `|`, or surrounding spaces. Quoting tabs, `;` and `|` keeps a header full
/// of them from passing for another separator when the file is imported
/// again, and keeps a tab at either end of a field, which readers trim from
/// unquoted fields.
public final class CSVWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    /// Creates (or truncates) `path` with mode 0600, optionally starting with a UTF-8 BOM.
    public init(path: String, bom: Bool) throws {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        guard fd >= 0 else {
            throw CSVWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        // An older file of the same name keeps its mode through O_TRUNC: make it private again.
        fchmod(fd, 0o600)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        if bom { buffer += [0xEF, 0xBB, 0xBF] }
    }

    /// Appends one record.
    public func write(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            Self.append(field, to: &buffer)
        }
        buffer += [0x0D, 0x0A]
        if buffer.count > 1 << 16 { try flush() }
    }

    /// Writes what is buffered and closes the file.
    public func close() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// One field, quoted when it must be.
    public static func append(_ field: String, to buffer: inout [UInt8]) {
        let bytes = Array(field.utf8)
        let needsQuotes =
            bytes.contains {
                $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A || $0 == 0x09 || $0 == 0x3B || $0 == 0x7C
            }
            || bytes.first == 0x20 || bytes.last == 0x20
        guard needsQuotes else {
            buffer += bytes
            return
        }
        var quoted = [UInt8](repeating: 0, count: bytes.count * 2 + 2)
        let length = bytes.withUnsafeBytes { csv_write(&quoted, quoted.count, $0.baseAddress, $0.count) }
        buffer += quoted[0..<length]
    }

    /// One record as CSV text, without the line end.
    public static func line(_ fields: [String]) -> String {
        var buffer: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            append(field, to: &buffer)
        }
        return String(decoding: buffer, as: UTF8.self)
    }
}
