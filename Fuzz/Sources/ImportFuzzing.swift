import Crypto
import Foundation
import GRDB
import Ingest
import Store

/// Runs arbitrary bytes through the whole import path — encoding and
/// delimiter detection, libcsv, header mapping, row validation, pseudonyms,
/// the X12 835 tokenizer and reader, the rejects file and the inserts — into
/// an in-memory store, emptied before each input.
///
/// An input is up to four files separated by NUL bytes (a NUL inside a file
/// is refused by the import anyway, and an 835 holds none). Each file's first
/// byte says how it is imported, its other bytes are the file:
///
/// | bits of the first byte | meaning |
/// |---|---|
/// | `& 7` | 0 encounters, 1 audits, 2 fees, 3 hours, 4 remittances (X12 835), 5 NCCI PTP edits, 6 an MUE table (in force from 2026-04-01); 7 as 2 |
/// | `& 8` | `--strict` |
/// | `& 64` | `--force` |
///
/// The digits `0`…`6` (0x30–0x36) have neither option's bit, so as text they
/// pick the seven kinds as plain imports; `8`…`>` are the same kinds with
/// `--strict`, `p`…`v` with `--force`, `x`…`~` with both. So `0` + an
/// encounter export, NUL, `4` + an 835 imports remittances for the encounters
/// just loaded.
///
/// A file may be refused (`IngestError`): that is the import doing its job.
/// Anything else is a finding and stops the run: a crash or sanitizer report,
/// an error that is not the file's fault (a database constraint the
/// validation let through), counts that do not add up (in the outcome, in the
/// import log, and for an 835 in the payments and rejects stored with the
/// batch), a refused, rolled-back or skipped file that changed the store, a
/// rejects file left by a refused file, a CSV rejects file that does not
/// import again as one row per rejected row (users fix its cells and import
/// it), an 835's rejects file that does not read back as one row per rejected
/// payment, or a store that fails SQLite's integrity and foreign-key checks
/// afterwards.
enum ImportFuzzing {
    static let maxFiles = 4

    /// The kinds by the first byte's low 3 bits; listed, not `ImportKind.allCases`, so that a
    /// new kind does not change what the committed seeds mean (7 stays fees, as before the NCCI
    /// tables took 5 and 6).
    static let kinds: [ImportKind] = [.encounters, .audits, .fees, .hours, .remittances, .ptp, .mue, .fees]
    /// The day an MUE table is imported in force from.
    static let mueEffective = CalendarDay(year: 2026, month: 4, day: 1)!
    static let strictBit: UInt8 = 8
    static let forceBit: UInt8 = 64

    /// Imports one input, telling `report` what became of each file. Traps on a finding.
    static func run(_ input: UnsafeRawBufferPointer, report: ((String) -> Void)? = nil) {
        do {
            try database.eraseInMemoryStore()
        } catch {
            fatalError("cannot empty the in-memory store: \(error)")
        }
        for (index, file) in files(in: input).enumerated() {
            guard let selector = file.first else { continue }
            let kind = kinds[Int(selector & 7)]
            var options = ImportOptions(
                today: today, toolVersion: "fuzz", clock: { Date(timeIntervalSince1970: 1_795_000_000) })
            options.strict = selector & strictBit != 0
            options.force = selector & forceBit != 0
            options.effectiveDate = Self.mueEffective
            let path = folder + "/input-\(index)" + [.remittances: ".835", .ptp: ".txt"][kind, default: ".csv"]
            let rejects = folder + "/input-\(index).rejects.csv"
            save(file.dropFirst(), to: path)
            defer {
                for name in [path, rejects, folder + "/input-\(index).rejects.rejects.csv"] { unlink(name) }
            }
            guard let outcome = importChecked(path, kind: kind, options: options, report: report),
                outcome.rejectsFile != nil
            else { continue }
            // An 835's rejects file lists payments for a person to look up, not an 835 to import again.
            guard kind != .remittances else {
                checkRemittanceRejectsFile(rejects, outcome: outcome)
                report?("remittances rejects file: one row per rejected payment (\(outcome.counts.rowsRejected))")
                continue
            }
            // The rejects file is for fixing the cells and importing it again: it must read back as
            // the same header and one row per rejected row.
            options.strict = false
            options.force = false
            let again = importChecked(rejects, kind: kind, options: options, report: report)
            if let again, again.alreadyImportedAs == nil, again.counts.rowsRead != outcome.counts.rowsRejected {
                fatalError("\(kind): \(outcome.counts.rowsRejected) rows rejected, \(again.counts.rowsRead) read back")
            }
        }
        do {
            let report = try database.check()
            guard report.isSound else {
                fatalError("the store fails its checks after the import: \(report)")
            }
        } catch {
            fatalError("cannot check the store: \(error)")
        }
    }

