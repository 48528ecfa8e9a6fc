import Foundation
import Testing

/// Golden files beside the tests (`__Snapshots__/`). A missing file, or any
/// file when `RECORD_SNAPSHOTS=1`, is written and the test fails, so that a
/// new baseline is only ever taken on purpose and reviewed in the diff.
enum Golden {
    static func url(_ name: String, testFile: String = #filePath) -> URL {
        URL(fileURLWithPath: testFile).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__").appendingPathComponent(name)
    }

    static func assertMatches(
        _ actual: String, file name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let url = url(name)
        let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.path); review it and run the tests again", sourceLocation: sourceLocation)
            return
        }
        if actual != expected {
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first =
                zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(actualLines.count, expectedLines.count)
            Issue.record(
                """
                \(name) differs from the golden file at line \(first + 1):
                expected: \(first < expectedLines.count ? String(expectedLines[first].prefix(300)) : "<end>")
                actual:   \(first < actualLines.count ? String(actualLines[first].prefix(300)) : "<end>")
                (RECORD_SNAPSHOTS=1 re-records it)
                """, sourceLocation: sourceLocation)
        }
    }
}
