/// The claim loop: CLP, then its CAS and DTM, then each SVC with its DTM,
/// CAS and AMT. A CAS before the first SVC is the claim's own.
extension TransactionReader {
    static func readClaim(_ segment: X12Segment) throws -> ClaimPayment {
        ClaimPayment(
            segment: segment.ordinal,
            patientControlNumber: try segment.requiredText(1, "the patient control number"),
            statusCode: try segment.requiredText(2, "the claim status code"),
            chargeCents: try segment.requiredCents(3, "the claim's charge"),
            paidCents: try segment.requiredCents(4, "the claim's paid amount"),
            patientResponsibilityCents: try segment.optionalCents(5),
            payerClaimControlNumber: segment.optionalText(7) ?? "")
    }

    mutating func readServiceLine(_ segment: X12Segment) throws {
        guard hasOpenClaim else { throw Self.outsideClaim(segment) }
        let line = ServiceLinePayment(
            segment: segment.ordinal, procedure: try Self.procedure(in: segment, at: 1)!,
            chargeCents: try segment.requiredCents(2, "the line's charge"),
            paidCents: try segment.requiredCents(3, "the line's paid amount"),
            units: try segment.optionalDecimal(5) ?? 1, billedProcedure: try Self.procedure(in: segment, at: 6))
        openClaim.serviceLines.append(line)
    }

    /// SVC01 (required) or SVC06 (nil when blank): qualifier, code, then
    /// modifiers in components 3–6.
    static func procedure(in segment: X12Segment, at position: Int) throws -> ProcedureComposite? {
        if position == 6 && segment.isBlank(6) { return nil }
        let parts = segment.components(position)
        guard !parts[0].isEmpty else { throw segment.missing(position, "the procedure code's qualifier (such as HC)") }
        guard parts.count > 1, !parts[1].isEmpty else { throw segment.missing(position, "the procedure code") }
        return ProcedureComposite(
            qualifier: parts[0], code: parts[1], modifiers: parts.dropFirst(2).prefix(4).filter { !$0.isEmpty })
    }

    /// CAS: a group code, then up to 6 (reason, amount, quantity) triplets in elements 2–19.
    mutating func readAdjustments(_ segment: X12Segment) throws {
        guard hasOpenClaim else { throw Self.outsideClaim(segment) }
        guard !segment.isBlank(1) else {
            throw segment.missing(1, "the adjustment group code (CO, PR, OA, PI or CR)")
        }
        guard let group = segment.withElement(1, AdjustmentGroup.init(code:)) else {
            throw segment.malformed(
                1, "\(Quote.value(segment.element(1))) is not an adjustment group code (CO, PR, OA, PI or CR)")
        }
        try Self.checkNothingPast(19, in: segment, "a CAS holds at most 6 adjustments (elements 2 to 19)")
        let onLine = !openClaim.serviceLines.isEmpty
        for position in stride(from: 2, through: 17, by: 3) {
            let reason = segment.optionalText(position)
            let amount = try segment.optionalCents(position + 1)
            let quantity = try segment.optionalDecimal(position + 2)
            guard let reason else {
                if position == 2 { throw segment.missing(2, "the adjustment reason code") }
                guard amount == nil && quantity == nil else {
                    throw segment.malformed(position, "an adjustment needs a reason code before its amount")
                }
                continue
            }
            guard let amount else {
                throw segment.malformed(
                    position + 1,
                    "the adjustment for reason \(Quote.value(reason.utf8)) has no amount: each CAS reason "
                        + "is followed by its amount")
            }
            let adjustment = Adjustment(
                group: group, reason: reason, amountCents: amount, quantity: quantity)
            // Appended in place: the file is refused as a whole if a later triplet is malformed.
            if onLine {
                openClaim.serviceLines[openClaim.serviceLines.count - 1].adjustments.append(adjustment)
            } else {
                openClaim.adjustments.append(adjustment)
            }
        }
    }

    static func outsideClaim(_ segment: X12Segment) -> X12Error {
        segment.malformed(nil, "\(segment.id) belongs to a claim, but no CLP comes before it in the transaction")
    }
}
