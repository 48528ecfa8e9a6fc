import Codes
import Store

extension ColumnSpec {
    /// The columns of an audit-findings file (SPEC 3.2).
    public static let auditColumns: [ColumnSpec] = [
        ColumnSpec("encounter_id", required: true, aliases: encounterColumns[0].aliases),
        ColumnSpec(
            "auditor", required: true,
            aliases: ["auditor", "Auditor", "Auditor Name", "Reviewer", "Audited By", "Reviewed By", "Auditor ID"]),
        ColumnSpec(
            "audit_date", required: true,
            aliases: ["audit_date", "Audit Date", "Review Date", "Date Audited", "Date Reviewed", "Audited On"]),
        ColumnSpec("code_type", aliases: ["code_type", "Code Type", "Type", "Code Set"]),
        ColumnSpec(
            "submitted_code",
            aliases: [
                "submitted_code", "Submitted Code", "Original Code", "Billed Code", "Coded", "Code Submitted",
                "Coder Code", "Submitted",
            ]),
        ColumnSpec(
            "audited_code",
            aliases: [
                "audited_code", "Audited Code", "Corrected Code", "Recommended Code", "Auditor Code", "Code Audited",
                "Audited", "Correct Code",
            ]),
        ColumnSpec(
            "submitted_units", aliases: ["submitted_units", "Submitted Units", "Billed Units", "Original Units"]),
        ColumnSpec(
            "audited_units", aliases: ["audited_units", "Audited Units", "Corrected Units", "Recommended Units"]),
        ColumnSpec(
            "category",
            aliases: ["category", "Category", "Error Category", "Finding Category", "Error Type", "Finding Type"]),
        ColumnSpec("comment", aliases: ["comment", "Comment", "Comments", "Notes", "Note", "Rationale"]),
    ]
}

/// The rows of an audit-findings file: one row per reviewed code. The rows of
/// one encounter in a file are its audit; they replace an audit an earlier
/// import stored for it.
final class AuditRows: RowHandler {
    let kind = ImportKind.audits
    let columns = ColumnSpec.auditColumns
    let patientColumn: String? = nil
    private let options: ImportOptions
    private var map: HeaderMap?
    private var batchID: Int64 = 0
    /// Encounters this import has findings for (an audit file is a sample, not an export).
    private var audited = Set<Int64>()
    private var replaced = 0
    private var outcomes: [FindingOutcome: Int] = [:]

    init(options: ImportOptions) {
        self.options = options
    }

    func begin(map: HeaderMap, batchID: Int64, session: ImportSession) throws {
        self.map = map
        self.batchID = batchID
    }

    func importRow(_ record: CSVRecord, session: ImportSession) throws -> [RowProblem] {
        guard let map else { return [] }
        let encounterColumn = map.index(of: "encounter_id")
        let externalID = encounterColumn.map { record[$0] } ?? ""
        var encounterID: Int64?
        var problems: [RowProblem] = []
        if externalID.isEmpty {
            problems.append(RowProblem(column: encounterColumn, reason: "encounter id is blank"))
        } else {
            encounterID = try session.encounterRowID(externalID: externalID)
            if encounterID == nil {
                problems.append(
                    RowProblem(
                        column: encounterColumn,
                        reason: "unknown encounter '\(externalID)': import the encounter export that holds it first"))
            }
        }
        switch parse(record, map: map) {
        case .failure(let failure): problems += failure.problems
        case .success(let finding):
            guard problems.isEmpty, let encounterID else { break }
            if audited.insert(encounterID).inserted,
                try session.replaceStoredAudit(encounterID: encounterID, batchID: batchID)
            {
                replaced += 1
            }
            try session.storeFinding(finding, encounterID: encounterID, batchID: batchID)
            outcomes[finding.outcome, default: 0] += 1
        }
        return problems
    }

