import Analytics

/// How the report prints figures: fixed precision, half away from zero, from
/// exact values, so the same data always gives the same page.
enum ReportFormat {
    /// `95.3%`; `–` when there is no rate.
    static func percent(_ ratio: Ratio?, decimals: Int = 1) -> String {
        guard let ratio else { return dash }
        return Ratio(ratio.numerator * 100, ratio.denominator)!.formatted(decimals: decimals)
            .replacingOccurrences(of: "-", with: "−") + "%"
    }

    /// `95.3%` from a Double (interval bounds, which are not exact).
    static func percent(_ value: Double, decimals: Int = 1) -> String {
        decimal(value * 100, decimals: decimals) + "%"
    }

    /// `$1,234.50`, `−$12.00`; `–` when there is no amount.
    static func money(_ cents: Int64?) -> String {
        guard let cents else { return dash }
        let plain = ExportFormat.money(Int64(cents.magnitude))
        let point = plain.firstIndex(of: ".")!
        return (cents < 0 ? "−" : "") + "$" + grouped(UInt64(plain[..<point])!) + plain[point...]
    }

    /// `$1,235` for chart axes and labels where cents add nothing.
    static func wholeDollars(_ cents: Int64) -> String {
        let rounded = (cents.magnitude + 50) / 100
        return (cents < 0 && rounded > 0 ? "−" : "") + "$" + grouped(rounded)
    }

    /// `1,234`.
    static func count(_ value: Int) -> String {
        (value < 0 ? "−" : "") + grouped(UInt64(value.magnitude))
    }

    /// A ratio with fixed decimals, e.g. encounters per hour `11.25`.
    static func number(_ ratio: Ratio?, decimals: Int) -> String {
        guard let ratio else { return dash }
        return ratio.formatted(decimals: decimals).replacingOccurrences(of: "-", with: "−")
    }

    /// A Double with fixed decimals, rounded half away from zero.
    static func decimal(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let ratio = Ratio(Int64(value < 0 ? -scaled : scaled), Int64(scale))!
        return ratio.formatted(decimals: decimals).replacingOccurrences(of: "-", with: "−")
    }

    /// A number for an SVG coordinate: two decimals, plain ASCII minus.
    static func coordinate(_ value: Double) -> String {
        let scaled = (value * 100).rounded(.toNearestOrAwayFromZero)
        return Ratio(Int64(scaled), 100)!.formatted(decimals: 2)
    }

    static let dash = "–"

    private static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}

extension Month {
    /// `October 2026`.
    var longName: String { "\(Month.names[month - 1]) \(year)" }

    /// `Oct 2026`, for chart labels.
    var shortName: String { "\(Month.names[month - 1].prefix(3)) \(year)" }

    private static let names = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]
}
