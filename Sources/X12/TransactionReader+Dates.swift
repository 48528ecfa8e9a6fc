/// The dates and the allowed amount of a claim and its lines.
extension TransactionReader {
    /// DTM*232 and DTM*050 belong to the claim, DTM*472 and DTM*150 to the
    /// current service line; other qualifiers (the header's 405, a line's
    /// 151 period end) are not read, so not checked.
    mutating func readDate(_ segment: X12Segment) throws {
        // No local copy of the claim: it would share the lines' storage and
        // make every write below copy them.
        guard hasOpenClaim else { return }
        let line = openClaim.serviceLines.count - 1
        let hasLine = line >= 0
        if segment.element(1, is: "232") {
            try Self.checkOnce(segment, openClaim.statementFromDate, "for the claim")
            openClaim.statementFromDate = try segment.requiredDate(2, "the statement's start date")
        } else if segment.element(1, is: "050") {
            try Self.checkOnce(segment, openClaim.receivedDate, "for the claim")
            openClaim.receivedDate = try segment.requiredDate(2, "the date the claim was received")
        } else if hasLine && segment.element(1, is: "472") {
            try Self.checkOnce(segment, openClaim.serviceLines[line].lineDate, "for the service line")
            openClaim.serviceLines[line].lineDate = try segment.requiredDate(2, "the date of service")
        } else if hasLine && segment.element(1, is: "150") {
            try Self.checkOnce(segment, openClaim.serviceLines[line].periodStartDate, "for the service line")
            openClaim.serviceLines[line].periodStartDate = try segment.requiredDate(2, "the service period's start")
        }
    }

    /// AMT*B6 is the line's allowed amount; other AMT qualifiers are not read.
    mutating func readAllowedAmount(_ segment: X12Segment) throws {
        guard hasOpenClaim, let line = openClaim.serviceLines.indices.last, segment.element(1, is: "B6") else {
            return
        }
        try Self.checkOnce(segment, openClaim.serviceLines[line].allowedCents, "for the service line")
        openClaim.serviceLines[line].allowedCents = try segment.requiredCents(2, "the allowed amount")
    }

    /// A date or amount given twice leaves it unclear which one counts.
    static func checkOnce<Value>(_ segment: X12Segment, _ earlier: Value?, _ scope: String) throws {
        guard earlier != nil else { return }
        throw segment.malformed(1, "a second \(segment.id)*\(segment.text(1)) \(scope)")
    }
}
