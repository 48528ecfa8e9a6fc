import GRDB

/// The imported practitioner MUE values by code, each code's files newest first.
struct MUETable {
    struct Value {
        let effective: String
        let limit: Int
        /// 1 line edit, 2 date-of-service edit (policy), 3 date-of-service edit (clinical).
        let adjudication: Int
    }

    private var values: [String: [Value]] = [:]

    var isEmpty: Bool { values.isEmpty }

    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT procedure_code, effective_date, mue_value, adjudication_indicator FROM mue_value
                ORDER BY procedure_code, effective_date DESC
                """)
        while let row = try rows.next() {
            values[row[0], default: []].append(Value(effective: row[1], limit: row[2], adjudication: row[3]))
        }
    }

    /// Each of `codes`' values, newest first (none for a code the tables lack).
    func values(of codes: [String]) -> [[Value]] {
        codes.map { values[$0] ?? [] }
    }
}

extension EditFinder {
    /// `mue`: with a line edit, each line whose units exceed the value; with a
    /// date-of-service edit, a code whose units for one patient, provider and
    /// day sum above it (one row, on the first line of the code).
    mutating func findMUE(_ db: Database) throws {
        let table = try MUETable(db)
        guard !table.isEmpty else { return }
        let values = table.values(of: month.codes)
        for group in month.sameDayGroups {
            let day = month.encounters[month.lines[group[0]].encounter].serviceDate
            // A date-of-service code's lines of the day, in the group's order (few: a linear search).
            var dateOfService: [(codeID: Int, value: MUETable.Value, lines: [Int])] = []
            for index in group {
                let line = month.lines[index]
                guard let value = values[line.codeID].first(where: { $0.effective <= day }) else { continue }
                if value.adjudication == 1 {
                    guard line.units > value.limit else { continue }
                    addMUE(
                        line: index, units: line.units, value: value, alsoFlags: [],
                        detail: "MUE: \(line.units) units of \(line.code) on one line; the practitioner limit is "
                            + "\(value.limit) per line (line edit)")
                } else if let position = dateOfService.firstIndex(where: { $0.codeID == line.codeID }) {
                    dateOfService[position].lines.append(index)
                } else {
                    dateOfService.append((line.codeID, value, [index]))
                }
            }
            for (_, value, lines) in dateOfService {
                let units = lines.reduce(0) { $0 + month.lines[$1].units }
                guard units > value.limit else { continue }
                let code = month.lines[lines[0]].code
                let kind = value.adjudication == 2 ? "policy" : "clinical"
                addMUE(
                    line: lines[0], units: units, value: value, alsoFlags: lines.map { month.lines[$0].encounter },
                    detail: "MUE: \(units) units of \(code) for one patient and provider on \(day)"
                        + (lines.count > 1 ? " over \(lines.count) lines" : "") + "; the practitioner limit is "
                        + "\(value.limit) per day (date-of-service edit: \(kind))")
            }
        }
    }

    private mutating func addMUE(line index: Int, units: Int, value: MUETable.Value, alsoFlags: [Int], detail: String) {
        let line = month.lines[index]
        let rate = rate(month.encounters[line.encounter], code: line.code)
        add(
            line: index, edit: .mue, code: line.code, otherCode: nil, units: units, limit: value.limit,
            modifierIndicator: nil, atRiskCents: rate.map { $0 * Int64(units - value.limit) }, detail: detail,
            alsoFlags: alsoFlags)
    }
}
