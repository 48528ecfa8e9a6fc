import Foundation
import Testing

/// `codeaudit check` and `codeaudit backup` with the real binary.
@Suite struct MaintenanceCLITests {
    @Test func checkAndBackupAnImportedDatabase() throws {
        // Given an imported database
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1", "E2"]))
        #expect(try workspace.run(["import", "encounters", "e.csv"]).status == 0)
        // When it is checked and backed up
        let check = try workspace.run(["check"])
        let backup = try workspace.run(["backup", "copy.sqlite"])
        let again = try workspace.run(["backup", "copy.sqlite"])
        // Then the check passes, the copy holds the encounters (mode 0600), and an existing copy is not overwritten
        #expect(check.status == 0 && check.stderr.contains("integrity ok"), "\(check.stderr)")
        #expect(backup.status == 0 && backup.stderr.contains("codeaudit.key"), "\(backup.stderr)")
        #expect(try workspace.count(in: "copy.sqlite") == 2)
        #expect(try workspace.mode("copy.sqlite") == 0o600)
        #expect(again.status == 73 && again.stderr.contains("exists already"))
        #expect(check.stdout.isEmpty && backup.stdout.isEmpty)
    }

    @Test func checkWithoutADatabaseExits66() throws {
        let workspace = try CLIWorkspace()
        #expect(try workspace.run(["check"]).status == 66)
        #expect(try workspace.run(["backup", "copy.sqlite"]).status == 66)
        #expect(!workspace.exists("codeaudit.sqlite") && !workspace.exists("copy.sqlite"))
    }
}
