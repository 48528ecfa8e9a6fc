import Foundation
import Testing

@testable import CLI

@Suite struct RunClockTests {
    @Test func writesTheRunLogsTimesAsTheISO8601FormatterDid() {
        // Given instants before and after the epoch, with and without fractions of a second
        let instants = [
            0, 1.999, 951_782_400.25, 1_788_230_130, 1_798_761_599.999_9, 1_798_761_599.998, -86_400.5, -0.000_2,
            4_102_444_800,
        ].map { Date(timeIntervalSince1970: $0) }

        // When each is written for the run log
        let written = instants.map(RunClock.text(of:))

        // Then each reads as ISO8601DateFormatter, the run log's earlier clock, wrote it
        #expect(written == instants.map { ISO8601DateFormatter().string(from: $0) })
        #expect(written[3] == "2026-09-01T02:35:30Z")
    }
}
