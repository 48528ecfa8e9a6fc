import Foundation
import Store

/// How an import runs.
public struct ImportOptions: Sendable {
    /// Import the file even when its SHA-256 is already in the import log.
    public var force = false
    /// Reject the whole file (nothing committed) when any row is rejected.
    public var strict = false
    /// Write `FILE.rejects.csv` beside the input when rows are rejected.
    public var writeRejectsFile = true
    /// The day against which dates "in the future" are judged.
    public var today: CalendarDay
    /// The version recorded in the import log.
    public var toolVersion: String
    /// Header names chosen by the user (`--mapping`).
    public var mapping: ColumnMapping?
    /// The billable ICD-10-CM codes (`--icd10-codes`).
    public var codeSet: ICD10CodeSet
    /// The name recorded for the file, when it differs from its path (stdin).
    public var displayName: String?
    /// The clock for the import log's `started_at` and `finished_at`.
    public var clock: @Sendable () -> Date
    /// The day an MUE table takes effect (`--effective`, the quarter's first
    /// day): the file carries no date. Required by an MUE import.
    public var effectiveDate: CalendarDay?

    public init(
        today: CalendarDay = .today(), toolVersion: String, codeSet: ICD10CodeSet = .fy2026,
        clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.today = today
        self.toolVersion = toolVersion
        self.codeSet = codeSet
        self.clock = clock
    }

    func timestamp() -> String {
        ISO8601DateFormatter().string(from: clock())
    }
}

/// How far an import has got, for a progress line.
public struct ImportProgress: Sendable {
    public var bytesRead: Int64
    public var totalBytes: Int64
    public var rowsRead: Int
}

/// A rejected row as the import reports it.
public struct RowReject: Sendable, Equatable {
    /// The file line the row starts on (the header is line 1).
    public var line: Int
    /// The header of the first column at fault, when one is.
    public var column: String?
    public var reason: String
}

/// What an import did with one file.
public struct ImportOutcome: Sendable {
    public var file: String
    /// The file's size and SHA-256, as the import log and the run log keep them.
    public var fileSize: Int64 = 0
    public var sha256 = ""
    /// The batch recorded in the import log; nil when nothing was committed.
    public var batchID: Int64?
    /// The earlier batch of the same file, when the import was skipped for it.
    public var alreadyImportedAs: ImportBatchSummary?
    /// True when `--strict` rolled the file back because rows were rejected.
    public var rolledBack = false
    public var counts = ImportBatchCounts()
    /// Encounters stored for the first time by this file.
    public var encountersAdded = 0
    /// What the import stored, in words for the summary (one line each).
    public var details: [String] = []
    /// The format when the file is not delimited text (`X12 835`); nil for CSV.
    public var format: String?
    public var encoding: TextEncoding = .utf8
    public var delimiter: Delimiter = .comma
    /// `canonical ← "Header"` lines.
    public var columns: [String] = []
    public var identifierColumns: [String] = []
    public var ignoredColumns: [String] = []
    public var warnings: [String] = []
    /// The first rejects, in file order (all of them are in the store and the rejects file).
    public var firstRejects: [RowReject] = []
    public var rejectsFile: String?
    public var blankRowsSkipped = 0

    /// How many rejects `firstRejects` keeps.
    public static let rejectsShown = 20
}
