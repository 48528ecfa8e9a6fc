import Foundation
import TestSupport
import Testing

@testable import CLI

@Suite struct StandardInputTests {
    @Test func copyIsANewPrivateFileThatAPlantedLinkCannotReceive() throws {
        // Given a link planted where a predictable copy of this process's stdin would go
        let workspace = try CLIWorkspace()
        let victim = try workspace.write("victim.txt", "someone else's file\n")
        let predictable = NSTemporaryDirectory() + "codeaudit-stdin-\(getpid()).csv"
        try? FileManager.default.removeItem(atPath: predictable)
        try FileManager.default.createSymbolicLink(atPath: predictable, withDestinationPath: victim)
        defer { try? FileManager.default.removeItem(atPath: predictable) }
        let input = try workspace.write("input.csv", encounters(["E1"]))

        // When standard input is copied twice
        let first = try StandardInput.copyToTemporaryFile(from: FileHandle(forReadingAtPath: input)!)
        let second = try StandardInput.copyToTemporaryFile(from: FileHandle(forReadingAtPath: input)!)
        defer { for path in [first, second] { try? FileManager.default.removeItem(atPath: path) } }

        // Then each copy is a new regular file of mode 0600 holding the input, and the link's target is untouched
        #expect(first != second)
        for path in [first, second] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == encounters(["E1"]))
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "someone else's file\n")
    }

    @Test func importOfStandardInputLeavesNoCopyBehind() throws {
        // Given a private temporary folder for the binary
        let workspace = try CLIWorkspace()
        let temporary = workspace.path("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)

        // When `-` is imported
        let result = try workspace.run(
            ["import", "encounters", "-"], environment: ["TMPDIR": temporary + "/"],
            stdin: Data(encounters(["E1", "E2"]).utf8))

        // Then it loads, and the copy it read is gone
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try workspace.count() == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
    }
}
