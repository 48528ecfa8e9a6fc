import Codes

/// The values of each CSV export of SPEC 5, one type per export, each field
/// one column. Counts are never nil; a money figure or rate is nil when there
/// is nothing to compute it from. Money is integer cents; rates are exact
/// ratios, rounded only when written.

/// One row of `error_rates.csv` (SPEC 5.1).
public struct ErrorRateRow: Sendable, Equatable {
    public enum Dimension: String, Sendable, CaseIterable {
        case practice, coder, provider, payer, codeType = "code_type"
    }

    public var month: Month
    public var dimension: Dimension
    public var key: String
    public var encountersAudited: Int
    public var encountersWithErrors: Int
    public var encounterAccuracy: Ratio?
    public var codesReviewed: Int
    public var codesInError: Int
    public var codeAccuracy: Ratio?
    public var codeAccuracyInterval: WilsonInterval?
    public var overcodedCents: Int64?
    public var undercodedCents: Int64?
    public var netCents: Int64?
    public var paymentErrorRate: Ratio?

    public init(
        month: Month, dimension: Dimension, key: String, encountersAudited: Int, encountersWithErrors: Int,
        encounterAccuracy: Ratio?, codesReviewed: Int, codesInError: Int, codeAccuracy: Ratio?,
        codeAccuracyInterval: WilsonInterval?, overcodedCents: Int64?, undercodedCents: Int64?, netCents: Int64?,
        paymentErrorRate: Ratio?
    ) {
        self.month = month
        self.dimension = dimension
        self.key = key
        self.encountersAudited = encountersAudited
        self.encountersWithErrors = encountersWithErrors
        self.encounterAccuracy = encounterAccuracy
        self.codesReviewed = codesReviewed
        self.codesInError = codesInError
        self.codeAccuracy = codeAccuracy
        self.codeAccuracyInterval = codeAccuracyInterval
        self.overcodedCents = overcodedCents
        self.undercodedCents = undercodedCents
        self.netCents = netCents
        self.paymentErrorRate = paymentErrorRate
    }
}

/// One row of `findings.csv` (SPEC 5.2): a finding that is not `agree`.
public struct FindingRow: Sendable, Equatable {
    public var month: Month
    public var encounterID: String
    public var serviceDate: String
    public var provider: String
    public var coder: String
    public var payer: String
    public var auditor: String
    public var auditDate: String
    /// `CPT`, `HCPCS`, `ICD10` or `MOD`.
    public var codeType: CodeType
    /// `revised`, `deleted` or `added`.
    public var outcome: FindingOutcome
    /// As printed: ICD-10-CM codes with their dot.
    public var submittedCode: String?
    public var auditedCode: String?
    /// On procedure rows' non-blank sides only.
    public var submittedUnits: Int?
    public var auditedUnits: Int?
    public var category: String?
    /// Procedure rows only; nil when a rate is missing.
    public var deltaCents: Int64?
    /// Procedure rows only (nil on ICD10 and MOD rows).
    public var rateMissing: Bool?
    public var comment: String?

    public init(
        month: Month, encounterID: String, serviceDate: String, provider: String, coder: String, payer: String,
        auditor: String, auditDate: String, codeType: CodeType, outcome: FindingOutcome, submittedCode: String?,
        auditedCode: String?, submittedUnits: Int?, auditedUnits: Int?, category: String?, deltaCents: Int64?,
        rateMissing: Bool?, comment: String?
    ) {
        self.month = month
        self.encounterID = encounterID
        self.serviceDate = serviceDate
        self.provider = provider
        self.coder = coder
        self.payer = payer
        self.auditor = auditor
        self.auditDate = auditDate
        self.codeType = codeType
        self.outcome = outcome
        self.submittedCode = submittedCode
        self.auditedCode = auditedCode
        self.submittedUnits = submittedUnits
        self.auditedUnits = auditedUnits
        self.category = category
        self.deltaCents = deltaCents
        self.rateMissing = rateMissing
        self.comment = comment
    }
}

