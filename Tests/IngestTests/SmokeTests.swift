import Foundation
import GRDB
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
