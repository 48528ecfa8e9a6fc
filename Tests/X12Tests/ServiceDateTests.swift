import Testing
import X12

/// SPEC 9: a line's service date is DTM*472, else DTM*150, else the claim's
/// DTM*232, else its DTM*050.
@Suite struct ServiceDateTests {
    @Test func eachFallbackInTurn() throws {
        // Given claim-details.835, whose lines date themselves each a different way (the
        // second line's claim gives both DTM*232 and DTM*050: 232 wins)
        let claims = try #require(try Fixture.read("claim-details").first?.claims)
        let lines = claims.flatMap(\.serviceLines)
        // Then DTM*472, DTM*150, the claim's DTM*232 and its DTM*050 are used in that order
        #expect(lines.map { $0.lineDate?.description } == ["2026-03-03", nil, nil, nil])
        #expect(lines.map { $0.periodStartDate?.description } == [nil, nil, "2026-03-01", nil])
        #expect(
            lines.map { $0.serviceDate?.description } == ["2026-03-03", "2026-03-04", "2026-03-01", "2026-03-10"])
        #expect(claims.map { $0.statementFromDate?.description } == [nil, "2026-03-04", "2026-03-01", nil])
        #expect(claims.map { $0.receivedDate?.description } == [nil, "2026-03-08", "2026-03-06", "2026-03-10"])
    }

    @Test func institutionalClaimWithoutLinesKeepsItsTotals() throws {
        // Given a claim paid as a whole: CLP, CAS, DTMs and no SVC
        let claim = try #require(try Fixture.read("claim-details").first?.claims.dropFirst(2).first)
        // Then it is read with its totals and no lines
        #expect(claim.patientControlNumber == "ENC-2003")
        #expect(claim.serviceLines.isEmpty)
        #expect(claim.chargeCents == 150_000)
        #expect(claim.paidCents == 120_000)
        #expect(claim.patientResponsibilityCents == 30_000)
        #expect(claim.adjustments == [Adjustment(group: .patientResponsibility, reason: "1", amountCents: 30_000)])
    }

    @Test func deniedLineWithoutUnitsCountsOne() throws {
        // Given SVC*HC:99212*80*0 (no SVC05) under a denied claim
        let remittance = try #require(try Fixture.read("claim-details").first)
        let claim = try #require(remittance.claims.last)
        // Then units are 1, and the denial's CO-97 is on the line
        #expect(claim.statusCode == "4")
        #expect(claim.serviceLines.map(\.units) == [1])
        #expect(claim.serviceLines.first?.adjustments.map(\.groupAndReason) == ["CO-97"])
        // and the payment balances: BPR02 = Σ CLP04 of the four claims
        #expect(remittance.payment.amountCents == 153_966)
        #expect(remittance.claims.map(\.paidCents).reduce(0, +) == 153_966)
        #expect(remittance.payment.method == "CHK")
        #expect(remittance.end.claimCount == 4)
        #expect(remittance.end.outcome == .accepted)
    }
}
