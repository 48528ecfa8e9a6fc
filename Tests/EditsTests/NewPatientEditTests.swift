import Analytics
import TestSupport
import Testing

@testable import Edits

/// SPEC 8 `new_patient`: the other code is the most recent E/M of the same
/// patient and specialty — the latest day, on that day the last encounter id,
/// then the last line.
@Suite struct NewPatientEditTests {
    @Test func theOtherCodeIsTheLatestDaysLastEMLine() throws {
        // Given a new-patient visit in October, and the same patient's E/M lines before it: two
        // encounters on the latest day (B3 sorts after A7), B3 with two E/M lines and a lab line
        // after them, and a later-sorting encounter (Z9) on an earlier day
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,specialty,coder,payer,procedure_code,modifiers,units,"
                    + "diagnosis_codes",
                "N1,2026-10-20,P20,Dr Adams,Family Medicine,alice,Aetna,99203,,1,I10",
                "Z9,2025-01-06,P20,Dr Adams,Family Medicine,alice,Aetna,99215,,1,I10",
                "A7,2026-03-02,P20,Dr Adams,Family Medicine,alice,Aetna,99212,,1,I10",
                "B3,2026-03-02,P20,Dr Baker,Family Medicine,bob,Aetna,99213,,1,I10",
                "B3,2026-03-02,P20,Dr Baker,Family Medicine,bob,Aetna,99214,,1,I10",
                "B3,2026-03-02,P20,Dr Baker,Family Medicine,bob,Aetna,36415,,1,I10",
            ])
        // When October's edits run
        let flags = try EditChecks(database: workspace.database).monthly(for: Month(year: 2026, month: 10)).flags
        // Then the one flag names B3's last E/M line, on 2026-03-02
        let newPatient = flags.filter { $0.edit == .newPatient }
        #expect(newPatient.map(\.encounterID) == ["N1"])
        #expect(newPatient.map(\.otherCode) == ["99214"])
        #expect(newPatient.first?.detail.contains("had 99214 on 2026-03-02") == true)
    }

    @Test func codesBetweenEMCodesThatAreNotEMDoNotCount() throws {
        // Given two new-patient visits in October: P30 had an E/M in March and critical care (99291,
        // not an E/M of SPEC 8, though it sorts between them) in June; P31 had only critical care
        let workspace = try TestWorkspace()
        try workspace.load(
            .encounters,
            [
                "encounter_id,service_date,patient_id,provider,specialty,coder,payer,procedure_code,modifiers,units,"
                    + "diagnosis_codes",
                "N2,2026-10-20,P30,Dr Adams,Family Medicine,alice,Aetna,99204,,1,I10",
                "C1,2026-03-02,P30,Dr Adams,Family Medicine,alice,Aetna,99213,,1,I10",
                "C2,2026-06-09,P30,Dr Adams,Family Medicine,alice,Aetna,99291,,1,I10",
                "N3,2026-10-21,P31,Dr Adams,Family Medicine,alice,Aetna,99204,,1,I10",
                "C3,2026-06-10,P31,Dr Adams,Family Medicine,alice,Aetna,99291,,1,I10",
            ])
        // When October's edits run
        let flags = try EditChecks(database: workspace.database).monthly(for: Month(year: 2026, month: 10)).flags
        // Then only N2 is flagged, and its other code is March's E/M, not June's critical care
        let newPatient = flags.filter { $0.edit == .newPatient }
        #expect(newPatient.map(\.encounterID) == ["N2"])
        #expect(newPatient.map(\.otherCode) == ["99213"])
    }
}
