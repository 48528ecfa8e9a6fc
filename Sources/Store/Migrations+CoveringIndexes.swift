/// v10: the indexes a month's figures and edits read become covering: each
/// holds the columns those queries read after its key, so that a month is read
/// as a range of an index rather than a look-up of each of its encounters and
/// lines in their tables, whose rows lie in import order, a month's scattered
/// over the whole file. Each replaces the index of the same name and key.
///
/// - `encounter_service_date`: the month's encounters, with what the figures
///   and the edits read of them (`ServicePeriod`, `MonthDetail`).
/// - `encounter_work_day`: the encounters worked in a month (productivity).
/// - `encounter_line_encounter`: an encounter's lines, every column the
///   figures read but `place_of_service`.
/// - `encounter_patient_day`: a patient's earlier visits with their
///   specialty and id (the new-patient edit's look-back).
let coveringIndexes = """
    DROP INDEX encounter_service_date;
    CREATE INDEX encounter_service_date ON encounter(
        service_date, payer, provider, coder, coded_at, coding_minutes, external_id, patient_pseudonym, specialty);

    DROP INDEX encounter_work_day;
    CREATE INDEX encounter_work_day ON encounter(
        COALESCE(substr(coded_at, 1, 10), service_date), service_date, payer, provider, coder, coded_at,
        coding_minutes);

    DROP INDEX encounter_line_encounter;
    CREATE INDEX encounter_line_encounter ON encounter_line(
        encounter_id, source_line, procedure_code, modifier_1, modifier_2, modifier_3, modifier_4, units,
        charge_cents, allowed_cents, paid_cents);

    DROP INDEX encounter_patient_day;
    CREATE INDEX encounter_patient_day ON encounter(patient_pseudonym, service_date, specialty, external_id);
    """
