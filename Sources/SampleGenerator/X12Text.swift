/// Writes X12 text: elements separated by `*`, composites by `:`, repetitions
/// by `^` (ISA11), each segment ended by `~` and the sender's line break.
struct X12Text {
    /// Nothing, `\n` or `\r\n`: clearinghouses differ.
    let lineBreak: String
    private(set) var text = ""

    /// Appends a segment; trailing empty elements are left out, as the standard asks.
    mutating func append(_ elements: [String]) {
        var elements = elements
        while elements.last == "" { elements.removeLast() }
        text += elements.joined(separator: "*") + "~" + lineBreak
    }

    /// An interchange (ISA…IEA) of one functional group (GS…GE) holding the given transactions,
    /// each a list of segments from ST to SE. `control` is the interchange and group control number.
    mutating func appendInterchange(
        sender: String, receiver: String, on day: SampleDay, control: Int, transactions: [[[String]]]
    ) {
        let isa13 = String(repeating: "0", count: 9 - String(control).count) + String(control)
        let (date, time) = (X12Format.date(day), "0615")
        append([
            "ISA", "00", X12Format.padded("", 10), "00", X12Format.padded("", 10), "ZZ", X12Format.padded(sender, 15),
            "ZZ", X12Format.padded(receiver, 15), String(date.dropFirst(2)), time, "^", "00501", isa13, "0", "P", ":",
        ])
        append(["GS", "HP", sender, receiver, date, time, String(control), "X", "005010X221A1"])
        for transaction in transactions {
            for segment in transaction { append(segment) }
        }
        append(["GE", String(transactions.count), String(control)])
        append(["IEA", "1", isa13])
    }
}

/// Values as X12 writes them.
enum X12Format {
    /// An amount in dollars without trailing zeros: `125`, `80.5`, `-42.17`, `0`.
    static func amount(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let whole = cents.magnitude / 100
        let fraction = Int(cents.magnitude % 100)
        switch fraction {
        case 0: return sign + String(whole)
        case let tenths where tenths % 10 == 0: return sign + "\(whole).\(tenths / 10)"
        default: return sign + "\(whole)." + SampleDay.pad(fraction)
        }
    }

    /// `CCYYMMDD`.
    static func date(_ day: SampleDay) -> String {
        let (year, month, date) = day.parts
        return String(year) + SampleDay.pad(month) + SampleDay.pad(date)
    }

    /// A fixed-width ISA element: padded with spaces.
    static func padded(_ value: String, _ width: Int) -> String {
        value + String(repeating: " ", count: max(0, width - value.count))
    }

    /// A name as payers print it: upper case, accents dropped (`PEÑALOZA` → `PENALOZA`).
    static func plain(_ name: String) -> String {
        String(name.uppercased().map { foldedLetters[$0] ?? $0 })
    }

    private static let foldedLetters: [Character: Character] = {
        var letters: [Character: Character] = [:]
        for (plain, accented) in [
            ("A", "ÀÁÂÃÄÅ"), ("C", "Ç"), ("E", "ÈÉÊË"), ("I", "ÌÍÎÏ"), ("N", "Ñ"), ("O", "ÒÓÔÕÖØ"), ("U", "ÙÚÛÜ"),
            ("Y", "Ý"),
        ] {
            for letter in accented { letters[letter] = Character(plain) }
        }
        return letters
    }()
}
