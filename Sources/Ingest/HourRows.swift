import Store

extension ColumnSpec {
    /// The columns of a coder-hours file (SPEC 3.4).
    public static let hourColumns: [ColumnSpec] = [
        ColumnSpec(
            "coder", required: true,
            aliases: ["coder", "Coder", "Coder ID", "Coder Name", "User", "User ID", "Employee", "Employee ID"]),
        ColumnSpec(
            "work_date", required: true,
            aliases: ["work_date", "Work Date", "Date", "Day", "Date Worked", "Shift Date", "Worked On"]),
        ColumnSpec(
            "hours", required: true,
            aliases: ["hours", "Hours", "Hours Worked", "Worked Hours", "Total Hours", "Coding Hours", "Time"]),
    ]
}

/// The rows of a coder-hours file: one row per coder per day. A second row
/// for the same coder and day in one file is rejected; a coder and day that
/// an earlier import stored is replaced (a corrected timesheet).
final class HourRows: RowHandler {
    let kind = ImportKind.hours
    let columns = ColumnSpec.hourColumns
    let patientColumn: String? = nil
    private let today: CalendarDay
    private var map: HeaderMap?
    private var batchID: Int64 = 0
    private var stored = 0
    private var replaced = 0

    init(today: CalendarDay) {
        self.today = today
    }

    func begin(map: HeaderMap, batchID: Int64, session: ImportSession) throws {
        self.map = map
        self.batchID = batchID
    }

    func importRow(_ record: CSVRecord, session: ImportSession) throws -> [RowProblem] {
        guard let map, let coderColumn = map.index(of: "coder"), let dateColumn = map.index(of: "work_date"),
            let hoursColumn = map.index(of: "hours")
        else { return [] }
        var problems: [RowProblem] = []
        let coder = record[coderColumn]
        if coder.isEmpty { problems.append(RowProblem(column: coderColumn, reason: "coder is blank")) }
        var day: CalendarDay?
        if record.isBlank(dateColumn) {
            problems.append(RowProblem(column: dateColumn, reason: "work date is blank"))
        } else {
            switch record.withBytes(
                dateColumn, { FieldParsers.day($0, label: "work date", today: today) { record[dateColumn] } })
            {
            case .success(let parsed): day = parsed
            case .failure(let problem): problems.append(RowProblem(column: dateColumn, reason: problem.reason))
            }
        }
        var centihours: Int?
        if record.isBlank(hoursColumn) {
            problems.append(RowProblem(column: hoursColumn, reason: "hours is blank"))
        } else {
            switch record.withBytes(hoursColumn, { FieldParsers.centihours($0) { record[hoursColumn] } }) {
            case .success(let parsed): centihours = parsed
            case .failure(let problem): problems.append(RowProblem(column: hoursColumn, reason: problem.reason))
            }
        }
        guard problems.isEmpty, let day, let centihours else { return problems }
        switch try session.storeHours(coder: coder, workDate: day.description, centihours: centihours, batchID: batchID)
        {
        case .new:
            stored += 1
        case .replaced:
            stored += 1
            replaced += 1
        case .duplicate:
            return [
                RowProblem(
                    column: dateColumn,
                    reason: "a second row for coder \(coder) on \(day); a file gives one row per coder per day")
            ]
        }
        return []
    }

    func finish(session: ImportSession, outcome: inout ImportOutcome) throws {
        outcome.counts.rowsReplaced = replaced
        outcome.details.append("\(stored) coder-days: \(stored - replaced) new, \(replaced) replaced")
    }
}
