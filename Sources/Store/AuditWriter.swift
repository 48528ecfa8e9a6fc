import Codes
import GRDB

/// One audit finding, validated and normalized.
public struct AuditFindingValues: Sendable, Equatable {
    public var sourceLine: Int
    public var auditor: String
    public var auditDate: String
    public var codeType: CodeType
    public var submittedCode: String?
    public var auditedCode: String?
    public var submittedUnits: Int?
    public var auditedUnits: Int?
    public var category: String?
    public var comment: String?
    public var outcome: FindingOutcome

    public init(
        sourceLine: Int, auditor: String, auditDate: String, codeType: CodeType, submittedCode: String?,
        auditedCode: String?, submittedUnits: Int?, auditedUnits: Int?, category: String?, comment: String?,
        outcome: FindingOutcome
    ) {
        self.sourceLine = sourceLine
        self.auditor = auditor
        self.auditDate = auditDate
        self.codeType = codeType
        self.submittedCode = submittedCode
        self.auditedCode = auditedCode
        self.submittedUnits = submittedUnits
        self.auditedUnits = auditedUnits
        self.category = category
        self.comment = comment
        self.outcome = outcome
    }
}

extension ImportSession {
    /// The row id of the stored encounter with this external id, if any. Its
    /// month's figures change with its audit: it is noted (see `dropChangedMonthSummaries`).
    public func encounterRowID(externalID: String) throws -> Int64? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, service_date FROM encounter WHERE external_id = ?", arguments: [externalID])
        else { return nil }
        changedDays.add(row[1] as String)
        return row[0]
    }

    /// Removes the audit an earlier import stored for an encounter, recording
    /// the replacement. Returns whether there was one.
    public func replaceStoredAudit(encounterID: Int64, batchID: Int64) throws -> Bool {
        let earlier = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT batch_id FROM audit_finding WHERE encounter_id = ? AND batch_id <> ?",
            arguments: [encounterID, batchID])
        guard !earlier.isEmpty else { return false }
        try db.execute(
            sql: "DELETE FROM audit_finding WHERE encounter_id = ? AND batch_id <> ?",
            arguments: [encounterID, batchID])
        for previous in earlier {
            try db.execute(
                sql: "INSERT INTO audit_replacement (batch_id, encounter_id, previous_batch_id) VALUES (?, ?, ?)",
                arguments: [batchID, encounterID, previous])
        }
        return true
    }

    /// Stores one finding of an encounter's audit.
    public func storeFinding(_ finding: AuditFindingValues, encounterID: Int64, batchID: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO audit_finding (encounter_id, batch_id, source_line, auditor, audit_date, code_type,
                    submitted_code, audited_code, submitted_units, audited_units, category, comment, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                encounterID, batchID, finding.sourceLine, finding.auditor, finding.auditDate,
                finding.codeType.rawValue, finding.submittedCode, finding.auditedCode, finding.submittedUnits,
                finding.auditedUnits, finding.category, finding.comment, finding.outcome.rawValue,
            ])
    }
}

// Stored as their raw values (`CPT`, `agree`), read back as the enums: the column's
// CHECK constraint keeps them to these values.
extension CodeType: DatabaseValueConvertible {}
extension FindingOutcome: DatabaseValueConvertible {}
