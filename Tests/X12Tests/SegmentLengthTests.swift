import Testing
import X12

/// A segment may be at most 64 KiB; a longer one refuses the file, quickly.
@Suite struct SegmentLengthTests {
    /// A one-claim file whose transaction carries a REF (a segment the reader
    /// skips) of `length` characters, as segment 7.
    func file(withSegmentOf length: Int) -> [UInt8] {
        let reference = "REF*EV*" + String(repeating: "A", count: length - 7)
        let body = [reference] + RemittanceText.claim("E1")
        return Array(
            RemittanceText.file([RemittanceText.transaction(control: "0001", amount: "100", trace: "T1", body: body)])
                .utf8)
    }

    @Test func segmentOfExactly64KiBIsRead() throws {
        // Given a segment of 65,536 characters
        // Then it is read like any other
        let remittances = try RemittanceReader(bytes: file(withSegmentOf: 65_536)).readAll()
        #expect(remittances.map(\.end.outcome) == [.accepted])
    }

    @Test func segmentOneCharacterLongerIsRefused() {
        // Given a segment of 65,537 characters
        // Then the file is refused, saying how long it is and what the cap is
        #expect(
            readingError(file(withSegmentOf: 65_537))
                == .malformed(
                    segment: 7, segmentID: "REF", element: nil,
                    reason: "the segment is 65537 characters long; a segment may be at most 65536 characters (64 KiB)"))
    }

    @Test func tenMegabyteSegmentIsRefusedQuickly() {
        // Given a 10 MB segment
        let bytes = file(withSegmentOf: 10 * 1024 * 1024)
        // When it is read
        let clock = ContinuousClock()
        var error: X12Error?
        let elapsed = clock.measure { error = readingError(bytes) }
        // Then it is refused with its length, in one pass (quadratic work would take hours)
        #expect(
            error
                == .malformed(
                    segment: 7, segmentID: "REF", element: nil,
                    reason:
                        "the segment is 10485760 characters long; a segment may be at most 65536 characters (64 KiB)"
                ))
        #expect(elapsed < .seconds(10))
    }
}
