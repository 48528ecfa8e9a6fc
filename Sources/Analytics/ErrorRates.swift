import Codes
import GRDB

extension Analytics {
    /// The coding-accuracy rows of `month` (SPEC 5.1), over the audited
    /// encounters whose service date falls in it: the practice (key `ALL`),
    /// then each coder, provider and payer, then each code type, keys
    /// ascending within a dimension. A month with no audit gives no row.
    ///
    /// ```swift
    /// let practice = try analytics.errorRates(for: Month("2026-10")!).first
    /// print(practice?.codeAccuracy?.formatted(decimals: 4) ?? "")  // 0.9533
    /// ```
    ///
    /// - throws: any database error.
    public func errorRates(for month: Month) throws -> [ErrorRateRow] {
        // Findings are a small share of a month's encounters: read them with their
        // encounters rather than every encounter of the month (the report's pass).
        try database.read { db in
            var tallies = ErrorRateTallies()
            let schedule = try FeeSchedule(db, month: month)
            let rows = try Row.fetchCursor(
                db, sql: ReviewedCode.sql, arguments: [month.firstDay, month.nextFirstDay])
            while let row = try rows.next() { tallies.add(ReviewedCode(row, schedule: schedule)) }
            return tallies.rows(month: month)
        }
    }
}

/// The rows of `error_rates.csv` of one month, added up a finding at a time.
struct ErrorRateTallies {
    private var tallies: [AccuracyGroup: AccuracyTally] = [:]

    mutating func add(_ code: ReviewedCode) {
        for group in code.groups {
            tallies[group, default: AccuracyTally()].add(code)
        }
    }

    func rows(month: Month) -> [ErrorRateRow] {
        tallies.sorted { $0.key < $1.key }.map { $0.value.row(month: month, group: $0.key) }
    }
}

/// One row of `error_rates.csv` before it is computed: a dimension and a key.
struct AccuracyGroup: Hashable, Comparable {
    let dimension: ErrorRateRow.Dimension
    let key: String

    /// Dimensions in the order of SPEC 5.1, keys ascending; the code types
    /// CPT, HCPCS, ICD10, MOD happen to be in that order already.
    static func < (a: AccuracyGroup, b: AccuracyGroup) -> Bool {
        let order = ErrorRateRow.Dimension.allCases
        let (left, right) = (order.firstIndex(of: a.dimension)!, order.firstIndex(of: b.dimension)!)
        return left != right ? left < right : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
    }
}

/// A finding of the month, with what the accuracy figures need of its encounter.
struct ReviewedCode {
    let encounterID: Int64
    let coder: String
    let provider: String
    let payer: String
    let codeType: CodeType
    let agrees: Bool
    /// Nil on ICD10 and MOD rows and on a procedure row with a missing rate.
    let price: FindingPrice?

    /// Every finding of a month (the days `?`, `?`) with its encounter.
    static let sql = """
        SELECT e.id, e.coder, e.provider, e.payer,
               f.code_type, f.outcome, f.submitted_code, f.submitted_units, f.audited_code, f.audited_units,
               e.service_date
        FROM encounter e
        JOIN audit_finding f ON f.encounter_id = e.id
        WHERE e.service_date >= ? AND e.service_date < ?
        """

    /// A row of `sql`, priced by `schedule`.
    init(_ row: Row, schedule: FeeSchedule) {
        encounterID = row[0]
        coder = row[1]
        provider = row[2]
        payer = row[3]
        codeType = row[4]
        agrees = (row[5] as FindingOutcome) == .agree
        price = FindingPrice(
            codeType: codeType, submitted: (code: row[6], units: row[7]), audited: (code: row[8], units: row[9]),
            payer: payer, serviceDate: row[10], schedule: schedule)
    }

    /// A finding of `period`'s `encounter`, priced by the period's fee schedule.
    init(_ encounter: ServicePeriod.Encounter, _ finding: ServicePeriod.Finding, in period: ServicePeriod) {
        encounterID = encounter.id
        coder = period.coders.strings[encounter.coder]
        provider = period.providers.strings[encounter.provider]
        payer = period.payers.strings[encounter.payer]
        codeType = finding.codeType
        agrees = finding.outcome == .agree
        price = FindingPrice(
            codeType: codeType, submitted: finding.submitted, audited: finding.audited, payer: payer,
            serviceDate: period.serviceDate(of: encounter), schedule: period.schedule)
    }

    /// The practice's row, the one the summary shows.
    static let practice = AccuracyGroup(dimension: .practice, key: "ALL")

    /// The rows of `error_rates.csv` this finding counts in.
    var groups: [AccuracyGroup] {
        [
            Self.practice, AccuracyGroup(dimension: .coder, key: coder),
            AccuracyGroup(dimension: .provider, key: provider), AccuracyGroup(dimension: .payer, key: payer),
            AccuracyGroup(dimension: .codeType, key: codeType.rawValue),
        ]
    }
}

/// The counts and cents of one row of `error_rates.csv`, added up a finding at a time.
struct AccuracyTally {
    /// Whether each encounter's findings in the group all agree.
    var encounterAgrees: [Int64: Bool] = [:]
    var reviewed = 0
    var inError = 0
    /// Nil until a priced procedure row counts: money is blank without one.
    var money: (undercoded: Int64, overcoded: Int64, submitted: Int64)?

    mutating func add(_ code: ReviewedCode) {
        reviewed += 1
        if !code.agrees { inError += 1 }
        encounterAgrees[code.encounterID] = encounterAgrees[code.encounterID, default: true] && code.agrees
        guard let price = code.price else { return }
        var money = self.money ?? (0, 0, 0)
        let delta = price.deltaCents
        if delta > 0 { money.undercoded += delta } else { money.overcoded -= delta }
        money.submitted += price.submittedCents
        self.money = money
    }

    func row(month: Month, group: AccuracyGroup) -> ErrorRateRow {
        let audited = encounterAgrees.count
        let withErrors = encounterAgrees.values.filter { !$0 }.count
        return ErrorRateRow(
            month: month, dimension: group.dimension, key: group.key, encountersAudited: audited,
            encountersWithErrors: withErrors, encounterAccuracy: Ratio(audited - withErrors, audited),
            codesReviewed: reviewed, codesInError: inError, codeAccuracy: Ratio(reviewed - inError, reviewed),
            codeAccuracyInterval: WilsonInterval(successes: reviewed - inError, trials: reviewed),
            overcodedCents: money?.overcoded, undercodedCents: money?.undercoded,
            netCents: money.map { $0.undercoded - $0.overcoded },
            paymentErrorRate: money.flatMap { Ratio($0.overcoded + $0.undercoded, $0.submitted) })
    }
}
