import Foundation
import GRDB
import TestSupport
import Testing

@testable import Ingest

@Suite struct SmokeTests {
    @Test func importsACanonicalFile() throws {
        // Given a file of two lines of one encounter
        let workspace = try TestWorkspace()
        let path = try workspace.write(
            "e.csv",
            encounterFile([encounterLine(), encounterLine(["procedure_code": "36415", "diagnosis_codes": "I10"])]))
        // When it is imported
        let outcome = try workspace.importEncounters(path)
        // Then both lines load into one encounter with two diagnoses
        #expect(outcome.counts.rowsLoaded == 2)
        #expect(outcome.counts.rowsRejected == 0)
        let codes = try workspace.read {
            try String.fetchAll($0, sql: "SELECT code FROM encounter_diagnosis ORDER BY position")
        }
        #expect(codes == ["E119", "I10"])
    }
}

@Suite struct TimestampFormTests {
    /// Every timestamp form is stored as ISO `YYYY-MM-DDTHH:MM:SS`, so its first
    /// ten characters are the day (productivity and turnaround read them).
    @Test(arguments: [
        ("2026-10-09 11:05", "2026-10-09T11:05:00"), ("2026-10-09T11:05:07", "2026-10-09T11:05:07"),
        ("10/09/2026 11:05", "2026-10-09T11:05:00"), ("10/09/2026 11:05:07", "2026-10-09T11:05:07"),
        ("1/9/2026 11:05", "2026-01-09T11:05:00"), ("10/09/2026 11:05 PM", "2026-10-09T23:05:00"),
        ("10/09/2026", "2026-10-09"),
    ])
    func codedAtIsStoredAsISO(written: String, stored: String) throws {
        // Given a line whose coded-at time is written one way; When it is imported
        let workspace = try TestWorkspace()
        let path = try workspace.write(
            "e.csv", encounterFile([encounterLine(["service_date": "2026-01-02", "coded_at": written])]))
        let outcome = try workspace.importEncounters(path)
        // Then it is stored in ISO form
        #expect(outcome.counts.rowsLoaded == 1, "\(outcome.firstRejects)")
        #expect(try workspace.texts("SELECT coded_at FROM encounter") == [stored])
    }
}
