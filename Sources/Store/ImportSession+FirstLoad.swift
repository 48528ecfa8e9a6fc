import GRDB

extension ImportSession {
    /// The tables a kind of import fills, and the one that is empty before its first load.
    private static func tables(of kind: ImportKind) -> (first: String, all: [String])? {
        switch kind {
        case .encounters: ("encounter", ["encounter", "encounter_line"])
        case .remittances:
            (
                "remittance_payment",
                [
                    "remittance_payment", "remittance_provider_adjustment", "remittance_claim", "remittance_line",
                    "remittance_adjustment",
                ]
            )
        case .audits, .fees, .hours, .ptp, .mue: nil
        }
    }

    /// Before the first load of a kind into a store that holds none of it yet:
    /// sets aside the indexes of the tables it fills that keep no key or unique
    /// constraint, to build each once before the session commits, from the rows
    /// in order, rather than insert every row into it at a random place. What
    /// such an import reads while it runs goes by keys and unique constraints
    /// (an encounter by its external id, a payment by its trace number) or
    /// scans its own rows. Inside the import's transaction, so readers and a
    /// rollback see the indexes as they were.
    public func setAsideIndexes(forFirstLoadOf kind: ImportKind) throws {
        guard let (first, tables) = Self.tables(of: kind),
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(first))") == false
        else { return }
        for table in tables {
            let indexes = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.name, s.sql FROM pragma_index_list(?) i JOIN sqlite_schema s ON s.name = i.name
                    WHERE i.origin = 'c' AND i."unique" = 0 AND s.sql IS NOT NULL ORDER BY s.name
                    """, arguments: [table])
            for index in indexes {
                let name: String = index["name"]
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
                indexesToBuild.append(index["sql"])
            }
        }
    }

    /// Builds again, with their own statements, the indexes set aside for a first load.
    func buildSetAsideIndexes() throws {
        guard !indexesToBuild.isEmpty else { return }
        // SQLite sorts an index's keys in memory up to the page cache's size, beside the cache
        // itself: with SQLite's default of 2 MB for both (the rest written out to the WAL and
        // to temporary files), the import's memory stays what its load took.
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -2048")
        for sql in indexesToBuild { try db.execute(sql: sql) }
        try db.execute(sql: "PRAGMA cache_size = \(cache)")
        indexesToBuild = []
    }
}
