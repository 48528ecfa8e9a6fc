import Crypto
import Foundation
import GRDB
import Ingest
import Store

@testable import Analytics

/// A real database in a temporary folder, filled by importing real CSV files
/// (encounters, audits, fees, hours) exactly as a user would.
final class AnalyticsWorkspace {
    let folder: URL
    let database: CodeAuditDatabase
    let importer: Importer
    /// A fixed "today" after every fixture date.
    static let today = CalendarDay(year: 2026, month: 11, day: 27)!

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "codeaudit-analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = try CodeAuditDatabase(path: folder.appendingPathComponent("codeaudit.sqlite").path)
        var options = ImportOptions(today: Self.today, toolVersion: "test")
        options.writeRejectsFile = false
        importer = Importer(
            database: database, pseudonymizer: PatientPseudonymizer(key: SymmetricKey(size: .bits256)), options: options
        )
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Imports `lines` (a header first) as a file of `kind`; every row must load.
    @discardableResult
    func load(_ kind: ImportKind, _ lines: [String], name: String? = nil) throws -> ImportOutcome {
        let path = folder.appendingPathComponent(name ?? "\(kind.rawValue)-\(UUID().uuidString).csv").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try importer.importFile(path, kind: kind)
        guard outcome.counts.rowsRejected == 0 else {
            throw FixtureError.rejected(outcome.firstRejects.map { "line \($0.line): \($0.reason)" })
        }
        return outcome
    }

    var analytics: Analytics { Analytics(database: database) }

    enum FixtureError: Error {
        case rejected([String])
    }
}
