import GRDB

extension EditFinder {
    /// `mod25`: an E/M line with modifier 25 in an encounter that has no line
    /// whose code is not E/M: 25 marks an E/M apart from another service.
    mutating func findModifier25() {
        for (index, line) in month.lines.enumerated() where line.modifiers.contains("25") && EMCodes.isEM(line.code) {
            let encounter = month.encounters[line.encounter]
            guard encounter.lines.allSatisfy({ EMCodes.isEM(month.lines[$0].code) }) else { continue }
            add(
                line: index, edit: .mod25, code: line.code, otherCode: nil, units: line.units, limit: nil,
                modifierIndicator: nil, atRiskCents: nil,
                detail: "Modifier 25 on \(line.code), but the encounter has no other procedure: 25 marks an E/M "
                    + "significant and separate from another service the same day",
                alsoFlags: [])
        }
    }

    /// `new_patient`: a new-patient office visit (99202–99205) when the store
    /// holds an E/M line of the same patient and specialty in the 1,095 days
    /// before (the day itself excluded). The other code is the most recent such
    /// E/M (the latest day; on one day, the last by encounter id and line order).
    mutating func findNewPatient(_ db: Database) throws {
        // The patient's E/M lines, newest day first (the index on patient and day, read backwards);
        // the latest of that day is picked here rather than by an ORDER BY on four columns, which
        // made SQLite sort every candidate line of the three years in a temporary b-tree. The codes
        // between the first and last E/M code, told apart here: an IN list of the E/M codes is
        // built into a temporary b-tree at each run of the statement, once per new-patient line.
        let statement = try db.cachedStatement(
            sql: """
                SELECT l.procedure_code, e.service_date, e.external_id, l.source_line, l.id
                FROM encounter e JOIN encounter_line l ON l.encounter_id = e.id
                WHERE e.patient_pseudonym = ? AND e.service_date >= date(?, '-1095 days') AND e.service_date < ?
                  AND e.specialty IS ? AND l.procedure_code BETWEEN '\(EMCodes.first)' AND '\(EMCodes.last)'
                ORDER BY e.service_date DESC
                """)
        for (index, line) in month.lines.enumerated() where EMCodes.isNewPatientOffice(line.code) {
            let encounter = month.encounters[line.encounter]
            let earlier = try Row.fetchCursor(
                statement,
                arguments: [encounter.patient, encounter.serviceDate, encounter.serviceDate, encounter.specialty])
            // The most recent E/M line (the codes of `EMCodes.isEM`): the latest day, then the last
            // by encounter id (bytes, as SQL compares text), line in its file, and row id.
            var previous: (code: String, day: String, order: (String, Int64, Int64))?
            while let row = try earlier.next() {
                guard EMCodes.isEM(row[0]) else { continue }
                let day: String = row[1]
                if let previous, previous.day != day { break }
                let order: (String, Int64, Int64) = (row[2], row[3], row[4])
                if let previous, !Self.follows(order, previous.order) { continue }
                previous = (row[0], day, order)
            }
            guard let previous, let established = EMCodes.establishedEquivalent(of: line.code) else { continue }
            let atRisk = rate(encounter, code: line.code).flatMap { new in
                rate(encounter, code: established).map { new - $0 }
            }
            add(
                line: index, edit: .newPatient, code: line.code, otherCode: previous.code, units: line.units,
                limit: nil, modifierIndicator: nil, atRiskCents: atRisk,
                detail: "New-patient \(line.code), but the patient had \(previous.code) on \(previous.day) in the "
                    + "same specialty, within three years: an established-patient visit (\(established)) applies",
                alsoFlags: [])
        }
    }

    /// Whether a line (external id, source line, row id) comes after another of the same day.
    private static func follows(_ a: (String, Int64, Int64), _ b: (String, Int64, Int64)) -> Bool {
        if a.0 != b.0 { return b.0.utf8.lexicographicallyPrecedes(a.0.utf8) }
        return (a.1, a.2) > (b.1, b.2)
    }
}
