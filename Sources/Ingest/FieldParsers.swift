/// Parsers for the values of SPEC 3: each returns the normalized value or a
/// reason that names the value and says what would be accepted. They work on
/// UTF-8 bytes: they run for every cell of every row of an import.
enum FieldParsers {
    static let dateForms = "write YYYY-MM-DD, MM/DD/YYYY or M/D/YYYY"

    /// A date that is not in the future; `text` gives the cell for messages.
    static func day(_ bytes: FieldBytes, label: String, today: CalendarDay, text: () -> String) -> Result<
        CalendarDay, FieldProblem
    > {
        guard let day = CalendarDay(parsing: bytes) else {
            return .failure(FieldProblem(dateProblem(text(), label: label)))
        }
        guard day <= today else {
            return .failure(FieldProblem("\(label) '\(text())' is in the future (today is \(today))"))
        }
        return .success(day)
    }

    static func dateProblem(_ text: String, label: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" })
        if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            (text.contains("/") && parts.last!.count == 2) || (text.contains("-") && parts.first!.count == 2)
        {
            return "\(label) '\(text)' has a two-digit year; \(dateForms)"
        }
        return "\(label) '\(text)' is not a date; \(dateForms)"
    }

    /// A timestamp as ISO 8601 (`2026-03-05T14:22[:05][.123][Z|±hh:mm]`, a space
    /// for the `T` too) or `MM/DD/YYYY HH:MM[:SS][ AM|PM]`, or a date alone.
    /// Returns the normalized text (`YYYY-MM-DDTHH:MM:SS[zone]`, or the date)
    /// and its day; no time-zone arithmetic is done.
    static func timestamp(
        _ bytes: FieldBytes, label: String, today: CalendarDay, text: () -> String
    ) -> Result<(String, CalendarDay), FieldProblem> {
        if let (normalized, day) = isoLocalTimestamp(bytes) {
            guard day <= today else {
                return .failure(FieldProblem("\(label) '\(text())' is in the future (today is \(today))"))
            }
            return .success((normalized, day))
        }
        let parsed: (CalendarDay, String?)?? = {
            let split = bytes.firstIndex(where: { $0 == UInt8(ascii: "T") || $0 == 0x20 }) ?? bytes.endIndex
            guard let day = CalendarDay(parsing: bytes[..<split]) else { return nil }
            if split == bytes.endIndex { return (day, nil) }
            let iso = !bytes[..<split].contains(UInt8(ascii: "/"))
            guard let time = clock(bytes[(split + 1)...], iso: iso) else { return .some(nil) }
            return (day, time)
        }()
        switch parsed {
        case .none:
            return .failure(
                FieldProblem(
                    "\(label) '\(text())' is not a timestamp; write YYYY-MM-DD HH:MM[:SS] (ISO 8601) or "
                        + "MM/DD/YYYY HH:MM[:SS]"))
        case .some(.none):
            return .failure(
                FieldProblem(
                    "\(label) '\(text())' has a time that does not parse; write HH:MM or HH:MM:SS (24-hour), "
                        + "optionally with AM/PM"))
        case .some(.some(let (day, time))):
            guard day <= today else {
                return .failure(FieldProblem("\(label) '\(text())' is in the future (today is \(today))"))
            }
            return .success((time.map { "\(day)T\($0)" } ?? day.description, day))
        }
    }

    /// The common export form `YYYY-MM-DD HH:MM[:SS]` (or with `T`), read without
    /// splitting; nil for anything else, which the general parser then reads.
    private static func isoLocalTimestamp(_ bytes: FieldBytes) -> (String, CalendarDay)? {
        let b = bytes.startIndex
        guard bytes.count == 19 || bytes.count == 16, bytes[b + 4] == UInt8(ascii: "-"),
            bytes[b + 10] == 0x20 || bytes[b + 10] == UInt8(ascii: "T"),
            bytes[b + 13] == UInt8(ascii: ":"), let day = CalendarDay(parsing: bytes[b..<b + 10]),
            let hour = number(bytes[b + 11..<b + 13]), hour < 24, let minute = number(bytes[b + 14..<b + 16]),
            minute < 60
        else { return nil }
        if bytes.count == 19 {
            guard bytes[b + 16] == UInt8(ascii: ":"), let second = number(bytes[b + 17..<b + 19]), second < 60 else {
                return nil
            }
        }
        let text = String(unsafeUninitializedCapacity: 19) { out in
            for i in 0..<bytes.count { out[i] = bytes[b + i] }
            out[10] = UInt8(ascii: "T")
            if bytes.count == 16 {
                out[16] = UInt8(ascii: ":")
                out[17] = UInt8(ascii: "0")
                out[18] = UInt8(ascii: "0")
            }
            return 19
        }
        return (text, day)
    }

