import GRDB

extension CodeAuditDatabase {
    /// The schema, as migrations that are never edited once shipped.
    ///
    /// Codes are TEXT so that `0001U` or `0450` keep their leading zeros; money
    /// is INTEGER cents; days are ISO `YYYY-MM-DD` TEXT; ICD-10-CM codes are
    /// stored without their dot.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: import log and encounters") { db in
            try db.execute(sql: importLogSchema)
            try db.execute(sql: encounterSchema)
        }
        return migrator
    }
}

private let importLogSchema = """
    CREATE TABLE import_batch (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('encounters', 'audits', 'fees', 'hours')),
        file_name TEXT NOT NULL,
        file_size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        encoding TEXT NOT NULL,
        delimiter TEXT NOT NULL,
        header TEXT NOT NULL,
        forced INTEGER NOT NULL CHECK (forced IN (0, 1)),
        rows_read INTEGER NOT NULL DEFAULT 0,
        rows_loaded INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0,
        encounters_replaced INTEGER NOT NULL DEFAULT 0,
        warnings TEXT NOT NULL DEFAULT '',
        started_at TEXT NOT NULL,
        finished_at TEXT,
        tool_version TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_batch_sha256 ON import_batch(sha256);

    CREATE TABLE import_reject (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
        line_number INTEGER NOT NULL,
        column_name TEXT,
        reason TEXT NOT NULL,
        raw_row TEXT NOT NULL
    ) STRICT;
    CREATE INDEX import_reject_batch ON import_reject(batch_id);
    """

private let encounterSchema = """
    CREATE TABLE encounter (
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        service_date TEXT NOT NULL,
        patient_pseudonym TEXT NOT NULL,
        provider TEXT NOT NULL,
        specialty TEXT,
        coder TEXT,
        payer TEXT,
        coded_at TEXT,
        coding_minutes REAL,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id)
    ) STRICT;
    CREATE INDEX encounter_batch ON encounter(batch_id);
    CREATE INDEX encounter_service_date ON encounter(service_date);

    CREATE TABLE encounter_line (
        id INTEGER PRIMARY KEY,
        encounter_id INTEGER NOT NULL REFERENCES encounter(id) ON DELETE CASCADE,
        source_line INTEGER NOT NULL,
        procedure_code TEXT NOT NULL,
        modifier_1 TEXT,
        modifier_2 TEXT,
        modifier_3 TEXT,
        modifier_4 TEXT,
        units INTEGER NOT NULL CHECK (units BETWEEN 1 AND 999),
        place_of_service TEXT,
        charge_cents INTEGER,
        allowed_cents INTEGER,
        paid_cents INTEGER
    ) STRICT;
    CREATE INDEX encounter_line_encounter ON encounter_line(encounter_id);

    CREATE TABLE encounter_diagnosis (
        encounter_id INTEGER NOT NULL REFERENCES encounter(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        PRIMARY KEY (encounter_id, position)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE encounter_replacement (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
        encounter_id INTEGER NOT NULL REFERENCES encounter(id) ON DELETE CASCADE,
        previous_batch_id INTEGER NOT NULL REFERENCES import_batch(id)
    ) STRICT;
    CREATE INDEX encounter_replacement_batch ON encounter_replacement(batch_id);
    CREATE INDEX encounter_replacement_encounter ON encounter_replacement(encounter_id);
    CREATE INDEX encounter_replacement_previous_batch ON encounter_replacement(previous_batch_id);
    """
