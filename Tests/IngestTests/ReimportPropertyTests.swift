import CSVOutput
import Foundation
import GRDB
import Ingest
import PropertyBased
import Store
import TestSupport
import Testing

/// SPEC 3.1 and 4: importing a file, the same file again, then a corrected version of it leaves
/// exactly the batches, encounters, lines, replacements and rejects that the rules predict.
@Suite struct ReimportPropertyTests {
    @Test func fileAgainThenCorrectedFileGiveTheExpectedCounts() async {
        await propertyCheck(count: 60, input: ReimportScenario.generator) { scenario in
            // Given a store, file A (some lines bad), and A′ (bad lines fixed, some encounters changed,
            // some left out, some new)
            let workspace = try TestWorkspace()
            let fileA = try scenario.write(scenario.original, to: workspace.folder.appendingPathComponent("a.csv").path)
            let fileB = try scenario.write(
                scenario.corrected, to: workspace.folder.appendingPathComponent("a-corrected.csv").path)
            let expected = scenario.expected

            // When A is imported
            let first = try workspace.importEncounters(fileA)
            // Then its good lines load, its bad lines are rejects, and nothing is replaced
            #expect(first.counts == expected.first)
            #expect(try workspace.counts() == expected.afterFirst)

            // When A is imported again
            let second = try workspace.importEncounters(fileA)
            // Then nothing happens, and the import says it was done before
            #expect(second.alreadyImportedAs?.id == first.batchID)
            #expect(second.batchID == nil)
            #expect(try workspace.counts() == expected.afterFirst)

            // When the corrected A′ is imported
            let third = try workspace.importEncounters(fileB)
            // Then its encounters that were stored are replaced, the others added, and what A′ left out stays;
            // an A′ that corrects nothing is the same file, which was imported already
            if try Data(contentsOf: URL(fileURLWithPath: fileA)) == Data(contentsOf: URL(fileURLWithPath: fileB)) {
                #expect(third.alreadyImportedAs?.id == first.batchID)
                #expect(try workspace.counts() == expected.afterFirst)
            } else {
                #expect(third.counts == expected.third)
                #expect(try workspace.counts() == expected.afterThird)
                #expect(try workspace.storedProviders() == expected.providers)
            }
        }
    }
}

/// An encounter of a generated file: its id, provider, patient and lines (true = a good line).
struct ScenarioEncounter: Sendable {
    var id: String
    var provider: String
    var patient: String
    var lines: [Bool]
}

/// A file A and its correction A′.
struct ReimportScenario: Sendable, CustomStringConvertible {
    var original: [ScenarioEncounter]
    var corrected: [ScenarioEncounter]

    var description: String { "A: \(original)\nA′: \(corrected)" }

    static let generator = Generator<ReimportScenario, Shrink.None<ReimportScenario>> { rng in
        var used = Set<String>()
        func freshID() -> String {
            while true {
                let id = TextGen.value.run(using: &rng)
                if used.insert(TextGen.trimmed(id)).inserted { return id }
            }
        }
        func encounter(allGood: Bool) -> ScenarioEncounter {
            ScenarioEncounter(
                id: freshID(), provider: TextGen.value.run(using: &rng), patient: TextGen.value.run(using: &rng),
                lines: (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                    allGood || Int.random(in: 0..<4, using: &rng) > 0
                })
        }
        let original = (0..<Int.random(in: 1...8, using: &rng)).map { _ in encounter(allGood: false) }
        var corrected: [ScenarioEncounter] = []
        for var item in original {
            switch Int.random(in: 0..<3, using: &rng) {
            case 0:  // the same encounter, its bad lines fixed
                item.lines = item.lines.map { _ in true }
                corrected.append(item)
            case 1:  // changed: another provider and another number of lines
                item.provider = TextGen.value.run(using: &rng)
                item.lines = (0..<Int.random(in: 1...3, using: &rng)).map { _ in true }
                corrected.append(item)
            default:  // left out of A′
                break
            }
        }
        corrected += (0..<Int.random(in: 0...3, using: &rng)).map { _ in encounter(allGood: true) }
        return ReimportScenario(original: original, corrected: corrected.shuffled(using: &rng))
    }

    /// Writes encounters as a canonical export: a bad line has a procedure code that is not CPT-shaped.
    func write(_ encounters: [ScenarioEncounter], to path: String) throws -> String {
        let writer = try CSVWriter(path: path, bom: false)
        try writer.write([
            "encounter_id", "service_date", "patient_id", "provider", "procedure_code", "diagnosis_codes",
        ])
        for encounter in encounters {
            for (index, good) in encounter.lines.enumerated() {
                try writer.write([
                    encounter.id, "2026-10-01", encounter.patient, encounter.provider,
                    good ? ["99213", "36415", "0001U"][index] : "9921", "E11.9",
                ])
            }
        }
        try writer.close()
        return path
    }

    /// What the store must hold after each import, by the rules of SPEC 3.1 and 4.
    var expected: Expected {
        func key(_ encounter: ScenarioEncounter) -> String { TextGen.trimmed(encounter.id) }
        let storedByA = original.filter { $0.lines.contains(true) }
        let storedKeys = Set(storedByA.map(key))
        let goodA = original.flatMap(\.lines).filter { $0 }.count
        let badA = original.flatMap(\.lines).count - goodA
        let linesB = corrected.flatMap(\.lines).count
        let replaced = corrected.filter { storedKeys.contains(key($0)) }.count
        let correctedKeys = Set(corrected.map(key))
        let kept = storedByA.filter { !correctedKeys.contains(key($0)) }
        var providers: [String: String] = [:]
        for encounter in kept + corrected { providers[key(encounter)] = TextGen.trimmed(encounter.provider) }
        return Expected(
            first: ImportBatchCounts(rowsRead: goodA + badA, rowsLoaded: goodA, rowsRejected: badA),
            afterFirst: StoreCounts(
                batches: 1, encounters: storedByA.count, lines: goodA, replacements: 0, rejects: badA),
            third: ImportBatchCounts(
                rowsRead: linesB, rowsLoaded: linesB, rowsRejected: 0, rowsReplaced: replaced),
            afterThird: StoreCounts(
                batches: 2, encounters: kept.count + corrected.count,
                lines: kept.flatMap(\.lines).filter { $0 }.count + linesB, replacements: replaced, rejects: badA),
            providers: providers)
    }

    struct Expected {
        var first: ImportBatchCounts
        var afterFirst: StoreCounts
        var third: ImportBatchCounts
        var afterThird: StoreCounts
        /// Each stored encounter's provider, by encounter id.
        var providers: [String: String]
    }
}

/// The rows of the store that an import's rules decide.
struct StoreCounts: Equatable {
    var batches: Int
    var encounters: Int
    var lines: Int
    var replacements: Int
    var rejects: Int
}

extension TestWorkspace {
    func counts() throws -> StoreCounts {
        try read { db in
            StoreCounts(
                batches: try db.rowCount("import_batch"), encounters: try db.rowCount("encounter"),
                lines: try db.rowCount("encounter_line"), replacements: try db.rowCount("encounter_replacement"),
                rejects: try db.rowCount("import_reject"))
        }
    }

    func storedProviders() throws -> [String: String] {
        try read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT external_id, provider FROM encounter").map {
                    ($0["external_id"] as String, $0["provider"] as String)
                })
        }
    }
}
