import Codes
import GRDB

/// One row of an audit worksheet: a code as the coder submitted it, with the
/// audited side pre-filled to agree; the auditor edits what is wrong.
public struct WorksheetRow: Sendable, Equatable {
    public var encounterID: String
    public var serviceDate: String
    public var provider: String
    public var coder: String
    public var payer: String
    public var codeType: CodeType
    /// As printed: ICD-10-CM codes with their dot.
    public var code: String
    /// Procedure rows only.
    public var units: Int?
}

extension Analytics {
    /// The worksheet of `encounters` (row ids), in the order given: for each
    /// encounter its procedure lines in file order, each followed by its
    /// modifiers, then its diagnosis codes in order.
    public func worksheetRows(encounters: [Int64]) throws -> [WorksheetRow] {
        try database.read { db in
            var rows: [WorksheetRow] = []
            for id in encounters {
                guard
                    let encounter = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT external_id, service_date, provider, coder, payer
                            FROM encounter WHERE id = ?
                            """, arguments: [id])
                else { continue }
                func row(_ type: CodeType, _ code: String, _ units: Int?) -> WorksheetRow {
                    WorksheetRow(
                        encounterID: encounter[0], serviceDate: encounter[1], provider: encounter[2],
                        coder: encounter[3], payer: encounter[4], codeType: type, code: code, units: units)
                }
                let lines = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT procedure_code, units, modifier_1, modifier_2, modifier_3, modifier_4
                        FROM encounter_line WHERE encounter_id = ? ORDER BY source_line, id
                        """, arguments: [id])
                for line in lines {
                    let code: String = line[0]
                    rows.append(row(MedicalCodes.isCPT(code) ? .cpt : .hcpcs, code, line[1]))
                    for index in 2...5 {
                        if let modifier: String = line[index] { rows.append(row(.modifier, modifier, nil)) }
                    }
                }
                for code in try String.fetchAll(
                    db, sql: "SELECT code FROM encounter_diagnosis WHERE encounter_id = ? ORDER BY position",
                    arguments: [id])
                {
                    rows.append(row(.icd10, CodeType.icd10.printed(code), nil))
                }
            }
            return rows
        }
    }
}
