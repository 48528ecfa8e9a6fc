/// v11: each month's headline figures, kept by the imports so that a report's
/// twelve-month trend reads eleven rows instead of recomputing eleven months.
///
/// A row is the month's summary as `Analytics.practiceTrend` computes it, at
/// the exports' default reimbursement tolerance. An import deletes the rows of
/// every month it changes in its own transaction (`ImportSession`), so that a
/// row that is kept always describes the data committed with it; the import
/// command then computes the months without a row (`Analytics.keepMonthSummaries`).
/// A month that was computed and holds no data keeps a row saying so. Fractions
/// keep their numerator and denominator as computed, so that a kept figure
/// equals a computed one exactly.
let monthSummarySchema = """
    CREATE TABLE month_summary (
        month TEXT NOT NULL PRIMARY KEY,
        tolerance_cents INTEGER NOT NULL,
        holds_data INTEGER NOT NULL CHECK (holds_data = 0 OR holds_data = 1),
        encounter_accuracy_numerator INTEGER,
        encounter_accuracy_denominator INTEGER,
        code_accuracy_numerator INTEGER,
        code_accuracy_denominator INTEGER,
        net_impact_cents INTEGER,
        encounters_audited INTEGER NOT NULL,
        encounters_coded INTEGER NOT NULL,
        encounters_per_hour_numerator INTEGER,
        encounters_per_hour_denominator INTEGER,
        underpaid_cents INTEGER
    ) STRICT;
    """
