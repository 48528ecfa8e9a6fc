import GRDB
import GRDBSQLite

/// A payment (one 835 transaction) as stored: no person is named in it.
public struct RemittancePaymentValues: Sendable, Equatable {
    public var firstSegment: Int
    public var controlNumber: String
    public var traceNumber: String
    public var payerID: String
    public var payerName: String
    public var paidCents: Int64
    public var method: String
    /// `YYYY-MM-DD`.
    public var paymentDate: String?

    public init(
        firstSegment: Int, controlNumber: String, traceNumber: String, payerID: String, payerName: String,
        paidCents: Int64, method: String, paymentDate: String?
    ) {
        self.firstSegment = firstSegment
        self.controlNumber = controlNumber
        self.traceNumber = traceNumber
        self.payerID = payerID
        self.payerName = payerName
        self.paidCents = paidCents
        self.method = method
        self.paymentDate = paymentDate
    }
}

/// A stored payment with the same trace number and payer, and the file that
/// brought it.
public struct StoredRemittancePayment: Sendable, Equatable {
    public var id: Int64
    public var fileName: String
    public var sha256: String
    /// The import that stored it: the running one when a file repeats a payment.
    public var batchID: Int64
    /// Its ST segment's ordinal in that file.
    public var firstSegment: Int
}

