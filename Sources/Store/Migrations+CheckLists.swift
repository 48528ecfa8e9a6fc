/// v10: the CHECKs on an audit finding's code type and outcome and on a
/// remittance adjustment's group code compare with `=` rather than `IN (…)`.
///
/// SQLite (3.40) evaluates an `IN` list of three or more values in a CHECK by
/// building an ephemeral table of them on every insert: for an 835 that was
/// more than half of the import's work, as it was for the PTP edits (v9). The
/// values admitted are the same; SQLite changes a CHECK only by rebuilding the
/// table (foreign keys are off during a migration), so the rows are copied
/// with their ids and the indexes made again.
let checkListsSchema =
    rebuilt(
        "audit_finding",
        columns: """
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
            """,
        indexes: ["audit_finding_encounter": "encounter_id", "audit_finding_batch": "batch_id"])
    + rebuilt(
        "remittance_adjustment",
        columns: """
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES remittance_claim(id) ON DELETE CASCADE,
            line_id INTEGER REFERENCES remittance_line(id) ON DELETE CASCADE,
            group_code TEXT NOT NULL
                CHECK (group_code = 'CO' OR group_code = 'PR' OR group_code = 'OA' OR group_code = 'PI' OR group_code = 'CR'),
            reason_code TEXT NOT NULL,
            amount_cents INTEGER NOT NULL
            """,
        indexes: ["remittance_adjustment_claim": "claim_id", "remittance_adjustment_line": "line_id"])

/// `table` made again as a STRICT table of `columns` (the same columns, in the
/// same order), its rows copied with their ids, and its indexes (name: column)
/// made again.
private func rebuilt(_ table: String, columns: String, indexes: KeyValuePairs<String, String>) -> String {
    """
    CREATE TABLE \(table)_new (
    \(columns)
    ) STRICT;
    INSERT INTO \(table)_new SELECT * FROM \(table);
    DROP TABLE \(table);
    ALTER TABLE \(table)_new RENAME TO \(table);

    """ + indexes.map { "CREATE INDEX \($0.key) ON \(table)(\($0.value));\n" }.joined()
}
