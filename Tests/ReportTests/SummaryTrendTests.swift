import Analytics
import Testing

@testable import Report

/// The summary tiles' sparklines draw the months that hold data, each in its
/// own place among the twelve, and nothing for the others.
@Suite struct SummaryTrendTests {
    /// The "Encounters coded" tile's sparkline for `data`.
    private func encountersCoded(_ data: MonthlyReportData) throws -> String {
        try #require(TileView.tiles(data).first { $0.label == "Encounters coded" }).sparkline
    }

    /// The x coordinates of each polyline, one list per line.
    private func lines(_ svg: String) -> [[Double]] {
        PageParts.matches("<polyline points=\"([^\"]*)\"", in: svg).map { points in
            points.split(separator: " ").map { Double($0.split(separator: ",")[0])! }
        }
    }

    @Test func monthsBeforeTheFirstWithDataAreNotDrawn() throws {
        // Given a report whose trend holds September and October only (the store began in September)
        var data = ReportFixture.data()
        data.trend = data.trend.filter { $0.month >= Month("2026-09")! }
        // When the tiles are built
        let svg = try encountersCoded(data)
        // Then one line joins September and October at the right end of the twelve months, no zero before them
        #expect(lines(svg) == [[142.18, 156]])
        #expect(svg.contains("<desc id=\"spark-encounters-coded-desc\">Sep 2026: 1,410; Oct 2026: 1,530.</desc>"))
        #expect(svg.contains("<circle cx=\"156.00\""))
    }

    @Test func aMonthWithoutDataBreaksTheLine() throws {
        // Given a trend without August
        var data = ReportFixture.data()
        data.trend = data.trend.filter { $0.month != Month("2026-08")! }
        // When the tiles are built
        let svg = try encountersCoded(data)
        // Then the line stops at July and starts again at September: two lines over eleven months
        let drawn = lines(svg)
        #expect(drawn.map(\.count) == [9, 2])
        #expect(drawn.first?.first == 4 && drawn.last?.last == 156)
        #expect(!svg.contains("Aug 2026"))
    }

    @Test func aReportMonthWithoutDataEndsTheLineEarlier() throws {
        // Given a trend whose October, the report's month, holds no data
        var data = ReportFixture.data()
        data.trend.removeLast()
        // When the tiles are built
        let svg = try encountersCoded(data)
        // Then the line ends at September, marked as the last point, and nothing is drawn for October
        #expect(lines(svg).map { $0.last } == [142.18])
        #expect(svg.contains("<circle cx=\"142.18\"") && svg.contains("class=\"spark-point\""))
        #expect(!svg.contains("Oct 2026"))
    }
}
