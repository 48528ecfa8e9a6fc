import Foundation
import Store
import X12

/// Imports one X12 835 file (SPEC 9) in one transaction, with the import log,
/// the SHA-256 no-op, `--force`, `--strict` and the rejects file every import has.
struct RemittanceImport {
    let database: CodeAuditDatabase
    let options: ImportOptions

    /// Thrown inside the transaction to roll back a `--strict` import with rejects.
    private struct StrictRollback: Error {}

    func run(_ path: String) throws -> ImportOutcome {
        let name = options.displayName ?? path
        guard let digest = FileDigest.sha256(file: path) else {
            throw IngestError.unreadable(file: name, reason: "cannot read the file")
        }
        var outcome = ImportOutcome(file: name)
        outcome.fileSize = digest.size
        outcome.sha256 = digest.sha256
        outcome.format = "X12 835"
        let rejectsFile =
            options.writeRejectsFile && options.displayName == nil
            ? RejectsFile(beside: path, header: RemittanceRows.rejectsHeader) : nil
        do {
            try database.importing { session in
                if !options.force, let previous = try session.previousBatch(kind: .remittances, sha256: outcome.sha256)
                {
                    outcome.alreadyImportedAs = previous
                    return
                }
                outcome = try store(path, name: name, into: outcome, session: session, rejectsFile: rejectsFile)
                if options.strict && outcome.counts.rowsRejected > 0 { throw StrictRollback() }
            }
        } catch is StrictRollback {
            outcome.rolledBack = true
            outcome.batchID = nil
        } catch {
            rejectsFile?.discard()
            throw error
        }
        outcome.rejectsFile = try rejectsFile?.close()
        return outcome
    }

    private func store(
        _ path: String, name: String, into start: ImportOutcome, session: ImportSession, rejectsFile: RejectsFile?
    ) throws -> ImportOutcome {
        var outcome = start
        // The first segment says the separators the import log records.
        let separators = try Self.refusing(name) {
            var tokenizer = try X12Tokenizer(path: path)
            guard try tokenizer.next() != nil else { throw IngestError.empty(file: name) }
            return tokenizer.separators
        }
        let batchID = try session.beginBatch(
            ImportBatchStart(
                kind: .remittances, fileName: name, fileSize: outcome.fileSize, sha256: outcome.sha256,
                encoding: "ASCII", delimiter: String(UnicodeScalar(separators.element)), header: "",
                forced: options.force, startedAt: options.timestamp(), toolVersion: options.toolVersion))
        try session.setAsideIndexes(forFirstLoadOf: .remittances)
        var rows = RemittanceRows(
            session: session, batchID: batchID, sha256: outcome.sha256, force: options.force, rejectsFile: rejectsFile,
            outcome: outcome)
        try Self.refusing(name) { try RemittanceReader(path: path).read(into: &rows) }
        outcome = rows.outcome
        let (claims, matched) = try session.remittances.claimsMatchingEncounters(batchID: batchID)
        let unmatched = claims - matched
        outcome.details.append(
            "\(Self.counted(claims, "claim")), \(Self.counted(rows.lines, "service line")); \(matched) of them "
                + "\(matched == 1 ? "names" : "name") a stored encounter (CLP01 = its id), \(unmatched) "
                + "\(unmatched == 1 ? "does" : "do") not")
        if outcome.counts.rowsRead == 0 { outcome.warnings.append("the file holds no 835 transaction") }
        outcome.batchID = batchID
        try session.finishBatch(
            id: batchID, counts: outcome.counts, warnings: outcome.warnings, finishedAt: options.timestamp())
        return outcome
    }

    /// Runs `body`, turning a refusal of the X12 reader into the import's error:
    /// a file that cannot be read is exit 66, a malformed one 65.
    private static func refusing<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch X12Error.unreadable(let reason) {
            throw IngestError.unreadable(file: name, reason: "cannot read the file: \(reason)")
        } catch let error as X12Error {
            throw IngestError.x12(file: name, reason: error.localizedDescription)
        }
    }

    /// "1 claim", "2 claims".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
