/// v9: the CMS NCCI edit tables (SPEC 8), the look-up of a patient's earlier
/// visits that the new-patient edit makes, and risk-based audit samples.
///
/// A PTP edit is keyed by (column 1, column 2, effective date): a later file's
/// row with the same key replaces it (a deletion date may appear), nothing is
/// removed by omission. An MUE value is keyed by (code, effective date): the
/// value in force on a day is the one with the latest effective date on or
/// before it. Neither table holds descriptor text: codes, dates and indicators.
///
/// The indicators' CHECKs compare with `=` rather than `IN (…)`: SQLite (3.40)
/// builds an ephemeral table for an IN list of three values on every insert,
/// which took a third of the time of a 500,000-edit PTP import.
let editsSchema = """
    CREATE TABLE ptp_edit (
        column_1 TEXT NOT NULL,
        column_2 TEXT NOT NULL,
        effective_date TEXT NOT NULL,
        deletion_date TEXT,
        modifier_indicator INTEGER NOT NULL
            CHECK (modifier_indicator = 0 OR modifier_indicator = 1 OR modifier_indicator = 9),
        before_1996 INTEGER NOT NULL CHECK (before_1996 IN (0, 1)),
        rationale TEXT NOT NULL DEFAULT '',
        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
        PRIMARY KEY (column_1, column_2, effective_date),
        CHECK (deletion_date IS NULL OR deletion_date >= effective_date)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX ptp_edit_batch ON ptp_edit(batch_id);

    CREATE TABLE mue_value (
        procedure_code TEXT NOT NULL,
        effective_date TEXT NOT NULL,
        mue_value INTEGER NOT NULL CHECK (mue_value >= 0),
        adjudication_indicator INTEGER NOT NULL CHECK (adjudication_indicator BETWEEN 1 AND 3),
        rationale TEXT NOT NULL DEFAULT '',
        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
        PRIMARY KEY (procedure_code, effective_date)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX mue_value_batch ON mue_value(batch_id);

    CREATE INDEX encounter_patient_day ON encounter(patient_pseudonym, service_date);

    CREATE TABLE audit_sample_new (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        stratified_by TEXT CHECK (stratified_by IN ('coder', 'provider', 'risk')),
        seed INTEGER NOT NULL,
        size_per_stratum INTEGER NOT NULL,
        frame_size INTEGER NOT NULL,
        sample_size INTEGER NOT NULL,
        generator TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO audit_sample_new SELECT * FROM audit_sample;
    DROP TABLE audit_sample;
    ALTER TABLE audit_sample_new RENAME TO audit_sample;
    """
