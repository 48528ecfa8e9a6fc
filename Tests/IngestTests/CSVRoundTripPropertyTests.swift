import CSVOutput
import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Ingest
@testable import Report

/// What codeaudit writes as CSV (rejects files, exports) reads back through its own importer's
/// reader cell for cell, whatever the text; exports only add the documented `'` before text a
/// spreadsheet would run as a formula.
@Suite struct CSVRoundTripPropertyTests {
    /// Rows of 2 to 6 cells (a row of one empty cell is an empty line, which readers skip).
    static let rows = TextGen.cell.array(of: 2...6).array(of: 1...8)

    @Test func csvWriterRoundTripsEveryCell() async {
        await propertyCheck(input: Self.rows) { rows in
            // Given a rejects-style file written by CSVWriter (BOM, CRLF, RFC 4180 quoting)
            let folder = try TemporaryFolder()
            let path = folder.path("written.csv")
            let writer = try CSVWriter(path: path, bom: true)
            for row in rows { try writer.write(row) }
            try writer.close()
            // When the import's reader parses it
            let parsed = try ParsedCSV(path: path)
            // Then every field comes back byte for byte, and as the import reads it (trimmed)
            #expect(parsed.delimiter == .comma)
            #expect(parsed.raw == rows)
            #expect(parsed.fields == rows.map { $0.map(TextGen.trimmed) })
        }
    }

    /// Export cells: text of any kind, numbers as the exports print them, blanks.
    static let exportCell = zip(Gen.int(in: 0...5), TextGen.cell, Gen.int(in: -99_999...99_999)).map {
        kind, text, number -> ExportCell in
        switch kind {
        case 0: .blank
        case 1: .number(ExportFormat.money(Int64(number)))
        default: .text(text)
        }
    }

    @Test func exportTableRoundTripsEveryCellBehindTheFormulaGuard() async {
        await propertyCheck(input: Self.exportCell.array(of: 3).array(of: 0...8), Gen.bool) { rows, bom in
            // Given an export of arbitrary cells, with or without a BOM
            let table = ExportTable(name: "sample", header: ["month", "key", "note"], rows: rows)
            let folder = try TemporaryFolder()
            let path = folder.path("sample.csv")
            try table.csv(bom: bom).write(to: URL(fileURLWithPath: path))
            // When the import's reader parses it
            let parsed = try ParsedCSV(path: path)
            // Then the header and every cell come back exactly, text behind the guard
            let expected = rows.map { row in
                row.map { cell in
                    switch cell {
                    case .text(let text): ExportFormat.guarded(text)
                    case .number(let number): number
                    case .blank: ""
                    }
                }
            }
            #expect(parsed.raw == [table.header] + expected)
        }
    }

    /// Text that a spreadsheet would take for a formula, or not.
    static let riskyText = zip(Gen<Character?>.element(of: Array("=+-@\t\r\na '")).map { $0! }, TextGen.cell).map {
        String($0) + $1
    }

    @Test func noExportedTextCellStartsWithAFormulaTrigger() async {
        await propertyCheck(input: Self.riskyText.array(of: 1...6)) { texts in
            // Given an export whose text cells start with formula triggers, among others
            let table = ExportTable(name: "sample", header: ["note"], rows: texts.map { [.text($0)] })
            let folder = try TemporaryFolder()
            let path = folder.path("sample.csv")
            try table.csv().write(to: URL(fileURLWithPath: path))
            // When a reader takes the cells as a spreadsheet would (untrimmed)
            let cells = try ParsedCSV(path: path).raw.dropFirst().map { $0[0] }
            // Then none starts with =, +, -, @, tab, CR or LF, and each is the text after at most a '
            let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n"]
            for (cell, text) in zip(cells, texts) {
                #expect(cell.unicodeScalars.first.map { !triggers.contains($0) } ?? true, "\(cell.debugDescription)")
                #expect(cell == text || cell == "'" + text)
            }
            #expect(cells.count == texts.count)
        }
    }
}

/// A CSV file as the import's reader sees it.
struct ParsedCSV {
    var delimiter: Delimiter
    /// Each field's bytes as libcsv gave them, decoded.
    var raw: [[String]] = []
    /// Each field as the import reads it (trimmed of spaces and tabs).
    var fields: [[String]] = []

    init(path: String) throws {
        let info = try InputFileInfo.inspect(path: path)
        delimiter = info.delimiter
        var raw: [[String]] = []
        var fields: [[String]] = []
        try CSVReader(path: path, info: info).forEachRecord { record in
            raw.append(
                (0..<record.count).map { index in
                    let start = index == 0 ? 0 : record.ends[index - 1]
                    return String(decoding: record.bytes[start..<record.ends[index]], as: UTF8.self)
                })
            fields.append(record.fields)
        }
        self.raw = raw
        self.fields = fields
    }
}
