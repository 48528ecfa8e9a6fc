import Dispatch
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

/// `readTogether`: two reads at once, on one snapshot of the store.
@Suite struct SnapshotReadsTests {
    /// A store with `runs` runs in its run log, and a second connection to it standing for another process.
    private func store(runs: Int) throws -> (TemporaryFolder, CodeAuditDatabase, DatabaseQueue) {
        let folder = try TemporaryFolder()
        let path = folder.path("db.sqlite")
        let database = try CodeAuditDatabase(path: path)
        let other = try DatabaseQueue(path: path)
        for _ in 0..<runs { try addRun(other) }
        return (folder, database, other)
    }

    private func addRun(_ other: DatabaseQueue) throws {
        try other.write { db in
            try db.execute(
                sql: """
                    INSERT INTO run_log (started_at, finished_at, user, host, tool_version, command, arguments,
                        inputs, outputs, rows_read, rows_loaded, rows_rejected, exit_code)
                    VALUES ('2026-12-03T10:00:00Z', '2026-12-03T10:00:01Z', 'ann', 'desk', '1', 'import', '[]',
                        '[]', '[]', 0, 0, 0, 0)
                    """)
        }
    }

    private static let runs = "SELECT COUNT(*) FROM run_log"

    @Test func theTwoReadsRunAtTheSameTime() throws {
        // Given a store with two runs
        let (folder, database, _) = try store(runs: 2)
        defer { withExtendedLifetime(folder) {} }
        // When the first read waits for the second to have read
        let secondHasRead = DispatchSemaphore(value: 0)
        let (first, second) = try database.readTogether(
            { db in
                let count = try Int.fetchOne(db, sql: Self.runs)!
                // Then the second runs meanwhile (were they one after the other, this would time out)
                return (count, secondHasRead.wait(timeout: .now() + 60) == .success)
            },
            { db in
                defer { secondHasRead.signal() }
                return try Int.fetchOne(db, sql: Self.runs)!
            })
        #expect(first.1)
        #expect(first.0 == 2)
        #expect(second == 2)
    }

    @Test func aCommitWhileTheReadsRunIsSeenByNeither() throws {
        // Given a store with two runs
        let (folder, database, other) = try store(runs: 2)
        defer { withExtendedLifetime(folder) {} }
        // When another connection commits a third while the reads run, the first read before and after it
        let committed = DispatchSemaphore(value: 0)
        let (first, second) = try database.readTogether(
            { db in
                let before = try Int.fetchOne(db, sql: Self.runs)!
                try addRun(other)
                committed.signal()
                return (before, try Int.fetchOne(db, sql: Self.runs)!)
            },
            { db in
                _ = committed.wait(timeout: .now() + 60)
                return try Int.fetchOne(db, sql: Self.runs)!
            })
        // Then both saw the store as it was when they started
        #expect(first == (2, 2))
        #expect(second == 2)
        #expect(try database.read { try Int.fetchOne($0, sql: Self.runs) } == 3)
    }

    @Test func aCommitBetweenTheStartsOfTheReadsStartsThemAgain() throws {
        // Given a store with two runs
        let (folder, database, other) = try store(runs: 2)
        defer { withExtendedLifetime(folder) {} }
        // When another connection commits a third after the first read started and before the second did, once
        var tries = 0
        var ran = 0
        let (first, second) = try database.readTogether(
            { db in
                ran += 1
                return try Int.fetchOne(db, sql: Self.runs)!
            },
            { db in try Int.fetchOne(db, sql: Self.runs)! },
            betweenStarts: {
                tries += 1
                if tries == 1 { try addRun(other) }
            })
        // Then the first try was dropped before reading, and the second saw the three runs in both reads
        #expect(tries == 2)
        #expect(ran == 1)
        #expect(first == 3)
        #expect(second == 3)
    }

    @Test func commitsBetweenTheStartsOfEveryTryLeaveOneReadForBoth() throws {
        // Given a store with two runs
        let (folder, database, other) = try store(runs: 2)
        defer { withExtendedLifetime(folder) {} }
        // When another connection commits between the starts of the reads on every try
        var tries = 0
        let (first, second) = try database.readTogether(
            { db in try Int.fetchOne(db, sql: Self.runs)! },
            { db in try Int.fetchOne(db, sql: Self.runs)! },
            betweenStarts: {
                tries += 1
                try addRun(other)
            })
        // Then after three tries both run in one read, and see the same store
        #expect(tries == 3)
        #expect(first == 5)
        #expect(second == 5)
    }

    @Test func anErrorOfEitherReadIsThrown() throws {
        // Given a store
        let (folder, database, _) = try store(runs: 1)
        defer { withExtendedLifetime(folder) {} }
        // When the second read fails; Then readTogether throws its error
        #expect(throws: DatabaseError.self) {
            _ = try database.readTogether(
                { db in try Int.fetchOne(db, sql: Self.runs)! },
                { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM no_such_table")! })
        }
        // And the store stays usable
        #expect(try database.read { try Int.fetchOne($0, sql: Self.runs) } == 1)
    }
}
