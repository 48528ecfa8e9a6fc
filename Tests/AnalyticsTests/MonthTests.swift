import Analytics
import Testing

@Suite struct MonthTests {
    @Test(arguments: [
        (Month(year: 1, month: 1), "0001-01"), (Month(year: 987, month: 9), "0987-09"),
        (Month(year: 2026, month: 10), "2026-10"), (Month(year: 9999, month: 12), "9999-12"),
    ])
    func isWrittenYYYYMM(month: Month, text: String) {
        #expect(month.description == text)
        #expect(Month(text) == month)
        #expect(month.firstDay == text + "-01")
    }

    @Test func monthsReachedByArithmeticOutsideFourDigitsAreWrittenAsFormatWritesThem() {
        // Given months before year 1 and after 9999, which only arithmetic on months reaches
        let months = [
            Month(year: 1, month: 1).advanced(by: -1), Month(year: -1, month: 12), Month(year: 9999, month: 12).next,
        ]
        // Then each is written without trapping, as String(format:) writes it
        #expect(months.map(\.description) == ["0000-12", "-001-12", "10000-01"])
    }

    @Test func advancingCountsMonthsAcrossYearsInBothDirections() {
        let january = Month(year: 1, month: 1)
        // Backwards across year 0 into year −1, and forwards again
        #expect(january.advanced(by: -12) == Month(year: 0, month: 1))
        #expect(january.advanced(by: -13) == Month(year: -1, month: 12))
        #expect(january.advanced(by: -24) == Month(year: -1, month: 1))
        #expect(january.advanced(by: -25) == Month(year: -2, month: 12))
        #expect(Month(year: -1, month: 12).advanced(by: 13) == january)
        // And each step equals a run of `previous` and `next`
        var month = Month(year: 2026, month: 10)
        for step in 1...30_000 {
            month = month.previous
            #expect(Month(year: 2026, month: 10).advanced(by: -step) == month, "\(step)")
            if Month(year: 2026, month: 10).advanced(by: -step) != month { break }
        }
        #expect(month.advanced(by: 30_000) == Month(year: 2026, month: 10))
    }

    @Test func everyMonthOfAYearRoundTrips() {
        for month in 1...12 {
            let value = Month(year: 2027, month: month)
            #expect(Month(value.description) == value)
            #expect(value.description.utf8.count == 7)
        }
    }
}
