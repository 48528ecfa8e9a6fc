import Foundation
import GRDB
import SeededRandom
import TestSupport
import Testing

/// SPEC 4: "a kill part-way leaves the database exactly as before". The real binary imports
/// large files of every kind and is killed with SIGKILL (which it cannot catch) at moments drawn
/// from a fixed seed; each time the database must be intact and hold exactly what it held before
/// the import, or exactly what a complete import leaves.
@Suite struct CrashSafetyCLITests {
    /// The seed of the kill moments: the same seed draws the same kinds and moments on every run.
    static let seed: UInt64 = 20_261_129
    static let kills = 50

    @Test(.timeLimit(.minutes(5)))
    func importKilledAtAnyMomentLeavesTheDatabaseAsBeforeOrAsAfter() throws {
        // Given a store holding a large encounter import, and a large file of every kind to import into it
        let workspace = try CLIWorkspace()
        let files = try CrashFiles(workspace: workspace)
        let base = try files.importBase()
        let before = try base.counts()
        // and, for each kind, the state and the time of a complete import into a copy of that store,
        // two at a time as the killed imports run (encounters and fees beside audits and hours)
        let completes = Outcomes<Complete>(count: CrashFiles.kinds.count)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for index in stride(from: lane, to: CrashFiles.kinds.count, by: 2) {
                completes[index] = Result {
                    let kind = CrashFiles.kinds[index]
                    let copy = try CrashStore.copy(base, to: "after-\(kind).sqlite", in: workspace)
                    let started = Date()
                    let result = try workspace.run(["import", kind, "--db", copy.name, files.file(kind)])
                    let duration = Date().timeIntervalSince(started)
                    return Complete(result: result, duration: duration, counts: try copy.counts())
                }
            }
        }
        var after: [String: [String: Int]] = [:]
        var duration: [String: Double] = [:]
        for (index, kind) in CrashFiles.kinds.enumerated() {
            let complete = try completes[index].get()
            try #require(complete.result.status == 0, "\(kind): \(complete.result.stderr)")
            after[kind] = complete.counts
            duration[kind] = complete.duration
            try #require(after[kind] != before, "a complete \(kind) import changes the store")
        }

