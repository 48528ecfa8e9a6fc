/// Receives an 835 file's content as `RemittanceReader` reads it, one
/// transaction at a time, so memory stays flat however large the file.
///
/// For each transaction (ST…SE) the reader calls `beginPayment` once, then
/// `claim` for each CLP loop in file order, then `endPayment` with the
/// transaction's verdict. An importer opens a savepoint in `beginPayment`,
/// inserts each claim as it comes, and releases the savepoint when the
/// outcome is `.accepted` or rolls back to it when `.rejected`.
///
/// When `read(into:)` throws, the file is malformed and refused as a whole:
/// roll back everything, including transactions that ended accepted (an
/// envelope fault, such as IEA02 ≠ ISA13, shows only after them). An error
/// thrown by the handler stops the reading and comes out of `read(into:)`.
public protocol RemittanceHandler {
    /// A transaction begins: its payment (BPR, TRN, N1*PR).
    mutating func beginPayment(_ payment: RemittancePayment) throws
    /// One claim (CLP loop) of the current transaction, with its service
    /// lines and adjustments.
    mutating func claim(_ claim: ClaimPayment) throws
    /// The current transaction ends: its PLB adjustments and outcome.
    mutating func endPayment(_ end: PaymentEnd) throws
}

/// One transaction as `RemittanceCollector` keeps it.
public struct Remittance: Sendable, Equatable {
    /// The payment.
    public var payment: RemittancePayment
    /// The claims, in file order.
    public var claims: [ClaimPayment]
    /// The PLB adjustments and the outcome.
    public var end: PaymentEnd

    /// Creates a collected transaction.
    public init(payment: RemittancePayment, claims: [ClaimPayment], end: PaymentEnd) {
        self.payment = payment
        self.claims = claims
        self.end = end
    }
}

/// A handler that keeps everything in memory, for tests and small files.
public struct RemittanceCollector: RemittanceHandler {
    /// The transactions read so far, accepted and rejected, in file order.
    public private(set) var remittances: [Remittance] = []
    private var current: (payment: RemittancePayment, claims: [ClaimPayment])?

    /// An empty collector.
    public init() {}

    /// Starts collecting a transaction.
    public mutating func beginPayment(_ payment: RemittancePayment) throws {
        current = (payment, [])
    }

    /// Keeps the claim with its transaction.
    public mutating func claim(_ claim: ClaimPayment) throws {
        current?.claims.append(claim)
    }

    /// Keeps the transaction, accepted or rejected.
    public mutating func endPayment(_ end: PaymentEnd) throws {
        guard let current else { return }
        remittances.append(Remittance(payment: current.payment, claims: current.claims, end: end))
        self.current = nil
    }
}

extension RemittanceReader {
    /// Reads the whole file into memory: every transaction, accepted or
    /// rejected, in file order.
    ///
    /// - Throws: `X12Error` when the file is malformed.
    public func readAll() throws -> [Remittance] {
        var collector = RemittanceCollector()
        try read(into: &collector)
        return collector.remittances
    }
}
