import Analytics
import GRDB

/// A month's encounters with their lines and diagnoses, as the edits read them.
struct MonthEncounters {
    struct Encounter {
        let rowID: Int64
        let externalID: String
        let serviceDate: String
        let patient: String
        let provider: String
        let specialty: String?
        let coder: String
        let payer: String
        /// The provider and the service date as numbers, equal when the strings are.
        let providerNumber: Int
        let dayNumber: Int
        /// Indices into `lines`, in the encounter's line order.
        var lines: Range<Int>
        /// Without their dot, in the encounter's order.
        var diagnoses: [String] = []
    }

    struct Line {
        /// Index into `encounters`.
        let encounter: Int
        let code: String
        /// The code's number in `codes`: pairs of codes are looked up by number.
        let codeID: Int
        let modifiers: [String]
        let units: Int
        /// Whether the line carries an NCCI-associated modifier.
        let hasNCCIModifier: Bool
    }

    /// Procedure codes, numbered: every code of the month's lines among them.
    let codes: [String]

    /// By service date, then external id.
    private(set) var encounters: [Encounter] = []
    /// By encounter (in `encounters` order), then the encounter's line order.
    private(set) var lines: [Line] = []

    /// The encounters of `month`, from an open read.
    init(_ db: Database, month: Month) throws {
        self.init(try Analytics.monthDetail(db, month: month))
    }

    /// The encounters of a month as the analytics' passes gathered them.
    init(_ detail: MonthDetail) {
        codes = detail.codes
        encounters.reserveCapacity(detail.encounters.count)
        lines.reserveCapacity(detail.encounters.reduce(0) { $0 + $1.lines.count })
        for encounter in detail.encounters {
            let first = lines.count
            for line in encounter.lines {
                lines.append(
                    Line(
                        encounter: encounters.count, code: line.code, codeID: line.codeNumber,
                        modifiers: line.modifiers, units: line.units,
                        hasNCCIModifier: line.modifiers.contains(where: NCCIModifiers.isAssociated)))
            }
            encounters.append(
                Encounter(
                    rowID: encounter.rowID, externalID: encounter.externalID, serviceDate: encounter.serviceDate,
                    patient: encounter.patient, provider: encounter.provider, specialty: encounter.specialty,
                    coder: encounter.coder, payer: encounter.payer, providerNumber: encounter.providerNumber,
                    dayNumber: encounter.dayNumber, lines: first..<lines.count,
                    diagnoses: encounter.diagnoses))
        }
        sameDayGroups = Self.sameDayGroups(encounters)
    }

    /// The lines of one patient, provider and service date (in one encounter or
    /// several), each group's lines by encounter id, then line order; groups by
    /// their first line.
    private(set) var sameDayGroups: [[Int]] = []

    private static func sameDayGroups(_ encounters: [Encounter]) -> [[Int]] {
        struct Key: Hashable {
            let patient: String
            let provider: Int
            let day: Int
        }
        var groups: [Key: [Int]] = [:]
        groups.reserveCapacity(encounters.count)
        for encounter in encounters {
            groups[
                Key(patient: encounter.patient, provider: encounter.providerNumber, day: encounter.dayNumber),
                default: []
            ] += encounter.lines
        }
        // Encounters are read by service date and external id, so each group's
        // lines are already in the order SPEC 8 names; sort the groups for a stable result.
        return groups.values.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
    }
}
