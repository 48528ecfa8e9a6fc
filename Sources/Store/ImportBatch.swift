/// What kind of file an import reads.
public enum ImportKind: String, Sendable, CaseIterable {
    case encounters, audits, fees, hours, ptp, mue, remittances
}

/// The facts about a file known before its rows are read.
public struct ImportBatchStart: Sendable {
    public var kind: ImportKind
    public var fileName: String
    public var fileSize: Int64
    public var sha256: String
    public var encoding: String
    public var delimiter: String
    /// The header row as read, identifier-looking columns left out.
    public var header: String
    public var forced: Bool
    public var startedAt: String
    public var toolVersion: String

    public init(
        kind: ImportKind, fileName: String, fileSize: Int64, sha256: String, encoding: String,
        delimiter: String, header: String, forced: Bool, startedAt: String, toolVersion: String
    ) {
        self.kind = kind
        self.fileName = fileName
        self.fileSize = fileSize
        self.sha256 = sha256
        self.encoding = encoding
        self.delimiter = delimiter
        self.header = header
        self.forced = forced
        self.startedAt = startedAt
        self.toolVersion = toolVersion
    }
}

/// The counts an import records when it finishes.
public struct ImportBatchCounts: Sendable, Equatable {
    public var rowsRead = 0
    public var rowsLoaded = 0
    public var rowsRejected = 0
    /// Stored rows this import replaced: encounters, rates, coder-days or audits,
    /// by its kind (`rows_replaced`; `encounters_replaced` for an encounter import).
    public var rowsReplaced = 0

    public init(rowsRead: Int = 0, rowsLoaded: Int = 0, rowsRejected: Int = 0, rowsReplaced: Int = 0) {
        self.rowsRead = rowsRead
        self.rowsLoaded = rowsLoaded
        self.rowsRejected = rowsRejected
        self.rowsReplaced = rowsReplaced
    }
}

/// One row of the `import_batch` log.
public struct ImportBatchSummary: Sendable, Equatable {
    public var id: Int64
    public var kind: ImportKind
    public var fileName: String
    public var sha256: String
    public var counts: ImportBatchCounts
    public var startedAt: String
    public var finishedAt: String?
}

/// A rejected row as the store keeps it: no patient identifier, only its pseudonym.
public struct StoredReject: Sendable, Equatable {
    public var lineNumber: Int
    public var columnName: String?
    public var reason: String
    public var rawRow: String

    public init(lineNumber: Int, columnName: String?, reason: String, rawRow: String) {
        self.lineNumber = lineNumber
        self.columnName = columnName
        self.reason = reason
        self.rawRow = rawRow
    }
}
