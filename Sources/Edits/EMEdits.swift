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
        let statement = try db.cachedStatement(
            sql: """
                SELECT l.procedure_code, e.service_date FROM encounter e JOIN encounter_line l ON l.encounter_id = e.id
                WHERE e.patient_pseudonym = ? AND e.service_date >= date(?, '-1095 days') AND e.service_date < ?
                  AND e.specialty IS ? AND l.procedure_code IN (\(EMCodes.sqlList))
                ORDER BY e.service_date DESC, e.external_id DESC, l.source_line DESC, l.id DESC
                LIMIT 1
                """)
        for (index, line) in month.lines.enumerated() where EMCodes.isNewPatientOffice(line.code) {
            let encounter = month.encounters[line.encounter]
            let earlier = try Row.fetchCursor(
                statement,
                arguments: [encounter.patient, encounter.serviceDate, encounter.serviceDate, encounter.specialty])
            // The most recent E/M line, filtered and ordered by SQLite (the codes of `EMCodes.isEM`).
            var previous: (code: String, day: String)?
            if let row = try earlier.next() { previous = (row[0], row[1]) }
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
}
