import Foundation
import GRDB
import TestSupport
import Testing

/// `codeaudit demo` and the committed `Reports/`: the example in the repository
/// is always exactly what the code produces from `SampleData/`.
@Suite struct DemoCLITests {
    /// The clock `make demo` uses (its `DEMO_EPOCH`).
    private static func demoEpoch() throws -> String {
        let makefile = try String(contentsOf: Repository.root.appendingPathComponent("Makefile"), encoding: .utf8)
        let line = try #require(makefile.split(separator: "\n").first { $0.hasPrefix("DEMO_EPOCH := ") })
        return String(line.dropFirst("DEMO_EPOCH := ".count))
    }

    /// Every file under `folder` that the demo writes (month folders), by relative path.
    private static func reportFiles(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let months = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.range(of: "^[0-9]{4}-[0-9]{2}$", options: .regularExpression) != nil }
        for month in months {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(month).path) {
                files["\(month)/\(name)"] = try Data(contentsOf: folder.appendingPathComponent("\(month)/\(name)"))
            }
        }
        return files
    }

    @Test func theCommittedReportsAreWhatTheDemoWrites() throws {
        // Given the committed sample data
        let workspace = try CLIWorkspace()
        // When the demo runs with make demo's clock into a new folder
        let result = try workspace.run(
            ["demo", "--sample-data", Repository.sampleData.path, "--out", "Reports"],
            environment: ["SOURCE_DATE_EPOCH": try Self.demoEpoch()])
        #expect(result.status == 0, "\(result.stderr)")
        // Then every month's report and exports are byte for byte the committed ones, and there are no others
        let fresh = try Self.reportFiles(in: URL(fileURLWithPath: workspace.path("Reports")))
        let committed = try Self.reportFiles(in: Repository.root.appendingPathComponent("Reports"))
        #expect(!fresh.isEmpty)
        #expect(fresh.keys.sorted() == committed.keys.sorted(), "make demo, then commit Reports/")
        for (name, data) in fresh.sorted(by: { $0.key < $1.key }) {
            #expect(committed[name] == data, "Reports/\(name) differs from what the code writes: run make demo")
        }
        // And the imports kept the summary of every month reported, which the reports' trends read
        let kept = try readDatabase(at: workspace.path("Reports/demo.sqlite")) {
            try String.fetchAll($0, sql: "SELECT month FROM month_summary WHERE holds_data = 1")
        }
        #expect(Set(fresh.keys.map { String($0.prefix(7)) }).isSubset(of: Set(kept)))
        // And every export of the latest month, asked for on its own, is the report's CSV of that month
        // (the report reads the month and its edits with code of its own, beside the trend)
        let latestMonth = try #require(fresh.keys.map { String($0.prefix(7)) }.max())
        for name in fresh.keys.sorted() where name.hasPrefix(latestMonth) && name.hasSuffix(".csv") {
            let (month, file) = (String(name.prefix(7)), String(name.dropFirst(8)))
            let export = try workspace.run([
                "export", String(file.dropLast(4)), "--month", month, "--db", "Reports/demo.sqlite", "--out", "one.csv",
            ])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("one.csv"))) == fresh[name], "\(name)")
        }
        // And it says where to open the latest report
        let latest = try #require(fresh.keys.filter { $0.hasSuffix("/report.html") }.sorted().last)
        #expect(result.stderr.contains("open the latest: Reports/\(latest)"))
        // And the sample folder gained no rejects file
        let sample = try FileManager.default.contentsOfDirectory(
            atPath: Repository.sampleData.path)
        #expect(!sample.contains { $0.contains(".rejects.") })
    }

    @Test func theDemoRefusesToOverwriteADatabaseItWasNotAskedToReplace() throws {
        let workspace = try CLIWorkspace()
        try workspace.write("mine.sqlite", "the practice's own data")
        let result = try workspace.run([
            "demo", "--sample-data", Repository.sampleData.path, "--db", "mine.sqlite",
        ])
        #expect(result.status == 73)
        #expect(try String(contentsOfFile: workspace.path("mine.sqlite"), encoding: .utf8) == "the practice's own data")
    }

    @Test func aSampleFolderWithoutEncountersExits66() throws {
        let workspace = try CLIWorkspace()
        try FileManager.default.createDirectory(atPath: workspace.path("empty"), withIntermediateDirectories: true)
        let result = try workspace.run(["demo", "--sample-data", "empty", "--out", "out"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no encounter export (a file named encounters…) in empty"))
    }
}
