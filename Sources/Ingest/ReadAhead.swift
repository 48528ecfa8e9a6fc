import Foundation
import Store

/// Parses the rows of a file under its header without the store: checks and
/// normalizes them, so that this work can run on a second thread.
protocol RowParser {
    associatedtype Parsed
    /// The row parsed (or why it cannot be loaded); `record` is not blank and
    /// has as many fields as the header.
    mutating func parse(_ record: CSVRecord) -> Parsed
}

/// A row handler whose rows are parsed apart from the store: `FileImport`
/// reads and parses the file on a second thread, ahead of the thread that
/// writes the rows, so that the two cores share the work. The rows are
/// stored in file order on the import's thread, with the same log, rejects
/// and transaction as any import.
protocol ParsingAheadRowHandler: RowHandler {
    associatedtype Parser: RowParser
    /// A parser for the rows under `map`, used on the reading thread only.
    func parser(map: HeaderMap) -> Parser
    /// Imports one row that `parser` parsed, on the import's thread, in file
    /// order; returns why it is rejected, or nothing when it was loaded.
    func importRow(_ record: CSVRecord, parsed: Parser.Parsed, session: ImportSession) throws -> [RowProblem]
}

/// Records read (and, below the header, parsed) ahead of the store, in file
/// order, with the reader's progress between them: their bytes and field ends
/// one after the other in two arrays, so that a batch takes three allocations.
struct ReadAheadBatch<Parsed> {
    enum Event {
        /// A record: its line, where its bytes and field ends end in the
        /// batch's arrays, and the row parsed when it is one under the header.
        case record(line: Int, bytesEnd: Int, endsEnd: Int, parsed: Parsed?)
        case bytesRead(Int64)
    }

    var bytes: [UInt8] = []
    /// Each record's field ends, counted from the start of its own bytes.
    var ends: [Int] = []
    /// The records and progress in file order; the import's thread takes each out
    /// (leaving nil), moving it rather than copying it.
    var events: [Event?] = []
    /// Set on the last batch: the end of the file, or the error that stopped the reading.
    var end: Result<Void, any Error>?

    init(capacity: Int) {
        bytes.reserveCapacity(capacity * 160)
        ends.reserveCapacity(capacity * 20)
        events.reserveCapacity(capacity + 8)
    }

    /// Puts the record in `record` (its own arrays kept, refilled).
    func load(into record: inout CSVRecord, bytes: Range<Int>, ends: Range<Int>, line: Int) {
        record.reset()
        record.bytes.append(contentsOf: self.bytes[bytes])
        record.ends.append(contentsOf: self.ends[ends])
        record.line = line
    }
}

/// The reading thread of an import that parses ahead: reads the file, maps
/// its header as the import's thread will, parses the rows below it and hands
/// them over a few hundred at a time, at most `depth` batches ahead, so that
/// memory stays flat however large the file.
final class ReadAhead<Handler: ParsingAheadRowHandler>: @unchecked Sendable {
    typealias Batch = ReadAheadBatch<Handler.Parser.Parsed>

    static var batchSize: Int { 256 }
    static var depth: Int { 8 }

    private let reader: CSVReader
    private let handler: Handler
    private let mapping: ColumnMapping?
    private let file: String

    private let condition = NSCondition()
    private var queued: [Batch] = []
    /// The import's thread takes no more batches (it failed, or it is done).
    private var closed = false
    private var thread: pthread_t?

    /// Thrown inside the reader's loop when the import's thread has stopped taking batches.
    private struct Stopped: Error {}

    init(reader: CSVReader, handler: Handler, mapping: ColumnMapping?, file: String) {
        self.reader = reader
        self.handler = handler
        self.mapping = mapping
        self.file = file
    }

    /// Starts the reading thread.
    func start() {
        thread = startThread { [self] in read() }
    }

    /// The next batch, waiting for it to be read.
    func take() -> Batch {
        condition.lock()
        defer { condition.unlock() }
        while queued.isEmpty { condition.wait() }
        condition.broadcast()
        return queued.removeFirst()
    }

    /// Stops the reading thread (if it is still reading) and joins it: after
    /// this, nothing of the import is touched by it, and all it held is freed.
    func stop() {
        condition.lock()
        closed = true
        queued.removeAll()
        condition.broadcast()
        condition.unlock()
        if let thread { pthread_join(thread, nil) }
        thread = nil
    }

    /// Queues a batch, waiting while `depth` are queued; false once the import's thread has stopped.
    private func put(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queued.count >= Self.depth && !closed { condition.wait() }
        if closed { return false }
        queued.append(batch)
        condition.broadcast()
        return true
    }

    private func read() {
        var batch = Batch(capacity: Self.batchSize)
        var parser: Handler.Parser?
        var fieldCount = 0
        do {
            try reader.forEachRecord(
                { record in
                    var parsed: Handler.Parser.Parsed?
                    if parser != nil {
                        if record.count == fieldCount && !record.isBlank { parsed = parser!.parse(record) }
                    } else if case .header(let map)? = try? handler.header(record, mapping: mapping, file: file) {
                        // The import's thread maps the same header from the same record (and
                        // throws its error, when there is one).
                        parser = handler.parser(map: map)
                        fieldCount = map.header.count
                    }
                    batch.bytes.append(contentsOf: record.bytes)
                    batch.ends.append(contentsOf: record.ends)
                    batch.events.append(
                        .record(
                            line: record.line, bytesEnd: batch.bytes.count, endsEnd: batch.ends.count,
                            parsed: parsed))
                    if batch.events.count >= Self.batchSize {
                        guard put(batch) else { throw Stopped() }
                        batch = Batch(capacity: Self.batchSize)
                    }
                },
                progress: { bytes in batch.events.append(.bytesRead(bytes)) })
            batch.end = .success(())
        } catch is Stopped {
            return
        } catch {
            batch.end = .failure(error)
        }
        _ = put(batch)
    }
}

/// Runs `body` on a new thread, to be joined (declared outside the generic
/// class, so that the thread's function captures no generic type). The
/// closure is released on that thread before it ends.
private func startThread(_ body: @escaping () -> Void) -> pthread_t? {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var thread = pthread_t()
    let started = pthread_create(
        &thread, nil,
        { context in
            Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
    guard started == 0 else {
        Unmanaged<ThreadBody>.fromOpaque(context).release()
        preconditionFailure("cannot start the import's reading thread (pthread_create: \(started))")
    }
    return thread
}

private final class ThreadBody {
    let run: () -> Void

    init(_ run: @escaping () -> Void) {
        self.run = run
    }
}
