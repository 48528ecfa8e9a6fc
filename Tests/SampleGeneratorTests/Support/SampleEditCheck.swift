import Edits
import Foundation
import GRDB
import Ingest
import SampleGenerator
import TestSupport

/// One row the edits of SPEC 8 would write for the sample: the encounter it names, the edit, its codes,
/// and every encounter it flags.
struct EditFlag: Hashable {
    let edit: String
    let encounterID: String
    let serviceDate: String
    let coder: String
    let code: String
    let otherCode: String?
    let flags: Set<String>

    /// `YYYY-MM`.
    var month: String { String(serviceDate.prefix(7)) }
}

/// The sample's edits worked out by the test from SPEC 8, independently of the `Edits` engine: the
/// default practice's encounter exports and audit worksheet imported into a real store as a user
/// would, the two NCCI files read from their text, each edit applied to the stored lines by its rule.
enum SampleEditCheck {
    struct Line {
        let encounter: Int
        let order: Int
        let code: String
        let modifiers: [String]
        let units: Int
    }

    struct Encounter {
        let id: Int
        let externalID: String
        let serviceDate: String
        let patient: String
        let provider: String
        let specialty: String
        let coder: String
        var lines: [Line] = []
        var diagnoses: [String] = []
    }

    /// The stored encounters by row id, every edit flag, and the audited encounters with whether each is in error.
    struct Result {
        let encounters: [Int: Encounter]
        let flags: [EditFlag]
        let inError: [String: Bool]

        /// The external ids flagged by any edit.
        var flagged: Set<String> { flags.reduce(into: Set()) { $0.formUnion($1.flags) } }
    }

    static let result: Result = {
        do { return try compute() } catch { fatalError("the sample's edits could not be worked out: \(error)") }
    }()

    /// The PTP table as the file writes it: column 1, column 2, effective, deletion (nil: `*`), indicator.
    static let ptp: [(column1: String, column2: String, effective: String, deletion: String?, indicator: Int)] =
        Fixture.lines("ncci-ptp-practitioner-2026q2.txt").filter {
            $0.components(separatedBy: "\t").count == 7 && !$0.hasPrefix("Column 1\t")
        }
        .map { line in
            let cells = line.components(separatedBy: "\t")
            func day(_ text: String) -> String {
                "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
            }
            return (cells[0], cells[1], day(cells[3]), cells[4] == "*" ? nil : day(cells[4]), Int(cells[5])!)
        }

    /// The MUE table as the file writes it: code → value and adjudication indicator.
    static let mue: [String: (value: Int, indicator: Int)] = Dictionary(
        uniqueKeysWithValues: Fixture.lines("ncci-mue-practitioner-2026-04-01.csv").dropFirst(2).map { line in
            let cells = line.components(separatedBy: ",")
            return (cells[0], (Int(cells[1])!, Int(String(cells[2].prefix(1)))!))
        })

    static let associatedModifiers: Set<String> = Set(
        ["24", "25", "27", "57", "58", "59", "78", "79", "91", "FA", "LC", "LD", "LM", "LT", "RC", "RI", "RT", "TA"]
            + ["XE", "XP", "XS", "XU"] + (1...4).map { "E\($0)" } + (1...9).flatMap { ["F\($0)", "T\($0)"] })

    /// SPEC 8's E/M codes.
    static let evaluationAndManagement: Set<String> = Set(
        [99202...99215, 99221...99223, 99231...99239, 99281...99285, 99304...99310, 99341...99350].flatMap {
            $0.map(String.init)
        })