        // When each of 50 imports, the kinds in turn, is killed at a moment drawn across its duration,
        // two at a time into two stores (the kinds alternate, so that no two import one file at once)
        var random = SplitMix64(seed: Self.seed)
        let draws = (0..<Self.kills).map { index in
            let kind = CrashFiles.kinds[index % CrashFiles.kinds.count]
            return (kind: kind, moment: Double(random.next() % 1_000) / 1_000 * duration[kind]!)
        }
        let outcomes = Outcomes<KillOutcome>(count: Self.kills)
        DispatchQueue.concurrentPerform(iterations: 2) { lane in
            for index in stride(from: lane, to: Self.kills, by: 2) {
                outcomes[index] = Result {
                    try KillOutcome(
                        index: index, kind: draws[index].kind, moment: draws[index].moment,
                        store: CrashStore.copy(base, to: "killed-\(lane).sqlite", in: workspace), files: files)
                }
            }
        }
        var landed: [String: Int] = [
            "before": 0, "after": 0, "after, run log not yet written": 0,
            "after, month summaries not yet kept": 0,
        ]
        var killedWhileRunning = 0
        var stoppedBeforeCommit = 0
        for index in 0..<Self.kills {
            let kind = draws[index].kind
            let outcome = try outcomes[index].get()
            if outcome.killed { killedWhileRunning += 1 }

            // Then the database is intact, its foreign keys hold, and it is the before or the after state
            let context = "kill \(index): \(kind) at \(String(format: "%.3f", draws[index].moment)) s"
            #expect(outcome.integrity == ["ok"], "\(context)")
            #expect(outcome.foreignKeyViolations == 0, "\(context)")
            let counts = outcome.counts
            // The run log records a command after its import's transaction, in its own: a kill
            // between the two leaves the import committed and the command not yet logged. Before
            // that, the command keeps the summaries of the months the import changed (it dropped
            // them as it committed), in a transaction of its own too: a kill before that one
            // commits leaves fewer kept summaries, which the report computes instead.
            let notLogged = after[kind]!.merging(["run_log": before["run_log"]!]) { $1 }
            let state =
                counts == before
                ? "before"
                : counts == after[kind]
                    ? "after"
                    : counts == notLogged
                        ? "after, run log not yet written"
                        : counts.merging(["month_summary": 0]) { $1 } == notLogged.merging(["month_summary": 0]) { $1 }
                            && counts["month_summary"]! < notLogged["month_summary"]!
                            ? "after, month summaries not yet kept" : nil
            #expect(state != nil, "\(context): \(counts), before \(before), after \(after[kind]!)")
            if let state { landed[state, default: 0] += 1 }
            if outcome.killed && state == "before" { stoppedBeforeCommit += 1 }

            // and, every tenth time, importing the file again completes it as if nothing had happened
            #expect((outcome.again != nil) == (index % 10 == 0))
            if let again = outcome.again {
                #expect(again.status == 0, "\(context), imported again: \(again.stderr)")
                let completed = again.counts
                let logged = completed["run_log"]! - after[kind]!["run_log"]!
                #expect(
                    completed.merging(["run_log": 0]) { $1 } == after[kind]!.merging(["run_log": 0]) { $1 },
                    "\(context), imported again")
                #expect((0...1).contains(logged), "\(context): one run-log record per command")
            }
        }
        // And a good share of the kills stopped an import before it committed (the others landed as it
        // ended): at least a third. The moments are drawn across the durations of complete imports timed
        // while the rest of the suite still runs; the killed ones run later, often on a quieter machine and
        // so sooner done, which left 20 and 24 of the 50 stopped part-way in two runs of `make test`.
        #expect(stoppedBeforeCommit >= Self.kills / 3, "only \(stoppedBeforeCommit) kills stopped an import part-way")
        print(
            "crash safety: durations \(duration.mapValues { String(format: "%.2f s", $0) }), "
                + "\(killedWhileRunning) of \(Self.kills) kills hit a running import; states \(landed)")
    }
}

/// One killed import and what it left: the state of its store, and every tenth time (index a
/// multiple of 10) what importing the file again did.
private struct KillOutcome {
    let killed: Bool
    let integrity: [String]
    let foreignKeyViolations: Int
    let counts: [String: Int]
    let again: (status: Int32, stderr: String, counts: [String: Int])?

    /// Imports `kind`'s file into `store` and kills the import with SIGKILL `moment` seconds after
    /// it started, unless it has ended by then (it is then neither killed nor waited for any longer:
    /// its process is gone, and its number may already be another's).
    init(index: Int, kind: String, moment: Double, store: CrashStore, files: CrashFiles) throws {
        let workspace = files.workspace
        let process = try workspace.process(["import", kind, "--db", store.name, files.file(kind)])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let started = Date()
        try process.run()
        if exited.wait(timeout: .now() + started.addingTimeInterval(moment).timeIntervalSinceNow) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            exited.wait()
        }
        process.waitUntilExit()
        killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        integrity = try store.integrityCheck()
        foreignKeyViolations = try store.foreignKeyViolations()
        counts = try store.counts()
        if index % 10 == 0 {
            let result = try workspace.run(["import", kind, "--db", store.name, files.file(kind)])
            again = (result.status, result.stderr, try store.counts())
        } else {
            again = nil
        }
    }
}

/// A complete import: what the command did, how long it took, and the rows it left.
private struct Complete {
    let result: CommandResult
    let duration: Double
    let counts: [String: Int]
}

/// Results by index, filled in by two threads.
private final class Outcomes<Outcome>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<Outcome, any Error>]

    init(count: Int) {
        outcomes = Array(repeating: .failure(CocoaError(.featureUnsupported)), count: count)
    }

    subscript(index: Int) -> Result<Outcome, any Error> {
        get { lock.withLock { outcomes[index] } }
        set { lock.withLock { outcomes[index] = newValue } }
    }
}

/// The large input files of the crash test, generated into the workspace.
private struct CrashFiles {
    static let kinds = ["encounters", "audits", "fees", "hours"]
    /// Encounters in the store before the killed imports (audited by the audit file, two rows
    /// each); the encounter file replaces half of them and adds 3,900 more. Each file takes a debug
    /// build about 0.8 s to import on an idle 2-core machine.
    static let baseEncounters = 1_200
    let workspace: CLIWorkspace

