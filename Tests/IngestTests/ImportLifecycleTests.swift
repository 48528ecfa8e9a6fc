import Crypto
import Foundation
import GRDB
import Store
import TestSupport
import Testing

@testable import Ingest

/// What SPEC 4 promises about an import as a whole: the batch log, idempotence,
/// replacement, one transaction per file, rejects, and pseudonymization.
@Suite struct ImportLifecycleTests {
    struct InjectedFailure: Error {}

    /// Three lines of two encounters: E1 (two lines) and E2.
    static let twoEncounters = encounterFile([
        encounterLine(),
        encounterLine(["procedure_code": "36415", "diagnosis_codes": "I10"]),
        encounterLine([
            "encounter_id": "E2", "patient_id": "MRN002", "procedure_code": "99212", "diagnosis_codes": "J06.9",
        ]),
    ])

    /// E1 good, E2 with a procedure code that is not CPT/HCPCS-shaped (file line 3).
    static let oneBadRow = encounterFile([
        encounterLine(),
        encounterLine(["encounter_id": "E2", "patient_id": "MRN002", "procedure_code": "ABCDE"]),
    ])

    @Test func sameFileTwiceIsANoOpThatSaysSo() throws {
        // Given a file imported once, and a copy of it under another name
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", Self.twoEncounters)
        let copy = try workspace.write("copy.csv", Self.twoEncounters)
        let first = try workspace.importEncounters(path)
        let before = try workspace.contentSnapshot()
        // When it is imported again, by either name
        let second = try workspace.importEncounters(path)
        let third = try workspace.importEncounters(copy)
        // Then both say which batch loaded it, and nothing in the store changed
        #expect(first.batchID != nil)
        for outcome in [second, third] {
            #expect(outcome.alreadyImportedAs?.id == first.batchID)
            #expect(outcome.alreadyImportedAs?.counts.rowsLoaded == 3)
            #expect(outcome.batchID == nil)
            #expect(outcome.counts == ImportBatchCounts())
        }
        #expect(try workspace.contentSnapshot() == before)
    }

    @Test func forceReimportsAndCountsEveryEncounterAsReplaced() throws {
        // Given a file of two encounters imported once
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", Self.twoEncounters)
        let first = try workspace.importEncounters(path)
        // When it is imported again with force
        let second = try workspace.importEncounters(path) { $0.force = true }
        // Then it loads again, replacing both encounters instead of adding to them
        #expect(second.alreadyImportedAs == nil)
        #expect(second.batchID != nil && second.batchID != first.batchID)
        #expect(second.counts == ImportBatchCounts(rowsRead: 3, rowsLoaded: 3, rowsRejected: 0, rowsReplaced: 2))
        #expect(second.encountersAdded == 0)
        #expect(try workspace.texts("SELECT count(*) FROM encounter") == ["2"])
        #expect(try workspace.texts("SELECT count(*) FROM encounter_line") == ["3"])
        #expect(try workspace.texts("SELECT forced FROM import_batch ORDER BY id") == ["0", "1"])
        #expect(try workspace.database.importBatches().last?.counts.rowsReplaced == 2)
    }

