import PropertyBased

/// Text as exports hold it, and worse: the characters CSV quoting, line ends, delimiter
/// detection and the formula guard care about, letters beyond ASCII, and any Unicode scalar
/// but NUL (which a CSV file never holds: the import refuses it).
enum TextGen {
    static let tricky: [Character] = [
        ",", "\"", "\r", "\n", "\r\n", "\t", ";", "|", " ", "=", "+", "-", "@", "'", "a", "Z", "0", "7", "é", "ñ",
        "ß", "Ø", "中", "😀", "\u{FEFF}", "\u{A0}", "\u{301}",
    ]

    /// One character: a tricky one half the time, else any scalar but NUL and the surrogates.
    static let character = Generator<Character, Shrink.None<Character>> { rng in
        if Bool.random(using: &rng) { return tricky.randomElement(using: &rng)! }
        let value =
            Bool.random(using: &rng)
            ? UInt32.random(in: 0x01...0x7F, using: &rng)
            : [UInt32.random(in: 0x80...0xD7FF, using: &rng), UInt32.random(in: 0xE000...0x10_FFFF, using: &rng)]
                .randomElement(using: &rng)!
        return Character(Unicode.Scalar(value)!)
    }

    /// A cell of up to 12 characters, empty included.
    static let cell = character.string(of: 0...12)

    /// A value that is not blank once spaces and tabs around it are trimmed.
    static let value = character.string(of: 1...12).map { text in
        let trimmed = trimmed(text)
        return trimmed.isEmpty ? "x" + text + "x" : text
    }

    /// The text the import reads from a field: spaces and tabs around it trimmed.
    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
