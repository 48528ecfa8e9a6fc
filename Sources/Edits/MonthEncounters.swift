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
        /// The code's number in `codes`: pairs of codes are looked up by number.
        let codeID: Int
        let modifiers: [String]
        let units: Int
        /// Whether the line carries an NCCI-associated modifier.
        let hasNCCIModifier: Bool
    }

    /// Every procedure code of the month, numbered in the order first read.
    private(set) var codes: [String] = []

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
                SELECT d.encounter_id, d.code FROM encounter e JOIN encounter_diagnosis d ON d.encounter_id = e.id
                WHERE e.service_date >= ? AND e.service_date < ?
                """, arguments: range)
        // Each encounter's diagnoses come together, by position (the table's key): no sort needed.
        while let row = try diagnoses.next() {
            if let position = index[row[0]] { encounters[position].diagnoses.append(row[1]) }
        }
        sameDayGroups = Self.sameDayGroups(encounters)
    }

    private mutating func readLines(_ db: Database, range: StatementArguments, index: [Int64: Int]) throws {
        // Each encounter's lines come together (the encounter_id index); put them in line order.
        var byEncounter: [[(order: (Int64, Int64), line: Line)]] = Array(repeating: [], count: encounters.count)
        var codeIDs: [String: Int] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT l.encounter_id, l.source_line, l.id, l.procedure_code, l.units,
                       l.modifier_1, l.modifier_2, l.modifier_3, l.modifier_4
                FROM encounter e JOIN encounter_line l ON l.encounter_id = e.id
                WHERE e.service_date >= ? AND e.service_date < ?
                """, arguments: range)
        while let row = try rows.next() {
            guard let position = index[row[0]] else { continue }
            var modifiers: [String] = []
            for column in 5...8 {
                if let modifier: String = row[column] { modifiers.append(modifier) }
            }
            let code: String = row[3]
            let codeID: Int
            if let known = codeIDs[code] {
                codeID = known
            } else {
                codeID = codes.count
                codeIDs[code] = codeID
                codes.append(code)
            }
            let line = Line(
                encounter: position, code: code, codeID: codeID, modifiers: modifiers, units: row[4],
                hasNCCIModifier: modifiers.contains(where: NCCIModifiers.isAssociated))
            byEncounter[position].append(((row[1], row[2]), line))
        }
        lines.reserveCapacity(byEncounter.reduce(0) { $0 + $1.count })
        for (position, encounterLines) in byEncounter.enumerated() {
            encounters[position].lines = Array(lines.count..<(lines.count + encounterLines.count))
            lines += encounterLines.sorted { $0.order < $1.order }.map(\.line)
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
