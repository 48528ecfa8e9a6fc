import Analytics
import Edits

/// The section's sentences: the month in one line, flagged against unflagged
/// error rates, and which import an idle edit waits for.
extension EditsView {
    /// "The edits flag 19 of the month's 1,530 encounters (1.2%), with 21 flags and $1,234.50 of expected
    /// payment at risk."
    static func summary(_ practice: EditRateRow) -> String {
        let encounters =
            practice.encounters == 1 ? "1 encounter" : "\(ReportFormat.count(practice.encounters)) encounters"
        guard practice.encountersFlagged > 0 else { return "No edit flags any of the month's \(encounters)." }
        let flags = EditKind.allCases.reduce(0) { $0 + practice.count($1) }
        let flagWords = flags == 1 ? "1 flag" : "\(ReportFormat.count(flags)) flags"
        let risk =
            practice.atRiskCents.map { "\(ReportFormat.money($0)) of expected payment at risk" }
            ?? "no amount at risk on any of them"
        return "The edits flag \(ReportFormat.count(practice.encountersFlagged)) of the month's \(encounters) "
            + "(\(ReportFormat.percent(practice.flagRate))), with \(flagWords) and \(risk)."
    }

    /// Whether auditors find more errors where the edits flag: "Auditors found errors in 41% of flagged
    /// encounters (7 of 17) and 6% of the others (3 of 50)."
    static func comparison(_ practice: EditRateRow?) -> String {
        let flagged = practice?.auditedFlagged ?? 0
        let unflagged = practice?.auditedUnflagged ?? 0
        guard let practice, flagged + unflagged > 0 else {
            return "No encounter of the month has been audited, so whether the edits find what auditors find "
                + "cannot be measured yet."
        }
        let flaggedRate = percent(practice.auditedFlaggedInError, flagged)
        let flaggedCounts = "(\(practice.auditedFlaggedInError) of \(flagged))"
        let otherRate = percent(practice.auditedUnflaggedInError, unflagged)
        let otherCounts = "(\(practice.auditedUnflaggedInError) of \(unflagged))"
        if flagged == 0 {
            return "None of the audited encounters was flagged by the edits; auditors found errors in \(otherRate) "
                + "of them \(otherCounts), and there is no flagged encounter to compare with."
        }
        if unflagged == 0 {
            return "Every audited encounter was flagged by the edits; auditors found errors in \(flaggedRate) of "
                + "them \(flaggedCounts), and there is no unflagged encounter to compare with."
        }
        return "Auditors found errors in \(flaggedRate) of flagged encounters \(flaggedCounts) and \(otherRate) of "
            + "the others \(otherCounts)."
    }

    /// "The comparison rests on few audits (only 4 flagged encounters were audited): …", when a comparison was
    /// made and either side has fewer than `fewAudits` audited encounters; nil otherwise.
    static func fewAuditsSentence(_ practice: EditRateRow?) -> String? {
        guard let practice, practice.auditedFlagged > 0, practice.auditedUnflagged > 0 else { return nil }
        let small = [("flagged", practice.auditedFlagged), ("unflagged", practice.auditedUnflagged)]
            .filter { $0.1 < fewAudits }
        guard !small.isEmpty else { return nil }
        let counts = small.map { "\($0.1) \($0.0)" }.joined(separator: " and ")
        let one = small.count == 1 && small[0].1 == 1
        return "The comparison rests on few audits (only \(counts) \(one ? "encounter was" : "encounters were") "
            + "audited): read it as a hint, not a measure."
    }

    /// The PTP and MUE tables the store has never held: without one, that edit cannot fire. Each
    /// sentence ends with a colon, and the page prints the command after it.
    static func missingTables(ptp: Bool, mue: Bool) -> [MissingTable] {
        var missing: [MissingTable] = []
        if !ptp {
            missing.append(
                MissingTable(
                    sentence: "No NCCI procedure-to-procedure (PTP) table has been imported, so pairs of procedures "
                        + "billed together are not checked. Import CMS's practitioner PTP files from the quarterly NCCI "
                        + "download:",
                    command: "codeaudit import ptp FILE..."))
        }
        if !mue {
            missing.append(
                MissingTable(
                    sentence: "No medically unlikely edit (MUE) table has been imported, so units are not checked "
                        + "against CMS's limits. Import CMS's practitioner MUE table with the first day of its quarter:",
                    command: "codeaudit import mue FILE --effective YYYY-MM-DD"))
        }
        return missing
    }

    /// `41%`: whole percents read best in a sentence that gives the counts beside them.
    private static func percent(_ part: Int, _ whole: Int) -> String {
        ReportFormat.percent(Ratio(part, whole), decimals: 0)
    }
}
