import Foundation
import Ingest

/// A progress line on stderr for imports that take over a second, shown only
/// when stderr is a terminal.
final class ProgressLine {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var shown = false
    private var bytes: Int64 = 0

    init(label: String) {
        self.label = label
    }

    func update(_ progress: ImportProgress) {
        guard enabled else { return }
        if progress.bytesRead > 0 { bytes = progress.bytesRead }
        guard progress.rowsRead % 1024 == 0 || progress.bytesRead > 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDrawn) > 0.2 else { return }
        lastDrawn = now
        shown = true
        let percent = progress.totalBytes > 0 ? Int(bytes * 100 / progress.totalBytes) : 0
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(percent)% · \(progress.rowsRead) rows".utf8))
    }

    /// Shows which step a long command is on, after its first second.
    func step(_ text: String) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(start) > 1 else { return }
        shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[K\(label): \(text)".utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
