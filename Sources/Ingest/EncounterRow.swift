import Codes
import Store

/// One service line of an encounter export, parsed and normalized.
struct EncounterRow {
    var encounterID: String
    /// The encounter fields this line gives (nil = blank); the patient as its raw id.
    var fields: EncounterFields
    var patientID: String?
    var line: EncounterLineValues
    /// Diagnosis codes without dots, in the order given, without repeats.
    var diagnoses: [String]
}

/// A problem with one value of a row.
struct RowProblem {
    var column: Int?
    var reason: String
}

/// Every problem found in a row.
struct RowProblems: Error {
    var problems: [RowProblem]
}

/// Parses rows of an encounter export given its header map.
struct EncounterRowParser {
    let map: HeaderMap
    let codeSet: ICD10CodeSet
    let today: CalendarDay

    private let encounterID: Int
    private let serviceDate: Int
    private let patient: Int
    private let provider: Int
    private let procedure: Int
    private let specialty: Int?
    private let coder: Int?
    private let payer: Int?
    private let placeOfService: Int?
    private let units: Int?
    private let charge: Int?
    private let allowed: Int?
    private let paid: Int?
    private let codedAt: Int?
    private let codingMinutes: Int?
    private let modifiers: [Int]
    private let diagnoses: [Int]

    init(map: HeaderMap, codeSet: ICD10CodeSet, today: CalendarDay) {
        self.map = map
        self.codeSet = codeSet
        self.today = today
        encounterID = map.index(of: "encounter_id")!
        serviceDate = map.index(of: "service_date")!
        patient = map.index(of: "patient_id")!
        provider = map.index(of: "provider")!
        procedure = map.index(of: "procedure_code")!
        specialty = map.index(of: "specialty")
        coder = map.index(of: "coder")
        payer = map.index(of: "payer")
        placeOfService = map.index(of: "place_of_service")
        units = map.index(of: "units")
        charge = map.index(of: "charge")
        allowed = map.index(of: "allowed")
        paid = map.index(of: "paid")
        codedAt = map.index(of: "coded_at")
        codingMinutes = map.index(of: "coding_minutes")
        modifiers = map.columns["modifiers"] ?? []
        diagnoses = map.columns["diagnosis_codes"] ?? []
    }

    /// The row, or every problem found in it.
    func parse(_ record: CSVRecord) -> Result<EncounterRow, RowProblems> {
        var problems: [RowProblem] = []
        let id = text(encounterID, of: record)
        if id == nil { problems.append(RowProblem(column: encounterID, reason: "encounter id is blank")) }
        let fields = encounterFields(of: record, problems: &problems)
        let code = procedureCode(of: record, problems: &problems)
        let lineModifiers = modifierCodes(of: record, problems: &problems)
        let codes = diagnosisCodes(of: record, problems: &problems)
        let (lineUnits, chargeCents, allowedCents, paidCents) = quantities(of: record, problems: &problems)
        let pos = placeOfServiceCode(of: record)

        guard problems.isEmpty, let id, let code else { return .failure(RowProblems(problems: problems)) }
        return .success(
            EncounterRow(
                encounterID: id, fields: fields, patientID: text(patient, of: record),
                line: EncounterLineValues(
                    sourceLine: record.line, procedureCode: code, modifiers: lineModifiers, units: lineUnits,
                    placeOfService: pos, chargeCents: chargeCents, allowedCents: allowedCents, paidCents: paidCents),
                diagnoses: codes))
    }

    // MARK: - Column groups
    //
    // Plain methods given the record and the row's problems, not closures over them:
    // this runs for every line of an import, so no piece may allocate or copy more
    // than the one-body version did. The order `parse` calls them in is the order a
    // row's problems are reported in (the rejects file shows it).

    /// The encounter-level fields this line gives; the patient is read apart, as its raw id.
    private func encounterFields(of record: CSVRecord, problems: inout [RowProblem]) -> EncounterFields {
        var fields = EncounterFields()
        fields.serviceDate =
            check(serviceDate, of: record, problems: &problems) {
                FieldParsers.day($0, label: "service date", today: today, text: $1)
            }?.description
        fields.provider = text(provider, of: record)
        fields.specialty = text(specialty, of: record)
        fields.coder = text(coder, of: record)
        fields.payer = text(payer, of: record)
        fields.codedAt =
            check(codedAt, of: record, problems: &problems) {
                FieldParsers.timestamp($0, label: "coded at", today: today, text: $1)
            }?.0
        fields.codingMinutes = check(codingMinutes, of: record, problems: &problems, FieldParsers.minutes)
        return fields
    }

