extension X12Tokenizer {
    /// The ISA is 106 characters: `ISA`, 16 elements of fixed widths each
    /// after an element separator, and the segment terminator. Its fixed
    /// shape is what lets a reader learn the separators before knowing them.
    static let interchangeHeaderLength = 106
    static let interchangeHeaderWidths = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1]

    /// Where each of the 16 element separators sits, counted from the `I`.
    static let interchangeHeaderSeparatorOffsets: [Int] = {
        var offsets: [Int] = []
        var offset = 3
        for width in interchangeHeaderWidths {
            offsets.append(offset)
            offset += 1 + width
        }
        return offsets
    }()

    /// Reads the fixed-width ISA that starts at `start`: its separators, and
    /// its boundaries as for any other segment.
    ///
    /// - Throws: `X12Error.malformed` when the ISA is cut short, an element
    ///   is not its fixed width, or the separators clash.
    static func interchangeHeader(
        in file: UnsafeBufferPointer<UInt8>, at start: Int, ordinal: Int
    ) throws -> (separators: X12Separators, boundaries: [Int]) {
        let available = file.count - start
        guard available >= interchangeHeaderLength else {
            throw X12Error.malformed(
                segment: ordinal, segmentID: "ISA", element: nil,
                reason: "the ISA segment is cut short at \(available) characters; an ISA is exactly "
                    + "\(interchangeHeaderLength) (16 fixed-width elements and the segment terminator)")
        }
        let elementSeparator = file[start + 3]
        // Checked first: a letter or space here would make every width below look wrong.
        if let reason = X12Separators.unusable(elementSeparator, name: X12Separators.elementName, mayBreakLines: false)
        {
            throw X12Error.malformed(segment: ordinal, segmentID: "ISA", element: nil, reason: reason)
        }
        var boundaries = [start - 1, start + 3]
        var next = 0
        // A separator in the wrong place means the element before it (or the one
        // it falls inside) is not its fixed width: name that element.
        // ISA16 is not checked here: a component separator that repeats the
        // element separator is a separator clash, which `problem()` words better.
        for offset in 4..<(interchangeHeaderLength - 2) {
            let isSeparatorPlace = next + 1 < 16 && offset == interchangeHeaderSeparatorOffsets[next + 1]
            let byte = file[start + offset]
            if isSeparatorPlace, byte == elementSeparator {
                boundaries.append(start + offset)
                next += 1
            } else if isSeparatorPlace || byte == elementSeparator {
                let element = next + 1
                let width = interchangeHeaderWidths[element - 1]
                let separator = "the element separator \(Quote.byte(elementSeparator)) (the ISA's 4th character)"
                let found =
                    isSeparatorPlace
                    ? "is \(Quote.byte(byte)) where \(separator) belongs"
                    : "is \(separator), inside ISA\(element < 10 ? "0" : "")\(element)"
                throw X12Error.malformed(
                    segment: ordinal, segmentID: "ISA", element: element,
                    reason: "ISA\(element < 10 ? "0" : "")\(element) must be exactly \(width) "
                        + "character\(width == 1 ? "" : "s"): character \(offset + 1) of the ISA \(found)")
            }
        }
        boundaries.append(start + interchangeHeaderLength - 1)
        let separators = X12Separators(
            element: elementSeparator, repetition: file[start + 82], component: file[start + 104],
            segmentTerminator: file[start + 105])
        if let (element, reason) = separators.problem() {
            throw X12Error.malformed(segment: ordinal, segmentID: "ISA", element: element, reason: reason)
        }
        return (separators, boundaries)
    }
}
