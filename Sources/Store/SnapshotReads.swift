import Dispatch
import Foundation
import GRDB

extension CodeAuditDatabase {
    /// Runs `first` and `second` at the same time, each on its own connection,
    /// both seeing one snapshot of the store: what a single `read` would show
    /// them, in about the time of the longer one.
    ///
    /// The two reads start while this process's writer reads the store's commit
    /// count (`PRAGMA data_version`) before and after. When another process
    /// committed in between, the two could see different data, so both are
    /// dropped before they read anything and started again; after three such
    /// races, or on an in-memory store, they run one after the other in a single read.
    ///
    /// - throws: A database error of either read (the first's when both fail).
    public func readTogether<First, Second>(
        _ first: (Database) throws -> First, _ second: (Database) throws -> Second
    ) throws -> (First, Second) {
        try readTogether(first, second, betweenStarts: {})
    }

    /// `readTogether(_:_:)`, calling `betweenStarts` on each try after the first
    /// read has its snapshot and before the second starts (where tests commit).
    func readTogether<First, Second>(
        _ first: (Database) throws -> First, _ second: (Database) throws -> Second, betweenStarts: () throws -> Void
    ) throws -> (First, Second) {
        if let pool = writer as? DatabasePool {
            let together: (First, Second)? = try withoutActuallyEscaping(first) { first in
                try withoutActuallyEscaping(second) { second -> (First, Second)? in
                    for _ in 0..<3 {
                        if let results = try SnapshotPair(first, second).run(on: pool, betweenStarts: betweenStarts) {
                            return results
                        }
                    }
                    return nil
                }
            }
            if let together { return together }
        }
        return try writer.read { db in (try first(db), try second(db)) }
    }
}

/// Two reads started on one snapshot, each on a thread of its own.
///
/// The reads run on threads started for them, not on Dispatch's: each waits
/// while its snapshot is checked, and Dispatch keeps only as many threads as
/// there are cores for such work.
///
/// Unchecked `Sendable`: the closures and results cross to the readers'
/// threads, but the calling thread only starts them, then waits on `finished`
/// until both have run; `sameSnapshot` is set before `decided` is signalled.
private final class SnapshotPair<First, Second>: @unchecked Sendable {
    /// Dropped as soon as they have run, so that they do not outlive `readTogether`.
    private var first: ((Database) throws -> First)?
    private var second: ((Database) throws -> Second)?
    private var firstResult: Result<First, any Error>?
    private var secondResult: Result<Second, any Error>?
    private var sameSnapshot = false
    private let started = DispatchSemaphore(value: 0)
    private let decided = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(_ first: @escaping (Database) throws -> First, _ second: @escaping (Database) throws -> Second) {
        self.first = first
        self.second = second
    }

    /// Both results, or nil when a commit came between the starts of the two reads.
    func run(on pool: DatabasePool, betweenStarts: () throws -> Void) throws -> (First, Second)? {
        let count = { try pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA data_version") } }
        let before = try count()
        var threads = 0
        defer {
            for _ in 0..<threads { decided.signal() }
            for _ in 0..<threads { finished.wait() }
        }
        start { [self] in
            firstResult = read(pool, first!)
            first = nil
        }
        threads += 1
        started.wait()
        try betweenStarts()
        start { [self] in
            secondResult = read(pool, second!)
            second = nil
        }
        threads += 1
        started.wait()
        sameSnapshot = try count() == before
        for _ in 0..<threads { decided.signal() }
        for _ in 0..<threads { finished.wait() }
        threads = 0
        guard let firstResult, let secondResult else { return nil }
        return (try firstResult.get(), try secondResult.get())
    }

    private func start(_ body: @escaping @Sendable () -> Void) {
        Thread { [self] in
            body()
            finished.signal()
        }.start()
    }

    /// On a reader: takes the snapshot, says so, and runs `body` if the two snapshots are one.
    private func read<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) -> Result<T, any Error>? {
        var signalled = false
        defer { if !signalled { started.signal() } }
        do {
            return try pool.read { db in
                // A read transaction takes its snapshot at its first read.
                _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master")
                started.signal()
                signalled = true
                decided.wait()
                return sameSnapshot ? Result { try body(db) } : nil
            }
        } catch {
            return .failure(error)
        }
    }
}
