import Foundation
import GRDB
import TestSupport
import Testing

/// A second writer waits for the first, then gives up with EX_TEMPFAIL (75) and changes nothing.
@Suite struct BusyDatabaseCLITests {
    @Test func importWhileAnotherProcessWritesExits75() throws {
        // Given a database that another connection holds a write transaction on
        let workspace = try CLIWorkspace()
        try workspace.write("e.csv", encounters(["E1"]))
        try workspace.write("f.csv", encounters(["F1"]))
        #expect(try workspace.run(["import", "encounters", "e.csv"]).status == 0)
        let holder = try DatabaseQueue(path: workspace.path("codeaudit.sqlite"))
        var result: CommandResult?
        try holder.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            // When another import runs meanwhile (it waits the 10-second busy timeout)
            result = try workspace.run(["import", "encounters", "f.csv"])
            try db.execute(sql: "ROLLBACK")
        }
        // Then it exits 75, says the database is busy, and stored nothing
        #expect(result?.status == 75, "\(result?.stderr ?? "")")
        #expect(result?.stderr.contains("busy") == true)
        #expect(try workspace.count() == 1)
    }
}
