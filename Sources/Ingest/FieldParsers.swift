/// Parsers for the values of SPEC 3: each returns the normalized value or a
/// reason that names the value and says what would be accepted.
enum FieldParsers {
    static let dateForms = "write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY"

    /// A date that is not in the future.
    static func day(_ text: String, label: String, today: CalendarDay) -> Result<CalendarDay, FieldProblem> {
        guard let day = CalendarDay(parsing: Substring(text)) else {
            return .failure(FieldProblem(Self.dateProblem(text, label: label)))
        }
        guard day <= today else {
            return .failure(FieldProblem("\(label) '\(text)' is in the future (today is \(today))"))
        }
        return .success(day)
    }

    private static func dateProblem(_ text: String, label: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
        if parts.count == 3, parts.last!.count == 2 || parts.first!.count == 2 && text.contains("-") {
            return "\(label) '\(text)' has a two-digit year; \(dateForms)"
        }
        return "\(label) '\(text)' is not a date; \(dateForms)"
    }

    /// A timestamp as ISO 8601 (`2026-03-05T14:22[:05][.123][Z|±hh:mm]`, a space
    /// for the `T` too) or `MM/DD/YYYY HH:MM[:SS][ AM|PM]`, or a date alone.
    /// Returns the normalized text and its day; no time-zone arithmetic is done.
    static func timestamp(_ text: String, label: String, today: CalendarDay) -> Result<(String, CalendarDay), FieldProblem> {
        let separator = text.firstIndex(where: { $0 == "T" || $0 == " " })
        let datePart = separator.map { text[..<$0] } ?? Substring(text)
        guard let day = CalendarDay(parsing: datePart) else {
            return .failure(
                FieldProblem(
                    "\(label) '\(text)' is not a timestamp; write YYYY-MM-DD HH:MM[:SS] (ISO 8601) or "
                        + "MM/DD/YYYY HH:MM[:SS]"))
        }
        guard day <= today else {
            return .failure(FieldProblem("\(label) '\(text)' is in the future (today is \(today))"))
        }
        guard let separator else { return .success((day.description, day)) }
        let rest = text[text.index(after: separator)...].trimmingCharacters(in: .whitespaces)
        guard let time = clock(rest, iso: !datePart.contains("/")) else {
            return .failure(
                FieldProblem(
                    "\(label) '\(text)' has a time that does not parse; write HH:MM or HH:MM:SS (24-hour), "
                        + "optionally with AM/PM"))
        }
        return .success(("\(day)T\(time)", day))
    }

    /// `HH:MM[:SS[.fff]]` with an optional zone (ISO) or AM/PM (US), as `HH:MM:SS[zone]`.
    private static func clock(_ text: String, iso: Bool) -> String? {
        var body = Substring(text)
        var zone = ""
        var meridiem: String?
        let upper = body.uppercased()
        if upper.hasSuffix("AM") || upper.hasSuffix("PM") {
            meridiem = String(upper.suffix(2))
            body = body.dropLast(2)
            while body.last == " " { body = body.dropLast() }
        } else if iso {
            if body.hasSuffix("Z") {
                zone = "Z"
                body = body.dropLast()
            } else if let sign = body.lastIndex(where: { $0 == "+" || $0 == "-" }) {
                let offset = body[body.index(after: sign)...]
                let digits = offset.split(separator: ":")
                guard (1...2).contains(digits.count), digits.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) })
                else { return nil }
                zone = String(body[sign]) + digits[0] + ":" + (digits.count == 2 ? digits[1] : "00")
                body = body[..<sign]
            }
        }
        if let dot = body.firstIndex(of: ".") {
            guard body[body.index(after: dot)...].allSatisfy(\.isASCIIDigit) else { return nil }
            body = body[..<dot]
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
            var hour = Int(parts[0]), let minute = Int(parts[1]), minute < 60
        else { return nil }
        let second = parts.count == 3 ? Int(parts[2])! : 0
        guard second < 60 else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == "PM" ? 12 : 0)
        }
        guard hour < 24 else { return nil }
        return String(format: "%02d:%02d:%02d", hour, minute, second) + zone
    }

    /// Money as `1234.5`, `$1,234.50`, `-12`, `(12.00)` or `($12.00)`, in integer cents.
    static func cents(_ text: String, label: String) -> Result<Int64, FieldProblem> {
        let problem = FieldProblem(
            "\(label) '\(text)' is not an amount of money; write it like 1234.50, $1,234.50 or (12.00)")
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("(") && body.hasSuffix(")") {
            negative = true
            body = body.dropFirst().dropLast()
        }
        if body.hasPrefix("-") {
            guard !negative else { return .failure(problem) }
            negative = true
            body = body.dropFirst()
        }
        if body.hasPrefix("$") { body = body.dropFirst() }
        if body.hasPrefix("-") {
            guard !negative else { return .failure(problem) }
            negative = true
            body = body.dropFirst()
        }
        body = body.drop(while: { $0 == " " })
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count) else { return .failure(problem) }
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty), fraction.allSatisfy(\.isASCIIDigit) else {
            return .failure(problem)
        }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            groups.count == 1 || (groups.dropFirst().allSatisfy { $0.count == 3 } && (1...3).contains(groups[0].count))
        else { return .failure(problem) }
        let digits = groups.joined()
        guard digits.count <= 13 else {
            return .failure(FieldProblem("\(label) '\(text)' is too large an amount"))
        }
        let cents2 = fraction.prefix(2).padding(toLength: 2, withPad: "0", startingAt: 0)
        guard fraction.dropFirst(2).allSatisfy({ $0 == "0" }) else {
            return .failure(FieldProblem("\(label) '\(text)' has fractions of a cent"))
        }
        let value = (Int64(digits.isEmpty ? "0" : digits)! * 100) + Int64(cents2)!
        return .success(negative ? -value : value)
    }

    /// A whole number of units from 1 to 999 (`2.00` counts as 2).
    static func units(_ text: String) -> Result<Int, FieldProblem> {
        var body = Substring(text)
        if let dot = body.firstIndex(of: "."), body[body.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            body = body[..<dot]
        }
        guard !body.isEmpty, body.count <= 4, body.allSatisfy(\.isASCIIDigit), let units = Int(body),
            (1...999).contains(units)
        else {
            return .failure(FieldProblem("units '\(text)' is not a whole number from 1 to 999"))
        }
        return .success(units)
    }

    /// Minutes as a non-negative decimal number (`12`, `7.5`) or `H:MM`.
    static func minutes(_ text: String) -> Result<Double, FieldProblem> {
        let problem = FieldProblem(
            "coding minutes '\(text)' is not a number of minutes; write it like 12, 7.5 or 0:12 (H:MM)")
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let hours = Int(parts[0]), hours >= 0, parts[1].count == 2, let minutes = Int(parts[1]),
                minutes < 60
            else { return .failure(problem) }
            return .success(Double(hours * 60 + minutes))
        }
        guard text.allSatisfy({ $0.isASCIIDigit || $0 == "." }), let value = Double(text), value.isFinite else {
            return .failure(problem)
        }
        guard value <= 24 * 60 else {
            return .failure(FieldProblem("coding minutes '\(text)' is more than a day (1440 minutes)"))
        }
        return .success(value)
    }
}

/// Why one value of a row is not accepted.
struct FieldProblem: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
