/// v8: X12 835 remittances (SPEC 9), and every import kind SPEC 2 names in the
/// import log's CHECK (SQLite changes a CHECK only by rebuilding the table).
///
/// Remittances are kept as the payer sent them, less the people: claims carry
/// the patient control number (CLP01, the encounter id the export carries), never
/// a name or member id. Which encounter and line a claim or service line pays
/// is decided when figures are read (Analytics' reconciliation), so that an 835
/// imported before its encounters, or encounters imported again, reconcile
/// without importing the 835 again.
let remittanceSchema = """
    CREATE TABLE import_batch_new (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL
            CHECK (kind IN ('encounters', 'audits', 'fees', 'hours', 'ptp', 'mue', 'remittances')),
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
        tool_version TEXT NOT NULL,
        rows_replaced INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO import_batch_new SELECT * FROM import_batch;
    DROP TABLE import_batch;
    ALTER TABLE import_batch_new RENAME TO import_batch;
    CREATE INDEX import_batch_sha256 ON import_batch(sha256);

    CREATE TABLE remittance_payment (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batch(id) ON DELETE CASCADE,
        first_segment INTEGER NOT NULL,
        control_number TEXT NOT NULL,
        trace_number TEXT NOT NULL,
        payer_id TEXT NOT NULL,
        payer_name TEXT NOT NULL,
        paid_cents INTEGER NOT NULL,
        method TEXT NOT NULL,
        payment_date TEXT,
        UNIQUE (trace_number, payer_id)
    ) STRICT;
    CREATE INDEX remittance_payment_batch ON remittance_payment(batch_id);

    CREATE TABLE remittance_provider_adjustment (
        id INTEGER PRIMARY KEY,
        payment_id INTEGER NOT NULL REFERENCES remittance_payment(id) ON DELETE CASCADE,
        reason_code TEXT NOT NULL,
        reference TEXT,
        amount_cents INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX remittance_provider_adjustment_payment ON remittance_provider_adjustment(payment_id);

    CREATE TABLE remittance_claim (
        id INTEGER PRIMARY KEY,
        payment_id INTEGER NOT NULL REFERENCES remittance_payment(id) ON DELETE CASCADE,
        patient_control_number TEXT NOT NULL,
        status TEXT NOT NULL,
        charge_cents INTEGER NOT NULL,
        paid_cents INTEGER NOT NULL,
        patient_responsibility_cents INTEGER,
        payer_claim_number TEXT,
        service_date TEXT
    ) STRICT;
    CREATE INDEX remittance_claim_payment ON remittance_claim(payment_id);
    CREATE INDEX remittance_claim_control_number ON remittance_claim(patient_control_number COLLATE NOCASE);
    CREATE INDEX remittance_claim_service_date ON remittance_claim(service_date);

    CREATE TABLE remittance_line (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES remittance_claim(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        procedure_code TEXT NOT NULL,
        modifiers TEXT NOT NULL,
        billed_code TEXT,
        billed_modifiers TEXT,
        charge_cents INTEGER NOT NULL,
        paid_cents INTEGER NOT NULL,
        units TEXT NOT NULL,
        allowed_cents INTEGER,
        service_date TEXT
    ) STRICT;
    CREATE INDEX remittance_line_claim ON remittance_line(claim_id);

    CREATE TABLE remittance_adjustment (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES remittance_claim(id) ON DELETE CASCADE,
        line_id INTEGER REFERENCES remittance_line(id) ON DELETE CASCADE,
        group_code TEXT NOT NULL CHECK (group_code IN ('CO', 'PR', 'OA', 'PI', 'CR')),
        reason_code TEXT NOT NULL,
        amount_cents INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX remittance_adjustment_claim ON remittance_adjustment(claim_id);
    CREATE INDEX remittance_adjustment_line ON remittance_adjustment(line_id);

    CREATE INDEX encounter_external_id_nocase ON encounter(external_id COLLATE NOCASE);
    """
