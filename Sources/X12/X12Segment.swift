/// One segment of an X12 file: its identifier and its elements, as byte
/// ranges of the file's bytes.
///
/// A segment copies nothing: it shares the file's storage and turns an
/// element into a `String` only when asked, so skipped segments (addresses,
/// references, names) cost no allocations beyond their boundaries.
///
/// ```swift
/// // CLP*ENC-1001*1*300*245.5~
/// segment.id          // "CLP"
/// segment.text(1)     // "ENC-1001"
/// segment.element(9)  // [] (absent elements are empty)
/// ```
public struct X12Segment: Sendable {
    /// The segment's 1-based position in the file; the first ISA is 1.
    public let ordinal: Int
    /// The segment identifier, such as `CLP`.
    public var id: String { tag.text }
    let tag: SegmentTag
    /// The delimiters of the interchange this segment belongs to.
    public let separators: X12Separators
    let file: [UInt8]
    /// The index before each element: the element separator ahead of it, or
    /// for the identifier the byte before the segment; the last entry is
    /// where the segment ends (its terminator).
    let boundaries: [Int]
    /// How many leading entries of `boundaries` are this segment's: the
    /// tokenizer reuses one array, longer than most segments need.
    let boundaryCount: Int

    init(
        ordinal: Int, tag: SegmentTag, separators: X12Separators, file: [UInt8], boundaries: [Int],
        boundaryCount: Int
    ) {
        self.ordinal = ordinal
        self.tag = tag
        self.separators = separators
        self.file = file
        self.boundaries = boundaries
        self.boundaryCount = boundaryCount
    }

    /// How many elements follow the identifier (`CLP*A*1` has 2).
    public var elementCount: Int { boundaryCount - 2 }

    /// The bytes of element `position` (1-based, as in `CLP04`); empty when
    /// the segment stops before it.
    public func element(_ position: Int) -> ArraySlice<UInt8> {
        file[range(of: position)]
    }

    /// Element `position` as text; empty when absent.
    public func text(_ position: Int) -> String {
        withElement(position) { String(decoding: $0, as: UTF8.self) }
    }

    /// The components of a composite element such as SVC01 (`HC:99213:25`),
    /// as text, split at the component separator; `[""]` when absent.
    public func components(_ position: Int) -> [String] {
        withElement(position) { bytes in
            var components: [String] = []
            components.reserveCapacity(bytes.reduce(1) { $1 == separators.component ? $0 + 1 : $0 })
            var start = 0
            for index in bytes.indices where bytes[index] == separators.component {
                components.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                start = index + 1
            }
            components.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return components
        }
    }

    /// Whether element `position` is exactly `text` (compared byte for byte,
    /// without building a `String`).
    public func element(_ position: Int, is text: StaticString) -> Bool {
        withElement(position) { value in
            value.count == text.utf8CodeUnitCount && text.withUTF8Buffer { value.elementsEqual($0) }
        }
    }

    /// Whether element `position` is blank or absent.
    public func isBlank(_ position: Int) -> Bool {
        range(of: position).isEmpty
    }

    /// Runs `body` on the bytes of element `position`. Faster than
    /// `element(_:)`: a slice would retain the file's storage, and the
    /// reader looks at several elements of every segment.
    func withElement<Result>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result
    {
        let range = range(of: position)
        return try file.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    func range(of position: Int) -> Range<Int> {
        guard position >= 0, position <= elementCount else { return 0..<0 }
        return (boundaries[position] + 1)..<boundaries[position + 1]
    }

    /// The error for element `position` of this segment, for readers that
    /// build on the tokenizer.
    public func malformed(_ position: Int?, _ reason: String) -> X12Error {
        .malformed(segment: ordinal, segmentID: id, element: position, reason: reason)
    }
}
