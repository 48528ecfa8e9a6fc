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

/// A CSV export read back as a spreadsheet would (``csvRecords(_:)``): a header row,
/// then the rows; blank lines are left out.
public struct CSVTable {
    public let header: [String]
    /// The rows after the header, as cells.
    public let rows: [[String]]
    /// The rows after the header, each by its column name.
    public let records: [[String: String]]

    public init(_ text: String) {
        let complete = csvRecords(text).filter { $0 != [""] }
        let header = complete.first ?? []
        self.header = header
        self.rows = Array(complete.dropFirst())
        records = self.rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

/// The records of an RFC 4180 file as cells, quoted cells unquoted (commas, doubled quotes and line
/// breaks inside them kept), without its BOM; for rejects files, whose reasons hold commas.
public func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var cell = ""
    var quoted = false
    var characters = text.replacingOccurrences(of: "\u{FEFF}", with: "")[...]
    while let character = characters.popFirst() {
        if quoted {
            if character == "\"" {
                if characters.first == "\"" {
                    cell.append(characters.removeFirst())
                } else {
                    quoted = false
                }
            } else {
                cell.append(character)
            }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            record.append(cell)
            cell = ""
        } else if character == "\r\n" || character == "\n" {
            records.append(record + [cell])
            record = []
            cell = ""
        } else {
            cell.append(character)
        }
    }
    if !cell.isEmpty || !record.isEmpty { records.append(record + [cell]) }
    return records
}