    func finish(session: ImportSession, outcome: inout ImportOutcome) throws {
        outcome.counts.rowsReplaced = replaced
        let counts = FindingOutcome.allCases.map { "\(outcomes[$0, default: 0]) \($0.rawValue)" }
        outcome.details.append(
            "\(audited.count) encounters audited (\(replaced) earlier audits replaced); findings: "
                + counts.joined(separator: ", "))
    }

    // MARK: - Parsing

    /// A cell's column index (nil when the file lacks the column) and text ("" then).
    private typealias Cell = (index: Int?, value: String)
    /// A code's column index and its normalized text (nil when blank).
    private typealias Code = (index: Int?, code: String?)

    private func parse(_ record: CSVRecord, map: HeaderMap) -> Result<AuditFindingValues, RowProblems> {
        var problems: [RowProblem] = []
        let auditor = Self.cell("auditor", of: record, map: map)
        if auditor.value.isEmpty { problems.append(RowProblem(column: auditor.index, reason: "auditor is blank")) }
        let auditDate = auditDay(of: record, map: map, problems: &problems)
        let submitted = Self.code("submitted_code", of: record, map: map)
        let audited = Self.code("audited_code", of: record, map: map)
        guard
            let type = codeType(of: record, map: map, submitted: submitted, audited: audited, problems: &problems)
        else {
            return .failure(RowProblems(problems: problems))
        }
        let codes = storedCodes(submitted: submitted, audited: audited, type: type, problems: &problems)
        let units =
            type.isProcedure ? findingUnits(of: record, map: map, codes: codes, problems: &problems) : [nil, nil]
        guard problems.isEmpty, let auditDate else { return .failure(RowProblems(problems: problems)) }
        let category = Self.cell("category", of: record, map: map).value
        let comment = Self.cell("comment", of: record, map: map).value
        return .success(
            AuditFindingValues(
                sourceLine: record.line, auditor: auditor.value, auditDate: auditDate.description, codeType: type,
                submittedCode: codes[0], auditedCode: codes[1], submittedUnits: units[0], auditedUnits: units[1],
                category: category.isEmpty ? nil : category, comment: comment.isEmpty ? nil : comment,
                outcome: Self.outcome(codes: codes, units: units)))
    }

    private static func cell(_ column: String, of record: CSVRecord, map: HeaderMap) -> Cell {
        let index = map.index(of: column)
        return (index, index.map { record[$0] } ?? "")
    }

    private static func code(_ column: String, of record: CSVRecord, map: HeaderMap) -> Code {
        let cell = Self.cell(column, of: record, map: map)
        return (cell.index, cell.value.isEmpty ? nil : MedicalCodes.normalize(cell.value))
    }

    /// The audit date; nil, with the problem added, when it is blank, not a date or in the future.
    private func auditDay(of record: CSVRecord, map: HeaderMap, problems: inout [RowProblem]) -> CalendarDay? {
        let date = Self.cell("audit_date", of: record, map: map)
        guard let index = date.index, !date.value.isEmpty else {
            problems.append(RowProblem(column: date.index, reason: "audit date is blank"))
            return nil
        }
        switch record.withBytes(
            index, { FieldParsers.day($0, label: "audit date", today: options.today) { date.value } })
        {
        case .success(let day): return day
        case .failure(let problem):
            problems.append(RowProblem(column: index, reason: problem.reason))
            return nil
        }
    }

