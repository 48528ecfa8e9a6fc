import Analytics
import CSVOutput
import Codes
import Foundation

/// A cell of a CSV export: text (guarded against spreadsheet formulas), a
/// number written as it is, or blank.
public enum ExportCell: Sendable, Equatable {
    case text(String)
    case number(String)
    case blank

    /// A count.
    static func count(_ value: Int) -> ExportCell { .number(String(value)) }

    /// Money in cents, with 2 decimals; blank when nil.
    static func money(_ cents: Int64?) -> ExportCell {
        guard let cents else { return .blank }
        return .number(ExportFormat.money(cents))
    }

    /// A ratio with `decimals` decimals, rounded half away from zero; blank when nil.
    static func ratio(_ value: Ratio?, decimals: Int) -> ExportCell {
        guard let value else { return .blank }
        return .number(value.formatted(decimals: decimals))
    }

    static func optionalText(_ value: String?) -> ExportCell {
        guard let value, !value.isEmpty else { return .blank }
        return .text(value)
    }
}

/// One CSV export: its file name, header and rows, in their documented order.
public struct ExportTable: Sendable, Equatable {
    /// The export's name, also its file name without `.csv`.
    public var name: String
    public var header: [String]
    public var rows: [[ExportCell]]

    /// The file's bytes per SPEC 5: UTF-8 (with a BOM unless `bom` is false),
    /// comma-separated, CRLF line ends, RFC 4180 quoting, and a leading `'` on
    /// text cells that a spreadsheet would take for a formula.
    public func csv(bom: Bool = true) -> Data {
        var bytes: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        for row in [header.map(ExportCell.text)] + rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                switch cell {
                case .text(let text): CSVWriter.append(ExportFormat.guarded(text), to: &bytes)
                case .number(let number): CSVWriter.append(number, to: &bytes)
                case .blank: break
                }
            }
            bytes += [0x0D, 0x0A]
        }
        return Data(bytes)
    }
}

/// The number formats of the exports.
public enum ExportFormat {
    /// `1234.50`, `-12.00`.
    public static func money(_ cents: Int64) -> String {
        Cents.text(cents)
    }

    /// A Double (a confidence bound) with `decimals` decimals, half away from zero.
    public static func decimal(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return String(format: "%.\(decimals)f", (value * scale).rounded(.toNearestOrAwayFromZero) / scale)
    }

    /// Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR,
    /// LF first) gets a leading `'` (OWASP's CSV-injection guidance).
    public static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }
}
