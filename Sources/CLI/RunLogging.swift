import ArgumentParser
import Foundation
import Ingest
import Store

/// Runs a command that touches the database and records it in `run_log`
/// (SPEC 4), failures included: who, where, when, the arguments, the files
/// read and written with their SHA-256, the row counts and the exit code.
func logged(_ command: String, store: StoreOptions, _ body: (inout RunRecord) throws -> Void) throws {
    var record = RunRecord(
        startedAt: RunClock.now(), user: currentUser(), host: ProcessInfo.processInfo.hostName,
        toolVersion: CodeAudit.version, command: command, arguments: Array(CommandLine.arguments.dropFirst()))
    var failure: (any Error)?
    do {
        try exitingOnFailure { try body(&record) }
    } catch let error as ExitCode {
        record.exitCode = error.rawValue
        failure = error
    } catch {
        record.exitCode = 1
        failure = error
    }
    record.finishedAt = RunClock.now()
    // The store the command opened, if it did: the record goes through it.
    let opened = OpenedStores.shared.take(store.databasePath)
    // A busy database (exit 75) cannot take the record either: waiting again would only double the delay.
    if record.exitCode != 75, CodeAuditDatabase.exists(at: store.databasePath) {
        do {
            try (opened ?? CodeAuditDatabase(path: store.databasePath)).log(record)
        } catch {
            printError("codeaudit: warning: the run was not recorded in run_log: \(error.localizedDescription)")
        }
    }
    if let failure { throw failure }
}

extension RunRecord {
    /// Adds a file the command wrote (or `-`, stdout, with the bytes' digest).
    mutating func wrote(_ data: Data, to path: String?) {
        outputs.append(RunFile(path: path ?? "-", size: Int64(data.count), sha256: FileDigest.sha256(data)))
    }

    /// Adds a file the command wrote, reading it back for its digest.
    mutating func wrote(file path: String) {
        if let digest = FileDigest.sha256(file: path) {
            outputs.append(RunFile(path: path, size: digest.size, sha256: digest.sha256))
        }
    }
}

private func currentUser() -> String {
    if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
    return ProcessInfo.processInfo.environment["USER"] ?? String(getuid())
}

/// The run log's times, in UTC to the second as `ISO8601DateFormatter` writes
/// them (`2026-10-31T09:15:00Z`), without the formatter: setting one up
/// (ICU's calendar and time zone data) took a tenth of a short command's time.
enum RunClock {
    static func now() -> String { text(of: Date()) }

    static func text(of date: Date) -> String {
        // As the formatter does: to the nearest millisecond, then the second it falls in.
        var seconds = time_t(((date.timeIntervalSince1970 * 1000).rounded() / 1000).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1, 2) + "-" + padded(parts.tm_mday, 2)
            + "T" + padded(parts.tm_hour, 2) + ":" + padded(parts.tm_min, 2) + ":" + padded(parts.tm_sec, 2) + "Z"
    }
}