    /// The code type the row gives, else the one its code's shape says. nil, with
    /// the problem added, when both codes are blank or the type cannot be told:
    /// the codes and units cannot be judged without it, so the row stops there.
    private func codeType(
        of record: CSVRecord, map: HeaderMap, submitted: Code, audited: Code, problems: inout [RowProblem]
    ) -> CodeType? {
        guard let shapeSource = submitted.code ?? audited.code else {
            problems.append(
                RowProblem(
                    column: submitted.index ?? audited.index,
                    reason: "submitted and audited code are both blank; a finding judges one code (blank submitted "
                        + "code: the auditor added it; blank audited code: the auditor deleted it)"))
            return nil
        }
        let typeCell = Self.cell("code_type", of: record, map: map)
        if !typeCell.value.isEmpty {
            guard let given = Self.codeType(named: typeCell.value) else {
                problems.append(
                    RowProblem(
                        column: typeCell.index,
                        reason: "code type '\(typeCell.value)' is not one of CPT, HCPCS, ICD10, MOD"))
                return nil
            }
            return given
        }
        if let inferred = CodeType(ofShape: shapeSource) { return inferred }
        problems.append(
            RowProblem(
                column: submitted.code == nil ? audited.index : submitted.index,
                reason: "cannot tell the code type of '\(shapeSource)'; give code_type (CPT, HCPCS, ICD10, MOD) "
                    + "or write ICD-10-CM codes with their dot"))
        return nil
    }

    /// The submitted and audited codes as stored (ICD-10-CM without its dot; nil
    /// when blank); a code that does not fit `type` adds a problem.
    private func storedCodes(
        submitted: Code, audited: Code, type: CodeType, problems: inout [RowProblem]
    ) -> [String?] {
        [(submitted.index, submitted.code, "submitted"), (audited.index, audited.code, "audited")].map {
            index, code, label -> String? in
            guard let code else { return nil }
            if let problem = Self.problem(with: code, type: type, codeSet: options.codeSet) {
                problems.append(RowProblem(column: index, reason: "\(label) code: \(problem)"))
            }
            return type == .icd10 ? MedicalCodes.undotted(code) : code
        }
    }

    /// The submitted and audited units of a procedure finding: 1 when blank, nil
    /// beside a blank code.
    private func findingUnits(
        of record: CSVRecord, map: HeaderMap, codes: [String?], problems: inout [RowProblem]
    ) -> [Int?] {
        var units: [Int?] = [nil, nil]
        for (slot, column, code) in [(0, "submitted_units", codes[0]), (1, "audited_units", codes[1])]
        where code != nil {
            guard let index = map.index(of: column), !record.isBlank(index) else {
                units[slot] = 1
                continue
            }
            switch record.withBytes(index, { FieldParsers.units($0) { record[index] } }) {
            case .success(let value): units[slot] = value
            case .failure(let problem): problems.append(RowProblem(column: index, reason: problem.reason))
            }
        }
        return units
    }

    /// A blank submitted code is an added code, a blank audited one a deleted code;
    /// otherwise the auditor agrees only when code and units both stay.
    private static func outcome(codes: [String?], units: [Int?]) -> FindingOutcome {
        switch (codes[0], codes[1]) {
        case (nil, _): .added
        case (_, nil): .deleted
        case let (before?, after?): before == after && units[0] == units[1] ? .agree : .revised
        }
    }

    /// A code type as auditors write it: `CPT`, `HCPCS`, `ICD10` (`ICD-10`,
    /// `ICD-10-CM`, `DX`), `MOD` (`Modifier`).
    static func codeType(named name: String) -> CodeType? {
        switch ColumnSpec.normalize(name).uppercased() {
        case "CPT": .cpt
        case "HCPCS", "HCPCSII", "HCPCSLEVELII": .hcpcs
        case "ICD10", "ICD10CM", "ICD", "DX", "DIAGNOSIS": .icd10
        case "MOD", "MODIFIER": .modifier
        default: nil
        }
    }

    /// Why a code does not fit its type, or nil.
    static func problem(with code: String, type: CodeType, codeSet: ICD10CodeSet) -> String? {
        switch type {
        case .cpt, .hcpcs:
            return MedicalCodes.procedureProblem(code)
        case .modifier:
            return MedicalCodes.modifierProblem(code)
        case .icd10:
            return codeSet.problem(with: MedicalCodes.undotted(code))
        }
    }
}
