import Crypto
import Foundation
import GRDB
import Ingest
import Store

/// A temporary folder holding a real database, key and input files; removed on deinit.
final class TestWorkspace {
    let folder: URL
    let databasePath: String
    let database: CodeAuditDatabase
    let key: SymmetricKey
    /// A fixed "today", so that fixtures' dates never drift into the future.
    static let today = CalendarDay(year: 2026, month: 11, day: 27)!

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("codeaudit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("codeaudit.sqlite").path
        database = try CodeAuditDatabase(path: databasePath)
        let keyPath = folder.appendingPathComponent("codeaudit.key").path
        try KeyFile.create(at: keyPath)
        key = try KeyFile.load(from: keyPath)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `text` (or raw bytes) to a file in the workspace and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func options(_ configure: (inout ImportOptions) -> Void = { _ in }) -> ImportOptions {
        var options = ImportOptions(today: Self.today, toolVersion: "test")
        configure(&options)
        return options
    }

    /// Imports one encounter file.
    func importEncounters(
        _ path: String, configure: (inout ImportOptions) -> Void = { _ in },
        progress: (ImportProgress) throws -> Void = { _ in }
    ) throws -> ImportOutcome {
        let importer = Importer(
            database: database, pseudonymizer: PatientPseudonymizer(key: key), options: options(configure))
        return try importer.importFile(path, kind: .encounters, progress: progress)
    }

    /// A read-only connection to the same database file, for asserting on rows.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: databasePath)
        return try queue.read(body)
    }

    /// The first column of every row of `sql`, as text (`NULL` for null).
    func texts(_ sql: String) throws -> [String] {
        try read { db in
            try DatabaseValue.fetchAll(db, sql: sql).map { value in
                switch value.storage {
                case .null: "NULL"
                case .int64(let number): String(number)
                case .double(let number): String(number)
                case .string(let text): text
                case .blob(let data): data.base64EncodedString()
                }
            }
        }
    }

    /// Every row of every table, as text, for "nothing changed" assertions.
    func contentSnapshot() throws -> [String] {
        try read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { "\(table): \($0)" }
            }
        }
    }
}

/// The canonical header of SPEC 3.1, for building small encounter files.
let canonicalHeader =
    "encounter_id,service_date,patient_id,provider,specialty,coder,payer,place_of_service,procedure_code,"
    + "modifiers,units,diagnosis_codes,charge,allowed,paid,coded_at,coding_minutes"

/// One canonical encounter line; override any field by name.
func encounterLine(_ overrides: [String: String] = [:]) -> String {
    let defaults: [String: String] = [
        "encounter_id": "E1", "service_date": "2026-10-01", "patient_id": "MRN001", "provider": "Dr Demo",
        "specialty": "Family Medicine", "coder": "jlee", "payer": "Medicare", "place_of_service": "11",
        "procedure_code": "99213", "modifiers": "", "units": "1", "diagnosis_codes": "E11.9",
        "charge": "150.00", "allowed": "95.00", "paid": "76.00", "coded_at": "2026-10-02 09:00",
        "coding_minutes": "6",
    ]
    return canonicalHeader.split(separator: ",").map { name in
        let value = overrides[String(name)] ?? defaults[String(name)]!
        return value.contains(",") || value.contains("\"")
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }.joined(separator: ",")
}

/// A canonical encounter file from lines.
func encounterFile(_ lines: [String]) -> String {
    ([canonicalHeader] + lines).joined(separator: "\n") + "\n"
}
