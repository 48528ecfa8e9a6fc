import Foundation
import TestSupport
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

    @Test func aBackupTakenWhileAnImportRunsOpensAndChecksClean() throws {
        // Given a database with ten encounters, and a large file of 30,000 more being imported
        let workspace = try CLIWorkspace()
        try workspace.write("small.csv", encounters((0..<10).map { "S\($0)" }))
        #expect(try workspace.run(["import", "encounters", "small.csv"]).status == 0)
        try workspace.write("large.csv", encounters((0..<30_000).map { "L\($0)" }))
        let importing = try workspace.process(["import", "encounters", "large.csv"])
        importing.standardError = FileHandle.nullDevice
        try importing.run()
        Thread.sleep(forTimeInterval: 0.5)
        // When a backup is taken while it runs
        let backup = try workspace.run(["backup", "copy.sqlite"])
        importing.waitUntilExit()
        // Then the copy is sound and holds the committed state of the moment it was taken, the ten encounters
        // (the import commits only at its end, and the finished store has all 30,010): it was taken mid-import.
        // (The command itself returns once it has recorded itself in run_log, which waits for the import's
        // commit, up to the 10-second busy timeout.)
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(importing.terminationStatus == 0)
        let check = try workspace.run(["check", "--db", "copy.sqlite"])
        #expect(check.status == 0 && check.stderr.contains("integrity ok"), "\(check.stderr)")
        #expect(try workspace.count(in: "copy.sqlite") == 10)
        #expect(try workspace.count() == 30_010)
    }

    @Test func checkWithoutADatabaseExits66() throws {
        let workspace = try CLIWorkspace()
        #expect(try workspace.run(["check"]).status == 66)
        #expect(try workspace.run(["backup", "copy.sqlite"]).status == 66)
        #expect(!workspace.exists("codeaudit.sqlite") && !workspace.exists("copy.sqlite"))
    }
}
