import Foundation
import GRDB
import TestSupport
import Testing

@testable import Store

/// Stores made by earlier versions open with their data carried over.
@Suite struct MigrationTests {
    @Test func storeOfVersion5GetsNotNullCoderAndPayerAndRowsReplaced() throws {
        // Given a store at v5 whose encounter has no coder or payer, and a fee import that replaced 2 rates
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        let queue = try DatabaseQueue(path: path)
        try CodeAuditDatabase.migrator.migrate(queue, upTo: "v5: run log")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_batch (id, kind, file_name, file_size, sha256, encoding, delimiter, header,
                                              forced, encounters_replaced, started_at, tool_version)
                    VALUES (1, 'encounters', 'e.csv', 1, 'a', 'UTF-8', 'comma', 'h', 0, 3, 't', 'v'),
                           (2, 'fees', 'f.csv', 1, 'b', 'UTF-8', 'comma', 'h', 0, 2, 't', 'v');
                    INSERT INTO encounter (id, external_id, service_date, patient_pseudonym, provider, coder, payer,
                                           batch_id)
                    VALUES (7, 'E1', '2026-10-01', 'p', 'Dr A', NULL, NULL, 1),
                           (8, 'E2', '2026-10-02', 'p', 'Dr A', 'jlee', 'Aetna', 1);
                    INSERT INTO encounter_line (encounter_id, source_line, procedure_code, units) VALUES (7, 2, '99213', 1);
                    INSERT INTO encounter_diagnosis (encounter_id, position, code) VALUES (7, 0, 'E119');
                    """)
        }

        // When the current version opens it
        _ = try CodeAuditDatabase(path: path)

        // Then the encounters keep their ids and children, with the defaults the imports store
        try readDatabase(at: path) { db in
            #expect(
                try String.fetchAll(db, sql: "SELECT id || ' ' || coder || ' ' || payer FROM encounter ORDER BY id")
                    == ["7 UNASSIGNED UNKNOWN", "8 jlee Aetna"])
            #expect(
                try String.fetchAll(db, sql: "SELECT encounter_id || ' ' || procedure_code FROM encounter_line") == [
                    "7 99213"
                ])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let notNull = try Row.fetchAll(db, sql: "SELECT name, \"notnull\" FROM pragma_table_info('encounter')")
                .filter { ["coder", "payer"].contains($0["name"] as String) }.map { $0["notnull"] as Int }
            #expect(notNull == [1, 1])
            #expect(
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE tbl_name = 'encounter' AND type = 'index' AND sql IS NOT NULL ORDER BY name"
                )
                    == [
                        "encounter_batch", "encounter_external_id_nocase", "encounter_patient_day",
                        "encounter_service_date",
                        "encounter_work_day",
                    ])
            // and encounters_replaced counts encounters alone, rows_replaced every kind
            #expect(
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT kind || ' ' || encounters_replaced || ' ' || rows_replaced FROM import_batch ORDER BY id"
                )
                    == ["encounters 3 3", "fees 0 2"])
        }
    }

    @Test func storeOfVersion8KeepsItsSamplesAndTakesRiskSamples() throws {
        // Given a store at v8 with a sample stratified by coder
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        let queue = try DatabaseQueue(path: path)
        try CodeAuditDatabase.migrator.migrate(queue, upTo: "v8: remittances")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_batch (id, kind, file_name, file_size, sha256, encoding, delimiter, header,
                                              forced, started_at, tool_version)
                    VALUES (1, 'encounters', 'e.csv', 1, 'a', 'UTF-8', 'comma', 'h', 0, 't', 'v');
                    INSERT INTO encounter (id, external_id, service_date, patient_pseudonym, provider, coder, payer,
                                           batch_id)
                    VALUES (7, 'E1', '2026-10-01', 'p', 'Dr A', 'jlee', 'Aetna', 1);
                    INSERT INTO audit_sample (id, month, stratified_by, seed, size_per_stratum, frame_size,
                                              sample_size, generator, created_at)
                    VALUES (3, '2026-10', 'coder', 42, 1, 1, 1, 'g', 't');
                    INSERT INTO audit_sample_encounter (sample_id, encounter_id, stratum, stratum_frame_size,
                                                        draw_order, spare)
                    VALUES (3, 7, 'jlee', 1, 1, 0);
                    """)
        }
        // When the current version opens it
        let database = try CodeAuditDatabase(path: path)
        // Then the sample and its encounter are kept, and a risk sample can be stored
        try database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO audit_sample (month, stratified_by, seed, size_per_stratum, frame_size, sample_size,
                                              generator, created_at)
                    VALUES ('2026-10', 'risk', 1, 1, 1, 1, 'g', 't')
                    """)
        }
        try readDatabase(at: path) { (db: Database) throws -> Void in
            #expect(
                try String.fetchAll(db, sql: "SELECT id || ' ' || stratified_by FROM audit_sample ORDER BY id")
                    == ["3 coder", "4 risk"])
            #expect(try String.fetchAll(db, sql: "SELECT stratum FROM audit_sample_encounter") == ["jlee"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func storeOfVersion9KeepsItsFindingsAndAdjustmentsUnderTheSameChecks() throws {
        // Given a store at v9 with an audit finding and a remittance adjustment
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        let queue = try DatabaseQueue(path: path)
        try CodeAuditDatabase.migrator.migrate(
            queue, upTo: "v9: NCCI edit tables, patients' earlier visits, risk samples")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_batch (id, kind, file_name, file_size, sha256, encoding, delimiter, header,
                                              forced, started_at, tool_version)
                    VALUES (1, 'encounters', 'e.csv', 1, 'a', 'UTF-8', 'comma', 'h', 0, 't', 'v'),
                           (2, 'remittances', 'r.835', 1, 'b', 'UTF-8', 'X12', 'h', 0, 't', 'v');
                    INSERT INTO encounter (id, external_id, service_date, patient_pseudonym, provider, coder, payer,
                                           batch_id)
                    VALUES (7, 'E1', '2026-10-01', 'p', 'Dr A', 'jlee', 'Aetna', 1);
                    INSERT INTO audit_finding (id, encounter_id, batch_id, source_line, auditor, audit_date, code_type,
                                               submitted_code, audited_code, outcome)
                    VALUES (5, 7, 1, 2, 'R. Patel', '2026-11-02', 'CPT', '99214', '99213', 'revised');
                    INSERT INTO remittance_payment (id, batch_id, first_segment, control_number, trace_number,
                                                    payer_id, payer_name, paid_cents, method)
                    VALUES (1, 2, 1, '0001', 'T1', 'P1', 'Aetna', 0, 'CHK');
                    INSERT INTO remittance_claim (id, payment_id, patient_control_number, status, charge_cents,
                                                  paid_cents)
                    VALUES (3, 1, 'E1', '1', 100, 0);
                    INSERT INTO remittance_adjustment (id, claim_id, line_id, group_code, reason_code, amount_cents)
                    VALUES (9, 3, NULL, 'CO', '45', 100);
                    """)
        }
        // When the current version opens it
        let database = try CodeAuditDatabase(path: path)
        // Then the rows are kept with their ids
        try readDatabase(at: path) { (db: Database) throws -> Void in
            #expect(
                try String.fetchAll(db, sql: "SELECT id || ' ' || code_type || ' ' || outcome FROM audit_finding")
                    == ["5 CPT revised"])
            #expect(
                try String.fetchAll(db, sql: "SELECT id || ' ' || group_code FROM remittance_adjustment") == ["9 CO"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(
                try Set(
                    String.fetchAll(
                        db,
                        sql: """
                            SELECT name FROM sqlite_schema WHERE type = 'index'
                              AND tbl_name IN ('audit_finding', 'remittance_adjustment')
                            """))
                    == [
                        "audit_finding_encounter", "audit_finding_batch", "remittance_adjustment_claim",
                        "remittance_adjustment_line",
                    ])
        }
        // And the checks still refuse what they refused
        for statement in [
            "UPDATE audit_finding SET code_type = 'cpt'", "UPDATE audit_finding SET outcome = 'agreed'",
            "UPDATE remittance_adjustment SET group_code = 'XX'",
        ] {
            #expect(throws: DatabaseError.self) { try database.writer.write { try $0.execute(sql: statement) } }
        }
        try database.writer.write { db in
            try db.execute(sql: "UPDATE audit_finding SET code_type = 'MOD', outcome = 'added'")
            try db.execute(sql: "UPDATE remittance_adjustment SET group_code = 'PI'")
        }
    }

    @Test func rowsWrittenOneByOneAreCheckedWithoutATemporaryTable() throws {
        // Given a new store
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        let database = try CodeAuditDatabase(path: path)
        // When SQLite plans the inserts an import runs for every row
        let inserts = [
            """
            INSERT INTO audit_finding (encounter_id, batch_id, source_line, auditor, audit_date, code_type,
                                       submitted_code, outcome) VALUES (1, 1, 2, 'a', 'd', 'CPT', '99213', 'agree')
            """,
            """
            INSERT INTO remittance_adjustment (claim_id, line_id, group_code, reason_code, amount_cents)
            VALUES (1, NULL, 'CO', '45', 100)
            """,
            """
            INSERT INTO ptp_edit (column_1, column_2, effective_date, modifier_indicator, before_1996, batch_id)
            VALUES ('99213', '36415', '2026-01-01', 1, 0, 1)
            """,
            """
            INSERT INTO encounter_line (encounter_id, source_line, procedure_code, units) VALUES (1, 2, '99213', 1)
            """,
        ]
        // (and, to show that the plan reveals it, the import log's, written once an import, whose
        // kind is still checked against an IN list)
        let control = """
            INSERT INTO import_batch (kind, file_name, file_size, sha256, encoding, delimiter, header, forced,
                                      started_at, tool_version) VALUES ('fees', 'f', 1, 's', 'e', 'd', 'h', 0, 't', 'v')
            """
        // (on the store's own writer: a read-only connection plans no CHECK at all)
        let (plans, controlPlan) = try database.writer.write { db in
            let plan = { (insert: String) in
                try Row.fetchAll(db, sql: "EXPLAIN " + insert).map { $0["opcode"] as String }
            }
            return (try inserts.map(plan), try plan(control))
        }
        #expect(controlPlan.contains("OpenEphemeral"))
        // Then no CHECK builds a temporary table of its values (SQLite 3.40 does for an IN list of 3 or more)
        for (insert, plan) in zip(inserts, plans) {
            #expect(plan.contains { $0.hasSuffix("Insert") } && !plan.contains("OpenEphemeral"), "\(insert)")
        }
    }

    @Test func encounterWithoutCoderOrPayerCannotBeStored() throws {
        // Given a new store with a batch
        let folder = try TemporaryFolder()
        let path = folder.path("codeaudit.sqlite")
        let database = try CodeAuditDatabase(path: path)
        // When an encounter without a coder is written outside an import
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO import_batch (id, kind, file_name, file_size, sha256, encoding, delimiter, header,
                                                  forced, started_at, tool_version)
                        VALUES (1, 'encounters', 'e.csv', 1, 'a', 'UTF-8', 'comma', 'h', 0, 't', 'v');
                        INSERT INTO encounter (external_id, service_date, patient_pseudonym, provider, coder, payer,
                                               batch_id)
                        VALUES ('E1', '2026-10-01', 'p', 'Dr A', NULL, 'Aetna', 1);
                        """)
            }
        }
        // Then the schema refused it
    }
}
