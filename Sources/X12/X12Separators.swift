/// The four delimiters an interchange declares in its ISA segment.
///
/// Every interchange brings its own, so a file that joins two interchanges
/// may change them between one IEA and the next ISA.
public struct X12Separators: Sendable, Equatable {
    /// Between elements: the ISA's 4th character.
    public var element: UInt8
    /// Between repetitions of one element: ISA11.
    public var repetition: UInt8
    /// Between the components of a composite such as SVC01: ISA16.
    public var component: UInt8
    /// Ends each segment: the character right after ISA16.
    public var segmentTerminator: UInt8

    /// The usual `*`, `^`, `:` and `~`.
    public static let standard = X12Separators(
        element: UInt8(ascii: "*"), repetition: UInt8(ascii: "^"), component: UInt8(ascii: ":"),
        segmentTerminator: UInt8(ascii: "~"))

    /// Creates separators from their bytes.
    public init(element: UInt8, repetition: UInt8, component: UInt8, segmentTerminator: UInt8) {
        self.element = element
        self.repetition = repetition
        self.component = component
        self.segmentTerminator = segmentTerminator
    }

    /// Why these separators cannot delimit data, or nil when they can.
    ///
    /// A letter, digit or space would also occur inside values, and two
    /// separators that are the same character cannot be told apart. A line
    /// break may end segments but not separate elements, because line breaks
    /// after terminators are skipped.
    func problem() -> (element: Int?, reason: String)? {
        let named: [(Int?, String, UInt8)] = [
            (nil, Self.elementName, element),
            (11, "the repetition separator ISA11", repetition),
            (16, "the component separator ISA16", component),
            (nil, "the segment terminator (the character after ISA16)", segmentTerminator),
        ]
        for (index, (position, name, byte)) in named.enumerated() {
            if let reason = Self.unusable(byte, name: name, mayBreakLines: index == 3) {
                return (position, reason)
            }
            for (_, earlierName, earlier) in named[..<index] where earlier == byte {
                return (position, "\(name) is \(Quote.byte(byte)), the same character as \(earlierName)")
            }
        }
        return nil
    }

    static let elementName = "the element separator (the ISA's 4th character)"

    /// Why `byte` cannot be the separator `name` on its own, or nil.
    static func unusable(_ byte: UInt8, name: String, mayBreakLines: Bool) -> String? {
        if isAlphanumericOrSpace(byte) {
            let hint = name.hasSuffix("ISA11") ? " (in 005010 ISA11 is the repetition separator, such as '^')" : ""
            return "\(name) is \(Quote.byte(byte)), which can also occur inside values\(hint)"
        }
        if !mayBreakLines, byte == 0x0A || byte == 0x0D {
            return "\(name) is \(Quote.byte(byte)); only the segment terminator may be a line break"
        }
        return nil
    }

    static func isAlphanumericOrSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: " "):
            true
        default: false
        }
    }
}
