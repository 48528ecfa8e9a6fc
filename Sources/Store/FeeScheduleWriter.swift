import GRDB

/// A contract rate as a fee-schedule file gives it.
public struct FeeRateValues: Sendable, Equatable {
    public var payer: String
    public var procedureCode: String
    /// '' for any modifier.
    public var modifier: String
    public var amountCents: Int64
    public var effectiveFrom: String
    /// nil for open-ended.
    public var effectiveTo: String?

    public init(
        payer: String, procedureCode: String, modifier: String, amountCents: Int64, effectiveFrom: String,
        effectiveTo: String?
    ) {
        self.payer = payer
        self.procedureCode = procedureCode
        self.modifier = modifier
        self.amountCents = amountCents
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
    }
}

/// A stored rate whose effective range overlaps another of the same payer, code and modifier.
public struct FeeRateOverlap: Sendable, Equatable {
    public var id: Int64
    public var batchID: Int64
    public var effectiveFrom: String
    public var effectiveTo: String?
}

extension ImportSession {
    /// The stored rates of the same payer, code and modifier whose effective
    /// range overlaps `rate`'s (both ends inclusive).
    public func overlappingRates(_ rate: FeeRateValues) throws -> [FeeRateOverlap] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, batch_id, effective_from, effective_to FROM fee_rate
                WHERE procedure_code = ? AND payer = ? AND modifier = ?
                  AND effective_from <= ? AND COALESCE(effective_to, '9999-12-31') >= ?
                ORDER BY effective_from
                """,
            arguments: [
                rate.procedureCode, rate.payer, rate.modifier, rate.effectiveTo ?? "9999-12-31", rate.effectiveFrom,
            ]
        ).map {
            FeeRateOverlap(
                id: $0["id"], batchID: $0["batch_id"], effectiveFrom: $0["effective_from"],
                effectiveTo: $0["effective_to"])
        }
    }

    /// Stores a rate and returns its row id.
    public func storeRate(_ rate: FeeRateValues, batchID: Int64) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO fee_rate (payer, procedure_code, modifier, amount_cents, effective_from, effective_to, batch_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                rate.payer, rate.procedureCode, rate.modifier, rate.amountCents, rate.effectiveFrom, rate.effectiveTo,
                batchID,
            ])
        changedDays.add(rate.effectiveFrom)
        changedDays.add(rate.effectiveTo ?? "9999-12-31")
        return db.lastInsertedRowID
    }

    /// Removes a stored rate that a new one replaces.
    public func removeRate(id: Int64) throws {
        try changedDays.add(
            daysFrom: "SELECT effective_from, COALESCE(effective_to, '9999-12-31') FROM fee_rate WHERE id = ?",
            arguments: [id], db)
        try db.execute(sql: "DELETE FROM fee_rate WHERE id = ?", arguments: [id])
    }
}
