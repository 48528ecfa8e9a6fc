/// A calendar day of the sample practice, as a count of days since
/// 1970-01-01 in the proleptic Gregorian calendar.
public struct SampleDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let ordinal: Int

    init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// The day of a year, month (1–12) and day of the month.
    public init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146_097 + dayOfEra - 719_468
    }

    /// Year, month and day of the month (Hinnant's civil_from_days).
    public var parts: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 for Sunday … 6 for Saturday.
    var weekday: Int { ((ordinal % 7) + 11) % 7 }

    func adding(days: Int) -> SampleDay { SampleDay(ordinal: ordinal + days) }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = parts
        return "\(y)-\(Self.pad(m))-\(Self.pad(d))"
    }

    /// `MM/DD/YYYY`, as most US practice-management exports write dates.
    var usPadded: String {
        let (y, m, d) = parts
        return "\(Self.pad(m))/\(Self.pad(d))/\(y)"
    }

    /// `M/D/YYYY`, as reporting tools that format dates for Excel write them.
    var usShort: String {
        let (y, m, d) = parts
        return "\(m)/\(d)/\(y)"
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public static func < (a: SampleDay, b: SampleDay) -> Bool { a.ordinal < b.ordinal }
}

/// A calendar month of service.
public struct SampleMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// The month of a year (month 1–12).
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month's first day.
    public var firstDay: SampleDay { SampleDay(year: year, month: month, day: 1) }
    /// The month after.
    public var next: SampleMonth {
        month == 12 ? SampleMonth(year: year + 1, month: 1) : SampleMonth(year: year, month: month + 1)
    }
    var previous: SampleMonth {
        month == 1 ? SampleMonth(year: year - 1, month: 12) : SampleMonth(year: year, month: month - 1)
    }

    /// Every day of the month.
    var days: [SampleDay] { (firstDay.ordinal..<next.firstDay.ordinal).map(SampleDay.init(ordinal:)) }

    /// `YYYY-MM`.
    public var description: String { "\(year)-\(SampleDay.pad(month))" }

    public static func < (a: SampleMonth, b: SampleMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// The days the practice and its coding office are open: weekdays other than
/// the six holidays it closes for.
enum PracticeCalendar {
    static func isWorkingDay(_ day: SampleDay) -> Bool {
        day.weekday != 0 && day.weekday != 6 && !isHoliday(day)
    }

    /// New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving
    /// and Christmas, moved to the Friday or Monday when they fall on a weekend.
    static func isHoliday(_ day: SampleDay) -> Bool { holidays.contains(day) }

    /// The holidays of 1990–2100, computed once: the generator asks for every day it schedules.
    private static let holidays: Set<SampleDay> = {
        var days = Set<SampleDay>()
        for year in 1990...2100 {
            for (month, day) in [(1, 1), (7, 4), (12, 25)] {
                days.insert(observed(SampleDay(year: year, month: month, day: day)))
            }
            days.insert(nthWeekday(1, of: 5, year: year, n: -1))
            days.insert(nthWeekday(1, of: 9, year: year, n: 1))
            days.insert(nthWeekday(4, of: 11, year: year, n: 4))
        }
        return days
    }()

    private static func observed(_ day: SampleDay) -> SampleDay {
        switch day.weekday {
        case 6: day.adding(days: -1)
        case 0: day.adding(days: 1)
        default: day
        }
    }

    /// The n-th (1-based; -1 for the last) `weekday` of a month.
    private static func nthWeekday(_ weekday: Int, of month: Int, year: Int, n: Int) -> SampleDay {
        let days = SampleMonth(year: year, month: month).days.filter { $0.weekday == weekday }
        return n < 0 ? days[days.count - 1] : days[n - 1]
    }

    /// The working days of a month.
    static func workingDays(in month: SampleMonth) -> [SampleDay] { month.days.filter(isWorkingDay) }

    /// The working day `count` working days after `day` (0: `day` itself when it is one).
    static func workingDay(after day: SampleDay, count: Int) -> SampleDay {
        var current = day
        var left = count
        while !isWorkingDay(current) { current = current.adding(days: 1) }
        while left > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }
}
