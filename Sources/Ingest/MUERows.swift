import Store

/// The rows of CMS's practitioner services MUE table (SPEC 8): a CSV whose
/// first row is a quoted copyright notice, then the header `HCPCS/CPT Code`,
/// `Practitioner Services MUE Values`, `MUE Adjudication Indicator`, `MUE
/// Rationale`, then one code a row.
///
/// The file carries no date: every value is stored from `effective` (the
/// quarter's first day, `--effective`), keyed by (code, effective date), so a
/// later quarter's table adds values from its own day on and a table imported
/// again for the same day replaces them. A code given twice in one file is
/// rejected the second time.
final class MUERows: RowHandler {
    let kind = ImportKind.mue
    static let names = ["procedure_code", "mue_value", "adjudication_indicator", "rationale"]
    let columns = names.map { ColumnSpec($0, required: true, aliases: []) }
    let patientColumn: String? = nil
    /// Its header's first cell, and the other table's, to say so when given one for the other.
    let headerFirstCells: Set<String> = [NCCITable.ptpFirstCell, NCCITable.mueFirstCell]

    static let table = "a practitioner MUE table"
    static let header =
        "\"HCPCS/CPT Code\", \"Practitioner Services MUE Values\", \"MUE Adjudication Indicator\", \"MUE Rationale\""
    static let expected = "the header row \(header) (as in CMS's Practitioner Services MUE table)"
    /// The indicator cells, letter case and spacing aside, and what they stand for.
    static let indicators: [String: Int] = [
        "1 line edit": 1, "2 date of service edit: policy": 2, "3 date of service edit: clinical": 3,
        "1": 1, "2": 2, "3": 3,
    ]
    /// The largest value accepted.
    static let maximum = 999_999

    private let effective: String
    private var rowsAbove = 0
    private var headerLine = 0
    private var batchID: Int64 = 0
    /// The line each code of this file was loaded from.
    private var loadedCodes: [UInt64: Int] = [:]
    /// Values stored before this file, and codes of this file stored: their difference says how many were new.
    private var valuesBefore = 0
    private var stored = 0

    /// Reads a table in force from `effective`.
    init(effective: CalendarDay) {
        self.effective = effective.description
    }

    // MARK: - Header

    func header(_ record: CSVRecord, mapping: ColumnMapping?, file: String) throws -> HeaderRow {
        rowsAbove += 1
        let cells = record.fields
        if NCCITable.isMUEHeader(cells) {
            let width = NCCITable.tableWidth(cells)
            let expected = [
                "hcpcscptcode", "practitionerservicesmuevalues", "mueadjudicationindicator", "muerationale",
            ]
            guard width == expected.count, cells.prefix(width).map(NCCITable.normalize) == expected else {
                throw IngestError.notATable(
                    file: file, table: Self.table,
                    reason: "its header row (line \(record.line)) is \(NCCITable.quoted(cells.prefix(width))); "
                        + "expected \(Self.expected)")
            }
            headerLine = record.line
            return .header(HeaderMap(positional: cells, names: Self.names))
        }
        if NCCITable.isPTPHeader(cells) {
            throw IngestError.notATable(
                file: file, table: Self.table,
                reason: "line \(record.line) is the header of an NCCI PTP table; import it with codeaudit import ptp")
        }
        if cells.count >= 2, let code = record.withBytes(0, EditCode.init),
            record.withBytes(1, { FieldParsers.number($0) }) != nil
        {
            throw IngestError.notATable(
                file: file, table: Self.table,
                reason: "expected \(Self.expected) above the codes, but line \(record.line) is a code's value "
                    + "(\(code.text), \(cells[1])) with no header above it")
        }
        if rowsAbove >= NCCITable.rowsAboveHeaderLimit {
            throw NCCITable.headerTooFarDown(file: file, table: Self.table, expected: Self.expected)
        }
        return .preamble
    }

    func missingHeader(file: String) -> IngestError {
        NCCITable.missingHeader(file: file, table: Self.table, expected: Self.expected, rows: rowsAbove)
    }

    func begin(map: HeaderMap, batchID: Int64, session: ImportSession) throws {
        self.batchID = batchID
        valuesBefore = try session.ncci.valueCount()
    }

    // MARK: - Rows

    func importRow(_ record: CSVRecord, session: ImportSession) throws -> [RowProblem] {
        var problems: [RowProblem] = []
        let code = record.withBytes(0, EditCode.init)
        if code == nil { problems.append(RowProblem(column: 0, reason: EditCode.problem("code", record[0]))) }
        let value = record.withBytes(1) { FieldParsers.number($0) }.flatMap { $0 <= Self.maximum ? $0 : nil }
        if value == nil {
            problems.append(
                RowProblem(
                    column: 1,
                    reason: record.isBlank(1)
                        ? "MUE value is blank"
                        : "MUE value '\(record[1])' is not a whole number from 0 to \(Self.maximum)"))
        }
        let indicatorCell = record[2]
        let indicator = Self.indicators[
            indicatorCell.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")]
        if indicator == nil {
            problems.append(
                RowProblem(
                    column: 2,
                    reason: (indicatorCell.isEmpty
                        ? "adjudication indicator is blank" : "adjudication indicator '\(indicatorCell)' is unknown")
                        + "; CMS's are \"1 Line Edit\", \"2 Date of Service Edit: Policy\" and "
                        + "\"3 Date of Service Edit: Clinical\""))
        }
        guard problems.isEmpty, let code, let value, let indicator else { return problems }
        if let earlier = loadedCodes[code.number] {
            return [
                RowProblem(
                    column: 0,
                    reason: "code \(code.text) is given on line \(earlier) already; a table gives one "
                        + "value per code, and importing this row again would replace that one")
            ]
        }
        let row = MUEValue(
            procedureCode: code.text, effectiveDate: effective, value: value, adjudicationIndicator: indicator,
            rationale: record[3])
        try session.ncci.store(row, batchID: batchID)
        stored += 1
        loadedCodes[code.number] = record.line
        return []
    }

    func finish(session: ImportSession, outcome: inout ImportOutcome) throws {
        let added = try session.ncci.valueCount() - valuesBefore
        outcome.counts.rowsReplaced = stored - added
        outcome.details.append(
            "\(NCCITable.counted(stored, "code")) in force from \(effective): \(added) new, \(stored - added) "
                + "replaced (the same code and day)")
        if let skipped = NCCITable.skippedRows(headerLine: headerLine, above: rowsAbove - 1, below: 0) {
            outcome.details.append(skipped)
        }
    }
}
