/// The four kinds of code a coder assigns and an auditor judges (SPEC 1, 3.2).
public enum CodeType: String, Sendable, CaseIterable {
    case cpt = "CPT", hcpcs = "HCPCS", icd10 = "ICD10", modifier = "MOD"

    /// CPT and HCPCS rows are procedure rows: they carry units and money.
    public var isProcedure: Bool { self == .cpt || self == .hcpcs }

    /// The type a code's shape says (SPEC 3.2): 2 characters `MOD`; 5 digits or
    /// 4 digits and F/T/U `CPT`; a letter and 4 digits `HCPCS`; anything with a
    /// dot, or another ICD-10-CM shape, `ICD10`; nil for anything else.
    public init?(ofShape code: String) {
        if code.count == 2 {
            self = .modifier
        } else if MedicalCodes.isCPT(code) {
            self = .cpt
        } else if MedicalCodes.isHCPCS(code) {
            self = .hcpcs
        } else if code.contains(".") || MedicalCodes.hasICD10Shape(MedicalCodes.undotted(code)) {
            self = .icd10
        } else {
            return nil
        }
    }

    /// A code of this type as printed: ICD-10-CM codes with their dot (`E119` →
    /// `E11.9`), every other code as stored.
    public func printed(_ code: String) -> String {
        self == .icd10 ? MedicalCodes.dotted(code) : code
    }
}

/// What an auditor's finding row says of a submitted code (SPEC 3.2).
public enum FindingOutcome: String, Sendable, CaseIterable {
    /// Same code and, on procedure rows, same units.
    case agree
    /// Both codes present; the code or the units differ.
    case revised
    /// The audited code is blank: the code is not supported.
    case deleted
    /// The submitted code is blank: the coder missed it.
    case added
}
