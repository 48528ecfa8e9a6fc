/// The canonical headers of SPEC 3.1–3.4, for building small input files.
public enum CanonicalHeader {
    /// Encounters (SPEC 3.1).
    public static let encounters =
        "encounter_id,service_date,patient_id,provider,specialty,coder,payer,place_of_service,procedure_code,"
        + "modifiers,units,diagnosis_codes,charge,allowed,paid,coded_at,coding_minutes"
    /// Audit findings (SPEC 3.2).
    public static let audits =
        "encounter_id,auditor,audit_date,code_type,submitted_code,audited_code,submitted_units,audited_units,category,"
        + "comment"
    /// Fee schedule (SPEC 3.3).
    public static let fees = "payer,procedure_code,modifier,amount,effective_from,effective_to"
    /// Coder hours (SPEC 3.4).
    public static let hours = "coder,work_date,hours"
}

/// A CSV file of `lines` (a header first), each ending in a line feed.
public func csvFile(_ lines: [String]) -> String {
    lines.joined(separator: "\n") + "\n"
}

/// One CSV line with a field for each column of `header`: the value `overrides` gives it, else
/// the one in `defaults`. A value holding a comma or a quote is quoted, its quotes doubled.
public func csvLine(header: String, defaults: [String: String], _ overrides: [String: String]) -> String {
    header.split(separator: ",").map { name in
        let value = overrides[String(name)] ?? defaults[String(name)]!
        return value.contains(",") || value.contains("\"")
            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }.joined(separator: ",")
}

/// The fields of `encounterLine` that it is not told: one 99213 line of encounter E1, patient
/// MRN001, served on 2026-10-01 and coded the next day.
let encounterDefaults: [String: String] = [
    "encounter_id": "E1", "service_date": "2026-10-01", "patient_id": "MRN001", "provider": "Dr Demo",
    "specialty": "Family Medicine", "coder": "jlee", "payer": "Medicare", "place_of_service": "11",
    "procedure_code": "99213", "modifiers": "", "units": "1", "diagnosis_codes": "E11.9",
    "charge": "150.00", "allowed": "95.00", "paid": "76.00", "coded_at": "2026-10-02 09:00",
    "coding_minutes": "6",
]

/// One encounter line of `header`'s columns (the canonical ones unless told); override any field by name.
///
///     encounterLine(["encounter_id": "E2", "procedure_code": "36415"])
public func encounterLine(_ overrides: [String: String] = [:], header: String = CanonicalHeader.encounters) -> String {
    csvLine(header: header, defaults: encounterDefaults, overrides)
}

/// An encounter file of `header` (the canonical one unless told) and `lines`.
public func encounterFile(_ lines: [String], header: String = CanonicalHeader.encounters) -> String {
    csvFile([header] + lines)
}

/// The columns of `encounters(_:diagnosis:procedure:)`: the required ones and a few the metrics read.
private let briefEncounterHeader =
    "encounter_id,service_date,patient_id,provider,coder,payer,procedure_code,units,diagnosis_codes,charge"

/// An encounter file of one line per encounter id: patient `MRN-` and the id, 99213 unless
/// `procedure` names another code for the id, and `diagnosis`.
public func encounters(_ ids: [String], diagnosis: String = "E11.9", procedure: [String: String] = [:]) -> String {
    encounterFile(
        ids.map { id in
            encounterLine(
                [
                    "encounter_id": id, "patient_id": "MRN-\(id)", "procedure_code": procedure[id] ?? "99213",
                    "diagnosis_codes": diagnosis,
                ], header: briefEncounterHeader)
        }, header: briefEncounterHeader)
}

/// One audit row of E1 (99213 agreed, by akim on 2026-11-02) of the canonical columns; override any field by name.
public func auditRow(_ overrides: [String: String] = [:]) -> String {
    let defaults: [String: String] = [
        "encounter_id": "E1", "auditor": "akim", "audit_date": "2026-11-02", "code_type": "",
        "submitted_code": "99213", "audited_code": "99213", "submitted_units": "", "audited_units": "",
        "category": "", "comment": "",
    ]
    return csvLine(header: CanonicalHeader.audits, defaults: defaults, overrides)
}

/// An audit file of the canonical header and `rows`.
public func auditFile(_ rows: [String]) -> String { csvFile([CanonicalHeader.audits] + rows) }

/// A fee schedule of the canonical header and `rows`.
public func feeFile(_ rows: [String]) -> String { csvFile([CanonicalHeader.fees] + rows) }

/// A coder-hours file of the canonical header and `rows`.
public func hourFile(_ rows: [String]) -> String { csvFile([CanonicalHeader.hours] + rows) }
