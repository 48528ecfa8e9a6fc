import Testing
import X12

/// SPEC 9: separators come from each ISA, and line breaks after terminators
/// are skipped, so one payment reads the same however the file is laid out.
@Suite struct FileLayoutTests {
    @Test(arguments: [
        ("standard-payment-single-line", X12Separators.standard),
        ("standard-payment-lf", .standard),
        ("standard-payment-crlf", .standard),
        (
            "standard-payment-newline-terminator",
            .init(element: 0x2A, repetition: 0x5E, component: 0x3A, segmentTerminator: 0x0A)
        ),
        ("standard-payment-pipe", .init(element: 0x7C, repetition: 0x5E, component: 0x3E, segmentTerminator: 0x7E)),
        ("standard-payment-exotic", .init(element: 0x5E, repetition: 0x7C, component: 0x3E, segmentTerminator: 0x21)),
    ])
    func sameFigures(in name: String, separators: X12Separators) throws {
        // Given the same payment written with its own layout and separators
        let bytes = try Fixture.bytes(name)
        // When the ISA is tokenized
        var tokenizer = X12Tokenizer(bytes: bytes)
        let header = try #require(try tokenizer.next())
        // Then the separators are the ISA's 4th character, ISA11, ISA16 and the character after it
        #expect(header.id == "ISA")
        #expect(header.elementCount == 16)
        #expect(tokenizer.separators == separators)
        // and the whole file reads to the same figures as the hand-checked one
        #expect(try RemittanceReader(bytes: bytes).readAll() == [ClaimReadingTests.standardPayment])
    }

    @Test(arguments: ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", ""])
    func lineBreaksAfterTerminatorsAreSkipped(lineEnd: String) throws {
        // Given a file with `lineEnd` after every terminator, and spaces and line breaks at its end
        let text =
            RemittanceText.file(
                [
                    RemittanceText.transaction(
                        control: "0001", amount: "100", trace: "T1", body: RemittanceText.claim("E1"))
                ],
                lineEnd: lineEnd) + "  \n\t\n"
        // When it is read
        let remittances = try RemittanceReader(bytes: Array(text.utf8)).readAll()
        // Then segments are numbered as if there were no line breaks
        #expect(remittances.map(\.end.outcome) == [.accepted])
        #expect(remittances.first?.claims.map(\.segment) == [7])
        #expect(remittances.first?.end.segment == 11)
    }

    @Test func twoInterchangesWithTheirOwnSeparators() throws {
        // Given one interchange with `*` `:` `~` and a second with `|` `>` `~`
        let remittances = try Fixture.read("two-interchanges")
        // Then both are read, the second with its own component separator
        #expect(remittances.map(\.payment.traceNumber) == ["EFT6011", "EFT6012"])
        #expect(remittances.map(\.payment.segment) == [3, 17])
        #expect(
            remittances.last?.serviceLines.first?.procedure
                == ProcedureComposite(qualifier: "HC", code: "99212", modifiers: ["25"]))
        #expect(remittances.map(\.end.outcome) == [.accepted, .accepted])
    }

    @Test func tokenizerGivesElementsAndComponents() throws {
        // Given a segment with empty and absent elements and a composite
        var tokenizer = X12Tokenizer(bytes: try Fixture.bytes("standard-payment-pipe"))
        var segment = try #require(try tokenizer.next())
        while segment.id != "SVC" { segment = try #require(try tokenizer.next()) }
        // Then elements are 1-based, empty when blank or past the end
        #expect(segment.ordinal == 17)
        #expect(segment.elementCount == 5)
        #expect(segment.text(2) == "200")
        #expect(segment.element(4).isEmpty)
        #expect(segment.element(9).isEmpty)
        #expect(segment.element(5, is: "1"))
        #expect(segment.components(1) == ["HC", "99214", "25"])
    }
}
