import Analytics
import Edits
import Ingest
import TestSupport
import Testing

/// `codeaudit report` reads its tables, tiles and edits from one snapshot of the store.
@Suite struct MonthlyReportSnapshotTests {
    @Test func anImportCommittingBeforeTheEditsAreReadChangesNeitherTheEditsNorTheRest() throws {
        // Given the edits fixture, its October report as computed now, and late October encounters
        // of which one carries modifier 25 on its only procedure (a flag)
        let workspace = try EditsFixture.workspace()
        let analytics = Analytics(database: workspace.database)
        let before = try analytics.monthlyReport(for: EditsFixture.october)
        let late = try workspace.write(
            "late.csv",
            csvFile([
                "encounter_id,service_date,patient_id,provider,specialty,coder,payer,procedure_code,modifiers,units,"
                    + "diagnosis_codes",
                "E40,2026-10-26,P40,Dr Baker,Family Medicine,bob,Aetna,99213,25,1,I10",
            ]))
        // When another process imports it and commits just before the report reads the edits, its last figures
        var imported: ImportOutcome?
        let during = try analytics.monthlyReport(for: EditsFixture.october) { stage in
            if stage.hasSuffix("edits") { imported = try? workspace.importFromAnotherProcess(late, kind: .encounters) }
        }
        // Then the import committed: edits read afterwards flag the new encounter
        #expect(imported?.counts.rowsLoaded == 1)
        let after = try analytics.monthlyReport(for: EditsFixture.october)
        #expect(after.edits.flags.count == before.edits.flags.count + 1)
        // And the report it landed in describes the store as it was: the edits and the tables alike
        #expect(during.edits == before.edits)
        #expect(during.data == before.data)
    }
}
