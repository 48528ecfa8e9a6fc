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
