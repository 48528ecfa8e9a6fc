import Foundation
import GRDB
import TestSupport
import Testing

/// `run_log` (SPEC 4): every command that touches the database, failures included, without PHI.
@Suite struct RunLogCLITests {
    @Test func commandsAreLoggedWithTheirFilesAndExitCodes() throws {
        // Given an import, a failed import, an export and a check
        let workspace = try CLIWorkspace()
        let text = encounters(["E1", "E2"])
        try workspace.write("e.csv", text)
        #expect(try workspace.run(["import", "encounters", "e.csv"]).status == 0)
        #expect(try workspace.run(["import", "encounters", "missing.csv"]).status == 66)
        #expect(try workspace.run(["export", "findings", "--month", "2026-10", "--out", "f.csv"]).status == 0)
        #expect(try workspace.run(["check"]).status == 0)
        // When run_log is read
        let rows = try workspace.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT command, exit_code, arguments, inputs, outputs, rows_read, rows_loaded, user, host,
                           tool_version, started_at, finished_at
                    FROM run_log ORDER BY id
                    """)
        }
        // Then each command has its row, in order, with its exit code
        #expect(
            rows.map { $0["command"] as String } == [
                "import encounters", "import encounters", "export findings", "check",
            ])
        #expect(rows.map { $0["exit_code"] as Int } == [0, 66, 0, 0])
        // the import names its file with size and SHA-256, and its row counts
        let sha = try sha256Hex(Data(text.utf8))
        #expect((rows[0]["inputs"] as String).contains("\"sha256\":\"\(sha)\""))
        #expect((rows[0]["inputs"] as String).contains("\"path\":\"e.csv\""))
        #expect(rows[0]["rows_read"] as Int == 2 && rows[0]["rows_loaded"] as Int == 2)
        #expect((rows[0]["arguments"] as String) == #"["import","encounters","e.csv"]"#)
        // the failed import is logged too, and the export names what it wrote
        #expect((rows[1]["inputs"] as String).contains("missing.csv"))
        #expect((rows[2]["outputs"] as String).contains("\"path\":\"f.csv\""))
        #expect(!(rows[0]["user"] as String).isEmpty && !(rows[0]["host"] as String).isEmpty)
        #expect((rows[0]["started_at"] as String) <= (rows[0]["finished_at"] as String))
        // and no patient id value appears anywhere in the log
        let everything = rows.map { $0.description }.joined()
        #expect(!everything.contains("MRN-E1") && !everything.contains("MRN-E2"))
    }
}
