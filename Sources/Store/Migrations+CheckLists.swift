/// v10: the CHECKs on an audit finding's code type and outcome and on a
/// remittance adjustment's group code compare with `=` rather than `IN (…)`.
///
/// SQLite (3.40) evaluates an `IN` list of three or more values in a CHECK by
/// building an ephemeral table of them on every insert: for an 835 that was
/// more than half of the import's work, as it was for the PTP edits (v9). The
/// values admitted are the same; SQLite changes a CHECK only by rebuilding the
/// table (foreign keys are off during a migration), so the rows are copied
/// with their ids and the indexes made again.
let checkListsSchema = """
    CREATE TABLE audit_finding_new (
        id INTEGER PRIMARY KEY,
        encounter_id INTEGER NOT NULL REFERENCES encounter(id) ON DELETE CASCADE,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id),
        source_line INTEGER NOT NULL,
        auditor TEXT NOT NULL,
        audit_date TEXT NOT NULL,
        code_type TEXT NOT NULL
            CHECK (code_type = 'CPT' OR code_type = 'HCPCS' OR code_type = 'ICD10' OR code_type = 'MOD'),
        submitted_code TEXT,
        audited_code TEXT,
        submitted_units INTEGER,
        audited_units INTEGER,
        category TEXT,
        comment TEXT,
        outcome TEXT NOT NULL
            CHECK (outcome = 'agree' OR outcome = 'revised' OR outcome = 'deleted' OR outcome = 'added'),
        CHECK (submitted_code IS NOT NULL OR audited_code IS NOT NULL)
    ) STRICT;
    INSERT INTO audit_finding_new SELECT * FROM audit_finding;
    DROP TABLE audit_finding;
    ALTER TABLE audit_finding_new RENAME TO audit_finding;
    CREATE INDEX audit_finding_encounter ON audit_finding(encounter_id);
    CREATE INDEX audit_finding_batch ON audit_finding(batch_id);

    CREATE TABLE remittance_adjustment_new (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES remittance_claim(id) ON DELETE CASCADE,
        line_id INTEGER REFERENCES remittance_line(id) ON DELETE CASCADE,
        group_code TEXT NOT NULL
            CHECK (group_code = 'CO' OR group_code = 'PR' OR group_code = 'OA' OR group_code = 'PI' OR group_code = 'CR'),
        reason_code TEXT NOT NULL,
        amount_cents INTEGER NOT NULL
    ) STRICT;
    INSERT INTO remittance_adjustment_new SELECT * FROM remittance_adjustment;
    DROP TABLE remittance_adjustment;
    ALTER TABLE remittance_adjustment_new RENAME TO remittance_adjustment;
    CREATE INDEX remittance_adjustment_claim ON remittance_adjustment(claim_id);
    CREATE INDEX remittance_adjustment_line ON remittance_adjustment(line_id);
    """
