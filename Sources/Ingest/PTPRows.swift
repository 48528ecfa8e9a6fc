import Store

/// The rows of a CMS Medicare NCCI procedure-to-procedure edit file,
/// practitioner version (SPEC 8): `ccipra-v…-f1.txt` … `-f4.txt` as CMS
/// distributes them (tab-delimited, Windows-1252), or their rows saved from
/// the spreadsheet as CSV.
///
/// Above the header CMS puts a copyright notice and a title; the header's
/// first two cells are `Column 1` and `Column 2`; wrapped header text may
/// follow as rows without codes. Then one edit a row: column 1, column 2,
/// `*` or blank (in existence before 1996), the effective date `YYYYMMDD`, the
/// deletion date `YYYYMMDD` or `*` (none), the modifier indicator `0`, `1` or
/// `9`, and the rationale.
///
/// An edit is keyed by (column 1, column 2, effective date): a key an
/// earlier file stored is replaced (a later quarter adds a deletion date);
/// nothing is removed because a file leaves it out. CMS's files list a few
/// keys twice, one of the two rows deleted the day it took effect: the row
/// that stays in force longer is kept and the other rejected, whichever
/// comes first.
final class PTPRows: RowHandler {
    let kind = ImportKind.ptp
    /// The stored columns, in the order of the file's.
    static let names = [
        "column_1", "column_2", "before_1996", "effective_date", "deletion_date", "modifier_indicator", "rationale",
    ]
    let columns = names.map { ColumnSpec($0, required: true, aliases: []) }
    let patientColumn: String? = nil
    /// Its header's first cell, and the other table's, to say so when given one for the other.
    let headerFirstCells: Set<String> = [NCCITable.ptpFirstCell, NCCITable.mueFirstCell]

    static let table = "an NCCI PTP table"
    static let expected =
        "a header row starting \"Column 1\", \"Column 2\" (as in CMS's practitioner PTP files, "
        + "ccipra-v…-f1.txt to -f4.txt, or their rows saved as CSV)"

    private var rowsAbove = 0
    private var headerLine = 0
    private var batchID: Int64 = 0
    /// The header is a rejects file's: every row below it is a row of data.
    private var rejectsFile = false
    private var seenData = false
    private var subheaderRows = 0
    /// The line each key of this file was loaded from, to find a key given twice.
    private var loadedKeys: [UInt64: Int] = [:]
    /// Edits stored before this file, and keys of this file stored: their difference says how many were new.
    private var editsBefore = 0
    private var stored = 0
    private var displaced: [DisplacedRow] = []
    /// The rationale texts read so far by a hash of their bytes: CMS's tables use a dozen over
    /// hundreds of thousands of rows, so a row's text is found without allocating.
    private var rationales: [UInt64: (bytes: [UInt8], text: String)] = [:]

    // MARK: - Header

