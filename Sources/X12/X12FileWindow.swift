import Foundation

/// An X12 file read a window at a time, so that a large 835 takes no more
/// memory than one window however long the file is.
final class X12FileWindow: @unchecked Sendable {
    /// How much is read at a time.
    static let chunk = 1 << 20
    private let descriptor: Int32

    /// Opens the file for reading.
    ///
    /// - Throws: `X12Error.unreadable` when it cannot be opened.
    init(path: String) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw X12Error.unreadable(reason: String(cString: strerror(errno))) }
    }

    deinit {
        close(descriptor)
    }

    /// Appends up to `chunk` bytes of the file to `bytes`; false at the end of the file.
    ///
    /// - Throws: `X12Error.unreadable` when reading fails.
    func append(to bytes: inout [UInt8]) throws -> Bool {
        // Read into uninitialized storage and append it whole: appending a repeated zero byte a
        // megabyte long went byte by byte in a debug build (seconds for every file of a test run).
        var count = 0
        let chunk = [UInt8](unsafeUninitializedCapacity: Self.chunk) { buffer, initialized in
            count = Foundation.read(descriptor, buffer.baseAddress!, Self.chunk)
            initialized = max(count, 0)
        }
        guard count >= 0 else { throw X12Error.unreadable(reason: String(cString: strerror(errno))) }
        bytes.append(contentsOf: chunk)
        return count > 0
    }
}

extension X12Tokenizer {
    /// A tokenizer that reads the file at `path` a window at a time.
    ///
    /// - Throws: `X12Error.unreadable` when the file cannot be opened.
    public init(path: String) throws {
        file = []
        window = try X12FileWindow(path: path)
        atEnd = false
    }

    /// Keeps at least a whole segment's worth of bytes ahead of the cursor, or the
    /// rest of the file: the bytes already read are dropped and the next chunks read.
    mutating func fillWindow() throws {
        guard let window, !atEnd, file.count - cursor.position < Self.maximumSegmentLength + 2 else { return }
        var next = Array(file[cursor.position...])
        while !atEnd, next.count < Self.maximumSegmentLength + 2 + X12FileWindow.chunk {
            atEnd = try !window.append(to: &next)
        }
        file = next
        cursor.position = 0
    }
}
