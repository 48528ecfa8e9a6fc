/// A planted bad row of the audit or hours file, placed after a good row.
struct PlantedCompanionRow {
    let reject: PlantedReject
    /// The good row it follows (its position in the file's good rows).
    let after: Int
    let cells: [String]
}

extension RejectPlanter {
    /// Bad audit-worksheet rows, two of each audit reject, after their host audit's rows.
    mutating func auditRows(_ audits: [SampleAudit]) -> [PlantedCompanionRow] {
        var firstRows: [Int] = []
        var position = 0
        for audit in audits {
            firstRows.append(position)
            position += audit.findings.count
        }
        var rows: [PlantedCompanionRow] = []
        let rejects: [PlantedReject] = [.auditUnknownEncounter, .auditBothCodesBlank, .auditUnits, .auditDateNotADate]
        for reject in rejects {
            for (variant, host) in pick(audits.count, count: 2).enumerated() {
                let audit = audits[host]
                var cells = AuditWorksheet.cells(audit, audit.findings[0])
                switch reject {
                case .auditUnknownEncounter: cells[0] += "0"
                case .auditBothCodesBlank:
                    for index in 4...7 { cells[index] = "" }
                    cells[8] = "Documentation"
                    cells[9] = "note not signed; codes to follow"
                case .auditUnits: cells[7] = ["1.5", "0"][variant]
                default: cells[2] = ["11/31/2026", "06/31/2026"][variant]
                }
                rows.append(
                    PlantedCompanionRow(reject: reject, after: firstRows[host] + audit.findings.count - 1, cells: cells)
                )
            }
        }
        return rows
    }

    /// Bad timesheet rows: a second row for a coder's day, hours out of range
    /// on a day off, and days that do not exist.
    mutating func hourRows(_ hours: [SampleCoderDay], daysOff: [String: Set<SampleDay>]) -> [PlantedCompanionRow] {
        var rows: [PlantedCompanionRow] = []
        for host in pick(hours.count, count: 2) {
            rows.append(
                PlantedCompanionRow(
                    reject: .hoursSecondRowForADay, after: host,
                    cells: [hours[host].coder, hours[host].day.description, "0.5"]))
        }
        for (variant, host) in pick(hours.count, count: 2).enumerated() {
            // The coder's next day off after the host row, typed with a stray digit or none.
            let coder = hours[host].coder
            let off = daysOff[coder]!.filter { $0 > hours[host].day }.min() ?? hours[host].day.adding(days: 1)
            let later = hours.indices.last { hours[$0].day <= off } ?? host
            rows.append(
                PlantedCompanionRow(
                    reject: .hoursOutOfRange, after: later, cells: [coder, off.description, ["80", "0"][variant]]))
        }
        for (variant, host) in pick(hours.count, count: 2).enumerated() {
            rows.append(
                PlantedCompanionRow(
                    reject: .hoursDateNotADate, after: host,
                    cells: [hours[host].coder, ["2026-06-31", "2026-09-31"][variant], "8"]))
        }
        return rows
    }
}
