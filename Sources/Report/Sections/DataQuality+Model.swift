import Analytics

/// Where the month's data came from and what did not make it: rejected rows,
/// lines no contract rate covers, lines still waiting for the payer, and
/// remitted claims that name no encounter.
struct DataQualityView {
    struct FileRow {
        var file: String
        var kind: String
        var sha256: String
        var rowsRead: String
        var rowsLoaded: String
        var rowsRejected: String
        var reasons: String
    }

    struct PayerRow {
        var payer: String
        var lines: String
        var noRate: String
        var pending: String
    }

    /// Claims in the payers' 835s whose patient control number (CLP01) is no encounter id, by the 835's payer name.
    struct UnmatchedRow {
        var payer: String
        var claims: String
    }

    var files: [FileRow]
    var hasFiles: Bool
    var payers: [PayerRow]
    var hasPayerGaps: Bool
    var summary: String
    var unmatched: [UnmatchedRow]
    var hasUnmatched: Bool
    var unmatchedSummary: String
    /// Remittances were imported for the month and every claim of them names an encounter.
    var allClaimsMatched: Bool

    init(_ data: MonthlyReportData) {
        files = data.files.map { file in
            FileRow(
                file: file.fileName.split(separator: "/").last.map(String.init) ?? file.fileName, kind: file.kind,
                sha256: String(file.sha256.prefix(12)),
                rowsRead: ReportFormat.count(file.rowsRead), rowsLoaded: ReportFormat.count(file.rowsLoaded),
                rowsRejected: ReportFormat.count(file.rowsRejected),
                reasons: file.rejectsByColumn.map { "\($0.column ?? "whole row"): \($0.rows)" }
                    .joined(separator: "; "))
        }
        let totals = data.variance.filter { $0.procedureCode == "ALL" }
        payers = totals.filter { $0.noRateLines > 0 || $0.pendingLines > 0 }.map { row in
            PayerRow(
                payer: row.payer, lines: ReportFormat.count(row.lines), noRate: ReportFormat.count(row.noRateLines),
                pending: ReportFormat.count(row.pendingLines))
        }
        hasFiles = !files.isEmpty
        hasPayerGaps = !payers.isEmpty
        let rejected = data.files.reduce(0) { $0 + $1.rowsRejected }
        let lines = totals.reduce(0) { $0 + $1.lines }
        let noRate = totals.reduce(0) { $0 + $1.noRateLines }
        let pending = totals.reduce(0) { $0 + $1.pendingLines }
        summary =
            "\(ReportFormat.count(rejected)) rows rejected in the \(data.files.count) files that supplied this month; "
            + "of \(ReportFormat.count(lines)) service lines, \(ReportFormat.count(noRate)) have no contract rate and "
            + "\(ReportFormat.count(pending)) are pending (no allowed amount yet)."
        let remittances = data.payments.filter { $0.payer != "ALL" && $0.unmatchedClaims > 0 }
        unmatched = remittances.map { UnmatchedRow(payer: $0.payer, claims: ReportFormat.count($0.unmatchedClaims)) }
        hasUnmatched = !unmatched.isEmpty
        allClaimsMatched = !hasUnmatched && data.payments.contains { $0.payer == "ALL" && $0.remittedLines > 0 }
        let claims = remittances.reduce(0) { $0 + $1.unmatchedClaims }
        unmatchedSummary =
            "\(ReportFormat.count(claims)) \(claims == 1 ? "claim" : "claims") in the payers' 835 files for services "
            + "in \(data.month.longName) \(claims == 1 ? "names" : "name") no encounter: an 835's patient control "
            + "number (CLP01) is the encounter id of the practice's export, so check that the encounter export covers "
            + "those visits and that the claims were sent with the same encounter ids. Until they match, their "
            + "payments and denials count in no payer's figures above."
    }
}
