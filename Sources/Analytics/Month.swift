import Foundation

/// A calendar month, `YYYY-MM`: the period of every metric.
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Parses `YYYY-MM`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), (1...9999).contains(year), (1...12).contains(month)
        else { return nil }
        self.year = year
        self.month = month
    }

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// `YYYY-MM` (written digit by digit: an export writes it on every row, and
    /// `String(format:)` cost more than the rest of a row). A year outside
    /// 0…9999, which only arithmetic on months reaches, is written as
    /// `String(format:)` writes it.
    public var description: String {
        guard (0...9999).contains(year), (1...12).contains(month) else {
            return String(format: "%04d-%02d", year, month)
        }
        let digits: [UInt8] = [
            UInt8(48 + year / 1000 % 10), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10),
            UInt8(48 + year % 10), UInt8(ascii: "-"), UInt8(48 + month / 10), UInt8(48 + month % 10),
        ]
        return String(decoding: digits, as: UTF8.self)
    }

    /// The first day, `YYYY-MM-01`.
    public var firstDay: String { description + "-01" }

    /// The first day of the next month: days of this month are `>= firstDay AND < nextFirstDay`.
    public var nextFirstDay: String { next.firstDay }

    public var next: Month { month == 12 ? Month(year: year + 1, month: 1) : Month(year: year, month: month + 1) }

    public var previous: Month { month == 1 ? Month(year: year - 1, month: 12) : Month(year: year, month: month - 1) }

    /// The month `months` after this one (before it, when negative).
    public func advanced(by months: Int) -> Month {
        let index = year * 12 + month - 1 + months
        // Floored: a month before year 0 is in year −1, not in a month 0 of year 0.
        let (year, offset) = (index >= 0 ? index / 12 : (index - 11) / 12, (index % 12 + 12) % 12)
        return Month(year: year, month: offset + 1)
    }

    public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

extension ClosedRange where Bound == Month {
    /// Every month of the range, oldest first.
    public var months: [Month] {
        var months = [lowerBound]
        while months.last! < upperBound { months.append(months.last!.next) }
        return months
    }
}
