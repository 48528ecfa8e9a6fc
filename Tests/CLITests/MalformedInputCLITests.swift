import Foundation
import GRDB
import TestSupport
import Testing

/// One file per way an export can be broken (`Fixtures/Malformed`), each imported with the real
/// binary into a database that already holds another file's encounters: the exit code, the exact
/// message on stderr, and nothing stored before is lost or changed.
@Suite struct MalformedInputCLITests {
    /// A file that is refused whole: exit 65, one message, nothing of it stored.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let file: String
        let message: String
        var testDescription: String { file }
    }

    static let refusals = [
        Refusal(
            file: "unterminated-quote.csv",
            message: "unterminated-quote.csv, line 3, column 4 (byte 187): a quoted field is never closed "
                + "(its closing \" is missing); nothing was imported"),
        Refusal(
            file: "stray-quote.csv",
            message: "stray-quote.csv, line 3, column 4 (byte 190): a quote (\") inside a field that is not "
                + "enclosed in quotes, or text after a closing quote; enclose the field in quotes and double any "
                + "quote inside it (\"\"); nothing was imported"),
        Refusal(
            file: "nul-byte.csv",
            message: "nul-byte.csv, line 3 (byte 192): a NUL character, and a CSV export holds text only "
                + "(is this a spreadsheet or UTF-16 file? save it as CSV UTF-8)"),
        Refusal(
            file: "over-long-field.csv",
            message: "over-long-field.csv, line 3, column 4: a field is longer than 65536 bytes, the longest "
                + "accepted; nothing was imported"),
        Refusal(
            file: "not-utf8-nor-windows1252.csv",
            message: "not-utf8-nor-windows1252.csv, line 3 (byte 190): the byte 0x81 is not a Windows-1252 "
                + "character, and the file is not valid UTF-8 either (first at line 2, byte 129); save the file "
                + "as UTF-8"),
        Refusal(
            file: "utf16-bom.csv",
            message: "utf16-bom.csv: the file is UTF-16; save it as UTF-8 (or CSV UTF-8 in Excel)"),
        Refusal(
            file: "empty.csv",
            message: "empty.csv: the file is empty; an export starts with a header row naming its columns"),
        Refusal(
            file: "missing-column.csv",
            message: "missing-column.csv: no column for 'diagnosis_codes' (a header such as \"ICD-10\", "
                + "\"ICD10 Codes\", \"ICD-10 Codes\", \"ICD-10-CM\", \"ICD-10-CM Codes\", \"ICD Codes\"). "
                + "The file's headers are: \"encounter_id\", \"service_date\", \"patient_id\", \"provider\", "
                + "\"coder\", \"payer\", \"procedure_code\", \"units\", \"charge\". Name the right ones with "
                + "--mapping FILE, e.g. {\"diagnosis_codes\": \"Their Header\"}"),
        Refusal(
            file: "duplicate-header.csv",
            message: "duplicate-header.csv: columns 4 and 11 of the header are both named \"provider\", so "
                + "which one gives provider is unclear; rename or remove one of them"),
    ]

    @Test(arguments: refusals)
    func brokenFileIsRefusedNamingWhereAndWhy(_ refusal: Refusal) throws {
        // Given a database holding another file's encounters, and the broken file
        let workspace = try MalformedWorkspace()
        try workspace.copyFixture(refusal.file)
        let before = try workspace.storedRows()
        // When the broken file is imported
        let result = try workspace.run(["import", "encounters", refusal.file])
        // Then it exits 65 with exactly one message naming the file, the place and the rule
        #expect(result.status == 65)
        #expect(result.stderr == "codeaudit: \(refusal.message)\n")
        #expect(result.stdout.isEmpty)
        // and nothing changed but the run log's record of the failure; no rejects file was left
        #expect(try workspace.storedRows() == before)
        #expect(try workspace.lastRun() == ["import encounters", "65"])
        #expect(!workspace.exists(refusal.file.replacingOccurrences(of: ".csv", with: ".rejects.csv")))
    }

    @Test func brokenStandardInputIsNamedAsSuch() throws {
        // Given a database holding encounters, and a file with an unclosed quote on standard input
        let workspace = try MalformedWorkspace()
        let bytes = try Data(contentsOf: MalformedWorkspace.fixture("unterminated-quote.csv"))
        let before = try workspace.storedRows()
        // When it is imported from `-`
        let result = try workspace.run(["import", "encounters", "-"], stdin: bytes)
        // Then the message calls it (stdin), not the temporary copy it was read from, and nothing is stored
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "codeaudit: (stdin), line 3, column 4 (byte 187): a quoted field is never closed (its closing \" "
                + "is missing); nothing was imported\n")
        #expect(try workspace.storedRows() == before)
    }

    /// A row with another number of fields than the header: rejected, the rest imported.
    @Test(arguments: [
        (
            "too-many-fields.csv",
            "line 3: the row has 11 fields; the header has 10 (a value holding a comma must be enclosed in quotes)"
        ),
        ("too-few-fields.csv", "line 3: the row has 9 fields; the header has 10"),
    ])
    func rowWithAnotherFieldCountIsRejected(file: String, reject: String) throws {
        // Given a database holding encounters, and a file whose line 3 has too many or too few fields
        let workspace = try MalformedWorkspace()
        try workspace.copyFixture(file)
        let before = try workspace.count("encounter")
        // When it is imported
        let result = try workspace.run(["import", "encounters", file])
        // Then lines 2 and 4 load and line 3 is rejected, with its line and the rule, in the summary
        let rejects = file.replacingOccurrences(of: ".csv", with: ".rejects.csv")
        #expect(result.status == 0)
        #expect(
            result.stderr == """
                \(file): 3 rows read, 2 loaded, 1 rejected
                  2 encounters: 2 new, 0 replaced
                  batch 2
                  read as UTF-8, comma-separated
                  columns: \(MalformedWorkspace.columns)
                  rejected rows:
                    \(reject)
                  every rejected row, with its reason: \(workspace.cli.path(rejects))

                """)
        // and the encounters stored before are still there, beside the two new ones
        #expect(try workspace.count("encounter") == before + 2)
        #expect(try workspace.count("import_reject") == 1)
        #expect(workspace.exists(rejects))
    }

    @Test(arguments: ["too-many-fields.csv", "too-few-fields.csv"])
    func rowWithAnotherFieldCountUnderStrictRefusesTheFile(file: String) throws {
        // Given a database holding encounters, and a file whose line 3 has another number of fields
        let workspace = try MalformedWorkspace()
        try workspace.copyFixture(file)
        let before = try workspace.storedRows()
        // When it is imported with --strict
        let result = try workspace.run(["import", "encounters", "--strict", file])
        // Then it exits 65, says nothing was imported, and nothing changed but the run log
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("\(file): 3 rows read, 2 loaded, 1 rejected — --strict: nothing imported\n"))
        #expect(result.stderr.contains("    line 3: the row has "))
        #expect(try workspace.storedRows() == before)
        #expect(try workspace.lastRun() == ["import encounters", "65"])
    }

    @Test func headerOnlyFileImportsNoRowsAndSaysSo() throws {
        // Given a database holding encounters, and an export with a header and no rows
        let workspace = try MalformedWorkspace()
        try workspace.copyFixture("header-only.csv")
        let before = try workspace.storedRows()
        // When it is imported
        let result = try workspace.run(["import", "encounters", "header-only.csv"])
        // Then it succeeds with nothing to load and a warning, logging the (empty) batch
        #expect(result.status == 0)
        #expect(
            result.stderr == """
                header-only.csv: 0 rows read, 0 loaded, 0 rejected
                  0 encounters: 0 new, 0 replaced
                  batch 2
                  read as UTF-8, comma-separated
                  columns: \(MalformedWorkspace.columns)
                  warning: the file has no rows below its header

                """)
        // and every row stored before is still there, unchanged; the import log gained the batch
        let after = try workspace.storedRows()
        #expect(after.filter { !$0.hasPrefix("import_batch:") } == before.filter { !$0.hasPrefix("import_batch:") })
        #expect(try workspace.count("import_batch") == 2)
    }
}

