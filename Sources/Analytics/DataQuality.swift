import GRDB

/// An imported file that supplied some of a month's data, with what its
/// import rejected: the report's data-quality section.
public struct ImportedFileQuality: Sendable, Equatable {
    /// `encounters`, `audits`, `fees` or `hours`.
    public var kind: String
    public var fileName: String
    /// The file's SHA-256, as the import log keeps it: which version of the file this was.
    public var sha256: String
    public var rowsRead: Int
    public var rowsLoaded: Int
    public var rowsRejected: Int
    /// Rejected rows by the column at fault, most first.
    public var rejectsByColumn: [RejectedColumn]

    public init(
        kind: String, fileName: String, sha256: String, rowsRead: Int, rowsLoaded: Int, rowsRejected: Int,
        rejectsByColumn: [RejectedColumn]
    ) {
        self.kind = kind
        self.fileName = fileName
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsLoaded = rowsLoaded
        self.rowsRejected = rowsRejected
        self.rejectsByColumn = rejectsByColumn
    }
}

/// How many of a file's rows were rejected for a problem in one column.
public struct RejectedColumn: Sendable, Equatable {
    /// The column's header as the file has it; nil for the row as a whole, such as a wrong field count.
    public var column: String?
    public var rows: Int

    public init(column: String?, rows: Int) {
        self.column = column
        self.rows = rows
    }
}

extension Analytics {
    /// The files whose stored rows belong to `month` — encounters with a
    /// service date in it, audit findings on those encounters, coder hours
    /// worked in it, 835 claims for services in it — in import order, each
    /// with all of its rejected rows.
    ///
    /// A file's rejects are counted in full, not by month: a rejected row's
    /// date may be the very thing that is wrong. A file none of whose rows
    /// was stored appears in no month; its import summary and rejects file
    /// report it.
    ///
    /// - throws: A database error when the store cannot be read.
    public func importedFiles(for month: Month) throws -> [ImportedFileQuality] {
        try database.read { db in try Self.importedFiles(db, month: month) }
    }

    /// The files behind `month` from an open read.
    static func importedFiles(_ db: Database, month: Month) throws -> [ImportedFileQuality] {
        let days: StatementArguments = ["first": month.firstDay, "next": month.nextFirstDay]
        return try importedFiles(
            db, month: month,
            encounterBatches: Set(Int64.fetchAll(db, sql: DataQualitySQL.encounterBatches, arguments: days)))
    }

    /// The files behind `month` from an open read, given the batches of its
    /// encounters and of their audit findings, which the report's pass over
    /// the month reads already (through the date index, finding them was most
    /// of the work here).
    static func importedFiles(
        _ db: Database, month: Month, encounterBatches: Set<Int64>
    ) throws -> [ImportedFileQuality] {
        let batches = encounterBatches.union(
            try Int64.fetchAll(
                db, sql: DataQualitySQL.otherBatches, arguments: ["first": month.firstDay, "next": month.nextFirstDay]))
        guard !batches.isEmpty else { return [] }
        let list = batches.sorted().map(String.init).joined(separator: ", ")
        var rejects: [Int64: [RejectedColumn]] = [:]
        for row in try Row.fetchAll(db, sql: DataQualitySQL.rejects(list)) {
            rejects[row["batch_id"], default: []].append(RejectedColumn(column: row["column_name"], rows: row["rows"]))
        }
        return try Row.fetchAll(db, sql: DataQualitySQL.files(list)).map { row in
            ImportedFileQuality(
                kind: row["kind"], fileName: row["file_name"], sha256: row["sha256"], rowsRead: row["rows_read"],
                rowsLoaded: row["rows_loaded"], rowsRejected: row["rows_rejected"],
                rejectsByColumn: rejects[row["id"]] ?? [])
        }
    }
}

private enum DataQualitySQL {
    /// The batches of the month's encounters and of their audit findings.
    static let encounterBatches = """
        SELECT batch_id FROM encounter WHERE service_date >= :first AND service_date < :next
        UNION
        SELECT f.batch_id FROM audit_finding f JOIN encounter e ON e.id = f.encounter_id
        WHERE e.service_date >= :first AND e.service_date < :next
        """

    /// The batches of the month's coder hours and of the 835 claims for services in it.
    static let otherBatches = """
        SELECT batch_id FROM coder_hours WHERE work_date >= :first AND work_date < :next
        UNION
        SELECT p.batch_id FROM remittance_payment p JOIN remittance_claim c ON c.payment_id = p.id
        WHERE c.service_date >= :first AND c.service_date < :next
        """

    /// `list`: the batch ids, as SQL integers separated by commas.
    static func files(_ list: String) -> String {
        """
        SELECT id, kind, file_name, sha256, rows_read, rows_loaded, rows_rejected
        FROM import_batch WHERE id IN (\(list))
        ORDER BY id
        """
    }

    static func rejects(_ list: String) -> String {
        """
        SELECT batch_id, column_name, COUNT(*) AS rows
        FROM import_reject WHERE batch_id IN (\(list))
        GROUP BY batch_id, column_name
        ORDER BY batch_id, rows DESC, column_name
        """
    }
}

extension Analytics {
    /// Every month that has encounters, by service date, oldest first.
    ///
    /// - throws: A database error when the store cannot be read.
    public func serviceMonths() throws -> [Month] {
        try database.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT substr(service_date, 1, 7) FROM encounter ORDER BY 1"
            ).compactMap(Month.init)
        }
    }
}
