import Crypto
import Foundation

/// How a file's bytes become text.
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case windows1252 = "Windows-1252"

    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .windows1252:
            // Most cells of a Windows-1252 file are ASCII, which is UTF-8 already.
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                scalars.append(Unicode.Scalar(windows1252Table[Int(byte)]) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
    }
}

/// The field separator of a delimited file.
public enum Delimiter: String, Sendable, CaseIterable {
    case comma = ",", tab = "\t", pipe = "|", semicolon = ";"

    var byte: UInt8 { rawValue.utf8.first! }

    /// The separator's name, for messages and the import log.
    public var name: String {
        switch self {
        case .comma: "comma"
        case .tab: "tab"
        case .pipe: "pipe"
        case .semicolon: "semicolon"
        }
    }
}

/// What one pass over a file learns before its rows are parsed.
public struct InputFileInfo: Sendable {
    public var size: Int64
    public var sha256: String
    public var encoding: TextEncoding
    public var delimiter: Delimiter
    /// Why the file is read as Windows-1252, when it is.
    public var encodingWarning: String?
    var bomLength: Int
    var lineSeparator: UInt8

    /// The one pass over the bytes: hashes them into `hasher`, validates them as
    /// UTF-8, keeps the first 64 KiB (for the BOM and the header line) and notes
    /// which line separators occur.
    ///
    /// - throws: `IngestError.unreadable` when a read fails,
    ///   `IngestError.encoding` on a UTF-16 BOM or a NUL byte.
    private static func readOnce(
        _ handle: FileHandle, path: String, name: String, hashingInto hasher: inout SHA256
    ) throws -> (size: Int64, head: [UInt8], validator: UTF8Validator, sawLF: Bool, sawCR: Bool) {
        var validator = UTF8Validator()
        var size: Int64 = 0
        var head: [UInt8] = []
        var sawLF = false
        var sawCR = false
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw IngestError.unreadable(file: name, reason: error.localizedDescription)
            }
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
            try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = raw.bindMemory(to: UInt8.self)
                if size == 0 {
                    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
                        throw IngestError.encoding(
                            file: name, reason: "the file is UTF-16; save it as UTF-8 (or CSV UTF-8 in Excel)")
                    }
                    head = Array(bytes.prefix(64 * 1024))
                }
                if let nul = bytes.firstIndex(of: 0) {
                    let offset = size + Int64(nul)
                    throw IngestError.encoding(
                        file: name, line: line(at: offset, path: path), byteOffset: offset,
                        reason: "a NUL character, and a CSV export holds text only "
                            + "(is this a spreadsheet or UTF-16 file? save it as CSV UTF-8)")
                }
                validator.feed(bytes, at: size)
                if !sawLF { sawLF = bytes.contains(0x0A) }
                if !sawCR { sawCR = bytes.contains(0x0D) }
            }
            size += Int64(chunk.count)
        }
        validator.finish(at: size)
        return (size, head, validator, sawLF, sawCR)
    }

    /// Reads the whole file once: its SHA-256, whether it is UTF-8 (after an
    /// optional BOM) or else Windows-1252, and the delimiter of its header line:
    /// the first line, or the first line in the first 64 KiB whose first cell is
    /// one of `headerFirstCells` (letters and digits, lower-cased: a table under
    /// a preamble).
    /// Messages call the file `name` (by default its path).
    ///
    /// - throws: `IngestError.unreadable` when it cannot be read,
    ///   `IngestError.encoding` when it is UTF-16, holds NUL bytes, or is
    ///   neither UTF-8 nor Windows-1252, naming the line and byte at fault.
    public static func inspect(path: String, name: String? = nil, headerFirstCells cells: Set<String> = []) throws
        -> InputFileInfo
    {
        let name = name ?? path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason =
                FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            throw IngestError.unreadable(file: name, reason: reason)
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        let (size, head, validator, sawLF, sawCR) = try readOnce(handle, path: path, name: name, hashingInto: &hasher)
        let bomLength = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var encoding = TextEncoding.utf8
        var warning: String?
        if let bad = validator.firstInvalidOffset {
            if let (undefined, byte) = try firstUndefinedWindows1252Byte(path: path) {
                throw IngestError.encoding(
                    file: name, line: line(at: undefined, path: path), byteOffset: undefined,
                    reason: String(format: "the byte 0x%02X is not a Windows-1252 character, ", byte)
                        + "and the file is not valid UTF-8 either (first at line \(line(at: bad, path: path)), "
                        + "byte \(bad)); save the file as UTF-8")
            }
            encoding = .windows1252
            warning = "not valid UTF-8 (first at line \(line(at: bad, path: path)), byte \(bad)); read as Windows-1252"
        }
        let separator: UInt8 = !sawLF && sawCR ? 0x0D : 0x0A
        let delimiter =
            (cells.isEmpty ? nil : Self.delimiter(afterFirstCellIn: cells, in: head))
            ?? detectDelimiter(Array(head.dropFirst(bomLength)), lineSeparator: separator)
        return InputFileInfo(
            size: size, sha256: Hex.lowercase(hasher.finalize()),
            encoding: encoding, delimiter: delimiter, encodingWarning: warning, bomLength: bomLength,
            lineSeparator: separator)
    }

    private static func firstUndefinedWindows1252Byte(path: String) throws -> (offset: Int64, byte: UInt8)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var offset: Int64 = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            // A plain loop over the bytes: CMS's tables are Windows-1252, tens of megabytes, and a
            // closure reading the global table cost more than the import's inserts.
            let found: (Int, UInt8)? = chunk.withUnsafeBytes { bytes in
                for (index, byte) in bytes.enumerated() {
                    switch byte {
                    case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return (index, byte)
                    default: continue
                    }
                }
                return nil
            }
            if let (index, byte) = found { return (offset + Int64(index), byte) }
            offset += Int64(chunk.count)
        }
        return nil
    }

    /// The line (from 1) that holds byte `offset`, counting line feeds before
    /// it, or carriage returns in a file whose lines end with those alone.
    /// Only asked when a file is refused, so reading it again costs nothing that matters.
    private static func line(at offset: Int64, path: String) -> Int {
        guard let handle = FileHandle(forReadingAtPath: path) else { return 1 }
        defer { try? handle.close() }
        var (feeds, returns, read): (Int, Int, Int64) = (0, 0, 0)
        while read < offset, let chunk = try? handle.read(upToCount: Int(min(1 << 20, offset - read))),
            !chunk.isEmpty
        {
            chunk.withUnsafeBytes { bytes in
                for byte in bytes {
                    if byte == 0x0A { feeds += 1 } else if byte == 0x0D { returns += 1 }
                }
            }
            read += Int64(chunk.count)
        }
        return (feeds == 0 ? returns : feeds) + 1
    }

    /// The delimiter after the first cell of the first line whose first cell,
    /// reduced to its letters and digits in lower case, is one of `cells`
    /// (`column1`): the header of a table under a preamble. A quoted first cell
    /// may span lines. Nil when no line of `bytes` is such a header.
    static func delimiter(afterFirstCellIn cells: Set<String>, in bytes: [UInt8]) -> Delimiter? {
        let quote = UInt8(ascii: "\"")
        func isLineEnd(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        var start = 0
        while start < bytes.count {
            var index = start
            var cell: [UInt8] = []
            func keep(_ byte: UInt8) {
                guard cell.count <= 64 else { return }
                if byte >= 65 && byte <= 90 {
                    cell.append(byte + 32)
                } else if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                    cell.append(byte)
                }
            }
            if bytes[index] == quote {
                index += 1
                while index < bytes.count {
                    if bytes[index] == quote {
                        guard index + 1 < bytes.count, bytes[index + 1] == quote else {
                            index += 1
                            break
                        }
                        index += 1
                    }
                    keep(bytes[index])
                    index += 1
                }
            } else {
                while index < bytes.count, !isLineEnd(bytes[index]),
                    !Delimiter.allCases.contains(where: { $0.byte == bytes[index] })
                {
                    keep(bytes[index])
                    index += 1
                }
            }
            if index < bytes.count, let delimiter = Delimiter.allCases.first(where: { $0.byte == bytes[index] }),
                cells.contains(String(decoding: cell, as: UTF8.self))
            {
                return delimiter
            }
            guard let end = bytes[index...].firstIndex(where: isLineEnd) else { return nil }
            start = end + 1
        }
        return nil
    }

    /// The candidate separator that occurs most often, outside quotes, in the
    /// header line; comma on a tie or when there is none.
    static func detectDelimiter(_ bytes: [UInt8], lineSeparator: UInt8 = 0x0A) -> Delimiter {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted {
                if byte == lineSeparator || byte == 0x0D { break }
                counts[byte, default: 0] += 1
            }
        }
        var best = Delimiter.comma
        for candidate in Delimiter.allCases where counts[candidate.byte, default: 0] > counts[best.byte, default: 0] {
            best = candidate
        }
        return best
    }
}

