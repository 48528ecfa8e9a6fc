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
        /// Indices into `lines`, in the encounter's line order.
        var lines: [Int] = []
        /// Without their dot, in the encounter's order.
        var diagnoses: [String] = []
    }

    struct Line {
        /// Index into `encounters`.
        let encounter: Int
        let code: String
        let modifiers: [String]
        let units: Int
    }

    /// By service date, then external id.
    private(set) var encounters: [Encounter] = []
    /// By encounter (in `encounters` order), then the encounter's line order.
    private(set) var lines: [Line] = []

    init(_ db: Database, month: Month) throws {
        let range: StatementArguments = [month.firstDay, month.nextFirstDay]
        var index: [Int64: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, external_id, service_date, patient_pseudonym, provider, specialty, coder, payer
                FROM encounter WHERE service_date >= ? AND service_date < ?
                ORDER BY service_date, external_id
                """, arguments: range)
        while let row = try rows.next() {
            index[row[0]] = encounters.count
            encounters.append(
                Encounter(
                    rowID: row[0], externalID: row[1], serviceDate: row[2], patient: row[3], provider: row[4],
                    specialty: row[5], coder: row[6], payer: row[7]))
        }
        try readLines(db, range: range, index: index)
        let diagnoses = try Row.fetchCursor(
            db,
            sql: """
                SELECT d.encounter_id, d.code FROM encounter_diagnosis d JOIN encounter e ON e.id = d.encounter_id
                WHERE e.service_date >= ? AND e.service_date < ? ORDER BY d.encounter_id, d.position
                """, arguments: range)
        while let row = try diagnoses.next() {
            if let position = index[row[0]] { encounters[position].diagnoses.append(row[1]) }
        }
        sameDayGroups = Self.sameDayGroups(encounters)
    }

    private mutating func readLines(_ db: Database, range: StatementArguments, index: [Int64: Int]) throws {
        var byEncounter: [[Line]] = Array(repeating: [], count: encounters.count)
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.encounter_id, l.procedure_code, l.modifier_1, l.modifier_2, l.modifier_3, l.modifier_4, l.units
                FROM encounter_line l JOIN encounter e ON e.id = l.encounter_id
                WHERE e.service_date >= ? AND e.service_date < ? ORDER BY l.encounter_id, l.source_line, l.id
                """, arguments: range)
        while let row = try rows.next() {
            guard let position = index[row[0]] else { continue }
            let modifiers = [row[2], row[3], row[4], row[5]].compactMap { $0 as String? }
            byEncounter[position].append(Line(encounter: position, code: row[1], modifiers: modifiers, units: row[6]))
        }
        lines.reserveCapacity(byEncounter.reduce(0) { $0 + $1.count })
        for (position, encounterLines) in byEncounter.enumerated() {
            encounters[position].lines = Array(lines.count..<(lines.count + encounterLines.count))
            lines += encounterLines
        }
    }

    /// The lines of one patient, provider and service date (in one encounter or
    /// several), each group's lines by encounter id, then line order; groups by
    /// their first line.
    private(set) var sameDayGroups: [[Int]] = []

    private static func sameDayGroups(_ encounters: [Encounter]) -> [[Int]] {
        struct Key: Hashable {
            let patient: String
            let provider: String
            let day: String
        }
        var groups: [Key: [Int]] = [:]
        for encounter in encounters {
            groups[
                Key(patient: encounter.patient, provider: encounter.provider, day: encounter.serviceDate),
                default: []
            ] += encounter.lines
        }
        // Encounters are read by service date and external id, so each group's
        // lines are already in the order SPEC 8 names; sort the groups for a stable result.
        return groups.values.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
    }
}
