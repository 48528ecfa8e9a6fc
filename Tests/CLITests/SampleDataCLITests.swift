import Foundation
import GRDB
import Store
import TestSupport
import Testing

/// The committed SampleData/ folder, end to end with the real binary: it is
/// what `generate-sample` writes, it imports with exactly its planted rejects,
/// and its planted patterns show in every month's exports.
@Suite struct SampleDataCLITests {
    /// The data files of SampleData: all but its README, its git attributes and rejects files of local imports.
    static func dataFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Repository.sampleData.path)
            .filter { !["README.md", ".gitattributes"].contains($0) && !$0.hasSuffix(".rejects.csv") }.sorted()
    }

    @Test func committedSampleDataIsWhatGenerateSampleWritesByDefault() throws {
        // Given an empty folder
        let workspace = try CLIWorkspace()
        // When generate-sample runs with its default seed, months and volume
        let result = try workspace.run(["generate-sample", "--out", "generated"])
        // Then it writes exactly the files committed in SampleData/, byte for byte
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let generated = try FileManager.default.contentsOfDirectory(atPath: workspace.path("generated")).sorted()
        #expect(generated == (try Self.dataFiles()))
        for name in generated {
            let same =
                try Data(contentsOf: URL(fileURLWithPath: workspace.path("generated/\(name)")))
                == Data(contentsOf: Repository.sampleData.appendingPathComponent(name))
            #expect(same, "SampleData/\(name) is not what generate-sample writes: run it with --out SampleData")
        }
    }

    @Test func aSeedWritesTheSameFilesAndAnotherSeedOthers() throws {
        // Given a small practice asked for three times: twice with seed 11, once with seed 12
        let workspace = try CLIWorkspace()
        for (folder, seed) in [("a", "11"), ("b", "11"), ("c", "12")] {
            let result = try workspace.run([
                "generate-sample", "--out", folder, "--seed", seed, "--months", "1", "--encounters-per-month", "300",
            ])
            #expect(result.status == 0, "\(result.stderr)")
        }
        // Then the same seed gives the same bytes, and the other seed other encounters (the NCCI tables are the same)
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.path("a")).sorted()
        #expect(
            names.contains("encounters-primary-care-2026-10.csv") && names.filter { !$0.hasSuffix(".835") }.count == 8)
        #expect(
            names.contains("remittances-medicare-2026-10.835") && names.contains("remittances-medicaid-2026-11.835"))
        for name in names {
            let file = { (folder: String) in
                try Data(contentsOf: URL(fileURLWithPath: workspace.path("\(folder)/\(name)")))
            }
            let same = try file("a") == file("b")
            #expect(same, "\(name) differs between two runs with seed 11")
            if name.hasPrefix("encounters-") || name.hasPrefix("remittances-") {
                let other = try file("a") == file("c")
                #expect(!other, "\(name) is the same for seeds 11 and 12")
            }
        }
    }

    @Test func outOfRangeOptionsAreUsageErrors() throws {
        let workspace = try CLIWorkspace()
        // Months outside 1–24, a volume outside 200–50000, or no --out: exit 64 and no folder
        for arguments in [["--months", "0"], ["--months", "25"], ["--encounters-per-month", "10"]] {
            let result = try workspace.run(["generate-sample", "--out", "out"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
        #expect(try workspace.run(["generate-sample"]).status == 64)
        #expect(!workspace.exists("out"))
        // and a folder that cannot be made is exit 73 (the practice is made first: the smallest there is)
        try workspace.write("taken", "a file, not a folder\n")
        let small = ["--months", "1", "--encounters-per-month", "200"]
        #expect(try workspace.run(["generate-sample", "--out", "taken/sub"] + small).status == 73)
    }

    /// Rejects by import kind and reason: the fragments that name the reason, and how many rows are planted.
    static let plantedRejects: [(kind: String, fragments: [String], rows: Int)] = [
        ("encounters", ["fields; the header has"], 3),
        ("encounters", ["encounter id is blank"], 2),
        ("encounters", ["service date is blank, and no earlier line"], 2),
        ("encounters", ["patient id is blank, and no earlier line"], 2),
        ("encounters", ["provider is blank, and no earlier line"], 2),
        ("encounters", ["service date '", "is not a date"], 2),
        ("encounters", ["service date '", "has a two-digit year"], 2),
        ("encounters", ["service date '", "is in the future"], 2),
        ("encounters", ["coded at '", "is not a timestamp"], 2),
        ("encounters", ["coded at '", "has a time that does not parse"], 2),
        ("encounters", ["coded at '", "is in the future"], 2),
        ("encounters", ["is not a number of minutes"], 2),
        ("encounters", ["coding minutes '", "is more than a day"], 2),
        ("encounters", ["procedure code is blank"], 2),
        ("encounters", ["is not a CPT code"], 3),
        ("encounters", ["modifier '", "is not 2 letters or digits"], 3),
        ("encounters", ["a line takes at most 4"], 2),
        ("encounters", ["units '", "is not a whole number from 1 to 999"], 3),
        ("encounters", ["is not an ICD-10-CM code"], 2),
        ("encounters", ["is not in the ICD-10-CM FY2026 code set"], 2),
        ("encounters", ["is a category, not billable"], 2),
        ("encounters", ["is a subcategory, not billable"], 2),
        ("encounters", ["needs a 7th character"], 2),
        ("encounters", ["no diagnosis code on the encounter"], 2),
        ("encounters", ["is not an amount of money"], 3),
        ("encounters", ["has fractions of a cent"], 2),
        ("encounters", ["encounter field disagrees"], 3),
        ("audits", ["unknown encounter '"], 2),
        ("audits", ["submitted and audited code are both blank"], 2),
        ("audits", ["units '", "is not a whole number from 1 to 999"], 2),
        ("audits", ["audit date '", "is not a date"], 2),
        ("hours", ["a second row for coder"], 2),
        ("hours", ["hours '", "is not a number of hours above 0"], 2),
        ("hours", ["work date '", "is not a date"], 2),
    ]

    @Test func theSampleImportsWithExactlyItsPlantedRejects() throws {
        // Given SampleData/ imported as a user would: every encounter export, then fees, audits and hours
        let workspace = try SampleImport.run()
        // When the stored rejects are sorted by reason
        let rejects = try workspace.read { db in
            try Row.fetchAll(
                db, sql: "SELECT b.kind, r.reason FROM import_reject r JOIN import_batch b ON b.id = r.batch_id")
        }
        var counts = Array(repeating: 0, count: Self.plantedRejects.count)
        for row in rejects {
            let kind: String = row["kind"]
            let reason: String = row["reason"]
            let matches = Self.plantedRejects.indices.filter { index in
                Self.plantedRejects[index].kind == kind
                    && Self.plantedRejects[index].fragments.allSatisfy { reason.contains($0) }
            }
            // Then each reject is one of the planted reasons, and only one
            #expect(matches.count == 1, "\(kind) reject not planted, or ambiguous: \(reason)")
            for index in matches { counts[index] += 1 }
        }
        // and each reason has exactly the rows planted for it: 60 encounter lines, 8 findings, 6 coder-days
        for (index, planted) in Self.plantedRejects.enumerated() {
            #expect(counts[index] == planted.rows, "\(planted.kind) \(planted.fragments): \(counts[index]) rejected")
        }
        let totals = try workspace.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, sum(rows_rejected) AS rejected FROM import_batch GROUP BY kind")
                .map { ($0["kind"] as String, $0["rejected"] as Int) }
        }
        #expect(totals.sorted { $0.0 < $1.0 }.map(\.1) == [8, 60, 0, 6])
    }

    @Test func thePlantedPatternsShowInEveryMonthsExports() throws {
        // Given SampleData/ imported
        let workspace = try SampleImport.run()
        for month in ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"] {
            func export(_ name: String) throws -> [[String: String]] {
                let result = try workspace.run(["export", name, "--month", month, "--no-bom"])
                #expect(result.status == 0, "\(result.stderr)")
                return CSVTable(result.stdout).records
            }
            // When the month's exports are written
            let coders = try export("error_rates").filter { $0["dimension"] == "coder" }
            let productivity = try export("coder_productivity")
            let variance = try export("reimbursement_variance").filter {
                $0["procedure_code"] != "ALL" && $0["underpaid_amount"] != ""
            }
            let levels = try export("em_distribution")

            // Then the upcoding coder has the lowest code accuracy and the largest overcoded amount
            let byAccuracy = coders.sorted { number($0["code_accuracy"]) < number($1["code_accuracy"]) }
            #expect(coders.count == 8)
            #expect(byAccuracy.first?["key"] == "jellery", "\(month): lowest accuracy \(byAccuracy.first ?? [:])")
            #expect(number(byAccuracy[0]["code_accuracy"]) < number(byAccuracy[1]["code_accuracy"]))
            let overcoded = coders.sorted { number($0["overcoded_amount"]) > number($1["overcoded_amount"]) }
            #expect(overcoded.first?["key"] == "jellery", "\(month): most overcoded \(overcoded.first ?? [:])")

            // and the fast coder the most encounters per hour, with an accuracy below the coders' median
            let bySpeed = productivity.sorted { number($0["encounters_per_hour"]) > number($1["encounters_per_hour"]) }
            #expect(bySpeed.first?["coder"] == "mvance", "\(month): fastest \(bySpeed.first ?? [:])")
            #expect(number(bySpeed[0]["encounters_per_hour"]) > number(bySpeed[1]["encounters_per_hour"]))
            let accuracies = productivity.compactMap { $0["code_accuracy"] }.filter { !$0.isEmpty }.map(number).sorted()
            let median = (accuracies[(accuracies.count - 1) / 2] + accuracies[accuracies.count / 2]) / 2
            #expect(accuracies.count == 8 && number(bySpeed[0]["code_accuracy"]) < median, "\(month)")

            // and Lakeshore Mutual's 99214 tops the underpaid payer–code pairs, about 8% under contract
            let underpaid = variance.sorted { number($0["underpaid_amount"]) > number($1["underpaid_amount"]) }
            #expect(underpaid.first?["payer"] == "Lakeshore Mutual" && underpaid.first?["procedure_code"] == "99214")
            #expect(number(underpaid[0]["underpaid_amount"]) > number(underpaid[1]["underpaid_amount"]))
            #expect(underpaid.first?["variance_rate"] == "-0.0800")

            // and only the skewed provider is flagged: a level with 20 visits or more, 15 points from the practice
            let flagged = Set(
                levels.filter { number($0["visits"]) >= 20 && abs(number($0["difference"])) >= 0.15 }
                    .compactMap { $0["provider"] })
            #expect(flagged == ["Ashgrove, Corbin MD"], "\(month): flagged \(flagged)")
        }
    }

    @Test func theRemittancesRestateTheExportsAndShowTheirPlantedPatterns() throws {
        // Given SampleData/'s exports imported, and each month's variance from the exports' allowed and paid
        let workspace = try SampleImport.run()
        let months = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
        func export(_ name: String, _ month: String) throws -> String {
            let result = try workspace.run(["export", name, "--month", month, "--no-bom"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let before = try months.map { try export("reimbursement_variance", $0) }
        // When the payers' 835 files are imported
        let remittances = try SampleDataCLITests.dataFiles().filter { $0.hasSuffix(".835") }
        let imported = try workspace.run(["import", "remittances"] + remittances)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(!imported.stderr.contains("rejected:") && imported.stderr.contains("0 rejected"))
        // Then the store is whole, with the schema of a new store, index for index (the first load of each kind
        // builds some of them at its end)
        func schema(_ db: Database) throws -> [String] {
            try String.fetchAll(
                db, sql: "SELECT type || ' ' || name || ' ' || IFNULL(sql, '') FROM sqlite_schema ORDER BY name")
        }
        #expect(try workspace.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        _ = try CodeAuditDatabase(path: workspace.path("new.sqlite"))
        #expect(try workspace.read { try schema($0) } == (try workspace.read("new.sqlite") { try schema($0) }))
        // and the variance, now from the remitted amounts, is the same: the 835s say what the exports posted,
        // the reversal and its correction netting to the corrected payment
        #expect(try months.map { try export("reimbursement_variance", $0) } == before)
        var unmatched = 0
        for month in months {
            let payments = CSVTable(try export("payments", month)).records
            let denials = CSVTable(try export("denials", month)).records
            // and Pinecrest denies 36415 with CO-97, no one else denies anything
            #expect(denials.map { "\($0["payer"]!) \($0["reason"]!)" } == ["Pinecrest Health Plan CO-97"], "\(month)")
            // and Medicaid pays slowest, in 40 days or more at the median; the others within 25
            for row in payments where number(row["remitted_lines"]) > 0 && row["payer"] != "ALL" {
                let median = number(row["median_days_to_payment"])
                #expect(row["payer"] == "Medicaid" ? median >= 40 : median <= 25, "\(month) \(row)")
            }
            unmatched += Int(number(payments.last?["unmatched_claims"]))
        }
        // and the four claims for encounters in no export are counted
        #expect(unmatched == 4)
    }

    private func number(_ text: String?) -> Double { Double(text ?? "") ?? 0 }
}

/// SampleData/ imported into a fresh database, as `make demo` does. The import runs once per test
/// run (it takes a debug build several seconds) and each test gets a copy of it to work on.
enum SampleImport {
    /// A new workspace holding SampleData/'s data files and the database and key they were imported with.
    static func run() throws -> CLIWorkspace { try imported.copy() }

    /// Every encounter export, then fees, audits and hours.
    private static let imported = SharedFixture { workspace in
        for name in try SampleDataCLITests.dataFiles() {
            try FileManager.default.copyItem(
                at: Repository.sampleData.appendingPathComponent(name),
                to: URL(fileURLWithPath: workspace.path(name)))
        }
        let encounters = try SampleDataCLITests.dataFiles().filter { $0.hasPrefix("encounters-") }
        for arguments in [
            ["import", "encounters"] + encounters, ["import", "fees", "fee-schedule.csv"],
            ["import", "audits", "audit-findings.csv"], ["import", "hours", "coder-hours.csv"],
        ] {
            let result = try workspace.run(arguments)
            guard result.status == 0 else {
                throw CocoaError(
                    .fileReadUnknown,
                    userInfo: [NSLocalizedDescriptionKey: "\(arguments) exited \(result.status): \(result.stderr)"])
            }
        }
    }
}