    func header(_ record: CSVRecord, mapping: ColumnMapping?, file: String) throws -> HeaderRow {
        rowsAbove += 1
        let cells = record.fields
        if NCCITable.isPTPHeader(cells) {
            let width = NCCITable.tableWidth(cells)
            guard width == Self.names.count else {
                throw IngestError.notATable(
                    file: file, table: Self.table,
                    reason: "its header row (line \(record.line)) has \(width) columns; a PTP table has 7: "
                        + "\"Column 1\", \"Column 2\", in existence before 1996 (* or blank), effective date, deletion "
                        + "date, modifier indicator (0, 1 or 9), rationale")
            }
            rejectsFile = NCCITable.isRejectsFile(cells)
            headerLine = record.line
            return .header(HeaderMap(positional: cells, names: Self.names))
        }
        if NCCITable.isMUEHeader(cells) {
            throw IngestError.notATable(
                file: file, table: Self.table,
                reason: "line \(record.line) is the header of an MUE table (\(NCCITable.quoted(cells.prefix(4)))); "
                    + "import it with codeaudit import mue FILE --effective YYYY-MM-DD")
        }
        if cells.count >= 2, let first = record.withBytes(0, EditCode.init),
            let second = record.withBytes(1, EditCode.init)
        {
            throw IngestError.notATable(
                file: file, table: Self.table,
                reason: "expected \(Self.expected) above the edits, but line \(record.line) is an edit "
                    + "(\(first.text), \(second.text)) with no header above it")
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
        editsBefore = try session.ncci.editCount()
    }

    /// The wrapped text of CMS's header, rows with no code between the header and the first edit.
    func skips(_ record: CSVRecord) -> Bool {
        guard !seenData else { return false }
        if !rejectsFile && record.isBlank(0) && (record.count < 2 || record.isBlank(1)) {
            subheaderRows += 1
            return true
        }
        seenData = true
        return false
    }

    // MARK: - Rows

    func importRow(_ record: CSVRecord, session: ImportSession) throws -> [RowProblem] {
        var problems: [RowProblem] = []
        let column1 = code(record, 0, "column 1", &problems)
        let column2 = code(record, 1, "column 2", &problems)
        var before1996 = false
        // 0 for a blank cell, its byte for one character, 1 (no character a cell holds) for more.
        switch record.withBytes(2, { $0.isEmpty ? UInt8(0) : $0.count == 1 ? $0.first! : UInt8(1) }) {
        case 0: break
        case UInt8(ascii: "*"): before1996 = true
        default:
            problems.append(
                RowProblem(
                    column: 2, reason: "in existence before 1996 is '\(record[2])', not * (yes) or blank (no)"))
        }
        let effective = date(record, 3, "effective date", &problems)
        var deletion: CalendarDay?
        if !record.withBytes(4, { $0.isEmpty || ($0.count == 1 && $0.first == UInt8(ascii: "*")) }) {
            deletion = date(record, 4, "deletion date", &problems)
        }
        let indicator = record.withBytes(5) { $0.count == 1 ? $0.first! : 0 }
        guard [UInt8(ascii: "0"), UInt8(ascii: "1"), UInt8(ascii: "9")].contains(indicator) else {
            problems.append(
                RowProblem(
                    column: 5,
                    reason: record.isBlank(5)
                        ? "modifier indicator is blank; it is 0 (not allowed), 1 (allowed) or 9 (not applicable)"
                        : "modifier indicator '\(record[5])' is not 0 (not allowed), 1 (allowed) or 9 (not applicable)"
                ))
            return problems
        }
        guard problems.isEmpty, let column1, let column2, let effective else { return problems }
        if let deletion, deletion < effective {
            return [
                RowProblem(
                    column: 4, reason: "deletion date \(deletion) is before the effective date \(effective)")
            ]
        }
        let edit = PTPEdit(
            column1: column1.text, column2: column2.text, effectiveDate: effective.description,
            deletionDate: deletion?.description, modifierIndicator: Int(indicator - 48), before1996: before1996,
            rationale: rationale(record))
        let key = column1.number << 43 | column2.number << 23 | effective.packed
        if let earlier = loadedKeys[key] {
            return try repeated(edit, line: record.line, earlier: earlier, key: key, session: session)
        }
        try session.ncci.store(edit, batchID: batchID)
        stored += 1
        loadedKeys[key] = record.line
        return []
    }

    /// A key this file gave on an earlier line: the row in force longer stays.
    private func repeated(
        _ edit: PTPEdit, line: Int, earlier: Int, key: UInt64, session: ImportSession
    ) throws -> [RowProblem] {
        guard
            let stored = try session.ncci.edit(
                column1: edit.column1, column2: edit.column2, effectiveDate: edit.effectiveDate)
        else { preconditionFailure("the edit loaded from line \(earlier) is not stored") }
        let name = "edit \(edit.column1)/\(edit.column2) effective \(edit.effectiveDate)"
        if Self.ends(edit.deletionDate, after: stored.deletionDate) {
            try session.ncci.store(edit, batchID: batchID)
            loadedKeys[key] = line
            displaced.append(
                DisplacedRow(
                    line: earlier, fields: Self.fields(of: stored),
                    problem: RowProblem(
                        column: nil,
                        reason: "\(name) is given again on line \(line), whose row stays in force longer "
                            + "(\(Self.describe(edit.deletionDate)) against \(Self.describe(stored.deletionDate))) "
                            + "and is kept; importing this row again would replace it")))
            return []
        }
        if Self.ends(stored.deletionDate, after: edit.deletionDate) {
            return [
                RowProblem(
                    column: nil,
                    reason: "\(name) is given on line \(earlier) already, whose row stays in force longer "
                        + "(\(Self.describe(stored.deletionDate)) against \(Self.describe(edit.deletionDate))) "
                        + "and is kept; importing this row again would replace it")
            ]
        }
        return [
            RowProblem(
                column: nil,
                reason: "\(name) is given on line \(earlier) already; a table gives each edit (column 1, column 2, "
                    + "effective date) once, and importing this row again would replace that one")
        ]
    }

    func takeDisplacedRows() -> [DisplacedRow] {
        guard !displaced.isEmpty else { return [] }
        defer { displaced.removeAll() }
        return displaced
    }

    func finish(session: ImportSession, outcome: inout ImportOutcome) throws {
        let added = try session.ncci.editCount() - editsBefore
        outcome.counts.rowsReplaced = stored - added
        outcome.details.append(
            "\(NCCITable.counted(stored, "edit")): \(added) new, \(stored - added) replaced (the same column 1, "
                + "column 2 and effective date)")
        if let skipped = NCCITable.skippedRows(headerLine: headerLine, above: rowsAbove - 1, below: subheaderRows) {
            outcome.details.append(skipped)
        }
    }

    // MARK: - Values

    /// The rationale cell's text, decoded once for each text the file uses.
    private func rationale(_ record: CSVRecord) -> String {
        record.withBytes(6) { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            if let known = rationales[hash], known.bytes.elementsEqual(bytes) { return known.text }
            let text = record[6]
            if rationales.count < 1_000 { rationales[hash] = (Array(bytes), text) }
            return text
        }
    }

    private func code(_ record: CSVRecord, _ column: Int, _ label: String, _ problems: inout [RowProblem])
        -> EditCode?
    {
        if let code = record.withBytes(column, EditCode.init) { return code }
        problems.append(RowProblem(column: column, reason: EditCode.problem(label, record[column])))
        return nil
    }

    private func date(_ record: CSVRecord, _ column: Int, _ label: String, _ problems: inout [RowProblem])
        -> CalendarDay?
    {
        if let day = record.withBytes(column, EditDate.parse) { return day }
        problems.append(
            RowProblem(
                column: column,
                reason: record.isBlank(column)
                    ? "\(label) is blank" : EditDate.problem(label, record[column], orNone: column == 4)))
        return nil
    }

    /// Whether a deletion date (nil: none) ends an edit later than another.
    private static func ends(_ deletion: String?, after other: String?) -> Bool {
        guard let other else { return false }
        guard let deletion else { return true }
        return deletion > other
    }

    private static func describe(_ deletion: String?) -> String {
        deletion.map { "deleted \($0)" } ?? "no deletion date"
    }

    /// A stored edit's row as CMS writes it, for the rejects file.
    private static func fields(of edit: PTPEdit) -> [String] {
        [
            edit.column1, edit.column2, edit.before1996 ? "*" : "", EditDate.cms(edit.effectiveDate),
            edit.deletionDate.map(EditDate.cms) ?? "*", String(edit.modifierIndicator), edit.rationale,
        ]
    }
}
