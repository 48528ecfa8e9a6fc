import Testing
import X12

/// SPEC 9: a transaction whose SE01 is not its segment count, or whose BPR02
/// is not Σ CLP04 − Σ PLB, is rejected alone; the rest of the file is read.
@Suite struct TransactionCheckTests {
    @Test func wrongSegmentCountRejectsOnlyItsTransaction() throws {
        // Given two transactions, the first with SE*11 for 10 segments
        let remittances = try Fixture.read("se-count-off")
        // Then the first is rejected at its SE with both figures, the second accepted
        #expect(
            remittances.map(\.end.outcome) == [
                .rejected(segment: 12, reason: "SE01 says 11 segments, the transaction has 10"), .accepted,
            ])
        #expect(
            remittances.first?.end.outcome.description == "segment 12: SE01 says 11 segments, the transaction has 10")
        // and the rejected transaction's claims were still handed over, to be rolled back
        #expect(remittances.map(\.claims.count) == [1, 1])
    }

    @Test func paymentThatDoesNotAddUpRejectsOnlyItsTransaction() throws {
        // Given two transactions, the second paying 1234.50 on claims paid 1230.00
        let remittances = try Fixture.read("bpr-total-off")
        // Then the second is rejected at its BPR with both figures, the first accepted
        #expect(
            remittances.map(\.end.outcome) == [
                .accepted,
                .rejected(
                    segment: 14, reason: "BPR02 is 1234.50, the claims' CLP04 less the PLB adjustments total 1230.00"),
            ])
    }

    @Test func importerKeepsOnlyAcceptedTransactions() throws {
        // Given an importer that holds each transaction's claims until its end, as a savepoint does
        var importer = SavepointImporter()
        // When both rejecting files are read
        try RemittanceReader(bytes: Fixture.bytes("se-count-off")).read(into: &importer)
        try RemittanceReader(bytes: Fixture.bytes("bpr-total-off")).read(into: &importer)
        // Then only the accepted transactions' claims are kept, in order
        #expect(importer.committed == ["ENC-3042", "ENC-3051"])
        #expect(importer.rolledBack == 2)
        #expect(
            importer.events == [
                "begin 0001", "claim ENC-3041", "end rejected", "begin 0002", "claim ENC-3042", "end accepted",
                "begin 0001", "claim ENC-3051", "end accepted", "begin 0002", "claim ENC-3052", "end rejected",
            ])
    }

    @Test func handlerErrorStopsTheReading() throws {
        // Given a handler that fails on the second claim
        var importer = SavepointImporter(failOnClaim: 2)
        // Then its error comes out of read(into:) and nothing after it is handed over
        #expect(throws: SavepointImporter.Failure()) {
            try RemittanceReader(bytes: Fixture.bytes("two-transactions")).read(into: &importer)
        }
        #expect(importer.events == ["begin 0001", "claim ENC-3011", "end accepted", "begin 0002"])
    }
}

/// Holds claims per transaction and commits them only when it is accepted.
struct SavepointImporter: RemittanceHandler {
    struct Failure: Error, Equatable {}

    var failOnClaim: Int?
    var pending: [String] = []
    var committed: [String] = []
    var rolledBack = 0
    var events: [String] = []
    var claimsSeen = 0

    mutating func beginPayment(_ payment: RemittancePayment) throws {
        events.append("begin \(payment.transactionControlNumber)")
        pending = []
    }

    mutating func claim(_ claim: ClaimPayment) throws {
        claimsSeen += 1
        if claimsSeen == failOnClaim { throw Failure() }
        events.append("claim \(claim.patientControlNumber)")
        pending.append(claim.patientControlNumber)
    }

    mutating func endPayment(_ end: PaymentEnd) throws {
        if end.outcome == .accepted {
            events.append("end accepted")
            committed += pending
        } else {
            events.append("end rejected")
            rolledBack += 1
        }
    }
}