/// One row of `coder_productivity.csv` (SPEC 5.3).
public struct CoderProductivityRow: Sendable, Equatable {
    public var month: Month
    public var coder: String
    public var encountersCoded: Int
    public var linesCoded: Int
    public var codesAssigned: Int
    /// Hours as an exact ratio (hundredths from the hours file, or minutes / 60); nil when neither exists.
    public var hours: Ratio?
    public var encountersPerHour: Ratio?
    /// The median of an even count averages the middle two: a ratio with denominator 1 or 2.
    public var medianTurnaroundDays: Ratio?
    public var p90TurnaroundDays: Int?
    public var encountersAudited: Int
    public var codeAccuracy: Ratio?

    public init(
        month: Month, coder: String, encountersCoded: Int, linesCoded: Int, codesAssigned: Int, hours: Ratio?,
        encountersPerHour: Ratio?, medianTurnaroundDays: Ratio?, p90TurnaroundDays: Int?, encountersAudited: Int,
        codeAccuracy: Ratio?
    ) {
        self.month = month
        self.coder = coder
        self.encountersCoded = encountersCoded
        self.linesCoded = linesCoded
        self.codesAssigned = codesAssigned
        self.hours = hours
        self.encountersPerHour = encountersPerHour
        self.medianTurnaroundDays = medianTurnaroundDays
        self.p90TurnaroundDays = p90TurnaroundDays
        self.encountersAudited = encountersAudited
        self.codeAccuracy = codeAccuracy
    }
}

/// One row of `reimbursement_variance.csv` (SPEC 5.4).
public struct ReimbursementVarianceRow: Sendable, Equatable {
    public var month: Month
    public var payer: String
    /// A code, or `ALL` for the payer's total row.
    public var procedureCode: String
    public var lines: Int
    public var units: Int
    /// Nil when no line has a charge.
    public var chargeCents: Int64?
    /// expected, allowed, paid and variance: over comparable lines only; nil when there is none.
    public var expectedCents: Int64?
    public var allowedCents: Int64?
    public var paidCents: Int64?
    public var varianceCents: Int64?
    public var varianceRate: Ratio?
    public var underpaidLines: Int
    public var underpaidCents: Int64?
    public var overpaidLines: Int
    public var noRateLines: Int
    public var pendingLines: Int

    public init(
        month: Month, payer: String, procedureCode: String, lines: Int, units: Int, chargeCents: Int64?,
        expectedCents: Int64?, allowedCents: Int64?, paidCents: Int64?, varianceCents: Int64?, varianceRate: Ratio?,
        underpaidLines: Int, underpaidCents: Int64?, overpaidLines: Int, noRateLines: Int, pendingLines: Int
    ) {
        self.month = month
        self.payer = payer
        self.procedureCode = procedureCode
        self.lines = lines
        self.units = units
        self.chargeCents = chargeCents
        self.expectedCents = expectedCents
        self.allowedCents = allowedCents
        self.paidCents = paidCents
        self.varianceCents = varianceCents
        self.varianceRate = varianceRate
        self.underpaidLines = underpaidLines
        self.underpaidCents = underpaidCents
        self.overpaidLines = overpaidLines
        self.noRateLines = noRateLines
        self.pendingLines = pendingLines
    }
}

/// One row of `em_distribution.csv` (SPEC 5.5).
public struct EMDistributionRow: Sendable, Equatable {
    public enum Category: String, Sendable, CaseIterable {
        case new, established
    }

    public var month: Month
    public var provider: String
    public var category: Category
    /// The E/M code, e.g. `99213`.
    public var level: String
    public var visits: Int
    public var share: Ratio?
    public var practiceShare: Ratio?
    public var difference: Ratio?
    /// The report's flag: this level has at least 20 of the provider's visits in
    /// the category and differs from the practice share by 15 points or more.
    public var flagged: Bool

    public init(
        month: Month, provider: String, category: Category, level: String, visits: Int, share: Ratio?,
        practiceShare: Ratio?, difference: Ratio?, flagged: Bool
    ) {
        self.month = month
        self.provider = provider
        self.category = category
        self.level = level
        self.visits = visits
        self.share = share
        self.practiceShare = practiceShare
        self.difference = difference
        self.flagged = flagged
    }
}
