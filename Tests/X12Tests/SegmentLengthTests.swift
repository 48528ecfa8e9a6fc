import Foundation
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

    @Test func tenMegabyteSegmentIsRefused() {
        // Given a 10 MB segment
        let bytes = file(withSegmentOf: 10 * 1024 * 1024)
        // When it is read
        // Then it is refused with its length
        #expect(
            readingError(bytes)
                == .malformed(
                    segment: 7, segmentID: "REF", element: nil,
                    reason:
                        "the segment is 10485760 characters long; a segment may be at most 65536 characters (64 KiB)"
                ))
    }

    @Test func tenMegabyteSegmentInAFileReadInWindowsIsRefusedWithinAWindow() throws {
        // Given the 10 MB segment in a file, read a window at a time
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("x12-\(UUID().uuidString).835").path
        try Data(file(withSegmentOf: 10 * 1024 * 1024)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // When it is read
        // Then it is refused once a window's worth of it is seen, without reading it all
        var refusal: X12Error?
        do { _ = try RemittanceReader(path: path).readAll() } catch { refusal = error as? X12Error }
        guard case .malformed(7, "REF", nil, let reason) = refusal else {
            Issue.record("not refused at segment 7: \(String(describing: refusal))")
            return
        }
        #expect(reason.hasPrefix("the segment is more than ") && reason.hasSuffix("at most 65536 characters (64 KiB)"))
    }
}