    @Test func reimportedEncounterIsReplacedEntirelyAndTheReplacementLogged() throws {
        // Given file A with E1 (two lines) and E2, imported
        let workspace = try TestWorkspace()
        let fileA = try workspace.write("a.csv", Self.twoEncounters)
        let batchA = try #require(try workspace.importEncounters(fileA).batchID)
        let e2Before = try Self.encounterRows(workspace, "E2")
        let e1ID = try #require(try workspace.texts("SELECT id FROM encounter WHERE external_id = 'E1'").first)
        // When file B gives E1 one different line, another provider and another diagnosis
        let fileB = try workspace.write(
            "b.csv",
            encounterFile([
                encounterLine(["procedure_code": "99214", "provider": "Dr Other", "diagnosis_codes": "Z00.00"])
            ]))
        let outcome = try workspace.importEncounters(fileB)
        let batchB = try #require(outcome.batchID)
        // Then E1 keeps its row id but has only B's line, diagnosis, provider and batch
        let e1 = try workspace.texts(
            "SELECT id || ' ' || provider || ' ' || batch_id FROM encounter WHERE external_id = 'E1'")
        #expect(e1 == ["\(e1ID) Dr Other \(batchB)"])
        #expect(
            try workspace.texts("SELECT procedure_code FROM encounter_line WHERE encounter_id = \(e1ID)") == [
                "99214"
            ])
        #expect(
            try workspace.texts("SELECT code FROM encounter_diagnosis WHERE encounter_id = \(e1ID)") == ["Z0000"])
        // and the batch log records the replacement: its count, and which encounter replaced which batch's
        #expect(outcome.counts.rowsReplaced == 1)
        #expect(
            try workspace.texts(
                "SELECT encounters_replaced || ' ' || rows_replaced FROM import_batch WHERE id = \(batchB)")
                == ["1 1"])
        let log = try workspace.texts(
            "SELECT batch_id || ' ' || encounter_id || ' ' || previous_batch_id FROM encounter_replacement")
        #expect(log == ["\(batchB) \(e1ID) \(batchA)"])
        // and E2 is untouched
        #expect(try Self.encounterRows(workspace, "E2") == e2Before)
    }

    /// An encounter's row, lines and diagnoses, as text.
    static func encounterRows(_ workspace: TestWorkspace, _ externalID: String) throws -> [String] {
        try workspace.read { db in
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM encounter WHERE external_id = ?", arguments: [externalID])
            return try [
                "encounter WHERE id", "encounter_line WHERE encounter_id", "encounter_diagnosis WHERE encounter_id",
            ]
            .flatMap {
                try Row.fetchAll(db, sql: "SELECT * FROM \($0) = ? ORDER BY 1, 2", arguments: [id]).map(\.description)
            }
        }
    }

    @Test func batchRowRecordsTheFileItsCountsAndTimes() throws {
        // Given a file of three good rows and one bad one, and a fixed clock
        let workspace = try TestWorkspace()
        let text = encounterFile([
            encounterLine(), encounterLine(["procedure_code": "36415"]),
            encounterLine(["encounter_id": "E2", "patient_id": "MRN002"]),
            encounterLine(["encounter_id": "E3", "patient_id": "MRN003", "units": "0"]),
        ])
        let path = try workspace.write("e.csv", text)
        let instant = Date(timeIntervalSince1970: 1_795_000_000)
        // When it is imported
        let outcome = try workspace.importEncounters(path) { $0.clock = { instant } }
        // Then its batch row holds the file's name, size and SHA-256, the counts, the times and the version
        let columns =
            "id, kind, file_name, file_size, sha256, rows_read, rows_loaded, rows_rejected, "
            + "encounters_replaced, started_at, finished_at, tool_version"
        let row = try workspace.read { try Row.fetchOne($0, sql: "SELECT \(columns) FROM import_batch") }
        let stamp = ISO8601DateFormatter().string(from: instant)
        let sha256 = try sha256Hex(Data(contentsOf: URL(fileURLWithPath: path)))
        let expected: Row = [
            "id": outcome.batchID, "kind": "encounters", "file_name": path, "file_size": text.utf8.count,
            "sha256": sha256, "rows_read": 4, "rows_loaded": 3, "rows_rejected": 1,
            "encounters_replaced": 0, "started_at": stamp, "finished_at": stamp, "tool_version": "test",
        ]
        #expect(row == expected)
    }

    @Test func strictImportWithARejectedRowCommitsNothing() throws {
        // Given a store that already holds a first import
        let workspace = try TestWorkspace()
        _ = try workspace.importEncounters(try workspace.write("first.csv", Self.twoEncounters))
        let before = try workspace.contentSnapshot()
        // When a file with one good row and one bad row is imported with strict
        let path = try workspace.write(
            "strict.csv",
            encounterFile([
                encounterLine(["encounter_id": "E7", "patient_id": "MRN007"]),
                encounterLine(["encounter_id": "E8", "patient_id": "MRN008", "diagnosis_codes": "E11"]),
            ]))
        let outcome = try workspace.importEncounters(path) { $0.strict = true }
        // Then it reports a rollback, and the store is exactly as before: no batch, no rows, no rejects
        #expect(outcome.rolledBack)
        #expect(outcome.batchID == nil)
        #expect(outcome.counts.rowsRejected == 1)
        #expect(try workspace.contentSnapshot() == before)
        // and the same file is not "already imported" afterwards
        #expect(try workspace.importEncounters(path).alreadyImportedAs == nil)
    }

    @Test func failureMidImportLeavesTheStoreAsBefore() throws {
        // Given a store that already holds a first import, and a file of ten encounters
        let workspace = try TestWorkspace()
        _ = try workspace.importEncounters(try workspace.write("first.csv", Self.twoEncounters))
        let before = try workspace.contentSnapshot()
        let path = try workspace.write(
            "ten.csv",
            encounterFile((10..<20).map { encounterLine(["encounter_id": "E\($0)", "patient_id": "MRN\($0)"]) }))
        // When the import fails after five rows
        #expect(throws: InjectedFailure.self) {
            _ = try workspace.importEncounters(path, progress: { if $0.rowsRead >= 5 { throw InjectedFailure() } })
        }
        // Then the store is exactly as before, and the file can be imported afterwards
        #expect(try workspace.contentSnapshot() == before)
        #expect(try workspace.importEncounters(path).counts.rowsLoaded == 10)
    }

    @Test func rejectedRowsAreWrittenBesideTheInput() throws {
        // Given a file whose third line is rejected
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", Self.oneBadRow)
        // When it is imported
        let outcome = try workspace.importEncounters(path)
        // Then a private rejects file beside the input holds the header and the row, with line and reason
        let rejects = try #require(outcome.rejectsFile)
        let name = URL(fileURLWithPath: rejects).lastPathComponent
        #expect(URL(fileURLWithPath: rejects).deletingLastPathComponent().path == workspace.folder.path)
        #expect(name.hasPrefix("e.") && name.hasSuffix(".rejects.csv"))
        #expect(try fileMode(rejects) == 0o600)
        let bytes = try #require(FileManager.default.contents(atPath: rejects))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(text.replacingOccurrences(of: "\r\n", with: "").contains("\n") == false)
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 2)
        #expect(lines.first == CanonicalHeader.encounters + ",reject_line,reject_reason")
        let badRow = encounterLine(["encounter_id": "E2", "patient_id": "MRN002", "procedure_code": "ABCDE"])
        #expect(lines.last?.hasPrefix(badRow + ",3,") == true)
    }

    @Test func noRejectsFileWhenTurnedOff() throws {
        // Given a file with a rejected row
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", Self.oneBadRow)
        // When it is imported without a rejects file
        let outcome = try workspace.importEncounters(path) { $0.writeRejectsFile = false }
        // Then no rejects file is written, but the store still keeps the reject
        #expect(outcome.rejectsFile == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path)
        #expect(!files.contains { $0.contains("rejects") })
        #expect(try workspace.database.rejects(batchID: try #require(outcome.batchID)).count == 1)
    }

    @Test func rejectsFileIsPrivateEvenWhenAnOldOneWasReadable() throws {
        // Given a rejects file left beside the input with mode 0644
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", Self.oneBadRow)
        let stale = try workspace.write("e.rejects.csv", "old\n")
        chmod(stale, 0o644)
        // When the file is imported and rows are rejected
        let outcome = try workspace.importEncounters(path)
        // Then the rejects file (PHI, like its input) is readable by its owner only
        let rejects = try #require(outcome.rejectsFile)
        #expect(try fileMode(rejects) == 0o600, "the rejects file kept the old file's mode")
    }

    @Test func fixedRejectsFileImportsAndOnlyOnceFixed() throws {
        // Given an import that rejected a bad procedure code (E2) and a category diagnosis (E3)
        let workspace = try TestWorkspace()
        let path = try workspace.write(
            "e.csv",
            encounterFile([
                encounterLine(),
                encounterLine(["encounter_id": "E2", "patient_id": "MRN002", "procedure_code": "ABCDE"]),
                encounterLine(["encounter_id": "E3", "patient_id": "MRN003", "diagnosis_codes": "E11"]),
            ]))
        let rejectsPath = try #require(try workspace.importEncounters(path).rejectsFile)
        // When the rejects file is imported as it is
        let unfixed = try workspace.importEncounters(rejectsPath) { $0.writeRejectsFile = false }
        // Then its rows are rejected again, and its extra columns are ignored
        #expect(unfixed.counts.rowsLoaded == 0)
        #expect(unfixed.counts.rowsRejected == 2)
        #expect(unfixed.ignoredColumns == ["reject_line", "reject_reason"])
        // When the bad cells are fixed in the rejects file and it is imported
        let original = String(decoding: try Data(contentsOf: URL(fileURLWithPath: rejectsPath)), as: UTF8.self)
        let fixed = original.components(separatedBy: "\r\n").map { line in
            if let range = line.range(of: ",ABCDE,") { return line.replacingCharacters(in: range, with: ",99214,") }
            if let range = line.range(of: ",E11,") { return line.replacingCharacters(in: range, with: ",E11.9,") }
            return line
        }.joined(separator: "\r\n")
        #expect(fixed != original)
        try workspace.write("e.rejects.csv", fixed)
        let outcome = try workspace.importEncounters(rejectsPath) { $0.writeRejectsFile = false }
        // Then both rows load
        #expect(outcome.counts == ImportBatchCounts(rowsRead: 2, rowsLoaded: 2, rowsRejected: 0, rowsReplaced: 0))
        #expect(try workspace.texts("SELECT external_id FROM encounter ORDER BY 1") == ["E1", "E2", "E3"])
    }

    /// A file with a `Patient Name` identifier column: E1 loads for MRN-7731; E2
    /// (same patient) is rejected for its procedure code; E3 (same patient)
    /// has one field too many; a second E1 line names another patient.
    static let identifierFile =
        csvFile([
            CanonicalHeader.encounters + ",Patient Name",
            encounterLine(["patient_id": "MRN-7731"]) + ",Zelda Quinlan",
            encounterLine(["encounter_id": "E2", "patient_id": "MRN-7731", "procedure_code": "ABCDE"])
                + ",Zelda Quinlan",
            encounterLine(["encounter_id": "E3", "patient_id": "MRN-7731"]) + ",Zelda Quinlan,extra",
            encounterLine(["patient_id": "MRN-8842", "procedure_code": "36415"]) + ",Yusuf Okafor",
        ])

    @Test func storedRejectsCarryThePseudonymAndNoIdentifierColumn() throws {
        // Given a file with an identifier column and rejected rows
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", Self.identifierFile)
        // When it is imported
        let outcome = try workspace.importEncounters(path) { $0.writeRejectsFile = false }
        // Then the identifier column is skipped, and each stored reject carries the patient's pseudonym
        #expect(outcome.identifierColumns == ["Patient Name"])
        #expect(outcome.counts.rowsLoaded == 1)
        let rejects = try workspace.database.rejects(batchID: try #require(outcome.batchID))
        #expect(rejects.map(\.lineNumber) == [3, 4, 5])
        let pseudonym = PatientPseudonymizer(key: workspace.key).pseudonym(for: "MRN-7731")
        for reject in rejects {
            #expect(!reject.rawRow.contains("MRN-"), "raw patient id in \(reject.rawRow)")
            #expect(!reject.rawRow.contains("Zelda") && !reject.rawRow.contains("Yusuf"))
            #expect(!reject.reason.contains("MRN-"))
        }
        #expect(rejects[0].rawRow.contains(pseudonym))
        #expect(rejects[1].rawRow.contains(pseudonym))
        // and the same pseudonym as the stored encounter of that patient
        #expect(try workspace.texts("SELECT patient_pseudonym FROM encounter") == [pseudonym])
        #expect(try workspace.texts("SELECT header FROM import_batch").first?.contains("Patient Name") == false)
    }

    @Test func rawPatientIDNeverReachesTheDatabaseFiles() throws {
        // Given a file whose patient appears in loaded and rejected rows
        let workspace = try TestWorkspace()
        let path = try workspace.write("e.csv", Self.identifierFile)
        // When it is imported
        let outcome = try workspace.importEncounters(path)
        #expect(outcome.counts.rowsRejected == 3)
        // Then no byte of the database, its WAL or its shared memory holds an id or a name
        // (while the pseudonym, written by the same import, is found: the bytes searched are the right ones)
        let pseudonym = Data(PatientPseudonymizer(key: workspace.key).pseudonym(for: "MRN-7731").utf8)
        var checked = 0
        var pseudonymFound = false
        for suffix in ["", "-wal", "-shm"] {
            guard let bytes = FileManager.default.contents(atPath: workspace.databasePath + suffix) else { continue }
            checked += 1
            pseudonymFound = pseudonymFound || bytes.range(of: pseudonym) != nil
            for secret in ["MRN-7731", "MRN-8842", "Zelda", "Quinlan", "Yusuf"] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) found in codeaudit.sqlite\(suffix)")
            }
        }
        #expect(checked >= 2 && pseudonymFound)
    }
}

