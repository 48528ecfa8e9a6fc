import Testing
import X12

/// SPEC 9: a file must begin with a 106-character ISA whose separators can
/// be told apart; anything else refuses the file.
@Suite struct InterchangeHeaderTests {
    static let header = RemittanceText.interchangeHeader()

    @Test func fileThatIsNotX12IsRefused() throws {
        // Given a CSV export named .835
        let error = readingError(try Fixture.bytes("not-x12"))
        // Then it is refused as not X12, saying what was expected
        #expect(
            error
                == .notX12(
                    reason: "the file begins with 'enc', not 'ISA'; an X12 835 begins with its interchange header ISA"))
        #expect(error?.errorDescription?.hasPrefix("not an X12 file: the file begins with 'enc'") == true)
        #expect(
            readingError([UInt8]())
                == .notX12(reason: "the file is empty; an X12 835 begins with its interchange header 'ISA'"))
    }

    @Test func truncatedInterchangeHeaderIsMalformed() throws {
        // Given a file cut off 60 characters into its ISA
        // Then it is refused naming the ISA's fixed length
        #expect(
            readingError(try Fixture.bytes("truncated-isa"))
                == .malformed(
                    segment: 1, segmentID: "ISA", element: nil,
                    reason: "the ISA segment is cut short at 60 characters; an ISA is exactly 106 "
                        + "(16 fixed-width elements and the segment terminator)"))
    }

    @Test func inconsistentElementSeparatorsAreMalformed() throws {
        // Given an ISA whose 4th character is `*` but whose other elements are separated by `|`
        let error = readingError(try Fixture.bytes("inconsistent-separators"))
        // Then the first misplaced separator is named, with what belongs there
        #expect(
            error
                == .malformed(
                    segment: 1, segmentID: "ISA", element: 1,
                    reason: "ISA01 must be exactly 2 characters: character 7 of the ISA is '|' where the element "
                        + "separator '*' (the ISA's 4th character) belongs"))
        #expect(error?.errorDescription?.hasPrefix("segment 1 (ISA), element ISA01: ISA01 must be") == true)
    }

    @Test func unpaddedElementIsMalformed() {
        // Given an ISA06 of 14 characters (the fixed width is 15)
        let header = Self.header.replacingOccurrences(of: "ACMEHEALTHPLAN *", with: "ACMEHEALTHPLAN*")
        // Then the separator found inside ISA06's width is named
        #expect(
            readingError(header + "GS*HP~")
                == .malformed(
                    segment: 1, segmentID: "ISA", element: 6,
                    reason: "ISA06 must be exactly 15 characters: character 50 of the ISA is the element separator "
                        + "'*' (the ISA's 4th character), inside ISA06"))
    }

    @Test(
        arguments: [
            (
                "*^*00501*000000901*0*P*:~", "*^*00501*000000901*0*P*:*", nil,
                "the segment terminator (the character after ISA16) is '*', the same character as the element "
                    + "separator (the ISA's 4th character)"
            ),
            (
                "*^*00501*000000901*0*P*:~", "*^*00501*000000901*0*P**~", 16,
                "the component separator ISA16 is '*', the same character as the element separator (the ISA's 4th "
                    + "character)"
            ),
            (
                "*^*00501", "*U*00501", 11,
                "the repetition separator ISA11 is 'U', which can also occur inside values (in 005010 ISA11 is the "
                    + "repetition separator, such as '^')"
            ),
            (
                "ISA*00", "ISA 00", nil,
                "the element separator (the ISA's 4th character) is a space, which can also occur inside values"
            ),
            (
                "*0*P*:~", "*0*P*::", nil,
                "the segment terminator (the character after ISA16) is ':', the same character as the component "
                    + "separator ISA16"
            ),
            (
                "*0*P*:~", "*0*P*\n~", 16,
                "the component separator ISA16 is a line feed; only the segment terminator may be a line break"
            ),
        ] as [(String, String, Int?, String)])
    func clashingSeparatorsAreMalformed(original: String, replacement: String, element: Int?, reason: String) {
        // Given an ISA whose separators cannot be told apart from each other or from data
        let header = String(Self.header.replacingOccurrences(of: original, with: replacement).prefix(106))
        #expect(header.utf8.count == 106)
        // Then the file is refused, naming the clash
        #expect(
            readingError(header + "GS*HP~")
                == .malformed(segment: 1, segmentID: "ISA", element: element, reason: reason))
    }
}
