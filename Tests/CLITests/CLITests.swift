import ArgumentParser
import Foundation
import GRDB
import TestSupport
import Testing

@testable import CLI

/// End to end: the real binary, real files, a real database.
@Suite struct CLITests {
    @Test func initCreatesThePrivateDatabaseAndKey() throws {
        // Given an empty folder
        let workspace = try CLIWorkspace()
        // When `codeaudit init` runs
        let result = try workspace.run(["init"])
        // Then the database and a private key exist, stderr says so, stdout is empty
        #expect(result.status == 0)
        #expect(try workspace.mode("codeaudit.sqlite") == 0o600 && workspace.mode("codeaudit.key") == 0o600)
        #expect(result.stderr.contains("created database") && result.stderr.contains("codeaudit.key"))
        #expect(result.stdout.isEmpty)
    }

    @Test func importCreatesTheDatabaseAndSummarizesOnStderr() throws {
        // Given a good file and no database
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1", "E2", "E3"]))
        // When it is imported
        let result = try workspace.run(["import", "encounters", "e.csv"])
        // Then the database and its key are created, the summary goes to stderr, stdout stays empty
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3 rows read, 3 loaded, 0 rejected"))
        #expect(result.stderr.contains("created database"))
        #expect(result.stdout.isEmpty)
        #expect(try workspace.mode("codeaudit.key") == 0o600)
        #expect(try workspace.count() == 3)
        // and, stderr not being a terminal, no progress line was drawn
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"))
    }

    @Test func secondIdenticalImportSaysAlreadyImportedAndForceReimports() throws {
        // Given a file imported once
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1", "E2"]))
        _ = try workspace.run(["import", "encounters", "e.csv"])
        // When it is imported again, then with --force
        let again = try workspace.run(["import", "encounters", "e.csv"])
        let forced = try workspace.run(["import", "encounters", "--force", "e.csv"])
        // Then the second is a no-op that says so, and the third replaces both encounters
        #expect(again.status == 0 && again.stderr.contains("already imported"))
        #expect(forced.status == 0 && forced.stderr.contains("2 rows read, 2 loaded, 0 rejected"))
        #expect(forced.stderr.contains("2 replaced"))
        #expect(try workspace.count("import_batch") == 2)
        #expect(try workspace.count() == 2)
    }

    @Test func missingInputFileExits66NamingIt() throws {
        // Given no such file
        let workspace = try CLIWorkspace()
        // When it is imported
        let result = try workspace.run(["import", "encounters", "nowhere/missing.csv"])
        // Then the exit code is 66 and the message names the path
        #expect(result.status == 66)
        #expect(result.stderr.contains("nowhere/missing.csv"))
        #expect(result.stdout.isEmpty)
    }

    @Test func fileWithoutARequiredColumnExits65() throws {
        // Given a file without a procedure code column
        let workspace = try CLIWorkspace()
        try workspace.write(
            "e.csv", "encounter_id,service_date,patient_id,provider,diagnosis_codes\nE1,2026-10-01,M1,Dr Demo,I10\n")
        // When it is imported
        let result = try workspace.run(["import", "encounters", "e.csv"])
        // Then the exit code is 65, the message names the missing column, and nothing is stored
        #expect(result.status == 65)
        #expect(result.stderr.contains("procedure_code"))
        #expect(try workspace.count() == 0)
    }

    @Test func strictWithABadRowExits65AndStoresNothing() throws {
        // Given a file with one bad procedure code
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1", "E2"], procedure: ["E2": "ABCDE"]))
        // When it is imported with --strict
        let result = try workspace.run(["import", "encounters", "--strict", "e.csv"])
        // Then the exit code is 65 and no encounter and no batch is stored
        #expect(result.status == 65)
        #expect(try workspace.count() == 0)
        #expect(try workspace.count("import_batch") == 0)
    }

    @Test(arguments: [
        ["import", "encounters", "--bogus", "e.csv"], ["frobnicate"], ["import", "encounters", "--db"],
        ["import", "encounters"],
    ])
    func usageErrorExits64(arguments: [String]) throws {
        // Given a good file
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        // When the command line is wrong
        let result = try workspace.run(arguments)
        // Then the exit code is 64 and nothing is imported
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(!workspace.exists("codeaudit.sqlite"))
    }

