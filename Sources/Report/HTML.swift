import Mustache

/// Escaping for everything the report writes from data: chart labels and
/// titles built in Swift, and every `{{name}}` of the templates.
///
/// It works on Unicode scalars, not Characters: a `"` or `<` followed by a
/// combining mark is one Character to Swift but still a quote or a bracket to
/// a browser, so escaping by Character (as Mustache's built-in HTML escaping
/// does) would let it through.
enum HTML {
    static func escape(_ text: String) -> String {
        // Most values (numbers, codes, names) have nothing to escape: returned as they are.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// The templates' content type: `HTML.escape` for every `{{name}}`.
    struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    /// The pragma put in front of every template, built-in or overriding, so that none escapes by Character.
    static let pragma: String = {
        MustacheContentTypes.register(ContentType(), named: "CODEAUDIT_HTML")
        return "{{% CONTENT_TYPE:CODEAUDIT_HTML}}"
    }()
}
