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
        func text(_ index: Int?) -> String? {
            guard let index else { return nil }
            let value = record[index]
            return value.isEmpty ? nil : value
        }
        func check<T>(_ index: Int?, _ parse: (FieldBytes, () -> String) -> Result<T, FieldProblem>) -> T? {
            guard let index, !record.isBlank(index) else { return nil }
            switch record.withBytes(index, { parse($0) { record[index] } }) {
            case .success(let parsed): return parsed
            case .failure(let problem):
                problems.append(RowProblem(column: index, reason: problem.reason))
                return nil
            }
        }

        let id = text(encounterID)
        if id == nil { problems.append(RowProblem(column: encounterID, reason: "encounter id is blank")) }
        var fields = EncounterFields()
        fields.serviceDate =
            check(serviceDate) { FieldParsers.day($0, label: "service date", today: today, text: $1) }?.description
        fields.provider = text(provider)
        fields.specialty = text(specialty)
        fields.coder = text(coder)
        fields.payer = text(payer)
        fields.codedAt = check(codedAt) { FieldParsers.timestamp($0, label: "coded at", today: today, text: $1) }?.0
        fields.codingMinutes = check(codingMinutes, FieldParsers.minutes)

        let code = text(procedure).map(MedicalCodes.normalize)
        if let code {
            if let problem = MedicalCodes.procedureProblem(code) {
                problems.append(RowProblem(column: procedure, reason: "procedure code " + problem))
            }
        } else {
            problems.append(RowProblem(column: procedure, reason: "procedure code is blank"))
        }

        var lineModifiers: [String] = []
        for index in modifiers {
            for modifier in MedicalCodes.split(text(index) ?? "") {
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

        var codes: [String] = []
        for index in diagnoses {
            for cell in MedicalCodes.split(text(index) ?? "") {
                let code = MedicalCodes.undotted(cell)
                if let problem = codeSet.problem(with: code) {
                    problems.append(RowProblem(column: index, reason: problem))
                } else if !codes.contains(code) {
                    codes.append(code)
                }
            }
        }

        let lineUnits = check(units, FieldParsers.units) ?? 1
        let chargeCents = check(charge) { FieldParsers.cents($0, label: "charge", text: $1) }
        let allowedCents = check(allowed) { FieldParsers.cents($0, label: "allowed", text: $1) }
        let paidCents = check(paid) { FieldParsers.cents($0, label: "paid", text: $1) }
        var pos = text(placeOfService)?.uppercased()
        if let value = pos, value.count == 1, value.first!.isASCIIDigit { pos = "0" + value }

        guard problems.isEmpty, let id, let code else { return .failure(RowProblems(problems: problems)) }
        return .success(
            EncounterRow(
                encounterID: id, fields: fields, patientID: text(patient),
                line: EncounterLineValues(
                    sourceLine: record.line, procedureCode: code, modifiers: lineModifiers, units: lineUnits,
                    placeOfService: pos, chargeCents: chargeCents, allowedCents: allowedCents, paidCents: paidCents),
                diagnoses: codes))
    }
}