/// The pseudonymization key file and the pseudonyms it gives (SPEC 4).
@Suite struct KeyFileTests {
    @Test func createdKeyIsPrivateAnd64HexDigits() throws {
        // Given a folder
        let workspace = try TestWorkspace()
        let path = workspace.folder.appendingPathComponent("new.key").path
        // When a key file is created
        try KeyFile.create(at: path)
        // Then it is mode 0600 and holds 64 lower-case hex digits, which load as a 32-byte key
        #expect(try fileMode(path) == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(text.count == 64)
        #expect(text.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(try KeyFile.load(from: path).bitCount == 256)
        // and creating it again refuses to overwrite it
        #expect(throws: IngestError.self) { try KeyFile.create(at: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .newlines) == text)
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func keyOthersCanReadIsRefused(mode: Int) throws {
        // Given a key file that its group or others can read
        let workspace = try TestWorkspace()
        let path = workspace.folder.appendingPathComponent("codeaudit.key").path
        chmod(path, mode_t(mode))
        // When it is loaded
        let error = #expect(throws: IngestError.self) { _ = try KeyFile.load(from: path) }
        // Then it is refused as a key-file error naming the file and its mode, exit code 66
        guard case .keyFile(let reported, _)? = error else { return }
        #expect(reported == path)
        #expect(error?.exitCode == 66)
        #expect(error?.localizedDescription.contains(String(mode, radix: 8)) == true)
    }

    @Test(arguments: [
        "", "abc", String(repeating: "a", count: 63), String(repeating: "a", count: 65),
        String(repeating: "g", count: 64), String(repeating: "ab", count: 64), String(repeating: "a", count: 62) + " b",
    ])
    func malformedKeyIsRefused(content: String) throws {
        // Given a private key file that does not hold 64 hex digits
        let workspace = try TestWorkspace()
        let path = workspace.folder.appendingPathComponent("bad.key").path
        #expect(
            FileManager.default.createFile(
                atPath: path, contents: Data(content.utf8), attributes: [.posixPermissions: 0o600]))
        // When it is loaded
        // Then it is refused
        let error = #expect(throws: IngestError.self) { _ = try KeyFile.load(from: path) }
        #expect(error?.exitCode == 66)
    }