/// A CLI workspace whose database already holds two encounters from `good.csv` (batch 1) and, when
/// told, the payment of `paid.835` for G1 (batch 2).
final class MalformedWorkspace {
    let cli: CLIWorkspace

    /// How the summary names the columns of the fixtures' header.
    static let columns =
        "encounter_id ← \"encounter_id\"; service_date ← \"service_date\"; patient_id ← \"patient_id\"; "
        + "provider ← \"provider\"; coder ← \"coder\"; payer ← \"payer\"; procedure_code ← \"procedure_code\"; "
        + "units ← \"units\"; diagnosis_codes ← \"diagnosis_codes\"; charge ← \"charge\""

    /// A database holding two encounters (`good.csv`) and, with `payment`, a remittance paying one
    /// (`paid.835`): built once per test run, copied for each test.
    init(payment: Bool = false) throws {
        cli = try (payment ? Self.paid : Self.good).copy()
    }

    private static let good = SharedFixture { cli in
        try cli.write("good.csv", encounters(["G1", "G2"]))
        let result = try cli.run(["import", "encounters", "good.csv"])
        guard result.status == 0, try cli.count() == 2 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
    }

    private static let paid = SharedFixture { cli in
        try cli.write("good.csv", encounters(["G1", "G2"]))
        let result = try cli.run(["import", "encounters", "good.csv"])
        guard result.status == 0, try cli.count() == 2 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
        try FileManager.default.copyItem(at: fixture("paid.835"), to: cli.folder.appendingPathComponent("paid.835"))
        let paid = try cli.run(["import", "remittances", "paid.835"])
        guard paid.status == 0, try cli.count("remittance_payment") == 1 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: paid.stderr])
        }
    }

    static func fixture(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures/Malformed/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
        }
        return url
    }

    func copyFixture(_ name: String) throws {
        try FileManager.default.copyItem(at: Self.fixture(name), to: cli.folder.appendingPathComponent(name))
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> CommandResult {
        try cli.run(arguments, stdin: stdin)
    }

    func exists(_ name: String) -> Bool { cli.exists(name) }

    func count(_ table: String) throws -> Int { try cli.count(table) }

    /// Every row of every table but the run log, as text.
    func storedRows() throws -> [String] {
        try cli.read { try $0.storedRows(except: ["run_log"]) }
    }

    /// The command and exit code of the run log's last record.
    func lastRun() throws -> [String] {
        try cli.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT command, exit_code FROM run_log ORDER BY id DESC") else {
                return []
            }
            return [row["command"], String(row["exit_code"] as Int)]
        }
    }
}
