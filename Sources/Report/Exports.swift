import Analytics
import Edits

/// The month's CSV exports of SPEC 5, 8 and 9 by their file names without
/// `.csv`, in the order the report writes them (SPEC 2 orders them by section).
public enum ExportName: String, Sendable, CaseIterable {
    case errorRates = "error_rates"
    case findings
    case coderProductivity = "coder_productivity"
    case reimbursementVariance = "reimbursement_variance"
    case emDistribution = "em_distribution"
    case edits
    case editRates = "edit_rates"
    case payments
    case denials
}

/// The CSV exports of SPEC 5, 8 and 9, each built from Analytics' or Edits' rows.
public enum Exports {
    /// The month's exports as `codeaudit report` writes them beside `report.html`,
    /// in `ExportName`'s order: the same tables `codeaudit export` writes one at a time.
    public static func monthly(_ data: MonthlyReportData, edits: MonthlyEdits) -> [ExportTable] {
        [
            errorRates(data.errorRates), findings(data.findings), coderProductivity(data.productivity),
            reimbursementVariance(data.variance), emDistribution(data.emDistribution), Self.edits(edits.flags),
            editRates(edits.rates), payments(data.payments), denials(data.denials),
        ]
    }

    /// `error_rates.csv` (SPEC 5.1). Rows: practice, then coder, provider and
    /// payer by key, then code type (CPT, HCPCS, ICD10, MOD).
    public static func errorRates(_ rows: [ErrorRateRow]) -> ExportTable {
        ExportTable(
            name: ExportName.errorRates.rawValue,
            header: [
                "month", "dimension", "key", "encounters_audited", "encounters_with_errors", "encounter_accuracy",
                "codes_reviewed", "codes_in_error", "code_accuracy", "code_accuracy_ci_low", "code_accuracy_ci_high",
                "overcoded_amount", "undercoded_amount", "net_amount", "payment_error_rate",
            ],
            rows: rows.map { row in
                [
                    .text(row.month.description), .text(row.dimension.rawValue), .text(row.key),
                    .count(row.encountersAudited), .count(row.encountersWithErrors),
                    .ratio(row.encounterAccuracy, decimals: 4), .count(row.codesReviewed), .count(row.codesInError),
                    .ratio(row.codeAccuracy, decimals: 4),
                    row.codeAccuracyInterval.map { .number(ExportFormat.decimal($0.low, decimals: 4)) } ?? .blank,
                    row.codeAccuracyInterval.map { .number(ExportFormat.decimal($0.high, decimals: 4)) } ?? .blank,
                    .money(row.overcodedCents), .money(row.undercodedCents), .money(row.netCents),
                    .ratio(row.paymentErrorRate, decimals: 4),
                ]
            })
    }

    /// `findings.csv` (SPEC 5.2). Rows by service date, encounter id, then the
    /// order of the audit file.
    public static func findings(_ rows: [FindingRow]) -> ExportTable {
        ExportTable(
            name: ExportName.findings.rawValue,
            header: [
                "month", "encounter_id", "service_date", "provider", "coder", "payer", "auditor", "audit_date",
                "code_type", "outcome", "submitted_code", "audited_code", "submitted_units", "audited_units",
                "category", "delta_amount", "rate_missing", "comment",
            ],
            rows: rows.map { row in
                [
                    .text(row.month.description), .text(row.encounterID), .text(row.serviceDate), .text(row.provider),
                    .text(row.coder), .text(row.payer), .text(row.auditor), .text(row.auditDate),
                    .text(row.codeType.rawValue),
                    .text(row.outcome.rawValue), .optionalText(row.submittedCode), .optionalText(row.auditedCode),
                    row.submittedUnits.map(ExportCell.count) ?? .blank,
                    row.auditedUnits.map(ExportCell.count) ?? .blank,
                    .optionalText(row.category), .money(row.deltaCents),
                    row.rateMissing.map { .text($0 ? "true" : "false") } ?? .blank, .optionalText(row.comment),
                ]
            })
    }

    /// `coder_productivity.csv` (SPEC 5.3). Rows by coder.
    public static func coderProductivity(_ rows: [CoderProductivityRow]) -> ExportTable {
        ExportTable(
            name: ExportName.coderProductivity.rawValue,
            header: [
                "month", "coder", "encounters_coded", "lines_coded", "codes_assigned", "hours", "encounters_per_hour",
                "median_turnaround_days", "p90_turnaround_days", "encounters_audited", "code_accuracy",
            ],
            rows: rows.map { row in
                [
                    .text(row.month.description), .text(row.coder), .count(row.encountersCoded),
                    .count(row.linesCoded), .count(row.codesAssigned), .ratio(row.hours, decimals: 2),
                    .ratio(row.encountersPerHour, decimals: 2), .ratio(row.medianTurnaroundDays, decimals: 1),
                    .ratio(row.p90TurnaroundDays.flatMap { Ratio($0, 1) }, decimals: 1),
                    .count(row.encountersAudited), .ratio(row.codeAccuracy, decimals: 4),
                ]
            })
    }

