import Foundation

/// Typed reads of the elements SPEC 9 reads. Each one that is required and
/// missing, or not of its type, refuses the file naming segment and element.
extension X12Segment {
    /// A required identifier or code, as written.
    func requiredText(_ position: Int, _ what: String) throws -> String {
        guard let text = optionalText(position) else { throw missing(position, what) }
        return text
    }

    /// An optional identifier or code; nil when blank.
    func optionalText(_ position: Int) -> String? {
        withElement(position) { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
    }

    /// A required amount in whole cents.
    func requiredCents(_ position: Int, _ what: String) throws -> Int64 {
        guard let cents = try optionalCents(position) else { throw missing(position, what) }
        return cents
    }

    /// An optional amount in whole cents; nil when blank.
    func optionalCents(_ position: Int) throws -> Int64? {
        try withElement(position) { value in
            if value.isEmpty { return nil }
            guard let cents = X12Number.cents(value) else {
                throw malformed(
                    position, "\(Quote.value(value)) is not an amount in whole cents (such as 12, 12.5 or -12.34)")
            }
            return cents
        }
    }

    /// A required date, CCYYMMDD, that exists.
    func requiredDate(_ position: Int, _ what: String) throws -> RemittanceDate {
        try withElement(position) { value in
            guard !value.isEmpty else { throw missing(position, what) }
            guard let date = RemittanceDate(ccyymmdd: value) else {
                throw malformed(
                    position, "\(Quote.value(value)) is not a date that exists (CCYYMMDD, such as 20260315)")
            }
            return date
        }
    }

    /// An optional decimal number, exactly as written; nil when blank.
    func optionalDecimal(_ position: Int) throws -> Decimal? {
        try withElement(position) { value in
            if value.isEmpty { return nil }
            guard let number = X12Number.decimal(value) else {
                throw malformed(position, "\(Quote.value(value)) is not a number (such as 1, 1.5 or -1)")
            }
            return number
        }
    }

    /// A required count of segments, transactions or groups.
    func requiredCount(_ position: Int, _ what: String) throws -> Int {
        try withElement(position) { value in
            guard !value.isEmpty else { throw missing(position, what) }
            guard let count = X12Number.count(value) else {
                throw malformed(position, "\(Quote.value(value)) is not a count (digits only, such as 12)")
            }
            return count
        }
    }

    func missing(_ position: Int, _ what: String) -> X12Error {
        malformed(position, "\(what) is required and missing")
    }
}
