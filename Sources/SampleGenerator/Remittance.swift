/// One adjustment of a remitted line (an X12 CAS triplet): why charge and paid differ.
struct RemittanceAdjustment: Sendable, Equatable {
    /// `CO` (contractual: the practice writes it off) or `PR` (the patient owes it).
    let group: String
    /// A claim adjustment reason code: `45` over the contract, `2` coinsurance, `3` copay, `97` bundled…
    let reason: String
    let cents: Int64
}

/// A service line as the payer adjudicated it (SVC, DTM*472, CAS, AMT*B6).
struct RemittanceLine: Sendable {
    let code: String
    let modifiers: [String]
    let units: Int
    let chargeCents: Int64
    let allowedCents: Int64
    let paidCents: Int64
    let adjustments: [RemittanceAdjustment]

    /// A line paid at `allowed`, the patient owing `share` for the reason the plan's cost sharing gives.
    init(
        code: String, modifiers: [String], units: Int, charge: Int64, allowed: Int64, share: Int64,
        shareReason: String
    ) {
        self.code = code
        self.modifiers = modifiers
        self.units = units
        chargeCents = charge
        allowedCents = allowed
        paidCents = allowed - share
        var adjustments: [RemittanceAdjustment] = []
        if charge != allowed {
            adjustments.append(RemittanceAdjustment(group: "CO", reason: "45", cents: charge - allowed))
        }
        if share != 0 { adjustments.append(RemittanceAdjustment(group: "PR", reason: shareReason, cents: share)) }
        self.adjustments = adjustments
    }

    /// A line denied in full: nothing allowed or paid, the whole charge adjusted for `group`-`reason`.
    init(deniedCode code: String, modifiers: [String], units: Int, charge: Int64, group: String, reason: String) {
        self.code = code
        self.modifiers = modifiers
        self.units = units
        chargeCents = charge
        allowedCents = 0
        paidCents = 0
        adjustments = [RemittanceAdjustment(group: group, reason: reason, cents: charge)]
    }

    private init(negating line: RemittanceLine) {
        code = line.code
        modifiers = line.modifiers
        units = line.units
        chargeCents = -line.chargeCents
        allowedCents = -line.allowedCents
        paidCents = -line.paidCents
        adjustments = line.adjustments.map {
            RemittanceAdjustment(group: $0.group, reason: $0.reason, cents: -$0.cents)
        }
    }

    /// The line as a reversal carries it: every amount negated, units as they were.
    var negated: RemittanceLine { RemittanceLine(negating: self) }

    var patientResponsibilityCents: Int64 {
        adjustments.filter { $0.group == "PR" }.reduce(0) { $0 + $1.cents }
    }
}

/// How the payer settled a claim (CLP02).
enum ClaimStatus: String, Sendable {
    case processedAsPrimary = "1"
    case denied = "4"
    case reversal = "22"
}

/// One claim payment (the CLP loop): an encounter's claim as one payment settled it.
struct RemittanceClaim: Sendable {
    /// The patient control number the practice sent: the encounter id.
    let encounterID: String
    var status: ClaimStatus
    /// The payer's claim number (CLP07).
    var payerClaimNumber: String
    /// Named in NM1*QC, as payers do; codeaudit never stores it.
    let patient: SamplePatient
    let serviceDate: SampleDay
    let placeOfService: String
    var lines: [RemittanceLine]

    var chargeCents: Int64 { lines.reduce(0) { $0 + $1.chargeCents } }
    var paidCents: Int64 { lines.reduce(0) { $0 + $1.paidCents } }
    var patientResponsibilityCents: Int64 { lines.reduce(0) { $0 + $1.patientResponsibilityCents } }

    /// The reversal of this payment: same claim numbers, every amount negated.
    var reversal: RemittanceClaim {
        var claim = self
        claim.status = .reversal
        claim.lines = lines.map(\.negated)
        return claim
    }
}

/// A provider-level adjustment (PLB): positive amounts reduce the payment, negative ones add to it.
struct ProviderAdjustment: Sendable {
    /// `L6` interest, `WO` overpayment recovery…
    let reason: String
    let reference: String
    let cents: Int64
}

/// One payment of one payer (an 835 transaction): its date, its trace number and the claims it settles.
struct SampleRemittance: Sendable {
    let payer: SamplePayer
    let paymentDate: SampleDay
    var traceNumber = ""
    var claims: [RemittanceClaim]
    var providerAdjustments: [ProviderAdjustment] = []

    /// BPR02: what the claims paid, less the provider adjustments.
    var totalCents: Int64 {
        claims.reduce(0) { $0 + $1.paidCents } - providerAdjustments.reduce(0) { $0 + $1.cents }
    }

    /// The month whose file holds the payment.
    var month: SampleMonth { paymentDate.month }
}

extension SampleDay {
    /// The month the day is in.
    var month: SampleMonth { SampleMonth(year: parts.year, month: parts.month) }
}
