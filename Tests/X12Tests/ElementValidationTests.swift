import Testing
import X12

/// SPEC 9: an element the reader uses that is required and missing, or not
/// of its type, refuses the file; elements it does not use are not checked.
@Suite struct ElementValidationTests {
    @Test func amountWithFractionalCentsIsMalformed() throws {
        // Given CLP04 = 12.345
        let error = readingError(try Fixture.bytes("bad-amount"))
        // Then the file is refused naming segment, element and value
        #expect(
            error
                == .malformed(
                    segment: 8, segmentID: "CLP", element: 4,
                    reason: "'12.345' is not an amount in whole cents (such as 12, 12.5 or -12.34)"))
        #expect(
            error?.errorDescription
                == "segment 8 (CLP), element CLP04: '12.345' is not an amount in whole cents (such as 12, 12.5 or -12.34)"
        )
    }

    @Test func dateThatDoesNotExistIsMalformed() throws {
        // Given DTM*472*20260230
        // Then the file is refused: February has no 30th
        #expect(
            readingError(try Fixture.bytes("impossible-date"))
                == .malformed(
                    segment: 10, segmentID: "DTM", element: 2,
                    reason: "'20260230' is not a date that exists (CCYYMMDD, such as 20260315)"))
    }

    @Test func adjustmentReasonWithoutAmountIsMalformed() throws {
        // Given CAS*PR*3*20*1*253 (a second reason with no amount after it)
        // Then the file is refused at the missing amount
        #expect(
            readingError(try Fixture.bytes("odd-cas"))
                == .malformed(
                    segment: 11, segmentID: "CAS", element: 6,
                    reason: "the adjustment for reason '253' has no amount: each CAS reason is followed by its amount"))
    }

    @Test(
        arguments: [
            (
                "CLP*ENC-3011*1*120*100*", "CLP*ENC-3011*1*120**", 8, "CLP", 4,
                "the claim's paid amount is required and missing"
            ),
            (
                "CLP*ENC-3011*1*120*", "CLP*ENC-3011*1*abc*", 8, "CLP", 3,
                "'abc' is not an amount in whole cents (such as 12, 12.5 or -12.34)"
            ),
            (
                "98765*20260320~\nTRN*1*EFT3011", "98765~\nTRN*1*EFT3011", 4, "BPR", 16,
                "the payment date is required and missing"
            ),
            ("BPR*I*100*C*ACH*", "BPR*I*100*C**", 4, "BPR", 4, "the payment method is required and missing"),
            (
                "TRN*1*EFT3011*1512345678", "TRN*1*EFT3011", 5, "TRN", 3,
                "the payer's identifier is required and missing"
            ),
            (
                "N1*PR*ACME HEALTH PLAN~\nLX*1~\nCLP*ENC-3011", "N1*PR~\nLX*1~\nCLP*ENC-3011", 6, "N1", 2,
                "the payer's name is required and missing"
            ),
            ("SVC*HC:99213*120", "SVC*HC*120", 9, "SVC", 1, "the procedure code is required and missing"),
            (
                "SVC*HC:99213*120*100**1", "SVC*HC:99213*120*100**one", 9, "SVC", 5,
                "'one' is not a number (such as 1, 1.5 or -1)"
            ),
            (
                "SVC*HC:99213*120*100**1", "SVC*HC:99213*120*100**1*:99214", 9, "SVC", 6,
                "the procedure code's qualifier (such as HC) is required and missing"
            ),
            (
                "CAS*PR*3*20~\nSE*10*0001", "CAS*XX*3*20~\nSE*10*0001", 11, "CAS", 1,
                "'XX' is not an adjustment group code (CO, PR, OA, PI or CR)"
            ),
            (
                "CAS*PR*3*20~\nSE*10*0001", "CAS*PR**20~\nSE*10*0001", 11, "CAS", 2,
                "the adjustment reason code is required and missing"
            ),
            (
                "CAS*PR*3*20~\nSE*10*0001", "CAS*PR*3*20*1*2*3*4*5*6*7*8*9*10*11*12*13*14*15*16*17~\nSE*10*0001", 11,
                "CAS", 20, "a CAS holds at most 6 adjustments (elements 2 to 19)"
            ),
            ("SE*10*0001", "SE*ten*0001", 12, "SE", 1, "'ten' is not a count (digits only, such as 12)"),
            (
                "DTM*472*20260302~\nCAS*PR*3*20~\nSE*10*0001",
                "DTM*472*20260302~\nDTM*472*20260303~\nCAS*PR*3*20~\nSE*11*0001", 11, "DTM", 1,
                "a second DTM*472 for the service line"
            ),
        ] as [(String, String, Int, String, Int?, String)])
    func requiredElementMissingOrMistypedIsMalformed(
        original: String, replacement: String, segment: Int, id: String, element: Int?, reason: String
    ) throws {
        // Given two-transactions.835 with one element the reader uses blanked or garbled
        let text = try Fixture.text("two-transactions")
        #expect(text.contains(original))
        // Then the file is refused naming segment and element
        #expect(
            readingError(
                text.replacingOccurrences(of: original, with: replacement, options: [], range: text.range(of: original))
            )
                == .malformed(segment: segment, segmentID: id, element: element, reason: reason))
    }

    @Test func elementsTheReaderDoesNotUseAreNotChecked() throws {
        // Given rules of the guide SPEC 9 does not read broken: a GS01 that is not HP, an
        // ISA12 version of 00401, a BPR01 and CLP02 outside their code lists, a bad DTM*405
        // date, a blank PLB fiscal date, an N1*PE with no name
        var text = try Fixture.text("provider-adjustments")
        for (original, replacement) in [
            ("*00501*", "*00401*"), ("GS*HP*", "GS*XX*"), ("BPR*I*", "BPR*Q*"), ("CLP*ENC-4001*1*", "CLP*ENC-4001*99*"),
            ("LX*1~", "DTM*405*20261399~\nN1*PE~\nLX*1~"), ("PLB*1999999984*20261231*", "PLB***"),
        ] {
            #expect(text.contains(original))
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        text = text.replacingOccurrences(of: "SE*15*4001", with: "SE*17*4001")
        // Then the file reads, and the payment is accepted
        let remittances = try RemittanceReader(bytes: Array(text.utf8)).readAll()
        #expect(remittances.map(\.end.outcome) == [.accepted])
        #expect(remittances.first?.claims.first?.statusCode == "99")
    }
}
