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
    /// The file's name in messages (`(stdin)` for standard input).
    private let name: String
    private let info: InputFileInfo
    private var parser = csv_parser()
    fileprivate var sink: RecordSink
    /// Where the quoted field being read opened, while one is open: an
    /// unclosed quote is reported there, not at the end of the file.
    private var openQuote: (line: Int, offset: Int64, field: Int)?

    init(path: String, name: String? = nil, info: InputFileInfo) throws {
        self.path = path
        self.name = name ?? path
        self.info = info
        sink = RecordSink(encoding: info.encoding)
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL)
        guard csv_init(&parser, options) == 0 else {
            throw IngestError.unreadable(file: self.name, reason: "out of memory")
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
            throw IngestError.unreadable(file: name, reason: "cannot open the file")
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
                    let quoteBefore = quoteState
                    let fieldsBefore = sink.fieldsSeen
                    let parsed = csv_parse(
                        &parser, rest.baseAddress, length, fieldCallback, recordCallback, context)
                    try checkSink(line: line, quoteWasOpen: quoteBefore != .none)
                    if parsed < length {
                        throw parseError(line: line, offset: offset + Int64(start) + Int64(parsed))
                    }
                    noteOpenQuote(
                        UnsafeRawBufferPointer(rebasing: rest[..<length]), before: quoteBefore,
                        sameField: sink.fieldsSeen == fieldsBefore, line: line, offset: offset + Int64(start))
                    try checkFieldLength(line: line)
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
                file: name, line: openQuote?.line ?? sink.recordStartLine,
                column: openQuote?.field ?? sink.record.count + 1,
                byteOffset: openQuote?.offset, reason: "a quoted field is never closed (its closing \" is missing)")
        }
        try checkSink(line: line, quoteWasOpen: quoteState != .none)
        try deliver(body)
    }

    /// Where libcsv stands in a quoted field.
    private enum QuoteState { case none, inside, afterQuote }

    private var quoteState: QuoteState {
        guard parser.quoted != 0 else { return .none }
        switch parser.pstate {
        case 2: return .inside  // FIELD_BEGUN
        case 3: return .afterQuote  // FIELD_MIGHT_HAVE_ENDED: a quote, closing or the first of a `""` pair
        default: return .none
        }
    }

    /// Remembers where a quoted field opened while it is open at the end of
    /// `bytes`, a line (or part of a long one) that starts at `offset`.
    private func noteOpenQuote(
        _ bytes: UnsafeRawBufferPointer, before: QuoteState, sameField: Bool, line: Int, offset: Int64
    ) {
        guard quoteState != .none else {
            openQuote = nil
            return
        }
        // Still the field that was open when these bytes began.
        if before != .none && sameField && openQuote != nil { return }
        // The field open now opened here, at its last quote that is not the second of a `""` pair.
        var quoted = before == .inside
        var closedAt = before == .afterQuote ? -1 : -2
        var opened: Int?
        for (index, byte) in bytes.enumerated() where byte == 0x22 {
            if quoted {
                quoted = false
                closedAt = index
            } else {
                quoted = true
                if closedAt != index - 1 { opened = index }
            }
        }
        openQuote = opened.map { (line, offset + Int64($0), sink.record.count + 1) }
    }

    /// Refuses a field that has grown past the cap before it ends, so that a
    /// quote left open cannot make libcsv buffer the rest of the file.
    private func checkFieldLength(line: Int) throws {
        guard parser.entry_pos > Self.maxFieldBytes else { return }
        if let openQuote {
            throw IngestError.malformed(
                file: name, line: openQuote.line, column: openQuote.field, byteOffset: openQuote.offset,
                reason: Self.tooLong + " (is the closing \" of this quoted field missing?)")
        }
        throw IngestError.malformed(
            file: name, line: line, column: sink.record.count + 1, byteOffset: nil, reason: Self.tooLong)
    }

    static let tooLong = "a field is longer than \(maxFieldBytes) bytes, the longest accepted"

    private func deliver(_ body: (inout CSVRecord) throws -> Void) throws {
        guard sink.complete else { return }
        sink.complete = false
        try body(&sink.record)
        sink.record.reset()
    }

    /// Refuses a field longer than the cap once libcsv has read it whole,
    /// naming where it opened when it is the quoted field that was open.
    private func checkSink(line: Int, quoteWasOpen: Bool) throws {
        guard let column = sink.overlongField else { return }
        if quoteWasOpen, let openQuote, openQuote.field == column {
            throw IngestError.malformed(
                file: name, line: openQuote.line, column: openQuote.field, byteOffset: openQuote.offset,
                reason: Self.tooLong)
        }
        throw IngestError.malformed(file: name, line: line, column: column, byteOffset: nil, reason: Self.tooLong)
    }

    private func parseError(line: Int, offset: Int64) -> IngestError {
        let column = sink.record.count + 1
        let code = csv_error(&parser)
        let reason =
            code == CSV_EPARSE
            ? "a quote (\") inside a field that is not enclosed in quotes, or text after a closing quote; "
                + "enclose the field in quotes and double any quote inside it (\"\")"
            : String(cString: csv_strerror(code))
        return IngestError.malformed(file: name, line: line, column: column, byteOffset: offset, reason: reason)
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
    /// The column of a field longer than the cap, when one was read.
    @exclusivity(unchecked) var overlongField: Int?
    /// Fields completed so far in the whole file.
    @exclusivity(unchecked) var fieldsSeen = 0

    init(encoding: TextEncoding) {
        record = CSVRecord(encoding: encoding)
    }
}

private let fieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    data, length, context in
    let sink = Unmanaged<RecordSink>.fromOpaque(context!).takeUnretainedValue()
    if length > CSVReader.maxFieldBytes && sink.overlongField == nil {
        sink.overlongField = sink.record.count + 1
    }
    sink.fieldsSeen += 1
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
