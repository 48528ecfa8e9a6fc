import Testing
import X12

/// SPEC 9: interchanges hold groups hold transactions; control numbers and
/// counts must agree, or the whole file is refused.
@Suite struct EnvelopeTests {
    @Test(arguments: [
        ("two-transactions", ["0001", "0002"], [3, 13]),
        ("two-groups", ["0001", "0001"], [3, 15]),
        ("two-interchanges", ["0001", "0001"], [3, 17]),
    ])
    func everyTransactionIsRead(fixture: String, controlNumbers: [String], segments: [Int]) throws {
        // Given a file with two transactions, in one group, two groups or two interchanges
        let remittances = try Fixture.read(fixture)
        // Then both are read, each pointing at its ST
        #expect(remittances.map(\.payment.transactionControlNumber) == controlNumbers)
        #expect(remittances.map(\.payment.segment) == segments)
        #expect(remittances.map(\.end.outcome) == [.accepted, .accepted])
        #expect(remittances.map(\.payment.amountCents) == [10_000, 8_000])
    }

    @Test(arguments: [
        (
            "se02-mismatch",
            X12Error.malformed(
                segment: 12, segmentID: "SE", element: 2, reason: "SE02 '0009' does not match ST02 '0001' of segment 3")
        ),
        (
            "ge02-mismatch",
            .malformed(
                segment: 23, segmentID: "GE", element: 2, reason: "GE02 '309' does not match GS06 '301' of segment 2")
        ),
        (
            "iea02-mismatch",
            .malformed(
                segment: 24, segmentID: "IEA", element: 2,
                reason: "IEA02 '000000309' does not match ISA13 '000000301' of segment 1")
        ),
        (
            "ge01-count",
            .malformed(segment: 23, segmentID: "GE", element: 1, reason: "GE01 says 3 transactions, the group has 2")
        ),
        (
            "iea01-count",
            .malformed(
                segment: 24, segmentID: "IEA", element: 1,
                reason: "IEA01 says 2 functional groups, the interchange has 1")
        ),
        (
            "missing-iea",
            .unexpectedEnd(
                afterSegment: 23, reason: "IEA, the end of interchange 000000301 (ISA at segment 1), is missing")
        ),
        (
            "st01-837",
            .malformed(
                segment: 13, segmentID: "ST", element: 1,
                reason: "ST01 is '837', not '835': only 835 remittance advice can be read")
        ),
        (
            "trailing-data",
            .malformed(
                segment: 25, segmentID: "", element: nil,
                reason:
                    "the file ends with 18 characters after the last segment terminator '~'; only line breaks and spaces may follow it"
            )
        ),
    ])
    func malformedEnvelopeRefusesTheFile(fixture: String, expected: X12Error) throws {
        // Given a file whose envelope is wrong in one place
        // When it is read
        let error = readingError(try Fixture.bytes(fixture))
        // Then the whole file is refused, naming the segment and element
        #expect(error == expected)
    }

    @Test func messagesNameSegmentAndElement() throws {
        #expect(
            readingError(try Fixture.bytes("se02-mismatch"))?.errorDescription
                == "segment 12 (SE), element SE02: SE02 '0009' does not match ST02 '0001' of segment 3")
        #expect(
            readingError(try Fixture.bytes("missing-iea"))?.errorDescription
                == "the file ends after segment 23: IEA, the end of interchange 000000301 (ISA at segment 1), is missing"
        )
    }
}