/// Writes remittances during an import. Claims, lines and adjustments are the
/// hot path: their statements are prepared once and bound through SQLite's C API.
public final class RemittanceWriter: RawStatementWriter {
    private let db: Database
    var connection: Database { db }
    /// The months of the encounters whose remittances were deleted (see `ImportSession.dropChangedMonthSummaries`).
    private let changedDays: ChangedDays
    private let boundText = BoundText()
    private lazy var insertClaimStatement = prepare(
        """
        INSERT INTO remittance_claim (payment_id, patient_control_number, status, charge_cents, paid_cents,
                                      patient_responsibility_cents, payer_claim_number, service_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """)
    private lazy var insertLineStatement = prepare(
        """
        INSERT INTO remittance_line (claim_id, position, procedure_code, modifiers, billed_code,
                                     billed_modifiers, charge_cents, paid_cents, units, allowed_cents,
                                     service_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    private lazy var insertAdjustmentStatement = prepare(
        """
        INSERT INTO remittance_adjustment (claim_id, line_id, group_code, reason_code, amount_cents)
        VALUES (?, ?, ?, ?, ?)
        """)

    init(db: Database, changedDays: ChangedDays) {
        self.db = db
        self.changedDays = changedDays
    }

    /// The stored payment with this TRN02 and TRN03, if any.
    public func payment(traceNumber: String, payerID: String) throws -> StoredRemittancePayment? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT p.id, b.file_name, b.sha256, p.batch_id, p.first_segment FROM remittance_payment p
                    JOIN import_batch b ON b.id = p.batch_id
                    WHERE p.trace_number = ? AND p.payer_id = ?
                    """), arguments: [traceNumber, payerID]
        ).map {
            StoredRemittancePayment(id: $0[0], fileName: $0[1], sha256: $0[2], batchID: $0[3], firstSegment: $0[4])
        }
    }

    /// Deletes a stored payment with its claims, lines and adjustments.
    public func deletePayment(id: Int64) throws {
        try changedDays.add(daysFrom: ImportSession.remittedDays + "WHERE p.id = ?", arguments: [id], db)
        try db.cachedStatement(sql: "DELETE FROM remittance_payment WHERE id = ?").execute(arguments: [id])
    }

    /// Inserts a payment and returns its row id.
    public func insert(_ payment: RemittancePaymentValues, batchID: Int64) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO remittance_payment (batch_id, first_segment, control_number, trace_number, payer_id,
                                                payer_name, paid_cents, method, payment_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            batchID, payment.firstSegment, payment.controlNumber, payment.traceNumber, payment.payerID,
            payment.payerName, payment.paidCents, payment.method, payment.paymentDate,
        ])
        return db.lastInsertedRowID
    }

    /// Inserts a PLB adjustment of a payment.
    public func insertProviderAdjustment(
        paymentID: Int64, reason: String, reference: String?, amountCents: Int64
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO remittance_provider_adjustment (payment_id, reason_code, reference, amount_cents)
                VALUES (?, ?, ?, ?)
                """
        ).execute(arguments: [paymentID, reason, reference, amountCents])
    }

    /// Inserts a claim (CLP) of a payment and returns its row id.
    public func insertClaim(
        paymentID: Int64, patientControlNumber: String, status: String, chargeCents: Int64, paidCents: Int64,
        patientResponsibilityCents: Int64?, payerClaimNumber: String?, serviceDate: String?
    ) throws -> Int64 {
        boundText.reset()
        let s = try insertClaimStatement.sqliteStatement
        sqlite3_bind_int64(s, 1, paymentID)
        boundText.bind(s, 2, patientControlNumber)
        boundText.bind(s, 3, status)
        sqlite3_bind_int64(s, 4, chargeCents)
        sqlite3_bind_int64(s, 5, paidCents)
        bind(s, 6, patientResponsibilityCents)
        boundText.bind(s, 7, payerClaimNumber)
        boundText.bind(s, 8, serviceDate)
        try step(s)
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Inserts a service line (SVC) of a claim and returns its row id. Modifiers
    /// are stored space-separated, in the order given.
    public func insertLine(
        claimID: Int64, position: Int, code: String, modifiers: [String], billedCode: String?,
        billedModifiers: [String]?, chargeCents: Int64, paidCents: Int64, units: String, allowedCents: Int64?,
        serviceDate: String?
    ) throws -> Int64 {
        boundText.reset()
        let s = try insertLineStatement.sqliteStatement
        sqlite3_bind_int64(s, 1, claimID)
        sqlite3_bind_int64(s, 2, Int64(position))
        boundText.bind(s, 3, code)
        boundText.bind(s, 4, modifiers.joined(separator: " "))
        boundText.bind(s, 5, billedCode)
        boundText.bind(s, 6, billedModifiers?.joined(separator: " "))
        sqlite3_bind_int64(s, 7, chargeCents)
        sqlite3_bind_int64(s, 8, paidCents)
        boundText.bind(s, 9, units)
        bind(s, 10, allowedCents)
        boundText.bind(s, 11, serviceDate)
        try step(s)
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Inserts a CAS adjustment of a claim, or of one of its lines.
    public func insertAdjustment(
        claimID: Int64, lineID: Int64?, group: String, reason: String, amountCents: Int64
    ) throws {
        boundText.reset()
        let s = try insertAdjustmentStatement.sqliteStatement
        sqlite3_bind_int64(s, 1, claimID)
        bind(s, 2, lineID)
        boundText.bind(s, 3, group)
        boundText.bind(s, 4, reason)
        sqlite3_bind_int64(s, 5, amountCents)
        try step(s)
    }

    /// Starts a savepoint around one transaction's rows.
    public func beginTransactionRows() throws {
        try db.execute(sql: "SAVEPOINT remittance_transaction")
    }

    /// Keeps the rows since `beginTransactionRows`, or drops them.
    public func endTransactionRows(keep: Bool) throws {
        if !keep { try db.execute(sql: "ROLLBACK TO SAVEPOINT remittance_transaction") }
        try db.execute(sql: "RELEASE SAVEPOINT remittance_transaction")
    }

    /// How many of these claims' patient control numbers name a stored
    /// encounter (trimmed, letter case ignored), for the import's summary.
    public func claimsMatchingEncounters(batchID: Int64) throws -> (claims: Int, matched: Int) {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*),
                       SUM(EXISTS (SELECT 1 FROM encounter e WHERE e.external_id = c.patient_control_number
                                                              COLLATE NOCASE))
                FROM remittance_claim c JOIN remittance_payment p ON p.id = c.payment_id
                WHERE p.batch_id = ?
                """, arguments: [batchID])
        return (row?[0] ?? 0, row?[1] ?? 0)
    }
}
