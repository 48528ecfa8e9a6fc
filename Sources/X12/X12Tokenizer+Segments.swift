extension X12Tokenizer {
    /// Finds the boundaries of the segment that starts at `start`: the byte before
    /// it, each element separator, and its terminator. They overwrite the
    /// front of `boundaries` (clearing it would cost more than the scan);
    /// returns how many there are.
    ///
    /// One pass, and it stops recording at the length cap: a 10 MB segment
    /// costs one scan for its terminator, never quadratic work.
    ///
    /// - Throws: `X12Error.malformed` when the segment is longer than
    ///   `maximumSegmentLength` or the file ends before its terminator.
    static func findBoundaries(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int, cursor: Cursor, into boundaries: inout [Int]
    ) throws -> Int {
        let terminator = cursor.separators.segmentTerminator
        let elementSeparator = cursor.separators.element
        let limit = min(buffer.count, start + maximumSegmentLength)
        var count = 0
        func record(_ boundary: Int) {
            if count < boundaries.count { boundaries[count] = boundary } else { boundaries.append(boundary) }
            count += 1
        }
        record(start - 1)
        var index = start
        while index < limit {
            let byte = buffer[index]
            if byte == terminator { break }
            if byte == elementSeparator { record(index) }
            index += 1
        }
        if index < buffer.count, buffer[index] == terminator {
            record(index)
            return count
        }
        var end = index
        while end < buffer.count, buffer[end] != terminator { end += 1 }
        let identifierEnd = count > 1 ? boundaries[1] : end
        let id = (try? identifier(in: buffer, from: start, to: identifierEnd, cursor: cursor))?.text ?? ""
        let length = end - start
        if end == buffer.count && !cursor.atEnd {
            // A file read in windows: the terminator is further on than one window reaches.
            throw X12Error.malformed(
                segment: cursor.ordinal, segmentID: id, element: nil,
                reason: "the segment is more than \(length) characters long; a segment may be at most "
                    + "\(maximumSegmentLength) characters (64 KiB)")
        }
        if end == buffer.count {
            throw X12Error.malformed(
                segment: cursor.ordinal, segmentID: id, element: nil,
                reason: "the file ends with \(length) characters after the last segment terminator "
                    + "\(Quote.byte(terminator)); only line breaks and spaces may follow it")
        }
        throw X12Error.malformed(
            segment: cursor.ordinal, segmentID: id, element: nil,
            reason: "the segment is \(length) characters long; a segment may be at most "
                + "\(maximumSegmentLength) characters (64 KiB)")
    }

    /// The segment identifier: 2 or 3 capital letters and digits, starting
    /// with a letter.
    ///
    /// - Throws: `X12Error.malformed` for anything else, without quoting it:
    ///   a garbled segment may be part of a person's name.
    static func identifier(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, cursor: Cursor
    ) throws -> SegmentTag {
        let bytes = buffer[start..<end]
        let isIdentifier =
            (2...3).contains(bytes.count)
            && bytes.enumerated().allSatisfy { offset, byte in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (offset > 0 && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
            }
        guard isIdentifier else {
            if let other = otherSeparator(after: bytes) {
                // `GS|HP|…` under an ISA that declares `*`: the file mixes separators. Only the one
                // punctuation byte is quoted, never the letters before it.
                let element = Quote.byte(cursor.separators.element)
                throw X12Error.malformed(
                    segment: cursor.ordinal, segmentID: "", element: nil,
                    reason: "the segment identifier is followed by \(Quote.byte(other)) where the element separator "
                        + "\(element) belongs; every segment must use the separators its interchange's ISA "
                        + "declares (the element separator is the ISA's 4th character)")
            }
            throw X12Error.malformed(
                segment: cursor.ordinal, segmentID: "", element: nil,
                reason: "the segment does not begin with a segment identifier (2 or 3 capital letters and digits "
                    + "such as CLP, then the element separator \(Quote.byte(cursor.separators.element)))")
        }
        return SegmentTag(bytes)
    }
}

extension X12Tokenizer {
    /// The byte after a would-be identifier (2 or 3 capital letters and digits,
    /// a letter first) when it is punctuation: most likely the element
    /// separator of another interchange or another program. Nil otherwise.
    static func otherSeparator(after bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> UInt8? {
        let isCapital = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard let first = bytes.first, isCapital(first) else { return nil }
        let identifierEnd = bytes.dropFirst().firstIndex { !isCapital($0) && !isDigit($0) } ?? bytes.endIndex
        let length = bytes.distance(from: bytes.startIndex, to: identifierEnd)
        guard (2...3).contains(length), identifierEnd < bytes.endIndex else { return nil }
        let byte = bytes[identifierEnd]
        guard (0x21...0x7E).contains(byte), !X12Separators.isAlphanumericOrSpace(byte) else { return nil }
        return byte
    }
}
