/// An inline SVG chart built as text. Every label and attribute value passes
/// through `HTML.escape`, so imported names cannot break out of the markup;
/// styling is by class, from the page's stylesheet, so the page needs no
/// inline `style` attributes. Each chart carries a `<title>` and `<desc>`.
struct SVG {
    let id: String
    let width: Double
    let height: Double
    let title: String
    let description: String
    private var elements: [String] = []
    private var definitions: [String] = []

    init(id: String, width: Double, height: Double, title: String, description: String) {
        self.id = id
        self.width = width
        self.height = height
        self.title = title
        self.description = description
    }

    /// Diagonal white stripes to lay over a bar, so that "this bar is different"
    /// still reads in greyscale; returns the fill reference for `rect(…, fill:)`.
    mutating func hatchPattern(_ name: String) -> String {
        let patternID = "\(id)-\(name)"
        definitions.append(
            "<pattern id=\"\(HTML.escape(patternID))\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch-line\"/>"
                + "</pattern>")
        return "url(#\(patternID))"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class name: String, fill: String? = nil) {
        var markup = "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, width)))\" height=\"\(f(max(0, height)))\""
        markup += " class=\"\(HTML.escape(name))\""
        if let fill { markup += " fill=\"\(HTML.escape(fill))\"" }
        elements.append(markup + "/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class name: String) {
        elements.append(
            "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" class=\"\(HTML.escape(name))\"/>")
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], class name: String) {
        let list = points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" class=\"\(HTML.escape(name))\"/>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, class name: String) {
        elements.append("<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(radius))\" class=\"\(HTML.escape(name))\"/>")
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// A label; `rotation` turns it (in degrees, about its anchor point).
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, class name: String = "label",
        rotation: Double? = nil
    ) {
        var markup =
            "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor.rawValue)\" class=\"\(HTML.escape(name))\""
        if let rotation { markup += " transform=\"rotate(\(f(rotation)) \(f(x)) \(f(y)))\"" }
        elements.append(markup + ">" + HTML.escape(text) + "</text>")
    }

    /// The finished `<svg>` element, scaling to its container's width.
    var markup: String {
        let titleID = HTML.escape("\(id)-title")
        let descriptionID = HTML.escape("\(id)-desc")
        var markup = "<svg id=\"\(HTML.escape(id))\" class=\"chart\" "
        markup += "viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
        markup += "aria-labelledby=\"\(titleID) \(descriptionID)\">"
        markup += "<title id=\"\(titleID)\">\(HTML.escape(title))</title>"
        markup += "<desc id=\"\(descriptionID)\">\(HTML.escape(description))</desc>"
        if !definitions.isEmpty { markup += "<defs>" + definitions.joined() + "</defs>" }
        return markup + elements.joined() + "</svg>"
    }

    private func f(_ value: Double) -> String { ReportFormat.coordinate(value) }
}
