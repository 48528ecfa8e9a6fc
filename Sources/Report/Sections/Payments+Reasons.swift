import Analytics

extension PaymentsView {
    /// One of a payer's most costly denial reasons, with its group and reason code in words.
    struct ReasonRow {
        var payer: String
        var reason: String
        var groupWords: String
        var reasonWords: String
        var deniedLines: String
        var deniedClaims: String
        var deniedCharge: String
        var share: String

        /// Each payer's first `reasonsPerPayer` reasons in the order `denials.csv`
        /// lists them (denied charge, largest first), payers in their order.
        static func topReasons(_ denials: [DenialRow]) -> [ReasonRow] {
            var rows: [ReasonRow] = []
            var shown: [String: Int] = [:]
            for denial in denials where shown[denial.payer, default: 0] < reasonsPerPayer {
                shown[denial.payer, default: 0] += 1
                let reason = DenialReason(denial.reason)
                rows.append(
                    ReasonRow(
                        payer: denial.payer, reason: denial.reason, groupWords: reason.groupWords,
                        reasonWords: reason.reasonWords, deniedLines: ReportFormat.count(denial.deniedLines),
                        deniedClaims: ReportFormat.count(denial.deniedClaims),
                        deniedCharge: ReportFormat.money(denial.deniedChargeCents),
                        share: ReportFormat.percent(denial.shareOfDenied)))
            }
            return rows
        }
    }

    /// How many reasons the report lists per payer.
    static let reasonsPerPayer = 3
}
