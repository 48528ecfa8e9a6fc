import Store

/// What the readers of CMS's NCCI tables (SPEC 8) share: finding the header
/// under CMS's preamble, the code and date shapes of the tables, and the
/// messages that refuse a file that is not such a table.
enum NCCITable {
    /// How many rows may come before the header. CMS's files have one to
    /// three (a copyright notice, a title); a file with no header among its
    /// first 20 rows is another kind of file, refused without reading it all.
    static let rowsAboveHeaderLimit = 20

    /// The columns the import adds to a rejects file: a table whose header
    /// ends with them is a rejects file written by an import, ready to import again.
    static let rejectsColumns: Set<String> = ["reject_line", "reject_reason"]

    /// A header cell reduced to its letters and digits, lower-cased: CMS wraps
    /// header cells over lines (`"HCPCS/` newline `CPT Code"`), and writes
    /// `Column 1` and `Column1` both.
    static func normalize(_ cell: String) -> String {
        String(String.UnicodeScalarView(cell.lowercased().unicodeScalars.filter(isLetterOrDigit)))
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// The first cell of a PTP table's header, normalized.
    static let ptpFirstCell = "column1"
    /// The first cell of an MUE table's header, normalized.
    static let mueFirstCell = "hcpcscptcode"

    /// Whether a row is a PTP table's header: its first two cells are `Column 1` and `Column 2`.
    static func isPTPHeader(_ cells: [String]) -> Bool {
        cells.count >= 2 && normalize(cells[0]) == ptpFirstCell && normalize(cells[1]) == "column2"
    }

    /// Whether a row is an MUE table's header: its first cell is `HCPCS/CPT Code`.
    static func isMUEHeader(_ cells: [String]) -> Bool {
        cells.first.map(normalize) == mueFirstCell
    }

    /// How many of a header's cells belong to the table: the cells after the
    /// last one that is neither blank nor a column the import adds to a rejects file.
    static func tableWidth(_ cells: [String]) -> Int {
        var width = cells.count
        while width > 0, cells[width - 1].isEmpty || rejectsColumns.contains(cells[width - 1]) { width -= 1 }
        return width
    }

    /// Whether a header is a rejects file's: it ends with the columns the import adds.
    static func isRejectsFile(_ cells: [String]) -> Bool {
        cells.contains { rejectsColumns.contains($0) }
    }

    /// "1 edit", "2 edits".
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// What the summary says of the rows around the header that are no data, when there are any.
    static func skippedRows(headerLine: Int, above: Int, below: Int) -> String? {
        let parts =
            (above > 0 ? ["\(counted(above, "row")) above it (title, notice)"] : [])
            + (below > 0 ? ["\(counted(below, "sub-header row")) below it"] : [])
        guard !parts.isEmpty else { return nil }
        return "header on line \(headerLine); skipped " + parts.joined(separator: " and ")
    }

    /// The refusal of a file whose header is not within the first rows.
    static func headerTooFarDown(file: String, table: String, expected: String) -> IngestError {
        .notATable(
            file: file, table: table, reason: "expected \(expected) within its first \(rowsAboveHeaderLimit) rows")
    }

    /// The refusal of a file of `rows` rows that ended without the header.
    static func missingHeader(file: String, table: String, expected: String, rows: Int) -> IngestError {
        .notATable(file: file, table: table, reason: "expected \(expected), " + noHeader(rows: rows))
    }

    /// How a refusal says that a file of `rows` rows ended without the header.
    static func noHeader(rows: Int) -> String {
        switch rows {
        case 0: "but the file is empty"
        case 1: "but the file's one row is not that header"
        default: "but none of the file's \(rows) rows is that header"
        }
    }

    /// Cells for a message: quoted, line breaks inside a cell shown as spaces.
    static func quoted(_ cells: some Sequence<String>) -> String {
        cells.map { "\"" + $0.split(whereSeparator: \.isNewline).joined(separator: " ") + "\"" }
            .joined(separator: ", ")
    }
}

/// A procedure code as the NCCI tables write it: 5 characters, a CPT code (5
/// digits, or 4 digits and A, F, M, T or U: CPT's vaccine administration,
/// category II, multianalyte, category III and PLA codes all have edits) or a
/// HCPCS Level II code (a letter A–V and 4 digits); upper-cased.
struct EditCode {
    let text: String
    /// A number below 2^20 that no other code has, for keys kept in memory.
    let number: UInt64

