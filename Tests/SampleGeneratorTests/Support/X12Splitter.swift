import SampleGenerator

/// The generator's 835 files split as simply as they can be: segments on `~`
/// (line breaks after it dropped), elements on `*`, components on `:`. Only
/// for checking what the generator writes; codeaudit's own reader is Ingest's.
enum X12Splitter {
    /// A file's segments, each a list of elements.
    static func segments(_ bytes: [UInt8]) -> [[String]] {
        String(decoding: bytes, as: UTF8.self).split(separator: "~")
            .map { $0.drop(while: \.isNewline) }
            .filter { !$0.isEmpty }
            .map { $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init) }
    }

    /// An element's components.
    static func components(_ element: String) -> [String] {
        element.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    }

    /// An X12 amount (`125`, `80.5`, `-42.17`) in cents; nil unless written so: no `+`, no trailing
    /// zero after the point, at most two decimals.
    static func cents(_ text: String) -> Int64? {
        let negative = text.hasPrefix("-")
        let digits = negative ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let whole = Int64(parts[0]), whole >= 0
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), parts[1].last != "0", let value = Int64(parts[1]) else {
                return nil
            }
            fraction = parts[1].count == 1 ? value * 10 : value
        }
        return (negative ? -1 : 1) * (whole * 100 + fraction)
    }

    /// A `CCYYMMDD` date; nil unless it is one.
    static func day(_ text: String) -> SampleDay? {
        guard text.count == 8, let number = Int(text) else { return nil }
        let (year, month, date) = (number / 10_000, number / 100 % 100, number % 100)
        let day = SampleDay(year: year, month: month, day: date)
        return day.parts.year == year && day.parts.month == month && day.parts.day == date ? day : nil
    }
}
