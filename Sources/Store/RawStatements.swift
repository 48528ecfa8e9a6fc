import GRDB
import GRDBSQLite

/// What the writers of the import hot loops share: they bind and step prepared
/// statements through SQLite's C API (the one place the store leaves GRDB's API).
protocol RawStatementWriter {
    /// The connection the statements were prepared on.
    var connection: Database { get }
}

extension RawStatementWriter {
    /// Runs a statement that returns no row and resets it for the next binding.
    func step(_ s: OpaquePointer) throws {
        let rc = sqlite3_step(s)
        if rc != SQLITE_DONE {
            let failure = error(rc)
            sqlite3_reset(s)
            throw failure
        }
        sqlite3_reset(s)
    }

    /// The connection's error for a result code.
    func error(_ rc: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: rc),
            message: String(cString: sqlite3_errmsg(connection.sqliteConnection)))
    }
}

/// SQLite copies bound text before the call returns.
let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

extension Result<Statement, any Error> {
    /// The prepared statement's C handle, or the preparation error.
    var sqliteStatement: OpaquePointer {
        get throws { try get().sqliteStatement }
    }
}