    @Test func missingKeyIsAKeyFileErrorThatSaysHowToGetOne() throws {
        // Given no key file
        let workspace = try TestWorkspace()
        // When a key is loaded from it
        let error = #expect(throws: IngestError.self) {
            _ = try KeyFile.load(from: workspace.folder.path + "/absent.key")
        }
        // Then it is a key-file error (exit 66) that names `codeaudit init`
        #expect(error?.exitCode == 66)
        #expect(error?.localizedDescription.contains("codeaudit init") == true)
    }

    @Test func pseudonymsDependOnTheKeyAndTheID() throws {
        // Given two keys
        let key = SymmetricKey(size: .bits256)
        let other = SymmetricKey(size: .bits256)
        // When pseudonyms are computed
        let one = PatientPseudonymizer(key: key)
        // Then the same key and id give the same pseudonym, another key or id another, as 64 hex digits
        #expect(one.pseudonym(for: "MRN001") == PatientPseudonymizer(key: key).pseudonym(for: "MRN001"))
        #expect(one.pseudonym(for: "MRN001") != PatientPseudonymizer(key: other).pseudonym(for: "MRN001"))
        #expect(one.pseudonym(for: "MRN001") != one.pseudonym(for: "MRN002"))
        #expect(one.pseudonym(for: "MRN001").count == 64)
        #expect(one.pseudonym(for: "MRN001").allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func pseudonymIsHMACSHA256() {
        // Given RFC 4231 test case 2 (key "Jefe")
        let pseudonymizer = PatientPseudonymizer(key: SymmetricKey(data: Data("Jefe".utf8)))
        // When its data is pseudonymized
        // Then the pseudonym is the HMAC-SHA256 the RFC gives
        #expect(
            pseudonymizer.pseudonym(for: "what do ya want for nothing?")
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
