import Foundation

/// Pieces of a rendered page, for structural asserts.
enum PageParts {
    /// The text between `<section id="ID"` and its `</section>`; empty when there is no such section.
    static func section(_ id: String, in html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\"") else { return "" }
        let rest = html[start.lowerBound...]
        guard let end = rest.range(of: "</section>") else { return "" }
        return String(rest[..<end.upperBound])
    }

    /// The first capture group of each match of `pattern` (`.` matches line ends too).
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    /// How many times `part` occurs in `text`.
    static func count(_ part: String, in text: String) -> Int {
        text.components(separatedBy: part).count - 1
    }
}
