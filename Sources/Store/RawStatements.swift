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

    /// A statement prepared on the writer's connection, or why it could not be:
    /// kept by the writer and prepared once, on first use.
    func prepare(_ sql: String) -> Result<Statement, any Error> {
        Result { try connection.makeStatement(sql: sql) }
    }

    /// Binds an integer, or NULL when there is none.
    func bind(_ s: OpaquePointer, _ index: Int32, _ value: Int64?) {
        if let value {
            sqlite3_bind_int64(s, index, value)
        } else {
            sqlite3_bind_null(s, index)
        }
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

/// Text bound to a writer's statements without SQLite copying it (and
/// allocating for it) on every binding: the bytes are copied into one buffer
/// that outlives the statements' steps, and bound as SQLITE_STATIC.
///
/// SQLite keeps a binding until the parameter is bound again, so a statement
/// must bind every text parameter before each step; `reset()` starts the
/// buffer over for the next statement's values.
final class BoundText {
    private static let capacity = 1 << 16
    private let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: BoundText.capacity)
    private var used = 0

    deinit {
        storage.deallocate()
    }

    /// Starts over: the values bound since the last reset have been stepped.
    func reset() {
        used = 0
    }

    /// Binds `value` (NULL when nil) to parameter `index` of `s`.
    func bind(_ s: OpaquePointer, _ index: Int32, _ value: String?) {
        guard var text = value else {
            sqlite3_bind_null(s, index)
            return
        }
        text.withUTF8 { bytes in
            guard used + bytes.count <= Self.capacity else {
                // Longer than what is left (a field holds up to 64 KiB): SQLite copies it.
                _ = sqlite3_bind_text(s, index, bytes.baseAddress, Int32(bytes.count), transient)
                return
            }
            let target = storage + used
            if let source = bytes.baseAddress { target.update(from: source, count: bytes.count) }
            used += bytes.count
            // Never a null pointer, which would bind NULL: an empty text is ''.
            _ = sqlite3_bind_text(s, index, UnsafePointer(target), Int32(bytes.count), nil)
        }
    }
}

extension Result<Statement, any Error> {
    /// The prepared statement's C handle, or the preparation error.
    var sqliteStatement: OpaquePointer {
        get throws { try get().sqliteStatement }
    }
}