    private static func compute() throws -> Result {
        let workspace = try TestWorkspace()
        let names = Fixture.files.keys.filter { $0.hasPrefix("encounters-") }.sorted() + ["audit-findings.csv"]
        for name in names {
            let path = try workspace.write(name, bytes: Fixture.files[name]!)
            _ = try workspace.importFile(path, kind: name.hasPrefix("audit") ? .audits : .encounters) {
                $0.writeRejectsFile = false
            }
        }
        return try workspace.read { db in
            var encounters: [Int: Encounter] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, external_id, service_date, patient_pseudonym, provider, specialty, coder FROM encounter
                    """)
            {
                encounters[row[0]] = Encounter(
                    id: row[0], externalID: row[1], serviceDate: row[2], patient: row[3], provider: row[4],
                    specialty: row[5] ?? "", coder: row[6])
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT encounter_id, source_line, procedure_code, modifier_1, modifier_2, modifier_3, modifier_4,
                           units
                    FROM encounter_line ORDER BY encounter_id, source_line
                    """)
            {
                let modifiers = [row[3], row[4], row[5], row[6]].compactMap { $0 as String? }
                encounters[row[0]]!.lines.append(
                    Line(encounter: row[0], order: row[1], code: row[2], modifiers: modifiers, units: row[7]))
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT encounter_id, code FROM encounter_diagnosis ORDER BY encounter_id, position")
            {
                encounters[row[0]]!.diagnoses.append(row[1])
            }
            var inError: [String: Bool] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT e.external_id, max(f.outcome != 'agree') FROM audit_finding f
                    JOIN encounter e ON e.id = f.encounter_id GROUP BY e.external_id
                    """)
            {
                inError[row[0]] = (row[1] as Int) == 1
            }
            return Result(encounters: encounters, flags: flags(encounters), inError: inError)
        }
    }

    private static func flags(_ encounters: [Int: Encounter]) -> [EditFlag] {
        var rows: [EditFlag] = []
        func flag(_ edit: String, on encounter: Encounter, _ code: String, _ other: String?, flags: Set<String>) {
            rows.append(
                EditFlag(
                    edit: edit, encounterID: encounter.externalID, serviceDate: encounter.serviceDate,
                    coder: encounter.coder, code: code, otherCode: other, flags: flags))
        }
        // Lines of one patient, provider and day, in one encounter or several.
        let visitsOfADay = Dictionary(grouping: encounters.values) { "\($0.patient) \($0.provider) \($0.serviceDate)" }
        for group in visitsOfADay.values {
            let day = group[0].serviceDate
            let byID = Dictionary(uniqueKeysWithValues: group.map { ($0.id, $0) })
            let lines = group.sorted { $0.externalID < $1.externalID }.flatMap(\.lines)
            for a in lines {
                for b in lines where a.encounter != b.encounter || a.order != b.order {
                    guard
                        let edit = ptp.first(where: {
                            $0.column1 == a.code && $0.column2 == b.code && $0.effective <= day
                                && ($0.deletion.map { day < $0 } ?? true)
                        })
                    else { continue }
                    let modified = (a.modifiers + b.modifiers).contains { associatedModifiers.contains($0) }
                    guard edit.indicator == 0 || (edit.indicator == 1 && !modified) else { continue }
                    let flagged: Set = [byID[a.encounter]!.externalID, byID[b.encounter]!.externalID]
                    flag("ptp", on: byID[b.encounter]!, a.code, b.code, flags: flagged)
                }
            }
            for code in Set(lines.map(\.code)) {
                guard let limit = mue[code] else { continue }
                let same = lines.filter { $0.code == code }
                if limit.indicator == 1 {
                    for line in same where line.units > limit.value {
                        flag("mue", on: byID[line.encounter]!, code, nil, flags: [byID[line.encounter]!.externalID])
                    }
                } else if same.reduce(0, { $0 + $1.units }) > limit.value {
                    flag(
                        "mue", on: byID[same[0].encounter]!, code, nil,
                        flags: Set(same.map { byID[$0.encounter]!.externalID }))
                }
            }
        }
        let notes = Excludes1Notes.fy2026
        for encounter in encounters.values {
            for (i, a) in encounter.diagnoses.enumerated() {
                for b in encounter.diagnoses.dropFirst(i + 1) where notes.excludes(a, b) {
                    flag(
                        "excludes1", on: encounter, dotted(min(a, b)), dotted(max(a, b)),
                        flags: [encounter.externalID])
                }
            }
            for line in encounter.lines
            where evaluationAndManagement.contains(line.code) && line.modifiers.contains("25")
                && encounter.lines.allSatisfy({ evaluationAndManagement.contains($0.code) })
            {
                flag("mod25", on: encounter, line.code, nil, flags: [encounter.externalID])
            }
        }
        // New-patient visits of a patient the same specialty saw in the 1,095 days before.
        let byPatient = Dictionary(grouping: encounters.values) { "\($0.patient) \($0.specialty)" }
        for encounter in encounters.values {
            for line in encounter.lines where ["99202", "99203", "99204", "99205"].contains(line.code) {
                let earlier = byPatient["\(encounter.patient) \(encounter.specialty)"]!.filter {
                    $0.serviceDate < encounter.serviceDate
                        && days(from: $0.serviceDate, to: encounter.serviceDate) <= 1_095
                        && $0.lines.contains { evaluationAndManagement.contains($0.code) }
                }
                guard let latest = earlier.max(by: { $0.serviceDate < $1.serviceDate }) else { continue }
                let code = latest.lines.first { evaluationAndManagement.contains($0.code) }!.code
                flag("new_patient", on: encounter, line.code, code, flags: [encounter.externalID])
            }
        }
        return rows
    }

    private static func dotted(_ code: String) -> String {
        code.count > 3 ? "\(code.prefix(3)).\(code.dropFirst(3))" : code
    }

    private static func days(from a: String, to b: String) -> Int {
        func day(_ text: String) -> SampleDay {
            let parts = text.split(separator: "-").map { Int($0)! }
            return SampleDay(year: parts[0], month: parts[1], day: parts[2])
        }
        return day(b).ordinal - day(a).ordinal
    }
}
