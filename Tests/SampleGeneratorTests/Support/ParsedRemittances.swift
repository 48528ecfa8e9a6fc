import SampleGenerator

/// A service line of a parsed 835 claim.
struct ParsedLine {
    var code = "", modifiers: [String] = [], units = 1
    var charge: Int64 = 0, paid: Int64 = 0
    var allowed: Int64?
    var serviceDate: SampleDay?
    var adjustments: [(group: String, reason: String, cents: Int64)] = []

    func adjusted(_ group: String, _ reason: String? = nil) -> Int64 {
        adjustments.filter { $0.group == group && (reason == nil || $0.reason == reason) }.reduce(0) { $0 + $1.cents }
    }
}

/// A claim payment (CLP loop) of a parsed 835, with its payment's file, payer and date.
struct ParsedClaim {
    var file = "", payer = "", paymentDate = SampleDay(year: 1970, month: 1, day: 1)
    var id = "", status = "", filing = "", payerClaimNumber = "", patient = ""
    var charge: Int64 = 0, paid: Int64 = 0, patientResponsibility: Int64 = 0
    var serviceDate: SampleDay?
    var lines: [ParsedLine] = []
}

/// One transaction (ST…SE) of a parsed 835.
struct ParsedPayment {
    var file = "", payer = "", method = "", trace = "", payerID = ""
    var total: Int64 = 0
    var date = SampleDay(year: 1970, month: 1, day: 1)
    var claims: [ParsedClaim] = []
    var adjustments: [(reason: String, cents: Int64)] = []
}

/// Every 835 file of the default practice, split (X12Splitter) into payments and claims.
enum ParsedRemittances {
    /// The files' names.
    static let files = Fixture.files.keys.filter { $0.hasSuffix(".835") }.sorted()
    private static let parsed = files.map { parse(Fixture.files[$0]!, file: $0) }
    static let payments: [ParsedPayment] = parsed.flatMap(\.payments)
    static let claims = payments.flatMap(\.claims)
    /// Amounts not written as X12 amounts, by file and segment.
    static let problems = parsed.flatMap(\.problems)

    private static func parse(_ bytes: [UInt8], file: String) -> (payments: [ParsedPayment], problems: [String]) {
        var payments: [ParsedPayment] = []
        var problems: [String] = []
        func amount(_ element: [String], _ index: Int) -> Int64 {
            let cents = element.count > index ? X12Splitter.cents(element[index]) : nil
            if cents == nil { problems.append("\(file): \(element.joined(separator: "*")): \(index) is not an amount") }
            return cents ?? 0
        }
        for e in X12Splitter.segments(bytes) {
            switch (e[0], e.count > 1 ? e[1] : "") {
            case ("ST", _): payments.append(ParsedPayment(file: file))
            case ("BPR", _):
                payments[payments.count - 1].total = amount(e, 2)
                payments[payments.count - 1].method = e[4]
                payments[payments.count - 1].date = X12Splitter.day(e[16])!
            case ("TRN", _): (payments[payments.count - 1].trace, payments[payments.count - 1].payerID) = (e[2], e[3])
            case ("N1", "PR"): payments[payments.count - 1].payer = e[2]
            case ("CLP", _):
                let p = payments[payments.count - 1]
                payments[payments.count - 1].claims.append(
                    ParsedClaim(
                        file: file, payer: p.payer, paymentDate: p.date, id: e[1], status: e[2], filing: e[6],
                        payerClaimNumber: e[7], charge: amount(e, 3), paid: amount(e, 4),
                        patientResponsibility: amount(e, 5)))
            case ("NM1", "QC"): updateClaim(&payments) { $0.patient = "\(e[3]), \(e[4])" }
            case ("DTM", "232"): updateClaim(&payments) { $0.serviceDate = X12Splitter.day(e[2]) }
            case ("SVC", _):
                let composite = X12Splitter.components(e[1])
                if composite[0] != "HC" { problems.append("\(file): \(e.joined(separator: "*")): not HC") }
                let line = ParsedLine(
                    code: composite[1], modifiers: Array(composite.dropFirst(2)),
                    units: e.count > 5 ? Int(e[5])! : 1, charge: amount(e, 2), paid: amount(e, 3))
                updateClaim(&payments) { $0.lines.append(line) }
            case ("DTM", "472"): updateLine(&payments) { $0.serviceDate = X12Splitter.day(e[2]) }
            case ("CAS", _):
                let triplet = (group: e[1], reason: e[2], cents: amount(e, 3))
                updateLine(&payments) { $0.adjustments.append(triplet) }
            case ("AMT", "B6"):
                let allowed = amount(e, 2)
                updateLine(&payments) { $0.allowed = allowed }
            case ("PLB", _):
                let reason = X12Splitter.components(e[3])[0]
                payments[payments.count - 1].adjustments.append((reason, amount(e, 4)))
            default: break
            }
        }
        return (payments, problems)
    }

    private static func updateClaim(_ payments: inout [ParsedPayment], _ change: (inout ParsedClaim) -> Void) {
        let last = payments.count - 1
        change(&payments[last].claims[payments[last].claims.count - 1])
    }

    private static func updateLine(_ payments: inout [ParsedPayment], _ change: (inout ParsedLine) -> Void) {
        updateClaim(&payments) { change(&$0.lines[$0.lines.count - 1]) }
    }
}
