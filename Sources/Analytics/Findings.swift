import GRDB

extension Analytics {
    /// The findings of `month` that are not `agree` (SPEC 5.2), by service
    /// date, encounter, then the finding's line in its audit file; with no
    /// patient identifier.
    ///
    /// - throws: any database error.
    public func findings(for month: Month) throws -> [FindingRow] {
        try database.read { db in
            try Row.fetchAll(db, sql: FindingRow.sql, arguments: [month.firstDay, month.nextFirstDay])
                .map { FindingRow(month: month, row: $0) }
        }
    }
}

extension FindingRow {
    fileprivate static let sql = """
        SELECT e.external_id, e.service_date, e.provider, ifnull(e.coder, 'UNASSIGNED'), ifnull(e.payer, 'UNKNOWN'),
               f.auditor, f.audit_date, f.code_type, f.outcome, f.submitted_code, f.submitted_units,
               f.audited_code, f.audited_units, f.category, f.comment,
               \(FindingPrice.rateColumns)
        FROM encounter e
        JOIN audit_finding f ON f.encounter_id = e.id
        WHERE e.service_date >= ? AND e.service_date < ? AND f.outcome <> 'agree'
        ORDER BY e.service_date, e.external_id, f.source_line, f.id
        """

    fileprivate init(month: Month, row: Row) {
        let codeType: String = row[7]
        let procedure = FindingPrice.isProcedure(codeType)
        let submittedCode: String? = row[9]
        let auditedCode: String? = row[11]
        let price = FindingPrice(
            submitted: (code: submittedCode, units: row[10], rate: row[15]),
            audited: (code: auditedCode, units: row[12], rate: row[16]))
        self.init(
            month: month, encounterID: row[0], serviceDate: row[1], provider: row[2], coder: row[3], payer: row[4],
            auditor: row[5], auditDate: row[6], codeType: codeType, outcome: row[8],
            submittedCode: printed(submittedCode, codeType: codeType),
            auditedCode: printed(auditedCode, codeType: codeType),
            submittedUnits: procedure && submittedCode != nil ? (row[10] as Int?) ?? 1 : nil,
            auditedUnits: procedure && auditedCode != nil ? (row[12] as Int?) ?? 1 : nil,
            category: row[13], deltaCents: price?.deltaCents, rateMissing: procedure ? price == nil : nil,
            comment: row[14])
    }
}

/// An ICD-10-CM code as printed, with its dot after the category (`E119` → `E11.9`).
private func printed(_ code: String?, codeType: String) -> String? {
    guard let code, codeType == "ICD10", code.count > 3 else { return code }
    return code.prefix(3) + "." + code.dropFirst(3)
}

/// What a procedure finding row is worth (SPEC 5.1): on each side the fee-schedule
/// rate (SPEC 3.3, blank modifier) × units, a blank side 0.
struct FindingPrice: Equatable {
    let submittedCents: Int64
    let auditedCents: Int64

    /// amount(audited) − amount(submitted): positive when undercoded, negative when overcoded.
    var deltaCents: Int64 { auditedCents - submittedCents }

    /// The price of a finding row from each side's code, units and rate; nil on a
    /// row that is not a procedure row (its rates are NULL) or whose non-blank
    /// side has no rate.
    init?(
        submitted: (code: String?, units: Int?, rate: Int64?), audited: (code: String?, units: Int?, rate: Int64?)
    ) {
        guard let submittedCents = Self.amount(submitted), let auditedCents = Self.amount(audited) else { return nil }
        self.submittedCents = submittedCents
        self.auditedCents = auditedCents
    }

    private static func amount(_ side: (code: String?, units: Int?, rate: Int64?)) -> Int64? {
        guard side.code != nil else { return 0 }
        guard let rate = side.rate else { return nil }
        return rate * Int64(side.units ?? 1)
    }

    static func isProcedure(_ codeType: String) -> Bool { codeType == "CPT" || codeType == "HCPCS" }

    /// Two columns for a query over `audit_finding f` joined to `encounter e`: the
    /// rate per unit of the submitted and of the audited code, NULL on ICD10 and
    /// MOD rows, on a blank side and when the fee schedule has none.
    static let rateColumns = """
        CASE WHEN f.code_type IN ('CPT', 'HCPCS') THEN \(FeeLookup.findingRate(code: "f.submitted_code")) END,
        CASE WHEN f.code_type IN ('CPT', 'HCPCS') THEN \(FeeLookup.findingRate(code: "f.audited_code")) END
        """
}