    /// `HH:MM[:SS[.fff]]` with an optional zone (ISO) or AM/PM (US), as `HH:MM:SS[zone]`.
    private static func clock(_ input: FieldBytes, iso: Bool) -> String? {
        var bytes = input.drop(while: { $0 == 0x20 })
        while bytes.last == 0x20 { bytes = bytes.dropLast() }
        var zone = ""
        var meridiem: UInt8?
        if bytes.count >= 2, bytes.last! | 0x20 == UInt8(ascii: "m"),
            let letter = bytes.dropLast().last.map({ $0 | 0x20 }),
            letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p")
        {
            meridiem = letter
            bytes = bytes.dropLast(2)
            while bytes.last == 0x20 { bytes = bytes.dropLast() }
        } else if iso, let last = bytes.last {
            if last == UInt8(ascii: "Z") {
                zone = "Z"
                bytes = bytes.dropLast()
            } else if let sign = bytes.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }) {
                let offset = bytes[(sign + 1)...].filter { $0 != UInt8(ascii: ":") }
                guard offset.count == 2 || offset.count == 4, offset.allSatisfy(isDigit) else { return nil }
                let digits = String(decoding: offset, as: UTF8.self)
                zone =
                    String(UnicodeScalar(bytes[sign])) + digits.prefix(2) + ":"
                    + (digits.count == 4 ? digits.suffix(2) : "00")
                bytes = bytes[..<sign]
            }
        }
        if let dot = bytes.firstIndex(of: UInt8(ascii: ".")) {
            guard bytes[(dot + 1)...].allSatisfy(isDigit) else { return nil }
            bytes = bytes[..<dot]
        }
        let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) }),
            var hour = number(parts[0]), let minute = number(parts[1]), minute < 60
        else { return nil }
        let second = parts.count == 3 ? number(parts[2]) : 0
        guard let second, second < 60 else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == UInt8(ascii: "p") ? 12 : 0)
        }
        guard hour < 24 else { return nil }
        return CalendarDay.padded(hour, 2) + ":" + CalendarDay.padded(minute, 2) + ":"
            + CalendarDay.padded(second, 2) + zone
    }

    /// Money as `1234.5`, `$1,234.50`, `-12`, `(12.00)` or `($12.00)`, in integer cents.
    static func cents(_ bytes: FieldBytes, label: String, text: () -> String) -> Result<Int64, FieldProblem> {
        switch parseCents(UnsafeBufferPointer(rebasing: bytes)) {
        case .none:
            return .failure(
                FieldProblem(
                    "\(label) '\(text())' is not an amount of money; write it like 1234.50, $1,234.50 or (12.00)"))
        case .some(.none):
            return .failure(FieldProblem("\(label) '\(text())' has fractions of a cent"))
        case .some(.some(let cents)):
            return .success(cents)
        }
    }

    /// nil: not money; .some(nil): fractions of a cent.
    private static func parseCents(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64?? {
        var i = 0
        var end = bytes.count
        var negative = false
        if end >= 2, bytes[0] == UInt8(ascii: "("), bytes[end - 1] == UInt8(ascii: ")") {
            negative = true
            i = 1
            end -= 1
        }
        func sign() -> Bool {
            guard i < end, bytes[i] == UInt8(ascii: "-") else { return true }
            if negative { return false }
            negative = true
            i += 1
            return true
        }
        guard sign() else { return nil }
        if i < end, bytes[i] == UInt8(ascii: "$") { i += 1 }
        guard sign() else { return nil }
        while i < end, bytes[i] == 0x20 { i += 1 }
        var value: Int64 = 0
        var digits = 0
        var inGroup = 0
        var grouped = false
        while i < end, isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ",") {
            if bytes[i] == UInt8(ascii: ",") {
                guard inGroup > 0, grouped ? inGroup == 3 : inGroup <= 3 else { return nil }
                grouped = true
                inGroup = 0
            } else {
                value = value * 10 + Int64(bytes[i] - 48)
                digits += 1
                inGroup += 1
                guard digits <= 13 else { return nil }
            }
            i += 1
        }
        guard !grouped || inGroup == 3 else { return nil }
        var fraction = 0
        var fractionDigits = 0
        var extraCents = false
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, isDigit(bytes[i]) {
                if fractionDigits < 2 {
                    fraction = fraction * 10 + Int(bytes[i] - 48)
                } else if bytes[i] != UInt8(ascii: "0") {
                    extraCents = true
                }
                fractionDigits += 1
                i += 1
            }
        }
        guard i == end, digits + fractionDigits > 0 else { return nil }
        if extraCents { return .some(nil) }
        if fractionDigits == 1 { fraction *= 10 }
        let cents = value * 100 + Int64(fraction)
        return negative ? -cents : cents
    }

    /// A whole number of units from 1 to 999 (`2.00` counts as 2).
    static func units(_ bytes: FieldBytes, text: () -> String) -> Result<Int, FieldProblem> {
        let units: Int? = {
            var body = bytes
            if let dot = body.firstIndex(of: UInt8(ascii: ".")),
                body[(dot + 1)...].allSatisfy({ $0 == UInt8(ascii: "0") })
            {
                body = body[..<dot]
            }
            guard body.count <= 4, let value = number(body), (1...999).contains(value) else { return nil }
            return value
        }()
        guard let units else {
            return .failure(FieldProblem("units '\(text())' is not a whole number from 1 to 999"))
        }
        return .success(units)
    }

    /// Minutes as a non-negative decimal number (`12`, `7.5`) or `H:MM`.
    static func minutes(_ bytes: FieldBytes, text: () -> String) -> Result<Double, FieldProblem> {
        let minutes: Double? = {
            let parts = bytes.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            if parts.count == 2 {
                guard let hours = number(parts[0]), parts[1].count == 2, let minutes = number(parts[1]), minutes < 60
                else { return nil }
                return Double(hours * 60 + minutes)
            }
            let pieces = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count), pieces[0].count <= 6,
                let whole = pieces[0].isEmpty ? 0 : number(pieces[0])
            else { return nil }
            guard pieces.count == 2 else { return Double(whole) }
            guard !pieces[1].isEmpty, pieces[1].count <= 6, let fraction = number(pieces[1]) else { return nil }
            var scale = 1.0
            for _ in 0..<pieces[1].count { scale *= 10 }
            return Double(whole) + Double(fraction) / scale
        }()
        guard let minutes else {
            return .failure(
                FieldProblem(
                    "coding minutes '\(text())' is not a number of minutes; write it like 12, 7.5 or 0:12 (H:MM)"))
        }
        guard minutes <= 24 * 60 else {
            return .failure(FieldProblem("coding minutes '\(text())' is more than a day (1440 minutes)"))
        }
        return .success(minutes)
    }

    /// Hours worked in a day: a decimal number above 0 and at most 24 with at
    /// most 2 decimals (`7.5`, `7.25`), in hundredths of an hour (exact sums).
    static func centihours(_ bytes: FieldBytes, text: () -> String) -> Result<Int, FieldProblem> {
        let value: Int? = {
            let pieces = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard (1...2).contains(pieces.count), let whole = pieces[0].isEmpty ? 0 : number(pieces[0]) else {
                return nil
            }
            guard pieces.count == 2 else { return whole * 100 }
            let fraction = pieces[1]
            guard !fraction.isEmpty, fraction.count <= 2 || fraction.dropFirst(2).allSatisfy({ $0 == 48 }),
                let digits = number(fraction.prefix(2))
            else { return nil }
            return whole * 100 + (fraction.count == 1 ? digits * 10 : digits)
        }()
        guard let value, value > 0, value <= 2400 else {
            return .failure(
                FieldProblem(
                    "hours '\(text())' is not a number of hours above 0 and at most 24, with at most 2 decimals (7.5, 7.25)"
                ))
        }
        return .success(value)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// The value of a run of ASCII digits; nil when empty or not all digits.
    static func number<C: Collection<UInt8>>(_ digits: C) -> Int? {
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        var value = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        return value
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
