import Foundation
import Testing

@testable import X12

/// X12 amounts and numbers, read from bytes without floating point.
@Suite struct X12NumberTests {
    @Test(
        arguments: [
            ("12", 1_200), ("12.5", 1_250), ("-12.34", -1_234), ("12.340", 1_234), ("12.3400000", 1_234), (".5", 50),
            ("0", 0), ("-0", 0), ("0.01", 1), ("007", 700), ("9999999999999999.99", 999_999_999_999_999_999),
        ] as [(String, Int64)])
    func amountsInWholeCents(text: String, cents: Int64) {
        #expect(X12Number.cents(Array(text.utf8)) == cents)
    }

    @Test(arguments: [
        "12.345", "abc", "", "-", ".", "+12", "1,234.50", "12.3.4", "1E3", " 12", "12 ", "12-", "--1",
        "99999999999999999.99", "999999999999999999",
    ])
    func notAnAmount(text: String) {
        #expect(X12Number.cents(Array(text.utf8)) == nil)
    }

    @Test(arguments: [("1", "1"), ("1.5", "1.5"), ("-2", "-2"), ("0.25", "0.25"), ("-0", "0"), ("10.50", "10.5")])
    func numbersKeepTheirDecimals(text: String, expected: String) {
        #expect(X12Number.decimal(Array(text.utf8)) == Decimal(string: expected))
    }

    @Test func countsAreDigitsOnly() {
        #expect(X12Number.count(Array("42".utf8)) == 42)
        #expect(X12Number.count(Array("-1".utf8)) == nil)
        #expect(X12Number.count(Array("4.0".utf8)) == nil)
        #expect(X12Number.count(Array("".utf8)) == nil)
    }

    @Test(
        arguments: [(123_450, "1234.50"), (-5, "-0.05"), (0, "0.00"), (100, "1.00"), (-123_456, "-1234.56")]
            as [(Int64, String)])
    func centsPrintAsPlainAmounts(cents: Int64, text: String) {
        #expect(X12Number.amount(cents: cents) == text)
    }

    @Test(arguments: [
        ("20240229", "2024-02-29"), ("20000229", "2000-02-29"), ("20260101", "2026-01-01"),
    ])
    func datesThatExist(text: String, expected: String) {
        #expect(RemittanceDate(ccyymmdd: Array(text.utf8))?.description == expected)
    }

    @Test(arguments: ["20260230", "20250229", "19000229", "20261301", "20260000", "2026031", "2026-03-01", "202603011"])
    func datesThatDoNot(text: String) {
        #expect(RemittanceDate(ccyymmdd: Array(text.utf8)) == nil)
    }
}
