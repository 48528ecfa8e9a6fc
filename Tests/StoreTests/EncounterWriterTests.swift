import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

/// The encounter writer holds lines and diagnoses back to insert many in one
/// statement: what it stores, and in which order, must not show it.
@Suite struct EncounterWriterTests {
    static let start = ImportBatchStart(
        kind: .encounters, fileName: "e.csv", fileSize: 1, sha256: "abc", encoding: "UTF-8", delimiter: "comma",
        header: "encounter_id", forced: false, startedAt: "2026-11-01T00:00:00Z", toolVersion: "test")

    static func fields(_ day: Int) -> EncounterFields {
        EncounterFields(
            serviceDate: String(format: "2026-10-%02d", day), patientPseudonym: "p", provider: "DR", coder: "C",
            payer: "P")
    }

    static func line(_ number: Int) -> EncounterLineValues {
        EncounterLineValues(
            sourceLine: number, procedureCode: "99213", modifiers: number.isMultiple(of: 3) ? ["25", "59"] : [],
            units: 1 + number % 3, placeOfService: number.isMultiple(of: 2) ? "11" : nil,
            chargeCents: Int64(number * 100), allowedCents: nil, paidCents: number.isMultiple(of: 5) ? 0 : 7)
    }

    @Test func heldBackRowsAreStoredInOrderAndReadBeforeTheCommit() throws {
        // Given an import of 25 encounters with 3 lines and 2 diagnoses each (75 lines and 50 diagnoses: more
        // than two statements' worth, and a part of one)
        let folder = try TemporaryFolder()
        let database = try CodeAuditDatabase(path: folder.path("codeaudit.sqlite"))
        let seen = try database.importing { session -> StoredEncounter? in
            let batch = try session.beginBatch(Self.start)
            let writer = session.encounters
            var sourceLine = 2
            for number in 1...25 {
                let id = try #require(
                    try writer.insertIfNew(externalID: "E\(number)", fields: Self.fields(number), batchID: batch))
                try writer.insert(diagnoses: ["I10"], from: 0, encounterID: id)
                for _ in 1...3 {
                    try writer.insert(line: Self.line(sourceLine), encounterID: id)
                    sourceLine += 1
                }
                try writer.insert(diagnoses: ["E119"], from: 1, encounterID: id)
            }
            // When an encounter is read back before the import commits
            return try writer.encounter(externalID: "E25")
        }
        // Then it has both diagnoses, the last ones given
        #expect(seen?.diagnosisCodes == ["I10", "E119"])
        // and after the commit every line is stored, in the order given, with every value as given
        let lines = try database.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, encounter_id, source_line, procedure_code, modifier_1, modifier_2, modifier_3, units,
                           place_of_service, charge_cents, allowed_cents, paid_cents
                    FROM encounter_line ORDER BY id
                    """)
        }
        #expect(lines.count == 75)
        for (index, row) in lines.enumerated() {
            let expected = Self.line(index + 2)
            #expect(row["id"] == Int64(index + 1))
            #expect(row["encounter_id"] == Int64(index / 3 + 1))
            #expect(row["source_line"] == expected.sourceLine)
            #expect(row["procedure_code"] == expected.procedureCode)
            #expect(row["modifier_1"] == expected.modifiers.first)
            #expect(row["modifier_2"] == expected.modifiers.dropFirst().first)
            #expect(row["modifier_3"] == String?.none)
            #expect(row["units"] == expected.units)
            #expect(row["place_of_service"] == expected.placeOfService)
            #expect(row["charge_cents"] == expected.chargeCents)
            #expect(row["allowed_cents"] == Int64?.none)
            #expect(row["paid_cents"] == expected.paidCents)
        }
        // and every diagnosis at its position
        let diagnoses = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT encounter_id, position, code FROM encounter_diagnosis ORDER BY 1, 2")
        }
        #expect(diagnoses.count == 50)
        #expect(diagnoses.map { $0["code"] as String } == Array(repeating: ["I10", "E119"], count: 25).flatMap { $0 })
        #expect(diagnoses.map { $0["position"] as Int } == Array(repeating: [0, 1], count: 25).flatMap { $0 })
    }

    @Test func aReplacedEncounterLosesItsRowsAndKeepsTheNewOnes() throws {
        // Given an encounter stored by one import
        let folder = try TemporaryFolder()
        let database = try CodeAuditDatabase(path: folder.path("codeaudit.sqlite"))
        try database.importing { session in
            let batch = try session.beginBatch(Self.start)
            let id = try #require(
                try session.encounters.insertIfNew(externalID: "E1", fields: Self.fields(1), batchID: batch))
            try session.encounters.insert(diagnoses: ["I10"], from: 0, encounterID: id)
            try session.encounters.insert(line: Self.line(2), encounterID: id)
        }
        // When a second import holds back rows of another encounter, then replaces the first
        try database.importing { session in
            var start = Self.start
            start.sha256 = "def"
            let batch = try session.beginBatch(start)
            let writer = session.encounters
            let other = try #require(try writer.insertIfNew(externalID: "E2", fields: Self.fields(2), batchID: batch))
            try writer.insert(diagnoses: ["Z0000"], from: 0, encounterID: other)
            try writer.insert(line: Self.line(3), encounterID: other)
            let stored = try #require(try writer.encounter(externalID: "E1"))
            try writer.replace(stored, fields: Self.fields(3), batchID: batch)
            try writer.insert(diagnoses: ["E119"], from: 0, encounterID: stored.id)
            try writer.insert(line: Self.line(4), encounterID: stored.id)
        }
        // Then the first encounter has only its new line and diagnosis, and the other keeps its own
        let rows = try database.writer.read { db in
            (
                lines: try Row.fetchAll(db, sql: "SELECT encounter_id, source_line FROM encounter_line ORDER BY id")
                    .map { [$0[0] as Int64, $0[1] as Int64] },
                diagnoses: try Row.fetchAll(db, sql: "SELECT encounter_id, code FROM encounter_diagnosis ORDER BY 1")
                    .map { "\($0[0] as Int64) \($0[1] as String)" }
            )
        }
        #expect(rows.lines == [[2, 3], [1, 4]])
        #expect(rows.diagnoses == ["1 E119", "2 Z0000"])
    }

    static func schema(_ database: CodeAuditDatabase) throws -> [String] {
        try database.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT type || ' ' || name || ' ' || IFNULL(sql, '') FROM sqlite_schema ORDER BY name")
        }
    }

    static func encounterIndexes(_ db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_schema
                WHERE type = 'index' AND tbl_name IN ('encounter', 'encounter_line') ORDER BY name
                """)
    }

    /// Imports 40 encounters of one line each in one session, its first-load indexes set aside;
    /// `during` sees the session's connection before the commit.
    static func load(_ database: CodeAuditDatabase, sha256: String, during: (Database) throws -> Void) throws {
        try database.importing { session in
            var start = Self.start
            start.sha256 = sha256
            let batch = try session.beginBatch(start)
            let writer = session.encounters
            try session.setAsideIndexes(forFirstLoadOf: .encounters)
            for number in 1...40 {
                let id = try #require(
                    try writer.insertIfNew(
                        externalID: "\(sha256)\(number)", fields: Self.fields(1 + number % 28), batchID: batch))
                try writer.insert(diagnoses: ["I10"], from: 0, encounterID: id)
                try writer.insert(line: Self.line(number + 1), encounterID: id)
            }
            try during(writer.connection)
        }
    }

    @Test func aFirstLoadBuildsTheIndexesItSetAsideAsTheyWere() throws {
        // Given a store that holds no encounter, and its schema
        let folder = try TemporaryFolder()
        let database = try CodeAuditDatabase(path: folder.path("codeaudit.sqlite"))
        let before = try Self.schema(database)
        // When a first load runs, the indexes of the encounter tables but their unique key are set aside while
        // it runs
        var during: [String] = []
        try Self.load(database, sha256: "a") { during = try Self.encounterIndexes($0) }
        #expect(during == ["sqlite_autoindex_encounter_1"])
        // Then once it has committed, the schema is as it was, index for index
        #expect(try Self.schema(database) == before)
        // and each index holds every row: the store checks whole, and a look-up through an index finds the rows
        let check = try database.writer.read { db in
            (
                integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                byServiceDate: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM encounter INDEXED BY encounter_service_date WHERE service_date > ''"),
                byEncounter: try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM encounter_line INDEXED BY encounter_line_encounter WHERE encounter_id > 0
                        """)
            )
        }
        #expect(check.integrity == ["ok"])
        #expect(check.byServiceDate == 40 && check.byEncounter == 40)
        // and a second load, into a store that holds encounters, keeps every index in place
        try Self.load(database, sha256: "b") { during = try Self.encounterIndexes($0) }
        #expect(during.count == 7)
        #expect(try Self.schema(database) == before)
    }

    @Test func aFirstLoadRolledBackLeavesEveryIndex() throws {
        // Given a store that holds no encounter
        let folder = try TemporaryFolder()
        let database = try CodeAuditDatabase(path: folder.path("codeaudit.sqlite"))
        let before = try Self.schema(database)
        // When a first load fails before it commits
        struct Failure: Error {}
        #expect(throws: Failure.self) { try Self.load(database, sha256: "a") { _ in throw Failure() } }
        // Then the store holds no encounter and every index
        #expect(try Self.schema(database) == before)
        #expect(try database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM encounter") } == 0)
    }
}
