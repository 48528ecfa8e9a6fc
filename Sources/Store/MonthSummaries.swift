import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// A month's headline figures as kept in `month_summary` (see `monthSummarySchema`):
/// the report's trend reads them rather than recomputing the month.
public struct StoredMonthSummary: Sendable, Equatable {
    /// A fraction as computed, not reduced.
    public struct Fraction: Sendable, Equatable {
        public var numerator: Int64
        public var denominator: Int64

        public init(numerator: Int64, denominator: Int64) {
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// `YYYY-MM`.
    public var month: String
    public var toleranceCents: Int64
    /// Whether the month has lines or work (a month without either has no summary of its own).
    public var holdsData: Bool
    public var encounterAccuracy: Fraction?
    public var codeAccuracy: Fraction?
    public var netImpactCents: Int64?
    public var encountersAudited: Int64
    public var encountersCoded: Int64
    public var encountersPerHour: Fraction?
    public var underpaidCents: Int64?

    public init(
        month: String, toleranceCents: Int64, holdsData: Bool, encounterAccuracy: Fraction?, codeAccuracy: Fraction?,
        netImpactCents: Int64?, encountersAudited: Int64, encountersCoded: Int64, encountersPerHour: Fraction?,
        underpaidCents: Int64?
    ) {
        self.month = month
        self.toleranceCents = toleranceCents
        self.holdsData = holdsData
        self.encounterAccuracy = encounterAccuracy
        self.codeAccuracy = codeAccuracy
        self.netImpactCents = netImpactCents
        self.encountersAudited = encountersAudited
        self.encountersCoded = encountersCoded
        self.encountersPerHour = encountersPerHour
        self.underpaidCents = underpaidCents
    }

    /// The kept summaries of the months `first` to `last` (`YYYY-MM`, both
    /// included) computed with `toleranceCents`, oldest first.
    ///
    /// - throws: A database error when the store cannot be read.
    public static func fetch(
        _ db: Database, from first: String, through last: String, toleranceCents: Int64
    ) throws -> [StoredMonthSummary] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT month, tolerance_cents, holds_data, encounter_accuracy_numerator,
                       encounter_accuracy_denominator, code_accuracy_numerator, code_accuracy_denominator,
                       net_impact_cents, encounters_audited, encounters_coded, encounters_per_hour_numerator,
                       encounters_per_hour_denominator, underpaid_cents
                FROM month_summary
                WHERE month >= ? AND month <= ? AND tolerance_cents = ?
                ORDER BY month
                """, arguments: [first, last, toleranceCents]
        ).map { row in
            func fraction(_ column: Int) -> Fraction? {
                guard let numerator: Int64 = row[column], let denominator: Int64 = row[column + 1] else { return nil }
                return Fraction(numerator: numerator, denominator: denominator)
            }
            return StoredMonthSummary(
                month: row[0], toleranceCents: row[1], holdsData: row[2], encounterAccuracy: fraction(3),
                codeAccuracy: fraction(5), netImpactCents: row[7], encountersAudited: row[8], encountersCoded: row[9],
                encountersPerHour: fraction(10), underpaidCents: row[12])
        }
    }

    /// Keeps this summary, replacing the month's row if it has one.
    ///
    /// - throws: A database error when the store cannot be written.
    public func store(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO month_summary
                    (month, tolerance_cents, holds_data, encounter_accuracy_numerator, encounter_accuracy_denominator,
                     code_accuracy_numerator, code_accuracy_denominator, net_impact_cents, encounters_audited,
                     encounters_coded, encounters_per_hour_numerator, encounters_per_hour_denominator, underpaid_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                month, toleranceCents, holdsData, encounterAccuracy?.numerator, encounterAccuracy?.denominator,
                codeAccuracy?.numerator, codeAccuracy?.denominator, netImpactCents, encountersAudited, encountersCoded,
                encountersPerHour?.numerator, encountersPerHour?.denominator, underpaidCents,
            ])
    }
}

extension CodeAuditDatabase {
    /// Runs `body` in one write transaction, taken before it reads: the kept
    /// month summaries are computed and stored from the data of one moment,
    /// while no import can commit in between.
    ///
    /// - throws: A database error, and what `body` throws (nothing is then kept).
    public func keepingMonthSummaries(_ body: (Database) throws -> Void) throws {
        try writer.writeWithoutTransaction { db in
            // The summaries read each page about once: an import's larger page cache would only hold memory.
            try db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA shrink_memory")
            releaseFreedMemory()
            try db.inTransaction(.immediate) {
                try body(db)
                return .commit
            }
        }
    }
}

/// The first and last day of the months whose figures an import changes, as
/// its writers note them: the months whose kept summaries it drops. One for
/// the import, shared by the session and its writers.
final class ChangedDays {
    private(set) var range: ClosedRange<String>?

    /// Notes the month of `day` (`YYYY-MM-DD`, or longer: only its first 10 characters count).
    func add(_ day: String) {
        let day = day.utf8.count > 10 ? String(day.prefix(10)) : day
        guard let range else {
            self.range = day...day
            return
        }
        if day < range.lowerBound {
            self.range = day...range.upperBound
        } else if day > range.upperBound {
            self.range = range.lowerBound...day
        }
    }

    /// Notes every month from the first column's day to the second's of the row
    /// `sql` reads (nothing when there is no row or either is NULL).
    func add(daysFrom sql: String, arguments: StatementArguments, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return }
        if let first: String = row[0], let last: String = row[1] {
            add(first)
            add(last)
        }
    }

    /// Notes an encounter's service month and work month.
    func add(_ encounter: EncounterFields) {
        if let day = encounter.serviceDate { add(day) }
        if let day = encounter.codedAt { add(day) }
    }
}

extension ImportSession {
    /// Deletes the kept summaries of the months this import changes, in its
    /// transaction. The writers note the days of what they write, replace or
    /// delete as they go: an encounter's service and work days (a replaced one's
    /// earlier days too), an audited encounter's service day, a coder's day, a
    /// rate's range. An 835's claims name their encounters only by id, so its
    /// months are read once its rows are in. The NCCI tables change no summary figure.
    func dropChangedMonthSummaries() throws {
        for batch in batches where batch.kind == .remittances {
            try changedDays.add(daysFrom: Self.remittedDays + "WHERE p.batch_id = ?", arguments: [batch.id], db)
        }
        guard let days = changedDays.range else { return }
        try db.execute(
            sql: "DELETE FROM month_summary WHERE month >= substr(?, 1, 7) AND month <= substr(?, 1, 7)",
            arguments: [days.lowerBound, days.upperBound])
    }

    /// The first and last service day of the encounters whose lines the claims
    /// of a payment or batch (`p`) are matched to, as the reconciliation matches them.
    static let remittedDays = """
        SELECT MIN(e.service_date), MAX(e.service_date)
        FROM remittance_payment p JOIN remittance_claim c ON c.payment_id = p.id
        JOIN encounter e ON e.external_id = c.patient_control_number COLLATE NOCASE

        """
}

/// Gives the memory an import freed back to the system (glibc keeps freed
/// memory for the process, in one arena per thread that allocated it), so
/// that what comes after the import does not add to it. Only where the C
/// library has `malloc_trim`.
private func releaseFreedMemory() {
    #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    #endif
}
