import Foundation
import Testing
import X12

/// A large file reads back whole, through the streaming handler, with its
/// counts and totals intact.
@Suite struct ScaleTests {
    /// `count` transactions of 1,250 claims of 4 lines each (about 460 KB a transaction).
    static func file(transactions count: Int) -> [UInt8] {
        let transactions = (0..<count).map { transaction in
            let body = (0..<1_250).flatMap { claim in
                ["LX*\(claim + 1)", "CLP*E\(transaction)-\(claim)*1*400*360*40*12*C\(transaction)-\(claim)"]
                    + Array(
                        repeating: [
                            "SVC*HC:99213:25*100*90**1", "DTM*472*20260302", "CAS*CO*45*5", "CAS*PR*3*5", "AMT*B6*95",
                        ], count: 4
                    ).flatMap { $0 }
            }
            return RemittanceText.transaction(
                control: "\(transaction)", amount: "450000", trace: "T\(transaction)", body: body)
        }
        return Array(RemittanceText.file(transactions).utf8)
    }

    @Test func twentyThousandServiceLines() throws {
        // Given 4 transactions of 1,250 claims of 4 lines each, built in memory
        let bytes = Self.file(transactions: 4)
        // When it is read through a handler that keeps only counts
        var counter = Counter()
        try RemittanceReader(bytes: bytes).read(into: &counter)
        // Then every claim and line is handed over, and every transaction balances
        #expect(counter.payments == 4)
        #expect(counter.claims == 5_000)
        #expect(counter.lines == 20_000)
        #expect(counter.paidCents == 4 * 45_000_000)
        #expect(counter.adjustments == 40_000)
        #expect(counter.accepted == 4)
    }

    @Test func aFileReadAWindowAtATimeReadsAsFromMemory() throws {
        // Given 12 such transactions (about 5.5 MB: the reader's window of 2 MiB moves on twice or more) on disk
        let bytes = Self.file(transactions: 12)
        #expect(bytes.count > 2 * (2 << 20))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("x12-\(UUID().uuidString).835").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        // When it is read from the file
        // Then every transaction, claim and line is what reading the bytes in memory gives
        let fromFile = try RemittanceReader(path: path).readAll()
        #expect(fromFile.count == 12 && fromFile.allSatisfy { $0.end.outcome == .accepted })
        #expect(fromFile == (try RemittanceReader(bytes: bytes).readAll()))
    }
}

struct Counter: RemittanceHandler {
    var payments = 0
    var claims = 0
    var lines = 0
    var adjustments = 0
    var paidCents: Int64 = 0
    var accepted = 0

    mutating func beginPayment(_ payment: RemittancePayment) throws { payments += 1 }

    mutating func claim(_ claim: ClaimPayment) throws {
        claims += 1
        lines += claim.serviceLines.count
        adjustments += claim.serviceLines.map(\.adjustments.count).reduce(0, +)
        paidCents += claim.serviceLines.map(\.paidCents).reduce(0, +)
    }

    mutating func endPayment(_ end: PaymentEnd) throws {
        if end.outcome == .accepted { accepted += 1 }
    }
}