    /// Imports one file; nil when it is refused (for a rejects file, only a clash of rates may refuse it).
    private static func importChecked(
        _ path: String, kind: ImportKind, options: ImportOptions, report: ((String) -> Void)?
    ) -> ImportOutcome? {
        let importer = Importer(database: database, pseudonymizer: pseudonymizer, options: options)
        let before = storedRows()
        do {
            let outcome = try importer.importFile(path, kind: kind)
            checkCounts(outcome, kind: kind, strict: options.strict)
            if outcome.batchID == nil, storedRows() != before {
                fatalError("\(kind): a file rolled back or already imported changed the store")
            }
            checkStoredCounts(outcome, kind: kind)
            let counts = outcome.counts
            report?(
                "\(kind) \(path.hasSuffix(".rejects.csv") ? "rejects file" : "file"): \(counts.rowsRead) read, "
                    + "\(counts.rowsLoaded) loaded, \(counts.rowsRejected) rejected"
                    + (outcome.rolledBack ? ", rolled back" : "")
                    + (outcome.alreadyImportedAs != nil ? ", already imported" : ""))
            return outcome
        } catch let error as IngestError {
            // The file was refused with a message for its user: the import doing its job,
            // unless it is a rejects file the import wrote itself. The message is built
            // either way, as the command line prints it.
            let message = error.localizedDescription
            if storedRows() != before { fatalError("\(kind): a refused file changed the store: \(message)") }
            let rejects = URL(fileURLWithPath: path).deletingPathExtension().path + ".rejects.csv"
            if FileManager.default.fileExists(atPath: rejects) {
                fatalError("\(kind): a refused file left a rejects file: \(message)")
            }
            if path.hasSuffix(".rejects.csv"), case .overlappingRates = error {
            } else if path.hasSuffix(".rejects.csv") {
                fatalError("the rejects file of a \(kind) import cannot be imported: \(message)")
            }
            report?("\(kind): refused: \(message)")
            return nil
        } catch {
            fatalError("importing \(kind) failed with an error that is not the file's fault: \(error)")
        }
    }

    /// The input cut at NUL bytes, at most `maxFiles` of them.
    static func files(in input: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer.SubSequence] {
        Array(input.split(separator: 0, maxSplits: maxFiles - 1, omittingEmptySubsequences: true))
    }

    private static func checkCounts(_ outcome: ImportOutcome, kind: ImportKind, strict: Bool) {
        let counts = outcome.counts
        guard outcome.alreadyImportedAs == nil else { return }
        guard counts.rowsRead == counts.rowsLoaded + counts.rowsRejected else {
            fatalError(
                "\(kind): \(counts.rowsRead) rows read but \(counts.rowsLoaded) loaded + \(counts.rowsRejected) rejected"
            )
        }
        guard outcome.firstRejects.count == min(counts.rowsRejected, ImportOutcome.rejectsShown) else {
            fatalError("\(kind): \(counts.rowsRejected) rows rejected but \(outcome.firstRejects.count) shown")
        }
        guard outcome.rolledBack == (strict && counts.rowsRejected > 0) else {
            fatalError("\(kind): strict \(strict), \(counts.rowsRejected) rejected, rolled back \(outcome.rolledBack)")
        }
        guard outcome.rolledBack == (outcome.batchID == nil) else {
            fatalError("\(kind): rolled back \(outcome.rolledBack) but batch \(String(describing: outcome.batchID))")
        }
    }

