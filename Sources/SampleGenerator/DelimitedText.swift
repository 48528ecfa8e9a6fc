/// A file the generator writes: its name in the output folder and its bytes.
public struct SampleFile: Sendable, Equatable {
    public let name: String
    public let bytes: [UInt8]
}

/// How an exporting system writes text: its delimiter, encoding and line end.
struct TextFormat {
    enum Encoding { case utf8, windows1252 }

    let delimiter: Character
    let encoding: Encoding
    let lineEnd: String

    static let csv = TextFormat(delimiter: ",", encoding: .utf8, lineEnd: "\r\n")

    /// A cell quoted (RFC 4180) only when it holds the delimiter, a quote or a line break.
    func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return cell
        }
        return "\"" + String(cell.flatMap { $0 == "\"" ? "\"\"" : String($0) }) + "\""
    }
}

/// Builds a delimited text file as another system exports it.
///
/// This is not codeaudit's own CSV output (`CSVOutput`, comma-separated
/// UTF-8 with a BOM): it imitates other systems' exports, tab-delimited or in
/// Windows-1252, and can write a row exactly as a broken export holds it.
struct DelimitedText {
    let format: TextFormat
    private var text = ""

    init(format: TextFormat, header: [String]) {
        self.format = format
        append(header)
    }

    /// Appends a row, each cell quoted when it must be.
    mutating func append(_ cells: [String]) {
        appendRaw(cells.map(format.quote).joined(separator: String(format.delimiter)))
    }

    /// Appends a line exactly as given.
    mutating func appendRaw(_ line: String) {
        text += line
        text += format.lineEnd
    }

    /// The file's bytes in its encoding.
    var bytes: [UInt8] {
        switch format.encoding {
        case .utf8:
            return Array(text.utf8)
        case .windows1252:
            // Only ASCII and the Latin-1 letters (U+00A0–U+00FF), whose Windows-1252 byte is their code point.
            return text.unicodeScalars.map { scalar in
                precondition(
                    scalar.value < 0x80 || (0xA0...0xFF).contains(scalar.value), "not in Windows-1252: \(scalar)")
                return UInt8(scalar.value)
            }
        }
    }
}
