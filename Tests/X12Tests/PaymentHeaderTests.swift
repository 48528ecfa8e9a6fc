import Testing
import X12

/// SPEC 9: every transaction's header gives one BPR, one TRN and one N1*PR
/// before its first claim; otherwise the file is refused.
@Suite struct PaymentHeaderTests {
    @Test(
        arguments: [
            (
                "N1*PR*ACME HEALTH PLAN~\n", "", 6, "LX",
                "the transaction that begins at segment 3 has no N1*PR before LX; N1*PR gives the payer's name"
            ),
            (
                "BPR*I*100*C*ACH*", "XYZ*I*100*C*ACH*", 7, "LX",
                "the transaction that begins at segment 3 has no BPR before LX; BPR gives the payment's amount, method and date"
            ),
            (
                "LX*1~\nCLP*ENC-3011*1*120*100*20*12*CLM-ENC-3011~\n", "", 7, "SVC",
                "SVC belongs to a claim, but no CLP comes before it in the transaction"
            ),
            (
                "LX*1~\nCLP*ENC-3011", "LX*1~\nTRN*1*X*Y~\nCLP*ENC-3011", 8, "TRN",
                "TRN belongs in the transaction's header, before its first LX, CLP or PLB"
            ),
            (
                "N1*PR*ACME HEALTH PLAN~\n", "N1*PR*ACME HEALTH PLAN~\nN1*PR*OTHER PLAN~\n", 7, "N1",
                "a second N1*PR in the transaction; the first is segment 6"
            ),
        ] as [(String, String, Int, String, String)])
    func headerOutOfPlaceIsMalformed(original: String, replacement: String, segment: Int, id: String, reason: String)
        throws
    {
        // Given a transaction whose BPR, TRN or N1*PR is missing, repeated or misplaced
        let text = try Fixture.text("two-transactions")
        #expect(text.contains(original))
        let changed = text.replacingOccurrences(
            of: original, with: replacement, options: [], range: text.range(of: original))
        // Then the file is refused at the segment where it shows
        #expect(readingError(changed) == .malformed(segment: segment, segmentID: id, element: nil, reason: reason))
    }
}