    @Test func dbOptionAndEnvironmentAreHonoured() throws {
        // Given a good file
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        try FileManager.default.createDirectory(atPath: workspace.path("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.path("b"), withIntermediateDirectories: true)
        // When it is imported once with --db and once (forced) with CODEAUDIT_DB
        let byOption = try workspace.run(["import", "encounters", "--db", "a/one.sqlite", "e.csv"])
        let byEnvironment = try workspace.run(
            ["import", "encounters", "e.csv"], environment: ["CODEAUDIT_DB": workspace.path("b/two.sqlite")])
        // Then each database, with its key beside it, is where it was named, and no default one exists
        #expect(byOption.status == 0 && byEnvironment.status == 0)
        #expect(try workspace.count(in: "a/one.sqlite") == 1 && workspace.count(in: "b/two.sqlite") == 1)
        #expect(workspace.exists("a/codeaudit.key") && workspace.exists("b/codeaudit.key"))
        #expect(!workspace.exists("codeaudit.sqlite") && !workspace.exists("codeaudit.key"))
        // and --db wins over the environment
        let both = try workspace.run(
            ["init", "--db", "a/one.sqlite"], environment: ["CODEAUDIT_DB": workspace.path("c.sqlite")])
        #expect(both.status == 0)
        #expect(!workspace.exists("c.sqlite"))
    }

    @Test func keyFileOptionAndEnvironmentAreHonoured() throws {
        // Given two databases initialized with keys named by option and by environment
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        try FileManager.default.createDirectory(atPath: workspace.path("keys"), withIntermediateDirectories: true)
        let first = try workspace.run(["init", "--db", "one.sqlite", "--key-file", "keys/one.key"])
        let second = try workspace.run(
            ["init", "--db", "two.sqlite"], environment: ["CODEAUDIT_KEY_FILE": "keys/two.key"])
        // When each imports the file with its key named the same way
        let importOne = try workspace.run([
            "import", "encounters", "--db", "one.sqlite", "--key-file", "keys/one.key", "e.csv",
        ])
        let importTwo = try workspace.run(
            ["import", "encounters", "--db", "two.sqlite", "e.csv"], environment: ["CODEAUDIT_KEY_FILE": "keys/two.key"]
        )
        // Then the named keys were made private, no default key exists, and the imports ran
        #expect(first.status == 0 && second.status == 0)
        #expect(try workspace.mode("keys/one.key") == 0o600 && workspace.mode("keys/two.key") == 0o600)
        #expect(!workspace.exists("codeaudit.key"))
        #expect(importOne.status == 0 && importTwo.status == 0, "\(importOne.stderr)\n\(importTwo.stderr)")
        #expect(try workspace.count(in: "one.sqlite") == 1 && workspace.count(in: "two.sqlite") == 1)
        // and the two keys give different pseudonyms to the same patient
        let one = try workspace.read("one.sqlite") {
            try String.fetchOne($0, sql: "SELECT patient_pseudonym FROM encounter")
        }
        let two = try workspace.read("two.sqlite") {
            try String.fetchOne($0, sql: "SELECT patient_pseudonym FROM encounter")
        }
        #expect(one != nil && one != two)
    }

    @Test func keyFileOthersCanReadIsRefusedAndNothingImported() throws {
        // Given an initialized database whose key was made readable by others
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        _ = try workspace.run(["init"])
        chmod(workspace.path("codeaudit.key"), 0o644)
        // When a file is imported
        let result = try workspace.run(["import", "encounters", "e.csv"])
        // Then the key is refused with exit 66 and nothing is imported
        #expect(result.status == 66)
        #expect(result.stderr.contains("codeaudit.key") && result.stderr.contains("644"))
        #expect(try workspace.count() == 0)
    }

    @Test func databaseWhoseKeyIsMissingIsNotReKeyed() throws {
        // Given a database holding patients, whose key has gone
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        try workspace.write("f.csv", encounters(["E2"]))
        _ = try workspace.run(["import", "encounters", "e.csv"])
        try FileManager.default.removeItem(atPath: workspace.path("codeaudit.key"))
        // When another file is imported, and init is run
        let imported = try workspace.run(["import", "encounters", "f.csv"])
        let initialized = try workspace.run(["init"])
        // Then both refuse (exit 66), no new key appears, and nothing more is stored
        #expect(imported.status == 66 && imported.stderr.contains("key"), "\(imported.stderr)")
        #expect(initialized.status == 66, "\(initialized.stderr)")
        #expect(!workspace.exists("codeaudit.key"))
        #expect(try workspace.count() == 1)
    }

    @Test func dashReadsStandardInput() throws {
        // Given a file on stdin
        let workspace = try CLIWorkspace()
        // When `-` is imported
        let result = try workspace.run(["import", "encounters", "-"], stdin: Data(encounters(["E1", "E2"]).utf8))
        // Then its rows load
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 rows read, 2 loaded, 0 rejected"))
        #expect(try workspace.count() == 2)
    }

    @Test func mappingFileNamesOtherHeaders() throws {
        // Given an export whose headers no alias knows, and a mapping naming them
        let workspace = try CLIWorkspace()
        try workspace.write(
            "e.csv", "Ref,When,Chart Key,Who,Billed Code,Codes Assigned\nE1,2026-10-01,M1,Dr Demo,99213,E11.9 I10\n")
        try workspace.write(
            "map.json",
            #"{"encounter_id": "Ref", "service_date": "When", "patient_id": "Chart Key", "provider": "Who", "#
                + #""procedure_code": "Billed Code", "diagnosis_codes": ["Codes Assigned"]}"#)
        try workspace.write("wrong.json", #"{"encounter_id": "Visit Token"}"#)
        // When it is imported without, with, and with a wrong mapping
        let without = try workspace.run(["import", "encounters", "e.csv"])
        let wrong = try workspace.run(["import", "encounters", "--mapping", "wrong.json", "e.csv"])
        let with = try workspace.run(["import", "encounters", "--mapping", "map.json", "e.csv"])
        // Then only the right mapping loads it; a mapping naming a header the file lacks exits 65
        #expect(without.status == 65 && wrong.status == 65)
        #expect(wrong.stderr.contains("Visit Token"))
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stderr.contains("1 row read, 1 loaded, 0 rejected"))
        let codes = try workspace.read {
            try String.fetchAll($0, sql: "SELECT code FROM encounter_diagnosis ORDER BY position")
        }
        #expect(codes == ["E119", "I10"])
    }

    @Test func rejectsFileIsWrittenUnlessTurnedOff() throws {
        // Given two copies of a file with a bad row
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1", "E2"], procedure: ["E2": "ABCDE"]))
        try workspace.write("f.csv", encounters(["E3", "E4"], procedure: ["E4": "ABCDE"]))
        // When one is imported with and one without a rejects file
        let with = try workspace.run(["import", "encounters", "e.csv"])
        let without = try workspace.run(["import", "encounters", "--no-rejects-file", "f.csv"])
        // Then both exit 0 with one reject, and only the first leaves a private rejects file
        #expect(with.status == 0 && without.status == 0)
        #expect(with.stderr.contains("2 rows read, 1 loaded, 1 rejected"))
        #expect(without.stderr.contains("2 rows read, 1 loaded, 1 rejected"))
        let rejects = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path)
            .filter { $0.hasSuffix(".rejects.csv") }
        #expect(rejects.count == 1 && rejects.first?.hasPrefix("e.") == true, "\(rejects)")
        #expect(try rejects.first.map(workspace.mode) == 0o600)
    }

    @Test func icd10CodesFileReplacesTheCodeSet() throws {
        // Given a code set holding Q99.99 (not in FY2026) but not E11.9
        let workspace = try CLIWorkspace()
        try workspace.write("codes.txt", "# custom year\nQ99.99\nI10\n")
        try workspace.write(
            "e.csv",
            encounters(["E1"], diagnosis: "Q99.99")
                + "E2,2026-10-01,MRN-E2,Dr Demo,jlee,Medicare,99213,1,E11.9,150.00\n")
        try workspace.write("default.csv", encounters(["E3"], diagnosis: "Q99.99"))
        // When the file is imported with that code set, and another without it
        let custom = try workspace.run(["import", "encounters", "--icd10-codes", "codes.txt", "e.csv"])
        let builtIn = try workspace.run(["import", "encounters", "default.csv"])
        // Then Q99.99 is accepted and E11.9 rejected only with the custom set
        #expect(custom.status == 0, "\(custom.stderr)")
        #expect(custom.stderr.contains("2 rows read, 1 loaded, 1 rejected") && custom.stderr.contains("E11.9"))
        #expect(builtIn.stderr.contains("1 row read, 0 loaded, 1 rejected"))
        #expect(try workspace.read { try String.fetchAll($0, sql: "SELECT external_id FROM encounter") } == ["E1"])
    }

    @Test func progressLineOnlyWhenStderrIsATerminal() throws {
        // Given a file that takes a debug build several seconds to import
        let workspace = try CLIWorkspace()
        try workspace.write("big.csv", encounters((0..<CLITests.largeFileRows).map { "E\($0)" }))
        try workspace.write("big2.csv", encounters((0..<CLITests.largeFileRows).map { "F\($0)" }))
        // When it is imported with stderr going to a file
        let plain = try workspace.run(["import", "encounters", "big.csv"])
        // and another under a pseudo-terminal (util-linux `script`), as a person at a shell runs it
        let command = "'\(try CLIWorkspace.binary().path)' import encounters big2.csv"
        let terminal = try runToEnd(
            workspace.process(
                ["-q", "-e", "-c", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script")))
        let shown = terminal.stdout
        // Then both load; only the terminal saw a progress line, redrawn in place and cleared at the end
        #expect(plain.status == 0 && terminal.status == 0, "\(plain.stderr)\n\(shown)")
        #expect(!plain.stderr.contains("\r") && !plain.stderr.contains("\u{1B}"))
        #expect(shown.contains("\r\u{1B}[Kbig2.csv: ") && shown.contains(" rows"), "\(shown)")
        #expect(shown.contains("\(CLITests.largeFileRows) rows read, \(CLITests.largeFileRows) loaded"))
    }

    @Test func interruptedImportLeavesTheDatabaseAsBefore() throws {
        // Given a database holding one import, and a large file
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        _ = try workspace.run(["import", "encounters", "e.csv"])
        try workspace.write("big.csv", encounters((0..<CLITests.largeFileRows).map { "B\($0)" }))
        // When the import of the large file is interrupted (Ctrl-C) part-way
        let process = try workspace.process(["import", "encounters", "big.csv"])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // Foundation's Process hands the child this thread's signal mask, and the threads tests run
        // on block SIGINT; unblock it for the child, as a shell would have it.
        var unblocked = sigset_t()
        var saved = sigset_t()
        sigemptyset(&unblocked)
        pthread_sigmask(SIG_SETMASK, &unblocked, &saved)
        let launched = Result { try process.run() }
        pthread_sigmask(SIG_SETMASK, &saved, nil)
        try launched.get()
        Thread.sleep(forTimeInterval: 0.5)
        #expect(process.isRunning, "the import ended before it could be interrupted")
        process.interrupt()
        process.waitUntilExit()
        // Then it did not succeed, and the database holds exactly the first import, intact
        let interrupted =
            (process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT)
            || process.terminationStatus == 130
        #expect(
            interrupted,
            "status \(process.terminationStatus), \(process.terminationReason == .exit ? "exit" : "signal")")
        #expect(try workspace.count() == 1)
        #expect(try workspace.count("import_batch") == 1)
        #expect(try workspace.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
    }

    /// Enough rows for a debug build to take a few seconds.
    static let largeFileRows = 40_000

    @Test func inProcessImportCommand() throws {
        // Given a good file and a database path in a fresh folder
        let workspace = try CLIWorkspace()
        let file = try workspace.write("e.csv", encounters(["E1", "E2"]))
        let database = workspace.path("in-process.sqlite")
        // When the command is parsed and run in this process
        var command = try CodeAudit.parseAsRoot(["import", "encounters", "--db", database, file])
        try command.run()
        // Then the database, its key beside it and the rows exist
        #expect(try workspace.count(in: "in-process.sqlite") == 2)
        #expect(try workspace.mode("codeaudit.key") == 0o600)
    }
}
