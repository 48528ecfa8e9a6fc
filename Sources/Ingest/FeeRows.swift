import Codes
import Store

extension ColumnSpec {
    /// The columns of a fee schedule (SPEC 3.3).
    public static let feeColumns: [ColumnSpec] = [
        ColumnSpec(
            "payer", required: true,
            aliases: [
                "payer", "Payer", "Payer Name", "Insurance", "Insurance Name", "Plan", "Carrier", "Financial Class",
            ]
        ),
        ColumnSpec(
            "procedure_code", required: true,
            aliases: [
                "procedure_code", "CPT", "CPT/HCPCS", "HCPCS", "Procedure Code", "Proc Code", "CPT Code", "HCPCS Code",
                "Code", "Service Code",
            ]),
        ColumnSpec("modifier", aliases: ["modifier", "Modifier", "Mod", "CPT Modifier"]),
        ColumnSpec(
            "amount", required: true,
            aliases: [
                "amount", "Amount", "Rate", "Contract Rate", "Fee", "Allowed", "Allowed Amount", "Allowable",
                "Expected", "Expected Allowed", "Contracted Amount",
            ]),
        ColumnSpec(
            "effective_from",
            aliases: [
                "effective_from", "Effective From", "Effective Date", "Start Date", "From", "Begin Date", "Valid From",
            ]
        ),
        ColumnSpec(
            "effective_to",
            aliases: ["effective_to", "Effective To", "End Date", "Through", "Thru", "To", "Term Date", "Valid To"]),
    ]
}

/// The rows of a fee schedule: contract rates per payer, code and modifier,
/// each over an effective range. Ranges of one payer, code and modifier must
/// not overlap, within the file or with stored rates; a row with the same
/// start as a stored rate replaces it (a corrected rate).
final class FeeRows: RowHandler {
    let kind = ImportKind.fees
    let columns = ColumnSpec.feeColumns
    let patientColumn: String? = nil
    private let file: String
    private var map: HeaderMap?
    private var batchID: Int64 = 0
    /// The file line of each rate this import stored, to name clashing rows.
    private var lines: [Int64: Int] = [:]
    /// The rates this import stored, by row id (a fee schedule is small).
    private var rates: [Int64: FeeRateValues] = [:]
    private var stored = 0
    private var replaced = 0

    init(file: String) {
        self.file = file
    }

    func begin(map: HeaderMap, batchID: Int64, session: ImportSession) throws {
        self.map = map
        self.batchID = batchID
    }

    func importRow(_ record: CSVRecord, session: ImportSession) throws -> [RowProblem] {
        guard let map else { return [] }
        switch parse(record, map: map) {
        case .failure(let failure):
            return failure.problems
        case .success(let rate):
            // A stored rate with the same start is corrected by this row; overlaps are judged
            // once the whole file is in, so the order of the rows does not matter.
            if let earlier = try session.overlappingRates(rate).first(where: {
                $0.batchID != batchID && $0.effectiveFrom == rate.effectiveFrom
            }) {
                try session.removeRate(id: earlier.id)
                replaced += 1
            }
            let id = try session.storeRate(rate, batchID: batchID)
            lines[id] = record.line
            rates[id] = rate
            stored += 1
            return []
        }
    }

    func finish(session: ImportSession, outcome: inout ImportOutcome) throws {
        var clashes: [String] = []
        for (id, rate) in rates.sorted(by: { lines[$0.key]! < lines[$1.key]! }) {
            for overlap in try session.overlappingRates(rate) where overlap.id != id {
                // A clash between two rows of this file is named once, at the later row.
                if overlap.batchID == batchID && lines[overlap.id]! > lines[id]! { continue }
                let other =
                    overlap.batchID == batchID
                    ? "line \(lines[overlap.id]!) of this file"
                    : "the rate stored by import batch \(overlap.batchID)"
                clashes.append(
                    "line \(lines[id]!): \(describe(rate)) overlaps \(other) (\(overlap.effectiveFrom) to "
                        + "\(overlap.effectiveTo ?? "open end"))")
            }
        }
        if !clashes.isEmpty { throw IngestError.overlappingRates(file: file, clashes: clashes) }
        outcome.counts.rowsReplaced = replaced
        outcome.details.append("\(stored) rates: \(stored - replaced) new, \(replaced) replaced")
    }

