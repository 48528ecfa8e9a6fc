import Analytics
import GRDB
import Store

/// The payers' code edits of SPEC 8 over a month's encounters, computed from
/// what is stored: an edit table imported later applies to earlier months too.
///
/// ```swift
/// let edits = try EditChecks(database: database).monthly(for: Month("2026-10")!)
/// print(edits.rates.first?.flagRate?.formatted(decimals: 4) ?? "")  // the practice's flag rate
/// ```
public struct EditChecks: Sendable {
    let database: CodeAuditDatabase

    public init(database: CodeAuditDatabase) {
        self.database = database
    }

    /// The month's flags and rates, read in one transaction.
    ///
    /// - throws: any database error.
    public func monthly(for month: Month) throws -> MonthlyEdits {
        try database.read { db in try Self.monthly(db, month: month) }
    }

    /// The month's flags and rates from an open read (so that a caller can read
    /// the edits and other figures from one snapshot).
    public static func monthly(_ db: Database, month: Month) throws -> MonthlyEdits {
        try monthly(db, month: month, encounters: nil)
    }

    /// The month's flags and rates from an open read, over the month's encounters
    /// when the caller has gathered them already.
    static func monthly(_ db: Database, month: Month, encounters: MonthEncounters?) throws -> MonthlyEdits {
        let (flags, encounters) = try EditFinder.flags(db, month: month, encounters: encounters)
        let rates = EditRates.rows(
            month: month, flags: flags, encounters: encounters, audits: try EditRates.audits(db, month: month))
        return MonthlyEdits(
            month: month, flags: flags, rates: rates,
            ptpImported: try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ptp_edit)")!,
            mueImported: try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM mue_value)")!)
    }

    /// The external ids of the month's flagged encounters: the `flagged` stratum
    /// of a risk-based sample (SPEC 8.3).
    public func flaggedEncounters(in month: Month) throws -> Set<String> {
        try database.read { db in
            Set(try EditFinder.flags(db, month: month).flags.flatMap(\.flaggedEncounterIDs))
        }
    }
}

extension Analytics {
    /// The month's edits (SPEC 8): what `edits.csv`, `edit_rates.csv` and the
    /// report's "Automated edits" section show.
    ///
    /// - throws: any database error.
    public func edits(for month: Month) throws -> MonthlyEdits {
        try EditChecks(database: database).monthly(for: month)
    }

    /// The month's flags alone (SPEC 8.1), what `edits.csv` shows: `edits(for:)`'s
    /// `flags`, without the rates and the audits they are set beside.
    ///
    /// - throws: any database error.
    public func editFlags(for month: Month) throws -> [EditFlagRow] {
        try database.read { db in try EditFinder.flags(db, month: month).flags }
    }
}
