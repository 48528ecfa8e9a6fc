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

    /// The value in force on `day`: the latest file effective on or before it.
    func value(_ code: String, on day: String) -> Value? {
        values[code]?.first { $0.effective <= day }
    }
}

extension EditFinder {
    /// `mue`: with a line edit, each line whose units exceed the value; with a
    /// date-of-service edit, a code whose units for one patient, provider and
    /// day sum above it (one row, on the first line of the code).
    mutating func findMUE(_ db: Database) throws {
        let table = try MUETable(db)
        guard !table.isEmpty else { return }
        for (index, line) in month.lines.enumerated() {
            let day = month.encounters[line.encounter].serviceDate
            guard let value = table.value(line.code, on: day), value.adjudication == 1, line.units > value.limit
            else { continue }
            addMUE(
                line: index, units: line.units, value: value, alsoFlags: [],
                detail: "MUE: \(line.units) units of \(line.code) on one line; the practitioner limit is "
                    + "\(value.limit) per line (line edit)")
        }
        for (code, lines) in dateOfServiceGroups() {
            let first = month.lines[lines[0]]
            let encounter = month.encounters[first.encounter]
            guard let value = table.value(code, on: encounter.serviceDate), value.adjudication != 1 else { continue }
            let units = lines.reduce(0) { $0 + month.lines[$1].units }
            guard units > value.limit else { continue }
            let kind = value.adjudication == 2 ? "policy" : "clinical"
            addMUE(
                line: lines[0], units: units, value: value, alsoFlags: lines.map { month.lines[$0].encounter },
                detail: "MUE: \(units) units of \(code) for one patient and provider on \(encounter.serviceDate)"
                    + (lines.count > 1 ? " over \(lines.count) lines" : "") + "; the practitioner limit is "
                    + "\(value.limit) per day (date-of-service edit: \(kind))")
        }
    }

    /// Each code's lines for one patient, provider and day, in the order SPEC 8
    /// names: the first is the one a flag stands on.
    private func dateOfServiceGroups() -> [(code: String, lines: [Int])] {
        var groups: [(code: String, lines: [Int])] = []
        for group in month.sameDayGroups {
            guard group.count > 1 else {
                groups.append((month.lines[group[0]].code, group))
                continue
            }
            var byCode: [String: [Int]] = [:]
            for line in group { byCode[month.lines[line].code, default: []].append(line) }
            groups += byCode.sorted { $0.value[0] < $1.value[0] }.map { ($0.key, $0.value) }
        }
        return groups
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
