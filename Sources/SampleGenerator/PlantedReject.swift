/// The bad rows planted in the sample files: each is rejected by the import
/// for one reason, as real exports hold a few such rows.
public enum PlantedReject: String, CaseIterable, Sendable {
    // Encounter exports
    case fieldCount, blankEncounterID, blankServiceDate, blankPatientID, blankProvider
    case serviceDateNotADate, serviceDateTwoDigitYear, serviceDateInFuture
    case codedAtNotATimestamp, codedAtBadTime, codedAtInFuture, minutesNotANumber, minutesOverADay
    case blankProcedure, procedureShape, modifierShape, tooManyModifiers, units
    case diagnosisShape, diagnosisUnknown, diagnosisCategory, diagnosisSubcategory, diagnosisSeventhCharacter
    case noDiagnosis, moneyNotAnAmount, moneyFractionOfCent, fieldDisagrees
    // Audit findings
    case auditUnknownEncounter, auditBothCodesBlank, auditUnits, auditDateNotADate
    // Coder hours
    case hoursSecondRowForADay, hoursOutOfRange, hoursDateNotADate

    /// The import that rejects the row: `encounters`, `audits` or `hours`.
    public var importKind: String {
        switch self {
        case .auditUnknownEncounter, .auditBothCodesBlank, .auditUnits, .auditDateNotADate: "audits"
        case .hoursSecondRowForADay, .hoursOutOfRange, .hoursDateNotADate: "hours"
        default: "encounters"
        }
    }

    /// What is wrong with the row, in a few words.
    public var summary: String {
        switch self {
        case .fieldCount: "a provider name with a comma, not quoted: one field too many"
        case .blankEncounterID: "encounter id blank"
        case .blankServiceDate: "service date blank on the encounter's first line"
        case .blankPatientID: "patient id blank on the encounter's first line"
        case .blankProvider: "provider blank on the encounter's first line"
        case .serviceDateNotADate: "service date that is not a date (September 31)"
        case .serviceDateTwoDigitYear: "service date with a two-digit year"
        case .serviceDateInFuture: "service date in the future (2062 for 2026)"
        case .codedAtNotATimestamp: "coded-at that is not a timestamp (PENDING)"
        case .codedAtBadTime: "coded-at whose time does not parse (9:75)"
        case .codedAtInFuture: "coded-at in the future (2062)"
        case .minutesNotANumber: "coding minutes that are not a number (12 min)"
        case .minutesOverADay: "coding minutes over a day (1500)"
        case .blankProcedure: "procedure code blank"
        case .procedureShape: "procedure code not CPT/HCPCS-shaped (9921, 99213-25, J330)"
        case .modifierShape: "modifier not 2 letters or digits (5, RTT, -25)"
        case .tooManyModifiers: "5 modifiers on one line"
        case .units: "units not a whole number from 1 to 999 (0, 1.5, 1000)"
        case .diagnosisShape: "diagnosis code not ICD-10-CM-shaped (ICD-9 250.00, 401.9)"
        case .diagnosisUnknown: "diagnosis code not in the code set (L82.9, L70.99)"
        case .diagnosisCategory: "diagnosis code that is a category (E11, M17)"
        case .diagnosisSubcategory: "diagnosis code that is a subcategory (M54.5, E11.6)"
        case .diagnosisSeventhCharacter: "diagnosis code missing its 7th character (S93.401, S52.501)"
        case .noDiagnosis: "no diagnosis code on the encounter's first line"
        case .moneyNotAnAmount: "money that does not parse (N/A, see EOB, $1,2345.00)"
        case .moneyFractionOfCent: "money with fractions of a cent ($91.565)"
        case .fieldDisagrees: "a line whose provider, service date or payer disagrees with its encounter's"
        case .auditUnknownEncounter: "an encounter id not in the store (a digit too many)"
        case .auditBothCodesBlank: "submitted and audited code both blank"
        case .auditUnits: "units not a whole number (1.5, 0)"
        case .auditDateNotADate: "audit date that is not a date (November 31)"
        case .hoursSecondRowForADay: "a second row for a coder and day"
        case .hoursOutOfRange: "hours not above 0 and at most 24 (80, 0)"
        case .hoursDateNotADate: "work date that is not a date (June 31)"
        }
    }

    /// Where the encounter-export rejects go and how many of each.
    static let encounterPlan: [(PlantedReject, SourceSystem, Int)] = [
        (.fieldCount, .primaryCare, 2), (.fieldCount, .dermatology, 1), (.blankEncounterID, .primaryCare, 2),
        (.blankServiceDate, .primaryCare, 2), (.blankPatientID, .dermatology, 2), (.blankProvider, .orthopedics, 2),
        (.serviceDateNotADate, .orthopedics, 2), (.serviceDateTwoDigitYear, .primaryCare, 2),
        (.serviceDateInFuture, .dermatology, 2), (.codedAtNotATimestamp, .primaryCare, 2),
        (.codedAtBadTime, .primaryCare, 2), (.codedAtInFuture, .orthopedics, 2), (.minutesNotANumber, .primaryCare, 2),
        (.minutesOverADay, .primaryCare, 2), (.blankProcedure, .primaryCare, 2), (.procedureShape, .primaryCare, 2),
        (.procedureShape, .orthopedics, 1), (.modifierShape, .orthopedics, 2), (.modifierShape, .primaryCare, 1),
        (.tooManyModifiers, .orthopedics, 2), (.units, .orthopedics, 2), (.units, .primaryCare, 1),
        (.diagnosisShape, .primaryCare, 2), (.diagnosisUnknown, .dermatology, 2), (.diagnosisCategory, .primaryCare, 2),
        (.diagnosisSubcategory, .primaryCare, 2), (.diagnosisSeventhCharacter, .orthopedics, 2),
        (.noDiagnosis, .primaryCare, 2), (.moneyNotAnAmount, .primaryCare, 2), (.moneyNotAnAmount, .orthopedics, 1),
        (.moneyFractionOfCent, .dermatology, 2), (.fieldDisagrees, .primaryCare, 2),
        (.fieldDisagrees, .orthopedics, 1),
    ]

    /// Rows of encounters that must come before the encounter's good lines:
    /// the reason is that no earlier line gives the field.
    var precedesItsEncounter: Bool {
        [.blankServiceDate, .blankPatientID, .blankProvider, .noDiagnosis].contains(self)
    }
}

/// A planted bad row and the file it is in.
public struct PlantedRow: Sendable, Equatable {
    public let reject: PlantedReject
    public let file: String
}
