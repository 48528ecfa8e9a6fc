import GRDB

/// The imported NCCI procedure-to-procedure edits, looked up by code pair.
struct PTPTable {
    struct Edit {
        let effective: String
        let deletion: String?
        let modifierIndicator: Int

        /// In force on `day`: effective on or before it, and not yet deleted (SPEC 8).
        func isInForce(on day: String) -> Bool {
            effective <= day && (deletion.map { day < $0 } ?? true)
        }
    }

    let isEmpty: Bool
    private let statement: Statement
    /// By the codes' numbers in the month (`MonthEncounters.codes`), column 1's in the high half.
    private var cache: [UInt64: [Edit]] = [:]

    init(_ db: Database) throws {
        isEmpty = try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ptp_edit)")!
        statement = try db.cachedStatement(
            sql: """
                SELECT effective_date, deletion_date, modifier_indicator FROM ptp_edit
                WHERE column_1 = ? AND column_2 = ? ORDER BY effective_date DESC
                """)
    }

    /// The edit of column 1 and column 2 (lines of the month) in force on `day`;
    /// of two in force, the later effective one.
    mutating func edit(
        _ column1: MonthEncounters.Line, _ column2: MonthEncounters.Line, on day: String
    ) throws -> Edit? {
        guard !isEmpty else { return nil }
        let pair = UInt64(column1.codeID) << 32 | UInt64(column2.codeID)
        if cache[pair] == nil {
            cache[pair] = try Row.fetchAll(statement, arguments: [column1.code, column2.code]).map {
                Edit(effective: $0[0], deletion: $0[1], modifierIndicator: $0[2])
            }
        }
        return cache[pair]!.first { $0.isInForce(on: day) }
    }
}

extension EditFinder {
    /// `ptp`: two lines of one patient, provider and day whose codes are column
    /// 1 and column 2 of an edit in force, with modifier indicator 0, or 1 when
    /// neither line carries an NCCI-associated modifier. One row per pair of
    /// lines, on column 2's line.
    mutating func findPTP(_ db: Database) throws {
        var table = try PTPTable(db)
        guard !table.isEmpty else { return }
        for group in month.sameDayGroups where group.count > 1 {
            for first in group {
                for second in group where second != first {
                    let (column1, column2) = (month.lines[first], month.lines[second])
                    guard column1.codeID != column2.codeID else { continue }
                    let day = month.encounters[column2.encounter].serviceDate
                    guard let edit = try table.edit(column1, column2, on: day) else { continue }
                    let overridden = column1.hasNCCIModifier || column2.hasNCCIModifier
                    guard edit.modifierIndicator == 0 || (edit.modifierIndicator == 1 && !overridden) else { continue }
                    addPTP(column1: first, column2: second, modifierIndicator: edit.modifierIndicator)
                }
            }
        }
    }

    private mutating func addPTP(column1: Int, column2: Int, modifierIndicator: Int) {
        let (line1, line2) = (month.lines[column1], month.lines[column2])
        let encounter = month.encounters[line2.encounter]
        let rate = rate(encounter, code: line2.code)
        var detail =
            modifierIndicator == 0
            ? "NCCI PTP edit: \(line2.code) (column 2) is not paid with \(line1.code) (column 1) for the same "
                + "patient, provider and day; modifier indicator 0: no modifier allows the pair"
            : "NCCI PTP edit: \(line2.code) (column 2) is not paid with \(line1.code) (column 1) for the same "
                + "patient, provider and day unless a modifier such as 59 or XU shows a distinct service; "
                + "modifier indicator 1, and neither line has one"
        let other = month.encounters[line1.encounter]
        if line1.encounter != line2.encounter { detail += " (\(line1.code) is in encounter \(other.externalID))" }
        add(
            line: column2, edit: .ptp, code: line1.code, otherCode: line2.code, units: line2.units, limit: nil,
            modifierIndicator: modifierIndicator, atRiskCents: rate.map { $0 * Int64(line2.units) }, detail: detail,
            alsoFlags: [line1.encounter])
    }
}
