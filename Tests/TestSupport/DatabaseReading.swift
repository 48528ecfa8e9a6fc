import GRDB

/// Opens the database file at `path` on a connection of its own, as another program would, and
/// reads it with `body`.
///
/// The connection is read-only, as an outside tool's; with `readOnly: false` it may also recover
/// the file from its write-ahead log, as the next `codeaudit` command would.
///
///     let mode = try readDatabase(at: path) { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
public func readDatabase<T>(at path: String, readOnly: Bool = true, _ body: (Database) throws -> T) throws -> T {
    var configuration = Configuration()
    configuration.readonly = readOnly
    return try DatabaseQueue(path: path, configuration: configuration).read(body)
}

extension Database {
    /// The schema's own tables, by name, without SQLite's and GRDB's bookkeeping.
    public func schemaTables() throws -> [String] {
        try String.fetchAll(
            self,
            sql: """
                SELECT name FROM sqlite_master WHERE type = 'table'
                AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'grdb%' ORDER BY name
                """)
    }

    /// Every row of every table of the schema but `excluded`, as `table: row` text, for
    /// "nothing changed" assertions.
    public func storedRows(except excluded: Set<String> = []) throws -> [String] {
        try schemaTables().filter { !excluded.contains($0) }.flatMap { table in
            try Row.fetchAll(self, sql: "SELECT * FROM \(table) ORDER BY 1").map { "\(table): \($0)" }
        }
    }

    /// The first column of every row of `sql`, as text (`NULL` for null, blobs in Base64).
    public func texts(_ sql: String) throws -> [String] {
        try DatabaseValue.fetchAll(self, sql: sql).map { value in
            switch value.storage {
            case .null: "NULL"
            case .int64(let number): String(number)
            case .double(let number): String(number)
            case .string(let text): text
            case .blob(let data): data.base64EncodedString()
            }
        }
    }

    /// How many rows `table` holds.
    public func rowCount(_ table: String) throws -> Int {
        try Int.fetchOne(self, sql: "SELECT count(*) FROM \"\(table)\"") ?? -1
    }
}
