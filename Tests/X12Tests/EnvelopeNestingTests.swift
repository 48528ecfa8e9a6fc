import Testing
import X12

/// SPEC 9: a missing or misnested envelope segment refuses the whole file,
/// at the first segment out of place.
@Suite struct EnvelopeNestingTests {
    @Test(arguments: [
        (
            "SE*10*0001~\nST*835*0002~", "ST*835*0002~",
            X12Error.malformed(
                segment: 12, segmentID: "ST", element: nil,
                reason: "ST cannot appear here: expected SE, the end of transaction 0001 (ST at segment 3)")
        ),
        (
            "GE*2*301~\n", "",
            .malformed(
                segment: 23, segmentID: "IEA", element: nil,
                reason:
                    "IEA cannot appear here: expected ST (a transaction) or GE (the end of group 301, GS at segment 2)")
        ),
        (
            "GS*HP*ACMEHEALTHPLAN*SUNNYSIDECLINIC*20260320*0930*301*X*005010X221A1~\n", "",
            .malformed(
                segment: 2, segmentID: "ST", element: nil,
                reason:
                    "ST cannot appear here: expected GS (a functional group) or IEA (the end of interchange 000000301, ISA at segment 1)"
            )
        ),
        (
            "IEA*1*000000301~\n", "IEA*1*000000301~\nCLP*E1*1*1*1**12*C1~\n",
            .malformed(
                segment: 25, segmentID: "CLP", element: nil,
                reason: "CLP cannot appear here: expected ISA (a new interchange) or the end of the file")
        ),
        (
            "SE*10*0002~\nGE*2*301~\nIEA*1*000000301~\n", "",
            .unexpectedEnd(afterSegment: 21, reason: "SE, the end of transaction 0002 (ST at segment 13), is missing")
        ),
        (
            "GE*2*301~\nIEA*1*000000301~\n", "",
            .unexpectedEnd(afterSegment: 22, reason: "GE, the end of group 301 (GS at segment 2), is missing")
        ),
        (
            "CLP*ENC-3011", "clp*ENC-3011",
            .malformed(
                segment: 8, segmentID: "", element: nil,
                reason:
                    "the segment does not begin with a segment identifier (2 or 3 capital letters and digits such as CLP, then the element separator '*')"
            )
        ),
        (
            "GS*HP*", "GS|HP|",
            .malformed(
                segment: 2, segmentID: "", element: nil,
                reason:
                    "the segment identifier is followed by '|' where the element separator '*' belongs; every segment must use the separators its interchange's ISA declares (the element separator is the ISA's 4th character)"
            )
        ),
        (
            "LX*1~\nCLP*ENC-3011", "LX*1~\n~\nCLP*ENC-3011",
            .malformed(
                segment: 8, segmentID: "", element: nil,
                reason:
                    "the segment does not begin with a segment identifier (2 or 3 capital letters and digits such as CLP, then the element separator '*')"
            )
        ),
        (
            "IEA*1*000000301~", "IEA*1*000000301",
            .malformed(
                segment: 24, segmentID: "IEA", element: nil,
                reason:
                    "the file ends with 16 characters after the last segment terminator '~'; only line breaks and spaces may follow it"
            )
        ),
    ])
    func misnestedOrMissingSegmentRefusesTheFile(original: String, replacement: String, expected: X12Error) throws {
        // Given two-transactions.835 with one envelope segment removed, moved or garbled
        let text = try Fixture.text("two-transactions")
        #expect(text.contains(original))
        let changed = text.replacingOccurrences(of: original, with: replacement)
        // Then the file is refused at the first segment out of place
        #expect(readingError(changed) == expected)
    }
}
