import Foundation

/// One service line of a claim payment (an SVC loop).
public struct ServiceLinePayment: Sendable, Equatable {
    /// The SVC segment's ordinal in the file.
    public var segment: Int
    /// SVC01, the procedure as adjudicated.
    public var procedure: ProcedureComposite
    /// SVC02, the line's charge, in cents.
    public var chargeCents: Int64
    /// SVC03, the amount paid on the line, in cents.
    public var paidCents: Int64
    /// SVC05, the units paid, exactly as written (`1.5` stays 1.5; units may
    /// be fractional, as for anesthesia time); 1 when blank.
    public var units: Decimal
    /// SVC06, the procedure as billed, given when the payer changed it.
    public var billedProcedure: ProcedureComposite?
    /// DTM*472, the line's date of service.
    public var lineDate: RemittanceDate?
    /// DTM*150, the start of the line's service period.
    public var periodStartDate: RemittanceDate?
    /// The date of service SPEC 9 uses: DTM*472, else DTM*150, else the
    /// claim's DTM*232, else its DTM*050; nil when none is given.
    public var serviceDate: RemittanceDate?
    /// Every CAS triplet of the line, in file order.
    public var adjustments: [Adjustment]
    /// AMT*B6, the allowed amount, in cents; nil when not given.
    public var allowedCents: Int64?

    /// Creates a service line.
    public init(
        segment: Int, procedure: ProcedureComposite, chargeCents: Int64, paidCents: Int64, units: Decimal = 1,
        billedProcedure: ProcedureComposite? = nil, lineDate: RemittanceDate? = nil,
        periodStartDate: RemittanceDate? = nil, serviceDate: RemittanceDate? = nil, adjustments: [Adjustment] = [],
        allowedCents: Int64? = nil
    ) {
        self.segment = segment
        self.procedure = procedure
        self.chargeCents = chargeCents
        self.paidCents = paidCents
        self.units = units
        self.billedProcedure = billedProcedure
        self.lineDate = lineDate
        self.periodStartDate = periodStartDate
        self.serviceDate = serviceDate
        self.adjustments = adjustments
        self.allowedCents = allowedCents
    }

    /// The code the line was billed with: SVC06's when given, else SVC01's
    /// (SPEC 9 matches lines by it).
    public var codeAsBilled: ProcedureComposite { billedProcedure ?? procedure }
}

/// A composite procedure identifier as SVC01 and SVC06 carry it:
/// `HC:99214:25` is qualifier `HC`, code `99214`, modifiers `["25"]`.
public struct ProcedureComposite: Sendable, Equatable {
    /// The code list: `HC` (CPT/HCPCS), `NU` (revenue code), `N4` (NDC), …
    public var qualifier: String
    /// The procedure code.
    public var code: String
    /// Up to 4 modifiers (components 3–6), blanks left out, in order.
    public var modifiers: [String]

    /// Creates a procedure composite.
    public init(qualifier: String, code: String, modifiers: [String] = []) {
        self.qualifier = qualifier
        self.code = code
        self.modifiers = modifiers
    }
}
