import Crypto
import Foundation
import Ingest
import Store

/// Runs arbitrary bytes through the whole import path — encoding and
/// delimiter detection, libcsv, header mapping, row validation, pseudonyms,
/// the rejects file and the inserts — into an in-memory store, emptied before each input.
///
/// An input is up to four files separated by NUL bytes (a NUL inside a file
/// is refused by the import anyway). Each file's first byte says how it is
/// imported, its other bytes are the file:
///
/// | bits of the first byte | meaning |
/// |---|---|
/// | `& 3` | 0 encounters, 1 audits, 2 fees, 3 hours (so `0`…`3` as text) |
/// | `& 4` | `--strict` |
/// | `& 8` | `--force` |
///
/// So `0` + an encounter export, NUL, `1` + an audit worksheet imports
/// findings on the encounters just loaded.
///
/// A file may be refused (`IngestError`): that is the import doing its job.
/// Anything else is a finding and stops the run: a crash or sanitizer report,
/// an error that is not the file's fault (a database constraint the
/// validation let through), counts that do not add up, a rejects file that
/// does not import again as one row per rejected row (users fix its cells and
/// import it), or a store that fails SQLite's integrity and foreign-key checks
/// afterwards.
enum ImportFuzzing {
    static let maxFiles = 4

    /// Imports one input, telling `report` what became of each file. Traps on a finding.
    static func run(_ input: UnsafeRawBufferPointer, report: ((String) -> Void)? = nil) {
        do {
            try database.eraseInMemoryStore()
        } catch {
            fatalError("cannot empty the in-memory store: \(error)")
        }
        for (index, file) in files(in: input).enumerated() {
            guard let selector = file.first else { continue }
            let kind = ImportKind.allCases[Int(selector & 3)]
            var options = ImportOptions(
                today: today, toolVersion: "fuzz", clock: { Date(timeIntervalSince1970: 1_795_000_000) })
            options.strict = selector & 4 != 0
            options.force = selector & 8 != 0
            let path = folder + "/input-\(index).csv"
            let rejects = folder + "/input-\(index).rejects.csv"
            save(file.dropFirst(), to: path)
            defer {
                for name in [path, rejects, folder + "/input-\(index).rejects.rejects.csv"] { unlink(name) }
            }
            guard let outcome = importChecked(path, kind: kind, options: options, report: report),
                outcome.rejectsFile != nil
            else { continue }
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
        do {
            let outcome = try importer.importFile(path, kind: kind)
            checkCounts(outcome, kind: kind, strict: options.strict)
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
