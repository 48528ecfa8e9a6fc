import Foundation

/// A calendar day, with no time and no time zone.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A valid day of the proleptic Gregorian calendar, or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Today in the machine's local time zone: a practice's "today".
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            for (offset, value, width) in [(0, year, 4), (5, month, 2), (8, day, 2)] {
                var rest = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(48 + rest % 10)
                    rest /= 10
                }
            }
            buffer[4] = UInt8(ascii: "-")
            buffer[7] = UInt8(ascii: "-")
            return 10
        }
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Parses `YYYY-MM-DD`, `MM/DD/YYYY` or `M/D/YYYY`; nil for anything else,
    /// two-digit years included.
    public init?(parsing text: String) {
        var text = text
        guard let day = text.withUTF8({ CalendarDay(parsing: $0[...]) }) else { return nil }
        self = day
    }

    init?(parsing bytes: FieldBytes) {
        let b = bytes.startIndex
        if bytes.count == 10, bytes[b + 4] == UInt8(ascii: "-"), bytes[b + 7] == UInt8(ascii: "-"),
            let y = FieldParsers.number(bytes[b..<b + 4]), let m = FieldParsers.number(bytes[b + 5..<b + 7]),
            let d = FieldParsers.number(bytes[b + 8..<b + 10])
        {
            self.init(year: y, month: m, day: d)
            return
        }
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, let m = FieldParsers.number(parts[0]), let d = FieldParsers.number(parts[1]),
            let y = FieldParsers.number(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
