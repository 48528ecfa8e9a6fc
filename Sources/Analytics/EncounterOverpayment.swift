import Codes
import GRDB

/// What an audited encounter's coding was worth against its audit (SPEC 5.1
/// money on its procedure findings): the basis of extrapolation (SPEC 6).
public struct EncounterOverpayment: Sendable, Equatable {
    public var encounterID: Int64
    public var externalID: String
    /// Whether the encounter has audit findings.
    public var audited: Bool
    /// Σ −(negative deltas): paid for codes the documentation does not support.
    public var overcodedCents: Int64
    /// Σ positive deltas.
    public var undercodedCents: Int64
    /// Procedure findings without a rate: they count 0, and are listed.
    public var unpricedFindings: [String]

    /// The overpayment: overcoded − undercoded (net), or overcoded alone (gross).
    public func overpaymentCents(gross: Bool) -> Int64 {
        gross ? overcodedCents : overcodedCents - undercodedCents
    }
}

extension Analytics {
    /// The over- and undercoded amounts of each of `encounters` (row ids) of
    /// `month`, in the order given.
    public func overpayments(encounters: [Int64], month: Month) throws -> [EncounterOverpayment] {
        try database.read { db in
            let schedule = try FeeSchedule(db, month: month)
            return try encounters.map { id in
                let encounter = try Row.fetchOne(
                    db, sql: "SELECT external_id, service_date, payer FROM encounter WHERE id = ?",
                    arguments: [id])
                let externalID: String = encounter?[0] ?? "?"
                var result = EncounterOverpayment(
                    encounterID: id, externalID: externalID, audited: false, overcodedCents: 0, undercodedCents: 0,
                    unpricedFindings: [])
                let findings = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT code_type, submitted_code, submitted_units, audited_code, audited_units
                        FROM audit_finding WHERE encounter_id = ? ORDER BY source_line, id
                        """, arguments: [id])
                result.audited = !findings.isEmpty
                guard let encounter else { return result }
                for finding in findings {
                    let codeType: CodeType = finding[0]
                    guard codeType.isProcedure else { continue }
                    let submitted: String? = finding[1]
                    let audited: String? = finding[3]
                    guard
                        let price = FindingPrice(
                            codeType: codeType, submitted: (code: submitted, units: finding[2]),
                            audited: (code: audited, units: finding[4]), payer: encounter[2],
                            serviceDate: encounter[1], schedule: schedule)
                    else {
                        result.unpricedFindings.append(
                            "\(externalID): \(submitted ?? "(added)") → \(audited ?? "(deleted)") has no rate")
                        continue
                    }
                    if price.deltaCents > 0 { result.undercodedCents += price.deltaCents }
                    if price.deltaCents < 0 { result.overcodedCents -= price.deltaCents }
                }
                return result
            }
        }
    }
}