    init(workspace: CLIWorkspace) throws {
        self.workspace = workspace
        let count = Self.baseEncounters
        try workspace.write("base.csv", Self.encounters((0..<count).map { "B\($0)" }))
        try workspace.write(
            "encounters.csv", Self.encounters((count / 2..<count).map { "B\($0)" } + (0..<3_900).map { "N\($0)" }))
        var audits = "encounter_id,auditor,audit_date,code_type,submitted_code,audited_code,category\n"
        for index in 0..<count {
            audits += "B\(index),akim,2026-11-02,,99213,\(index % 3 == 0 ? "99214" : "99213"),E/M level\n"
            audits += "B\(index),akim,2026-11-02,,E11.9,E11.9,\n"
        }
        try workspace.write("audits.csv", audits)
        var fees = "payer,procedure_code,modifier,amount,effective_from,effective_to\n"
        for index in 0..<1_000 {
            fees += "Payer \(index % 40),\(10_000 + index / 40),,\(50 + index % 200).25,2026-01-01,\n"
        }
        try workspace.write("fees.csv", fees)
        var hours = "coder,work_date,hours\n"
        let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let days = monthLengths.enumerated().flatMap { month, length in
            (1...length).map { String(format: "2025-%02d-%02d", month + 1, $0) }
        }
        for coder in 0..<6 {
            for day in days { hours += "coder\(coder),\(day),\(6 + coder % 3).5\n" }
        }
        try workspace.write("hours.csv", hours)
    }

    func file(_ kind: String) -> String { kind + ".csv" }

    /// Imports `base.csv` into `base.sqlite` and returns that store.
    func importBase() throws -> CrashStore {
        let result = try workspace.run(["import", "encounters", "--db", "base.sqlite", "base.csv"])
        guard result.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        return CrashStore(workspace, "base.sqlite")
    }

    /// Two lines per encounter, with the fields the metrics read.
    static func encounters(_ ids: [String]) -> String {
        var text = "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,units,diagnosis_codes,"
        text += "charge,allowed\n"
        for (index, id) in ids.enumerated() {
            let day = 1 + index % 28
            text += "\(id),2026-10-\(day < 10 ? "0" : "")\(day),MRN-\(index % 997),Dr \(index % 12),coder\(index % 7),"
            text += "Payer \(index % 9),99213,1,E11.9 I10,150.00,91.56\n"
            text += "\(id),,,,,,36415,1,,12.00,\n"
        }
        return text
    }
}

/// A database file of the crash test, read with SQLite as any outside tool would.
private struct CrashStore {
    let workspace: CLIWorkspace
    let name: String

    init(_ workspace: CLIWorkspace, _ name: String) {
        self.workspace = workspace
        self.name = name
    }

    /// A plain copy of a store no process has open (the key beside it is shared).
    static func copy(_ store: CrashStore, to name: String, in workspace: CLIWorkspace) throws -> CrashStore {
        let manager = FileManager.default
        for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: workspace.path(name + suffix)) {
            try manager.removeItem(atPath: workspace.path(name + suffix))
        }
        for suffix in ["", "-wal"] where manager.fileExists(atPath: workspace.path(store.name + suffix)) {
            try manager.copyItem(atPath: workspace.path(store.name + suffix), toPath: workspace.path(name + suffix))
        }
        return CrashStore(workspace, name)
    }

    /// Opens the file as the next command would (recovering from its write-ahead log).
    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        try readDatabase(at: workspace.path(name), readOnly: false, body)
    }

    /// The number of rows of every table.
    func counts() throws -> [String: Int] {
        try read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
            var counts: [String: Int] = [:]
            for table in tables {
                counts[table] = try db.rowCount(table)
            }
            return counts
        }
    }

    func integrityCheck() throws -> [String] {
        try read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
    }

    func foreignKeyViolations() throws -> Int {
        try read { try Row.fetchAll($0, sql: "PRAGMA foreign_key_check").count }
    }
}
