import Analytics
import Testing

@testable import Report

@Suite struct WilsonIntervalTests {
    /// Reference values computed independently (the table; e.g. R's
    /// `prop.test(x, n, correct = FALSE)$conf.int`).
    @Test(arguments: [
        (0, 10, "0.0000", "0.2775"), (10, 10, "0.7225", "1.0000"), (81, 263, "0.2553", "0.3662"),
    ])
    func matchesPublishedValues(successes: Int, trials: Int, low: String, high: String) throws {
        let interval = try #require(WilsonInterval(successes: successes, trials: trials))
        #expect(ExportFormat.decimal(interval.low, decimals: 4) == low)
        #expect(ExportFormat.decimal(interval.high, decimals: 4) == high)
    }

    @Test func noTrialsHasNoInterval() {
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
    }
}
