import CCSV
import Foundation

/// Reads a delimited file record by record with libcsv in strict mode,
/// keeping at most one record in memory.
///
/// The file is fed to libcsv one physical line at a time so that every
/// record, and every parse error, can be named by its line number.
final class CSVReader {
    /// The longest field accepted, in bytes.
    static let maxFieldBytes = 65_536

    private let path: String
    private let info: InputFileInfo
    private var parser = csv_parser()
    fileprivate var sink: RecordSink

    init(path: String, info: InputFileInfo) throws {
        self.path = path
        self.info = info
        sink = RecordSink(encoding: info.encoding)
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL)
        guard csv_init(&parser, options) == 0 else {
            throw IngestError.unreadable(file: path, reason: "out of memory")
        }
        csv_set_delim(&parser, info.delimiter.byte)
    }

    deinit {
        csv_free(&parser)
    }

    /// Calls `body` with each record, header first, and `progress` with the
    /// number of bytes read so far.
    func forEachRecord(
        _ body: (inout CSVRecord) throws -> Void,
        progress: (Int64) throws -> Void = { _ in }
    ) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError.unreadable(file: path, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        var offset: Int64 = 0
        var line = 1
        var skip = info.bomLength
        let context = Unmanaged.passUnretained(sink).toOpaque()
        while true {
            let chunk = try handle.read(upToCount: 1 << 18) ?? Data()
            if chunk.isEmpty { break }
            try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                var start = skip
                skip = 0
                while start < raw.count {
                    let rest = UnsafeRawBufferPointer(rebasing: raw[start...])
                    let newline = rest.firstIndex(of: info.lineSeparator)
                    let length = newline.map { $0 + 1 } ?? rest.count
                    // libcsv's state says whether a record is under way; if not, one starts on this line.
                    if parser.pstate == 0 && sink.record.ends.isEmpty { sink.recordStartLine = line }
                    let parsed = csv_parse(
                        &parser, rest.baseAddress, length, fieldCallback, recordCallback, context)
                    try checkSink(line: line, offset: offset + Int64(start) + Int64(parsed))
                    if parsed < length {
                        throw parseError(line: line, offset: offset + Int64(start) + Int64(parsed))
                    }
                    if newline != nil { line += 1 }
                    start += length
                    try deliver(body)
                }
            }
            offset += Int64(chunk.count)
            try progress(offset)
        }
        if csv_fini(&parser, fieldCallback, recordCallback, context) != 0 {
            throw IngestError.malformed(
                file: path, line: sink.recordStartLine, column: sink.record.count + 1, byteOffset: offset,
                reason: "a quoted field is never closed (its closing \" is missing)")
        }
        try checkSink(line: line, offset: offset)
        try deliver(body)
    }

    private func deliver(_ body: (inout CSVRecord) throws -> Void) throws {
        guard sink.complete else { return }
        sink.complete = false
        try body(&sink.record)
        sink.record.reset()
    }

    private func checkSink(line: Int, offset: Int64) throws {
        if let problem = sink.problem {
            throw IngestError.malformed(
                file: path, line: sink.recordStartLine, column: problem.column, byteOffset: offset,
                reason: problem.reason)
        }
    }

    private func parseError(line: Int, offset: Int64) -> IngestError {
        let column = sink.record.count + 1
        let code = csv_error(&parser)
        let reason =
            code == CSV_EPARSE
            ? "a quote (\") inside a field that is not enclosed in quotes, or text after a closing quote; "
                + "enclose the field in quotes and double any quote inside it (\"\")"
            : String(cString: csv_strerror(code))
        return IngestError.malformed(file: path, line: line, column: column, byteOffset: offset, reason: reason)
    }
}

/// Collects libcsv's callbacks into the current record.
///
/// libcsv calls back once per field; the sink is only ever touched from the
/// reading thread, so Swift's run-time exclusivity checks are left off here.
private final class RecordSink {
    @exclusivity(unchecked) var record: CSVRecord
    @exclusivity(unchecked) var complete = false
    /// The file line the record being read started on.
    @exclusivity(unchecked) var recordStartLine = 1
    @exclusivity(unchecked) var problem: (column: Int, reason: String)?

    init(encoding: TextEncoding) {
        record = CSVRecord(encoding: encoding)
    }
}

private let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    data, length, context in
    let sink = Unmanaged<RecordSink>.fromOpaque(context!).takeUnretainedValue()
    if length > CSVReader.maxFieldBytes {
        sink.problem = (
            sink.record.count + 1,
            "a field is \(length) bytes long; the longest accepted is \(CSVReader.maxFieldBytes) bytes"
        )
    }
    if let data, length > 0 {
        // A typed buffer takes Array's contiguous (memcpy) path; a raw one is copied byte by byte.
        sink.record.bytes.append(
            contentsOf: UnsafeBufferPointer(start: data.assumingMemoryBound(to: UInt8.self), count: length))
    }
    sink.record.ends.append(sink.record.bytes.count)
}

private let recordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    let sink = Unmanaged<RecordSink>.fromOpaque(context!).takeUnretainedValue()
    sink.record.line = sink.recordStartLine
    sink.complete = true
}
