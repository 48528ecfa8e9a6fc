import CSVOutput
import Foundation

/// `FILE.rejects.csv` beside an input (SPEC 4): written to a `.partial` file
/// while the import runs, moved into place when it has committed, and removed
/// when it fails, so that an older rejects file stays as it was.
final class RejectsFile {
    /// Where the finished file goes.
    let path: String
    private let header: [String]
    private var writer: CSVWriter?

    /// A rejects file for `input` whose first row is `header`; nothing is
    /// written until the first reject.
    init(beside input: String, header: [String]) {
        path = URL(fileURLWithPath: input).deletingPathExtension().path + ".rejects.csv"
        self.header = header
    }

    /// Adds one rejected row.
    func write(_ fields: [String]) throws {
        if writer == nil {
            writer = try CSVWriter(path: path + ".partial", bom: true)
            try writer?.write(header)
        }
        try writer?.write(fields)
    }

    /// Moves the finished file into place, over an older one; returns its path,
    /// or nil when nothing was rejected.
    ///
    /// - throws: `IngestError.unreadable` when it cannot be moved.
    func close() throws -> String? {
        guard let finished = writer else { return nil }
        writer = nil
        try finished.close()
        guard rename(path + ".partial", path) == 0 else {
            throw IngestError.unreadable(file: path, reason: "cannot write: \(String(cString: strerror(errno)))")
        }
        return path
    }

    /// Leaves an older rejects file as it was when the import failed.
    func discard() {
        guard writer != nil else { return }
        writer = nil
        unlink(path + ".partial")
    }
}
