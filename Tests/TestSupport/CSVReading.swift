import Foundation

/// A CSV file's rows as cells, without its BOM: for exports and worksheets, whose lines end in
/// CRLF, in tests whose cells hold no comma, quote or line end.
public func csvRows(_ text: String) -> [[String]] {
    text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
        .map { $0.components(separatedBy: ",") }
}

extension Collection<UInt8> {
    /// Whether `needle`'s bytes occur anywhere in these bytes.
    ///
    ///     #expect(!databaseFile.contains(bytes: "MRN-778899".utf8))
    public func contains(bytes needle: some Collection<UInt8>) -> Bool {
        Data(self).range(of: Data(needle)) != nil
    }
}

/// A CSV export read back as a spreadsheet would: RFC 4180 quoting (commas, quotes
/// and line ends inside quotes), CRLF line ends, a header row; a BOM is skipped.
public struct CSVTable {
    public let header: [String]
    /// The rows after the header, as cells.
    public let rows: [[String]]
    /// The rows after the header, each by its column name.
    public let records: [[String: String]]

    public init(_ text: String) {
        var rows: [[String]] = [[]]
        var field = ""
        var quoted = false
        var previous: Character?
        for character in text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if character == "," {
                rows[rows.count - 1].append(field)
                field = ""
            } else if character == "\r\n" || character == "\n" {
                rows[rows.count - 1].append(field)
                field = ""
                rows.append([])
            } else {
                field.append(character)
            }
            previous = character
        }
        let complete = rows.filter { !$0.isEmpty }
        let header = complete.first ?? []
        self.header = header
        self.rows = Array(complete.dropFirst())
        records = self.rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