    /// The code of a cell, or nil when it has another shape.
    init?(_ bytes: FieldBytes) {
        guard bytes.count == 5 else { return nil }
        var upper: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &upper) { out in
            for (offset, byte) in bytes.enumerated() {
                out[offset] = byte >= 97 && byte <= 122 ? byte - 32 : byte
            }
        }
        let (b0, b1, b2, b3, b4) = upper
        func digit(_ byte: UInt8) -> UInt64? { byte >= 48 && byte <= 57 ? UInt64(byte - 48) : nil }
        if let d0 = digit(b0), let d1 = digit(b1), let d2 = digit(b2), let d3 = digit(b3) {
            let four = ((d0 * 10 + d1) * 10 + d2) * 10 + d3
            if let d4 = digit(b4) {
                number = four * 10 + d4
            } else if [UInt8(ascii: "A"), UInt8(ascii: "F"), UInt8(ascii: "M"), UInt8(ascii: "T"), UInt8(ascii: "U")]
                .contains(b4)
            {
                number = 100_000 + four * 26 + UInt64(b4 - 65)
            } else {
                return nil
            }
        } else if b0 >= UInt8(ascii: "A"), b0 <= UInt8(ascii: "V"), let d1 = digit(b1), let d2 = digit(b2),
            let d3 = digit(b3), let d4 = digit(b4)
        {
            number = 360_000 + UInt64(b0 - 65) * 10_000 + ((d1 * 10 + d2) * 10 + d3) * 10 + d4
        } else {
            return nil
        }
        text = String(unsafeUninitializedCapacity: 5) { buffer in
            withUnsafeBytes(of: upper) { _ = buffer.initialize(from: $0) }
            return 5
        }
    }

    /// Why a cell is not a code, in the words every NCCI reject uses.
    static func problem(_ label: String, _ cell: String) -> String {
        cell.isEmpty
            ? "\(label) is blank"
            : "\(label) '\(cell)' is not a CPT code (5 digits, or 4 digits and A, F, M, T or U) or a HCPCS Level II "
                + "code (a letter A–V and 4 digits)"
    }
}

/// The dates of the NCCI tables.
enum EditDate {
    /// `YYYYMMDD`, as CMS writes its dates, or a date as SPEC 3 reads one
    /// (`YYYY-MM-DD`, `MM/DD/YYYY`, `M/D/YYYY`: a table saved from a spreadsheet).
    static func parse(_ bytes: FieldBytes) -> CalendarDay? {
        guard bytes.count == 8 else { return CalendarDay(parsing: bytes) }
        let b = bytes.startIndex
        guard let year = FieldParsers.number(bytes[b..<b + 4]), let month = FieldParsers.number(bytes[b + 4..<b + 6]),
            let day = FieldParsers.number(bytes[b + 6..<b + 8])
        else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// Why a cell is not a date.
    static func problem(_ label: String, _ cell: String, orNone: Bool = false) -> String {
        "\(label) '\(cell)' is not a date: write YYYYMMDD as CMS does (or YYYY-MM-DD, MM/DD/YYYY)"
            + (orNone ? ", or * for none" : "")
    }

    /// `YYYYMMDD`, as CMS writes it.
    static func cms(_ day: String) -> String {
        day.filter { $0 != "-" }
    }
}

extension CalendarDay {
    /// A number below 2^23 that orders days as they come, for keys kept in memory.
    var packed: UInt64 { UInt64(year) << 9 | UInt64(month) << 5 | UInt64(day) }
}
