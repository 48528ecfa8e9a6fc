/// A coding mistake planted for the edits of SPEC 8 to find on every
/// encounter (or, for two kinds, to pass over); SampleData/README.md lists them.
public struct PlantedEdit: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// 36416 billed with 59 beside 36415, a PTP pair of modifier indicator 0: flagged all the same.
        case ptpModifierNotAllowed
        /// The E/M's 25 left off beside a minor procedure, a PTP pair of indicator 1 with no
        /// NCCI-associated modifier on either line: flagged.
        case ptpWithoutModifier
        /// The same beside 17110 after its edits were deleted (08/01/2026): not flagged.
        case ptpDeletedEdit
        /// 11102 beside 17000 with XU in place of XS: indicator 1 and a modifier that allows it, not flagged.
        case ptpModifierAllowed
        /// J3301's milligrams keyed as units (40 for 4): above the line edit's MUE value.
        case mueLine
        /// 69210 billed as two lines, RT and LT: together above the date-of-service MUE value.
        case mueDateOfService
        /// A diagnosis coded beside one its Excludes1 note names.
        case excludes1
        /// 25 on an E/M billed with no other service.
        case mod25
        /// A new-patient E/M for a patient the specialty saw earlier in the sample.
        case newPatient

        /// SPEC 8's id of the edit that looks at it.
        public var edit: String {
            switch self {
            case .ptpModifierNotAllowed, .ptpWithoutModifier, .ptpDeletedEdit, .ptpModifierAllowed: "ptp"
            case .mueLine, .mueDateOfService: "mue"
            case .excludes1: "excludes1"
            case .mod25: "mod25"
            case .newPatient: "new_patient"
            }
        }

        /// Whether the edit flags it.
        public var isFlagged: Bool { self != .ptpDeletedEdit && self != .ptpModifierAllowed }
    }

    public let kind: Kind
    public let encounterID: String
    public let serviceDate: SampleDay
    public let coder: String
    /// As `edits.csv` names them: PTP column 1 and column 2; the MUE's code; the lower and the higher
    /// diagnosis (with the dot); the E/M with 25; the new-patient code and the earlier E/M's.
    public let code: String
    public let otherCode: String?
    /// Whether the encounter is in the audit sample, whose findings then show the mistake.
    public let audited: Bool

    /// The month of service.
    public var month: SampleMonth {
        let (year, month, _) = serviceDate.parts
        return SampleMonth(year: year, month: month)
    }
}