    private func describe(_ rate: FeeRateValues) -> String {
        "payer \(rate.payer), code \(rate.procedureCode)" + (rate.modifier.isEmpty ? "" : ", modifier \(rate.modifier)")
            + " from \(rate.effectiveFrom) to \(rate.effectiveTo ?? "open end")"
    }

    private func parse(_ record: CSVRecord, map: HeaderMap) -> Result<FeeRateValues, RowProblems> {
        var problems: [RowProblem] = []
        func text(_ column: String) -> (index: Int?, value: String) {
            let index = map.index(of: column)
            return (index, index.map { record[$0] } ?? "")
        }
        let payer = text("payer")
        if payer.value.isEmpty {
            problems.append(RowProblem(column: payer.index, reason: "payer is blank (write * for any payer)"))
        }
        let code = text("procedure_code")
        let procedure = MedicalCodes.normalize(code.value)
        if let problem = MedicalCodes.procedureProblem(procedure) {
            problems.append(RowProblem(column: code.index, reason: "procedure code " + problem))
        }
        let modifierCell = text("modifier")
        let modifier = MedicalCodes.normalize(modifierCell.value)
        if !modifier.isEmpty, let problem = MedicalCodes.modifierProblem(modifier) {
            problems.append(RowProblem(column: modifierCell.index, reason: problem))
        }
        let amount = amountCents(of: record, map: map, problems: &problems)
        let (from, to) = effectivePeriod(of: record, map: map, problems: &problems)
        guard problems.isEmpty, let amount else { return .failure(RowProblems(problems: problems)) }
        return .success(
            FeeRateValues(
                payer: payer.value, procedureCode: procedure, modifier: modifier,
                amountCents: amount, effectiveFrom: from.description, effectiveTo: to?.description))
    }

    /// The rate in cents; nil, with the problem added, when blank, not money or negative.
    private func amountCents(of record: CSVRecord, map: HeaderMap, problems: inout [RowProblem]) -> Int64? {
        guard let index = map.index(of: "amount"), !record.isBlank(index) else {
            problems.append(RowProblem(column: map.index(of: "amount"), reason: "amount is blank"))
            return nil
        }
        switch record.withBytes(index, { FieldParsers.cents($0, label: "amount") { record[index] } }) {
        case .success(let cents) where cents >= 0: return cents
        case .success: problems.append(RowProblem(column: index, reason: "amount '\(record[index])' is negative"))
        case .failure(let problem): problems.append(RowProblem(column: index, reason: problem.reason))
        }
        return nil
    }

    /// The days the rate holds: from the beginning of time when `effective_from`
    /// is blank, open-ended when `effective_to` is; an end before the start is a problem.
    private func effectivePeriod(
        of record: CSVRecord, map: HeaderMap, problems: inout [RowProblem]
    ) -> (from: CalendarDay, to: CalendarDay?) {
        let from =
            effectiveDay("effective_from", label: "effective from", of: record, map: map, problems: &problems)
            ?? CalendarDay(year: 1, month: 1, day: 1)!
        let to = effectiveDay("effective_to", label: "effective to", of: record, map: map, problems: &problems)
        if let to, to < from {
            problems.append(
                RowProblem(
                    column: map.index(of: "effective_to"), reason: "effective to \(to) is before effective from \(from)"
                ))
        }
        return (from, to)
    }

    /// A date column; nil when blank, or when not a date (with the problem added).
    private func effectiveDay(
        _ column: String, label: String, of record: CSVRecord, map: HeaderMap, problems: inout [RowProblem]
    ) -> CalendarDay? {
        guard let index = map.index(of: column), !record.isBlank(index) else { return nil }
        guard let day = record.withBytes(index, { CalendarDay(parsing: $0) }) else {
            problems.append(RowProblem(column: index, reason: FieldParsers.dateProblem(record[index], label: label)))
            return nil
        }
        return day
    }
}
