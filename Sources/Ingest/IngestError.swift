import Foundation

/// Why a file cannot be imported at all. Problems with single rows are not
/// errors: they are rejects, collected in the import's outcome.
public enum IngestError: LocalizedError, Equatable {
    /// The file cannot be opened or read.
    case unreadable(file: String, reason: String)
    /// The bytes are not text codeaudit can read; the line and byte of the
    /// first one that is not, when one byte is at fault.
    case encoding(file: String, line: Int? = nil, byteOffset: Int64? = nil, reason: String)
    /// The CSV structure is broken at a place libcsv names (the byte where
    /// libcsv stopped, or where the field at fault opened, when known).
    case malformed(file: String, line: Int, column: Int, byteOffset: Int64?, reason: String)
    /// The file has no header row.
    case empty(file: String)
    /// Required columns have no header.
    case missingColumns(file: String, columns: [Column], header: [String])
    /// Two headers have the same name, and that name feeds a column: which one holds it is unclear.
    case duplicateHeader(file: String, name: String, columns: [Int], column: String)
    /// The `--mapping` file is wrong.
    case mapping(file: String, reason: String)
    /// The `--icd10-codes` file is wrong.
    case codeSet(file: String, line: Int, reason: String)
    /// The pseudonymization key cannot be used.
    case keyFile(path: String, reason: String)
    /// A fee schedule gives overlapping effective ranges for one payer, code and modifier.
    case overlappingRates(file: String, clashes: [String])
    /// `--strict` was given and rows were rejected.
    case strictRejects(file: String, count: Int)
    /// An X12 file refused as a whole: not X12, or a malformed envelope or segment.
    case x12(file: String, reason: String)
    /// A file given as a CMS reference table (`an NCCI PTP table`) that is not
    /// one: no header row where the table has it, or another header.
    case notATable(file: String, table: String, reason: String)

    /// A missing column and some of the headers that would have matched it.
    public struct Column: Equatable, Sendable {
        public var name: String
        public var examples: [String]
    }

    static func missingColumns(file: String, columns: [(String, [String])], header: [String]) -> IngestError {
        .missingColumns(file: file, columns: columns.map { Column(name: $0.0, examples: $0.1) }, header: header)
    }

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): \(reason)"
        case .encoding(let file, let line, let offset, let reason):
            let place = (line.map { ", line \($0)" } ?? "") + (offset.map { " (byte \($0))" } ?? "")
            return "\(file)\(place): \(reason)"
        case .malformed(let file, let line, let column, let offset, let reason):
            let byte = offset.map { " (byte \($0))" } ?? ""
            return "\(file), line \(line), column \(column)\(byte): \(reason); nothing was imported"
        case .empty(let file):
            return "\(file): the file is empty; an export starts with a header row naming its columns"
        case .missingColumns(let file, let columns, let header):
            let list = columns.map { column in
                "'\(column.name)' (a header such as " + column.examples.map { "\"\($0)\"" }.joined(separator: ", ")
                    + ")"
            }
            return "\(file): no column for " + list.joined(separator: "; ")
                + ". The file's headers are: " + header.map { "\"\($0)\"" }.joined(separator: ", ")
                + ". Name the right ones with --mapping FILE, e.g. {\"\(columns[0].name)\": \"Their Header\"}"
        case .duplicateHeader(let file, let name, let columns, let column):
            let numbers = columns.dropLast().map(String.init).joined(separator: ", ") + " and \(columns.last!)"
            let (all, but) = columns.count == 2 ? ("both", "one") : ("all", "all but one")
            return "\(file): columns \(numbers) of the header are \(all) named \"\(name)\", so which one gives "
                + "\(column) is unclear; rename or remove \(but) of them"
        case .mapping(let file, let reason):
            return "\(file): \(reason)"
        case .codeSet(let file, let line, let reason):
            return "\(file), line \(line): \(reason)"
        case .keyFile(let path, let reason):
            return "\(path): \(reason)"
        case .overlappingRates(let file, let clashes):
            return "\(file): rates of one payer, code and modifier overlap in time, so a service date would have two "
                + "rates; nothing was imported. Give each range its own dates:\n  " + clashes.joined(separator: "\n  ")
        case .strictRejects(let file, let count):
            return "\(file): \(count) row\(count == 1 ? "" : "s") rejected and --strict is on: nothing was imported"
        case .x12(let file, let reason):
            return "\(file): \(reason); nothing was imported"
        case .notATable(let file, let table, let reason):
            return "\(file) is not \(table): \(reason); nothing was imported"
        }
    }

    /// The sysexits code for this error (SPEC 2).
    public var exitCode: Int32 {
        switch self {
        case .unreadable, .keyFile: 66
        case .encoding, .malformed, .empty, .missingColumns, .duplicateHeader, .mapping, .codeSet, .overlappingRates,
            .strictRejects, .x12, .notATable:
            65
        }
    }
}