    /// `reimbursement_variance.csv` (SPEC 5.4). Rows by payer; within a payer
    /// by procedure code, then the payer's `ALL` row.
    public static func reimbursementVariance(_ rows: [ReimbursementVarianceRow]) -> ExportTable {
        ExportTable(
            name: ExportName.reimbursementVariance.rawValue,
            header: [
                "month", "payer", "procedure_code", "lines", "units", "charge", "expected", "allowed", "paid",
                "variance", "variance_rate", "underpaid_lines", "underpaid_amount", "overpaid_lines", "no_rate_lines",
                "pending_lines",
            ],
            rows: rows.map { row in
                [
                    .text(row.month.description), .text(row.payer), .text(row.procedureCode), .count(row.lines),
                    .count(row.units), .money(row.chargeCents), .money(row.expectedCents), .money(row.allowedCents),
                    .money(row.paidCents), .money(row.varianceCents), .ratio(row.varianceRate, decimals: 4),
                    .count(row.underpaidLines), .money(row.underpaidCents), .count(row.overpaidLines),
                    .count(row.noRateLines), .count(row.pendingLines),
                ]
            })
    }

    /// `payments.csv` (SPEC 9.1). Rows by payer, then `ALL`.
    public static func payments(_ rows: [PaymentRow]) -> ExportTable {
        ExportTable(
            name: ExportName.payments.rawValue,
            header: [
                "month", "payer", "lines", "remitted_lines", "charge", "allowed", "paid", "patient_responsibility",
                "denied_lines", "denial_rate", "denied_charge", "median_days_to_payment", "p90_days_to_payment",
                "unmatched_claims",
            ],
            rows: rows.map { row in
                [
                    .text(row.month.description), .text(row.payer), .count(row.lines), .count(row.remittedLines),
                    .money(row.chargeCents), .money(row.allowedCents), .money(row.paidCents),
                    .money(row.patientResponsibilityCents), .count(row.deniedLines),
                    .ratio(row.denialRate, decimals: 4), .money(row.deniedChargeCents),
                    .ratio(row.medianDaysToPayment, decimals: 1),
                    .ratio(row.p90DaysToPayment.flatMap { Ratio($0, 1) }, decimals: 1), .count(row.unmatchedClaims),
                ]
            })
    }

    /// `denials.csv` (SPEC 9.2). Rows by payer, then denied charge descending, then reason.
    public static func denials(_ rows: [DenialRow]) -> ExportTable {
        ExportTable(
            name: ExportName.denials.rawValue,
            header: ["month", "payer", "reason", "denied_lines", "denied_claims", "denied_charge", "share_of_denied"],
            rows: rows.map { row in
                [
                    .text(row.month.description), .text(row.payer), .text(row.reason), .count(row.deniedLines),
                    .count(row.deniedClaims), .money(row.deniedChargeCents), .ratio(row.shareOfDenied, decimals: 4),
                ]
            })
    }

    /// `em_distribution.csv` (SPEC 5.5). Rows by provider, category (new,
    /// established), level.
    public static func emDistribution(_ rows: [EMDistributionRow]) -> ExportTable {
        ExportTable(
            name: ExportName.emDistribution.rawValue,
            header: [
                "month", "provider", "category", "level", "visits", "share", "practice_share", "difference",
            ],
            rows: rows.map { row in
                [
                    .text(row.month.description), .text(row.provider), .text(row.category.rawValue), .text(row.level),
                    .count(row.visits), .ratio(row.share, decimals: 4), .ratio(row.practiceShare, decimals: 4),
                    .ratio(row.difference, decimals: 4),
                ]
            })
    }
}

extension Exports {
    /// An audit worksheet (SPEC 6): one row per submitted code with the audited
    /// side pre-filled to agree, and blank `auditor` and `audit_date` columns for
    /// the auditor. Edited, it is imported with `codeaudit import audits`:
    /// a changed code or units is `revised`, a cleared code `deleted`, a new row
    /// with a blank submitted code `added`, an untouched row `agree`.
    public static func worksheet(_ rows: [WorksheetRow]) -> ExportTable {
        ExportTable(
            name: "worksheet",
            header: [
                "encounter_id", "service_date", "provider", "coder", "payer", "code_type", "submitted_code",
                "submitted_units", "audited_code", "audited_units", "category", "comment", "auditor", "audit_date",
            ],
            rows: rows.map { row in
                let units = row.units.map(ExportCell.count) ?? .blank
                return [
                    .text(row.encounterID), .text(row.serviceDate), .text(row.provider), .text(row.coder),
                    .text(row.payer), .text(row.codeType.rawValue), .text(row.code), units, .text(row.code), units,
                    .blank,
                    .blank, .blank, .blank,
                ]
            })
    }
}

extension Exports {
    /// The figures of `codeaudit extrapolate` as one CSV row.
    public static func appraisal(sampleID: Int64, month: Month, appraisal: VariableAppraisal, gross: Bool)
        -> ExportTable
    {
        func money(_ cents: Double) -> ExportCell {
            .number(ExportFormat.money(Int64(cents.rounded(.toNearestOrAwayFromZero))))
        }
        return ExportTable(
            name: "extrapolation",
            header: [
                "sample_id", "month", "basis", "frame_size", "sample_size", "mean", "standard_deviation",
                "point_estimate", "standard_error", "confidence", "degrees_of_freedom", "t_value", "lower", "upper",
            ],
            rows: [
                [
                    .number(String(sampleID)), .text(month.description), .text(gross ? "gross" : "net"),
                    .count(appraisal.frameSize), .count(appraisal.sampleSize), money(appraisal.meanCents),
                    money(appraisal.standardDeviationCents), money(appraisal.pointEstimateCents),
                    money(appraisal.standardErrorCents),
                    .number(ExportFormat.decimal(appraisal.confidence, decimals: 4)),
                    .count(appraisal.degreesOfFreedom), .number(ExportFormat.decimal(appraisal.tValue, decimals: 4)),
                    money(appraisal.lowerCents), money(appraisal.upperCents),
                ]
            ])
    }
}