/// Checks UTF-8 a chunk at a time, remembering the first invalid byte.
struct UTF8Validator {
    private(set) var firstInvalidOffset: Int64?
    private var pending = 0
    private var pendingStart: Int64 = 0
    private var minNext: UInt8 = 0x80
    private var maxNext: UInt8 = 0xBF

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, at base: Int64) {
        guard firstInvalidOffset == nil else { return }
        var i = 0
        let count = bytes.count
        let base8 = UnsafeRawPointer(bytes.baseAddress!)
        while i < count {
            if pending == 0 {
                while i + 8 <= count,
                    base8.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    i += 8
                }
                if i >= count { break }
            }
            let byte = bytes[i]
            if pending > 0 {
                guard byte >= minNext && byte <= maxNext else {
                    firstInvalidOffset = pendingStart
                    return
                }
                pending -= 1
                minNext = 0x80
                maxNext = 0xBF
                i += 1
                continue
            }
            if byte < 0x80 {
                i += 1
                continue
            }
            pendingStart = base + Int64(i)
            switch byte {
            case 0xC2...0xDF: pending = 1
            case 0xE0: (pending, minNext) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: pending = 2
            case 0xED: (pending, maxNext) = (2, 0x9F)
            case 0xF0: (pending, minNext) = (3, 0x90)
            case 0xF1...0xF3: pending = 3
            case 0xF4: (pending, maxNext) = (3, 0x8F)
            default:
                firstInvalidOffset = pendingStart
                return
            }
            i += 1
        }
    }

    mutating func finish(at end: Int64) {
        if firstInvalidOffset == nil && pending > 0 { firstInvalidOffset = pendingStart }
    }
}

/// Windows-1252 to Unicode; 0 marks the five bytes the code page leaves undefined.
let windows1252Table: [UInt32] = (0..<256).map { byte in
    let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
        0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
        0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
    return (0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte)
}