    /// The procedure code, normalized; nil when blank. A code of the wrong shape
    /// is returned too: its problem already rejects the row.
    private func procedureCode(of record: CSVRecord, problems: inout [RowProblem]) -> String? {
        let code = text(procedure, of: record).map(MedicalCodes.normalize)
        if let code {
            if let problem = MedicalCodes.procedureProblem(code) {
                problems.append(RowProblem(column: procedure, reason: "procedure code " + problem))
            }
        } else {
            problems.append(RowProblem(column: procedure, reason: "procedure code is blank"))
        }
        return code
    }

    /// The valid modifiers of every modifier column, in order; more than four is a problem.
    private func modifierCodes(of record: CSVRecord, problems: inout [RowProblem]) -> [String] {
        var lineModifiers: [String] = []
        for index in modifiers {
            for modifier in MedicalCodes.split(text(index, of: record) ?? "") {
                if let problem = MedicalCodes.modifierProblem(modifier) {
                    problems.append(RowProblem(column: index, reason: problem))
                } else {
                    lineModifiers.append(modifier)
                }
            }
        }
        if lineModifiers.count > 4 {
            problems.append(
                RowProblem(
                    column: modifiers.first,
                    reason: "\(lineModifiers.count) modifiers (\(lineModifiers.joined(separator: " "))); "
                        + "a line takes at most 4"))
        }
        return lineModifiers
    }

    /// The known diagnosis codes of every diagnosis column, without dots, in order, without repeats.
    private func diagnosisCodes(of record: CSVRecord, problems: inout [RowProblem]) -> [String] {
        var codes: [String] = []
        for index in diagnoses where !record.isBlank(index) {
            let plain = record.withBytes(index) {
                MedicalCodes.undottedCodes(inPlainCell: UnsafeBufferPointer(rebasing: $0))
            }
            for code in plain ?? MedicalCodes.split(record[index]).map(MedicalCodes.undotted) {
                if let problem = codeSet.problem(with: code) {
                    problems.append(RowProblem(column: index, reason: problem))
                } else if !codes.contains(code) {
                    codes.append(code)
                }
            }
        }
        return codes
    }

    /// The line's units (1 when blank) and its amounts in cents (nil when blank).
    private func quantities(
        of record: CSVRecord, problems: inout [RowProblem]
    ) -> (units: Int, charge: Int64?, allowed: Int64?, paid: Int64?) {
        let lineUnits = check(units, of: record, problems: &problems, FieldParsers.units) ?? 1
        let chargeCents = check(charge, of: record, problems: &problems) {
            FieldParsers.cents($0, label: "charge", text: $1)
        }
        let allowedCents = check(allowed, of: record, problems: &problems) {
            FieldParsers.cents($0, label: "allowed", text: $1)
        }
        let paidCents = check(paid, of: record, problems: &problems) { FieldParsers.cents($0, label: "paid", text: $1) }
        return (lineUnits, chargeCents, allowedCents, paidCents)
    }

    /// The place of service in upper case, a single digit padded to the two-digit code (`1` is `01`).
    private func placeOfServiceCode(of record: CSVRecord) -> String? {
        var pos = text(placeOfService, of: record)?.uppercased()
        if let value = pos, value.count == 1, value.first!.isASCIIDigit { pos = "0" + value }
        return pos
    }

    // MARK: - Cells

    /// The cell's text; nil when the file has no such column or the cell is blank.
    private func text(_ index: Int?, of record: CSVRecord) -> String? {
        guard let index else { return nil }
        let value = record[index]
        return value.isEmpty ? nil : value
    }

    /// The cell parsed from its bytes; nil when blank, or when it does not parse
    /// (its problem added to `problems`).
    private func check<T>(
        _ index: Int?, of record: CSVRecord, problems: inout [RowProblem],
        _ parse: (FieldBytes, () -> String) -> Result<T, FieldProblem>
    ) -> T? {
        guard let index, !record.isBlank(index) else { return nil }
        switch record.withBytes(index, { parse($0) { record[index] } }) {
        case .success(let parsed): return parsed
        case .failure(let problem):
            problems.append(RowProblem(column: index, reason: problem.reason))
            return nil
        }
    }
}
