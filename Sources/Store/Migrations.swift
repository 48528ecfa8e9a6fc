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
        migrator.registerMigration("v2: coder hours, fee schedule, audit findings") { db in
            try db.execute(sql: coderHoursSchema)
            try db.execute(sql: feeScheduleSchema)
            try db.execute(sql: auditSchema)
        }
        migrator.registerMigration("v3: index encounters by work day") { db in
            // Productivity counts an encounter in the month it was coded (the day of
            // coded_at, else the service date): the analytics query uses this expression.
            try db.execute(
                sql: "CREATE INDEX encounter_work_day ON encounter(COALESCE(substr(coded_at, 1, 10), service_date))")
        }
        migrator.registerMigration("v4: audit samples") { db in
            try db.execute(sql: auditSampleSchema)
        }
        migrator.registerMigration("v5: run log") { db in
            try db.execute(sql: runLogSchema)
        }
        migrator.registerMigration("v6: every encounter has a coder and a payer") { db in
            // Imports have always stored UNASSIGNED and UNKNOWN for a blank coder or payer;
            // NOT NULL makes that a guarantee the queries can rely on. SQLite adds NOT NULL
            // only by rebuilding the table (foreign keys are off during a migration).
            try db.execute(sql: encounterNotNullCoderAndPayer)
        }
        migrator.registerMigration("v7: rows replaced by any import") { db in
            // encounters_replaced counted rates, coder-days and audits too; it now counts
            // encounters alone, and rows_replaced counts what any import replaced.
            try db.execute(
                sql: """
                    ALTER TABLE import_batch ADD COLUMN rows_replaced INTEGER NOT NULL DEFAULT 0;
                    UPDATE import_batch SET rows_replaced = encounters_replaced;
                    UPDATE import_batch SET encounters_replaced = 0 WHERE kind <> 'encounters';
                    """)
        }
        migrator.registerMigration("v8: remittances") { db in
            try db.execute(sql: remittanceSchema)
        }
        migrator.registerMigration("v9: NCCI edit tables, patients' earlier visits, risk samples") { db in
            try db.execute(sql: editsSchema)
        }
        migrator.registerMigration("v10: CHECKs of code types, outcomes and adjustment groups without IN lists") { db in
            try db.execute(sql: checkListsSchema)
        }
        migrator.registerMigration("v11: month summaries kept by the imports") { db in
            try db.execute(sql: monthSummarySchema)
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

private let encounterNotNullCoderAndPayer = """
    CREATE TABLE encounter_new (
        id INTEGER PRIMARY KEY,
        external_id TEXT NOT NULL UNIQUE,
        service_date TEXT NOT NULL,
        patient_pseudonym TEXT NOT NULL,
        provider TEXT NOT NULL,
        specialty TEXT,
        coder TEXT NOT NULL,
        payer TEXT NOT NULL,
        coded_at TEXT,
        coding_minutes REAL,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id)
    ) STRICT;
    INSERT INTO encounter_new (id, external_id, service_date, patient_pseudonym, provider, specialty, coder, payer,
                               coded_at, coding_minutes, batch_id)
    SELECT id, external_id, service_date, patient_pseudonym, provider, specialty, COALESCE(coder, 'UNASSIGNED'),
           COALESCE(payer, 'UNKNOWN'), coded_at, coding_minutes, batch_id
    FROM encounter;
    DROP TABLE encounter;
    ALTER TABLE encounter_new RENAME TO encounter;
    CREATE INDEX encounter_batch ON encounter(batch_id);
    CREATE INDEX encounter_service_date ON encounter(service_date);
    CREATE INDEX encounter_work_day ON encounter(COALESCE(substr(coded_at, 1, 10), service_date));
    """

/// Hours in hundredths (7.25 hours = 725), so that sums are exact.
private let coderHoursSchema = """
    CREATE TABLE coder_hours (
        id INTEGER PRIMARY KEY,
        coder TEXT NOT NULL,
        work_date TEXT NOT NULL,
        centihours INTEGER NOT NULL CHECK (centihours > 0 AND centihours <= 2400),
        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
        UNIQUE (coder, work_date)
    ) STRICT;
    CREATE INDEX coder_hours_batch ON coder_hours(batch_id);
    CREATE INDEX coder_hours_work_date ON coder_hours(work_date);
    """

/// `payer` '*' is any payer without its own rate; `modifier` '' is any
/// modifier; `effective_to` NULL is open-ended.
private let feeScheduleSchema = """
    CREATE TABLE fee_rate (
        id INTEGER PRIMARY KEY,
        payer TEXT NOT NULL,
        procedure_code TEXT NOT NULL,
        modifier TEXT NOT NULL DEFAULT '',
        amount_cents INTEGER NOT NULL,
        effective_from TEXT NOT NULL,
        effective_to TEXT,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
    ) STRICT;
    CREATE INDEX fee_rate_lookup ON fee_rate(procedure_code, payer, modifier, effective_from);
    CREATE INDEX fee_rate_batch ON fee_rate(batch_id);
    """

private let auditSchema = """
    CREATE TABLE audit_finding (
        id INTEGER PRIMARY KEY,
        encounter_id INTEGER NOT NULL REFERENCES encounter(id) ON DELETE CASCADE,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
        source_line INTEGER NOT NULL,
        auditor TEXT NOT NULL,
        audit_date TEXT NOT NULL,
        code_type TEXT NOT NULL CHECK (code_type IN ('CPT', 'HCPCS', 'ICD10', 'MOD')),
        submitted_code TEXT,
        audited_code TEXT,
        submitted_units INTEGER,
        audited_units INTEGER,
        category TEXT,
        comment TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('agree', 'revised', 'deleted', 'added')),
        CHECK (submitted_code IS NOT NULL OR audited_code IS NOT NULL)
    ) STRICT;
    CREATE INDEX audit_finding_encounter ON audit_finding(encounter_id);
    CREATE INDEX audit_finding_batch ON audit_finding(batch_id);

    CREATE TABLE audit_replacement (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
        encounter_id INTEGER NOT NULL REFERENCES encounter(id) ON DELETE CASCADE,
        previous_batch_id INTEGER NOT NULL REFERENCES import_batch(id)
    ) STRICT;
    CREATE INDEX audit_replacement_batch ON audit_replacement(batch_id);
    CREATE INDEX audit_replacement_encounter ON audit_replacement(encounter_id);
    CREATE INDEX audit_replacement_previous_batch ON audit_replacement(previous_batch_id);
    """

/// An audit sample (SPEC 6): the frame it was drawn from, how, and with what
/// generator, so that the same draw can be repeated from the seed. `spare` rows
/// are the next draws of a stratum, kept to replace an encounter that cannot be audited.
private let auditSampleSchema = """
    CREATE TABLE audit_sample (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        stratified_by TEXT CHECK (stratified_by IN ('coder', 'provider')),
        seed INTEGER NOT NULL,
        size_per_stratum INTEGER NOT NULL,
        frame_size INTEGER NOT NULL,
        sample_size INTEGER NOT NULL,
        generator TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_sample_encounter (
        sample_id INTEGER NOT NULL REFERENCES audit_sample(id) ON DELETE CASCADE,
        encounter_id INTEGER NOT NULL REFERENCES encounter(id),
        stratum TEXT NOT NULL,
        stratum_frame_size INTEGER NOT NULL,
        draw_order INTEGER NOT NULL,
        spare INTEGER NOT NULL CHECK (spare IN (0, 1)),
        PRIMARY KEY (sample_id, encounter_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX audit_sample_encounter_encounter ON audit_sample_encounter(encounter_id);
    """

/// Every command that touched the database, failures included; never a PHI
/// value (paths, sizes, hashes and counts only). `inputs` and `outputs` are
/// JSON arrays of `{"path", "size", "sha256"}`.
private let runLogSchema = """
    CREATE TABLE run_log (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        user TEXT NOT NULL,
        host TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        command TEXT NOT NULL,
        arguments TEXT NOT NULL,
        inputs TEXT NOT NULL,
        outputs TEXT NOT NULL,
        rows_read INTEGER NOT NULL,
        rows_loaded INTEGER NOT NULL,
        rows_rejected INTEGER NOT NULL,
        exit_code INTEGER NOT NULL
    ) STRICT;
    """