    /// The import log's row and, for an 835, the payments and rejects stored with the batch
    /// against the outcome's counts.
    private static func checkStoredCounts(_ outcome: ImportOutcome, kind: ImportKind) {
        guard let batchID = outcome.batchID else { return }
        let counts = outcome.counts
        let stored = read { db -> [Int] in
            let logged = try Row.fetchOne(
                db, sql: "SELECT rows_read, rows_loaded, rows_rejected FROM import_batch WHERE id = ?",
                arguments: [batchID])
            let rejects = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM import_reject WHERE batch_id = ?", arguments: [batchID])
            let payments = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM remittance_payment WHERE batch_id = ?", arguments: [batchID])
            return [logged?[0] ?? -1, logged?[1] ?? -1, logged?[2] ?? -1, rejects ?? -1, payments ?? -1]
        }
        guard stored[0...2] == [counts.rowsRead, counts.rowsLoaded, counts.rowsRejected] else {
            fatalError("\(kind): the import log says \(stored[0...2]) read, loaded, rejected; the import \(counts)")
        }
        guard kind == .remittances else { return }
        guard stored[3] == counts.rowsRejected, stored[4] == counts.rowsLoaded else {
            fatalError(
                "remittances: \(counts.rowsLoaded) payments loaded and \(counts.rowsRejected) rejected, but the "
                    + "batch stores \(stored[4]) payments and \(stored[3]) rejects")
        }
    }

    /// An 835's rejects file: a header and one record per rejected payment.
    private static func checkRemittanceRejectsFile(_ path: String, outcome: ImportOutcome) {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            fatalError("remittances: the rejects file \(path) cannot be read")
        }
        // Records end in CRLF outside quotes; a quoted payer name may hold line breaks of its own.
        var records = 0
        var quoted = false
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, previous == 0x0D, byte == 0x0A { records += 1 }
            previous = byte
        }
        guard !quoted, records == outcome.counts.rowsRejected + 1 else {
            fatalError(
                "remittances: \(outcome.counts.rowsRejected) payments rejected, but the rejects file holds "
                    + "\(records) records (header included)\(quoted ? " and an unclosed quote" : "")")
        }
    }

    /// Every row of every table of the store, sorted: what a file that stores nothing leaves as it was.
    private static func storedRows() -> [String] {
        read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table'
                    AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'grdb%' ORDER BY name
                    """)
            return try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { "\(table): \($0)" }
            }.sorted()
        }
    }

    private static func read<T>(_ body: (Database) throws -> T) -> T {
        do {
            return try database.read(body)
        } catch {
            fatalError("cannot read the in-memory store: \(error)")
        }
    }

    private static func save(_ bytes: UnsafeRawBufferPointer.SubSequence, to path: String) {
        let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        guard fd >= 0 else { fatalError("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let rebased = UnsafeRawBufferPointer(rebasing: bytes)
        guard rebased.isEmpty || write(fd, rebased.baseAddress, rebased.count) == rebased.count else {
            fatalError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// One in-memory store for every input, emptied before each.
    private static let database: CodeAuditDatabase = {
        do {
            return try CodeAuditDatabase()
        } catch {
            fatalError("cannot open an in-memory store: \(error)")
        }
    }()

    /// A fixed day, so that an input's dates are judged the same way on every run.
    private static let today = CalendarDay(year: 2026, month: 11, day: 27)!

    /// A fixed key: pseudonyms are part of what is stored, and must not vary between runs.
    private static let pseudonymizer = PatientPseudonymizer(
        key: SymmetricKey(data: [UInt8](repeating: 0x5A, count: 32)))

    /// A private folder for the input files and their rejects files, in memory when `/dev/shm` exists.
    private static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        var template = Array((base + "/codeaudit-fuzz-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            fatalError("cannot create a folder in \(base): \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        atexit { ImportFuzzing.removeFolder() }
        return folder
    }()

    private static func removeFolder() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
