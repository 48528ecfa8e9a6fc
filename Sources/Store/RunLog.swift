import Foundation
import GRDB

/// A file a command read or wrote, as the run log keeps it.
public struct RunFile: Sendable, Equatable, Codable {
    public var path: String
    public var size: Int64
    public var sha256: String

    public init(path: String, size: Int64, sha256: String) {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }
}

/// One command's entry in `run_log` (SPEC 4).
public struct RunRecord: Sendable, Equatable {
    public var startedAt: String
    public var finishedAt = ""
    public var user: String
    public var host: String
    public var toolVersion: String
    /// The subcommand, e.g. `import encounters`.
    public var command: String
    /// Every argument after the executable's name.
    public var arguments: [String]
    public var inputs: [RunFile] = []
    public var outputs: [RunFile] = []
    public var rowsRead = 0
    public var rowsLoaded = 0
    public var rowsRejected = 0
    public var exitCode: Int32 = 0

    public init(
        startedAt: String, user: String, host: String, toolVersion: String, command: String, arguments: [String]
    ) {
        self.startedAt = startedAt
        self.user = user
        self.host = host
        self.toolVersion = toolVersion
        self.command = command
        self.arguments = arguments
    }
}

extension CodeAuditDatabase {
    /// Appends a command's record to `run_log`.
    public func log(_ record: RunRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO run_log (started_at, finished_at, user, host, tool_version, command, arguments,
                        inputs, outputs, rows_read, rows_loaded, rows_rejected, exit_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.startedAt, record.finishedAt, record.user, record.host, record.toolVersion, record.command,
                    try json(record.arguments), try json(record.inputs), try json(record.outputs), record.rowsRead,
                    record.rowsLoaded, record.rowsRejected, record.exitCode,
                ])
        }
    }
}
