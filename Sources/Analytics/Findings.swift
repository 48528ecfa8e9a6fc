import Codes
import GRDB

extension Analytics {
    /// The findings of `month` that are not `agree` (SPEC 5.2), by service
    /// date, encounter, then the finding's line in its audit file; with no
    /// patient identifier.
    ///
    /// - throws: any database error.
    public func findings(for month: Month) throws -> [FindingRow] {
        try database.read { db in try Self.findings(db, month: month) }
    }

    /// The rows of `findings.csv` from an open read.
    static func findings(_ db: Database, month: Month) throws -> [FindingRow] {
        let schedule = try FeeSchedule(db, month: month)
        return try Row.fetchAll(db, sql: FindingRow.sql, arguments: [month.firstDay, month.nextFirstDay])
            .map { FindingRow(month: month, row: $0, schedule: schedule) }
    }
}

extension FindingRow {
    fileprivate static let sql = """
        SELECT e.external_id, e.service_date, e.provider, e.coder, e.payer,
               f.auditor, f.audit_date, f.code_type, f.outcome, f.submitted_code, f.submitted_units,
               f.audited_code, f.audited_units, f.category, f.comment
        FROM encounter e
        JOIN audit_finding f ON f.encounter_id = e.id
        WHERE e.service_date >= ? AND e.service_date < ? AND f.outcome <> 'agree'
        ORDER BY e.service_date, e.external_id, f.source_line, f.id
        """

    fileprivate init(month: Month, row: Row, schedule: FeeSchedule) {
        let codeType: CodeType = row[7]
        let procedure = codeType.isProcedure
        let submittedCode: String? = row[9]
        let auditedCode: String? = row[11]
        let price = FindingPrice(
            codeType: codeType, submitted: (code: submittedCode, units: row[10]),
            audited: (code: auditedCode, units: row[12]), payer: row[4], serviceDate: row[1], schedule: schedule)
        self.init(
            month: month, encounterID: row[0], serviceDate: row[1], provider: row[2], coder: row[3], payer: row[4],
            auditor: row[5], auditDate: row[6], codeType: codeType, outcome: row[8],
            submittedCode: submittedCode.map(codeType.printed), auditedCode: auditedCode.map(codeType.printed),
            submittedUnits: procedure && submittedCode != nil ? (row[10] as Int?) ?? 1 : nil,
            auditedUnits: procedure && auditedCode != nil ? (row[12] as Int?) ?? 1 : nil,
            category: row[13], deltaCents: price?.deltaCents, rateMissing: procedure ? price == nil : nil,
            comment: row[14])
    }
}

/// What a procedure finding row is worth (SPEC 5.1): on each side the fee-schedule
/// rate (SPEC 3.3, blank modifier) × units, a blank side 0.
struct FindingPrice: Equatable {
    let submittedCents: Int64
    let auditedCents: Int64

    /// amount(audited) − amount(submitted): positive when undercoded, negative when overcoded.
    var deltaCents: Int64 { auditedCents - submittedCents }

    /// The price of a finding row from each side's code and units; nil on a row
    /// that is not a procedure row, or whose non-blank side has no rate.
    init?(
        codeType: CodeType, submitted: (code: String?, units: Int?), audited: (code: String?, units: Int?),
        payer: String, serviceDate: String, schedule: FeeSchedule
    ) {
        guard codeType.isProcedure else { return nil }
        func amount(_ side: (code: String?, units: Int?)) -> Int64? {
            guard let code = side.code else { return 0 }
            guard let rate = schedule.rate(payer: payer, code: code, on: serviceDate) else { return nil }
            return rate * Int64(side.units ?? 1)
        }
        guard let submittedCents = amount(submitted), let auditedCents = amount(audited) else { return nil }
        self.submittedCents = submittedCents
        self.auditedCents = auditedCents
    }
}
