/// Splits the bytes of an X12 file into segments, learning the separators
/// from each interchange's ISA.
///
/// Line breaks (CR, LF, CRLF) after a segment terminator are skipped, and
/// spaces and line breaks may end the file. The tokenizer knows nothing of
/// envelopes or transaction sets: `RemittanceReader` gives segments meaning.
///
/// ```swift
/// var tokenizer = X12Tokenizer(bytes: Array(data))
/// while let segment = try tokenizer.next() {
///     print(segment.ordinal, segment.id)
/// }
/// ```
public struct X12Tokenizer: Sendable {
    /// The longest segment accepted, its terminator excluded: 64 KiB.
    public static let maximumSegmentLength = 65_536

    struct Cursor {
        var position = 0
        var ordinal = 0
        var separators = X12Separators.standard
        /// False while more of the file is to be read after the bytes at hand.
        var atEnd = true
    }

    /// The file's bytes at hand: all of them, or a window of a file read in chunks.
    var file: [UInt8]
    /// Where more bytes come from; nil when `file` is the whole file.
    var window: X12FileWindow?
    /// True once `file` holds the file's last byte.
    var atEnd: Bool
    var cursor = Cursor()
    /// The last segment's boundaries, kept so their storage is reused: once
    /// the caller has let go of that segment, this array is the only
    /// reference and refilling it allocates nothing.
    var recycledBoundaries: [Int] = []

    /// A tokenizer over the whole file's bytes.
    public init(bytes: [UInt8]) {
        file = bytes
        window = nil
        atEnd = true
    }

    /// The separators of the interchange being read (the standard ones before the first ISA).
    public var separators: X12Separators { cursor.separators }

    /// The next segment, or nil at the end of the file.
    ///
    /// - Throws: `X12Error.notX12` when the file does not begin with `ISA`;
    ///   `X12Error.malformed` for an ISA that is not 106 fixed-width
    ///   characters or whose separators clash, a segment longer than
    ///   `maximumSegmentLength`, a segment without an identifier, or data
    ///   after the last segment terminator.
    public mutating func next() throws -> X12Segment? {
        try fillWindow()
        let file = self.file
        var cursor = self.cursor
        cursor.atEnd = atEnd
        var boundaries: [Int] = []
        swap(&boundaries, &recycledBoundaries)
        defer {
            self.cursor = cursor
            recycledBoundaries = boundaries
        }
        return try file.withUnsafeBufferPointer { buffer in
            guard let start = try Self.segmentStart(in: buffer, cursor: &cursor) else { return nil }
            cursor.ordinal += 1
            if Self.hasPrefix("ISA", in: buffer, at: start) {
                let header = try Self.interchangeHeader(in: buffer, at: start, ordinal: cursor.ordinal)
                cursor.separators = header.separators
                cursor.position = start + Self.interchangeHeaderLength
                return X12Segment(
                    ordinal: cursor.ordinal, tag: .isa, separators: header.separators, file: file,
                    boundaries: header.boundaries, boundaryCount: header.boundaries.count)
            }
            let count = try Self.findBoundaries(in: buffer, from: start, cursor: cursor, into: &boundaries)
            cursor.position = boundaries[count - 1] + 1
            let tag = try Self.identifier(in: buffer, from: start, to: boundaries[1], cursor: cursor)
            return X12Segment(
                ordinal: cursor.ordinal, tag: tag, separators: cursor.separators, file: file, boundaries: boundaries,
                boundaryCount: count)
        }
    }

    /// Where the next segment begins, after skipping line breaks; nil when
    /// only line breaks and spaces remain.
    static func segmentStart(in buffer: UnsafeBufferPointer<UInt8>, cursor: inout Cursor) throws -> Int? {
        if cursor.ordinal == 0 {
            guard hasPrefix("ISA", in: buffer, at: 0) else {
                let start = String(
                    decoding: buffer.prefix(3).map { (0x20..<0x7F).contains($0) ? $0 : 0x3F }, as: UTF8.self)
                throw X12Error.notX12(
                    reason: buffer.isEmpty
                        ? "the file is empty; an X12 835 begins with its interchange header 'ISA'"
                        : "the file begins with '\(start)', not 'ISA'; an X12 835 begins with its interchange header ISA"
                )
            }
            return 0
        }
        var position = cursor.position
        while position < buffer.count, buffer[position] == 0x0A || buffer[position] == 0x0D { position += 1 }
        var rest = position
        while rest < buffer.count, isWhitespace(buffer[rest]) { rest += 1 }
        cursor.position = position
        if rest == buffer.count && !cursor.atEnd {
            throw X12Error.malformed(
                segment: cursor.ordinal + 1, segmentID: "", element: nil,
                reason: "more than \(maximumSegmentLength) characters of blank space follow a segment")
        }
        return rest == buffer.count ? nil : position
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func hasPrefix(_ prefix: StaticString, in buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard buffer.count - start >= count else { return false }
        return prefix.withUTF8Buffer { $0.elementsEqual(buffer[start..<(start + count)]) }
    }
}
