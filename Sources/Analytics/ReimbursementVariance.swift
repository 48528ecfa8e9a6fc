import GRDB

extension Analytics {
    /// The rows of `reimbursement_variance.csv` (SPEC 5.4): what payers allowed
    /// against the fee schedule, for the lines whose service date is in `month`.
    ///
    /// One row per payer and procedure code, then one `ALL` row with the
    /// payer's totals; payers ascending, and within a payer codes ascending with
    /// `ALL` last. `lines`, `units` and `charge` count every line. A line with
    /// no allowed amount is pending and one without a rate (SPEC 3.3) is
    /// no-rate; a line can be both. Expected (rate × units), allowed, paid and
    /// variance sum over the comparable lines only, those with both a rate and
    /// an allowed amount; paid is the comparable lines' paid, a blank paid
    /// counting as 0. A line that remittances matched (SPEC 9) takes its
    /// remitted allowed and paid amounts instead of the export's.
    ///
    /// ```swift
    /// let rows = try analytics.reimbursementVariance(for: Month("2026-10")!, toleranceCents: 500)
    /// ```
    ///
    /// - parameter toleranceCents: How far allowed may fall below (or rise
    ///   above) expected, per line, before the line is underpaid (or
    ///   overpaid); `--tolerance`, 1.00 by default. Not negative.
    /// - throws: A database error when the store cannot be read.
    public func reimbursementVariance(
        for month: Month, toleranceCents: Int64 = 100
    ) throws -> [ReimbursementVarianceRow] {
        try database.read { db in
            let period = try ServicePeriod(db, months: month...month, worked: false)
            let remitted = try Reconciliation(db, months: month...month).lines
            var rates = RateCache(period.schedule)
            var variance = VarianceFigures(toleranceCents: toleranceCents)
            try period.forEachLine(db) { encounter, line in
                guard encounter.monthIndex == 0 else { return }
                variance.add(
                    PricedLine(line, of: encounter, in: period, remitted: remitted[line.id], rates: &rates),
                    payer: encounter.payer, code: line.code)
            }
            return variance.rows(month: month, payers: period.payers.strings, codes: period.codes.strings)
        }
    }
}

/// The rows of `reimbursement_variance.csv` of one month, added up a line at a time.
struct VarianceFigures {
    let toleranceCents: Int64
    /// By payer number.
    private var payers: [Int: PayerVariance] = [:]

    init(toleranceCents: Int64) {
        self.toleranceCents = toleranceCents
    }

    /// Adds a line of the payer and code numbered `payer` and `code`.
    mutating func add(_ line: PricedLine, payer: Int, code: Int) {
        payers[payer, default: PayerVariance()].add(line, code: code, toleranceCents: toleranceCents)
    }

    /// One row per payer and code, then the payer's `ALL` row; payers and codes
    /// named by `payers` and `codes`, each ascending.
    func rows(month: Month, payers payerNames: [String], codes codeNames: [String]) -> [ReimbursementVarianceRow] {
        payers.map { (name: payerNames[$0.key], variance: $0.value) }.sorted { $0.name < $1.name }.flatMap { payer in
            payer.variance.codes.map { (code: codeNames[$0.key], tally: $0.value) }.sorted { $0.code < $1.code }.map {
                $0.tally.row(month: month, payer: payer.name, procedureCode: $0.code)
            } + [payer.variance.total.row(month: month, payer: payer.name, procedureCode: "ALL")]
        }
    }
}

/// A line as the variance needs it; money in cents, nil when blank.
struct PricedLine {
    var units: Int
    var chargeCents: Int64?
    var allowedCents: Int64?
    var paidCents: Int64?
    var rateCents: Int64?
}

extension PricedLine {
    /// `line` of `period`'s `encounter`, priced by the period's fee schedule, with
    /// the remitted allowed and paid amounts in place of the export's when
    /// remittances matched it.
    init(
        _ line: ServicePeriod.Line, of encounter: ServicePeriod.Encounter, in period: ServicePeriod,
        remitted: RemittedLine?, rates: inout RateCache
    ) {
        self.init(
            units: line.units, chargeCents: line.chargeCents, allowedCents: remitted?.allowedCents ?? line.allowedCents,
            paidCents: remitted?.paidCents ?? line.paidCents,
            rateCents: rates.rate(line, of: encounter, in: period))
    }
}

/// One payer's figures: per code and in total.
private struct PayerVariance {
    /// By code number.
    var codes: [Int: VarianceTally] = [:]
    var total = VarianceTally()

    mutating func add(_ line: PricedLine, code: Int, toleranceCents: Int64) {
        codes[code, default: VarianceTally()].add(line, toleranceCents: toleranceCents)
        total.add(line, toleranceCents: toleranceCents)
    }
}

/// The running sums of one row, exact in cents.
struct VarianceTally {
    var lines = 0
    var units = 0
    var chargeCents: Int64?
    var comparableLines = 0
    var expectedCents: Int64 = 0
    var allowedCents: Int64 = 0
    var paidCents: Int64 = 0
    var underpaidLines = 0
    var underpaidCents: Int64 = 0
    var overpaidLines = 0
    var noRateLines = 0
    var pendingLines = 0

    mutating func add(_ line: PricedLine, toleranceCents: Int64) {
        lines += 1
        units += line.units
        if let charge = line.chargeCents { chargeCents = (chargeCents ?? 0) + charge }
        if line.allowedCents == nil { pendingLines += 1 }
        if line.rateCents == nil { noRateLines += 1 }
        guard let rate = line.rateCents, let allowed = line.allowedCents else { return }
        let expected = rate * Int64(line.units)
        comparableLines += 1
        expectedCents += expected
        allowedCents += allowed
        paidCents += line.paidCents ?? 0
        // Strictly beyond the tolerance: a line exactly at the edge is neither.
        if allowed < expected - toleranceCents {
            underpaidLines += 1
            underpaidCents += expected - allowed
        }
        if allowed > expected + toleranceCents { overpaidLines += 1 }
    }

    func row(month: Month, payer: String, procedureCode: String) -> ReimbursementVarianceRow {
        let comparable = comparableLines > 0
        let variance = allowedCents - expectedCents
        return ReimbursementVarianceRow(
            month: month, payer: payer, procedureCode: procedureCode, lines: lines, units: units,
            chargeCents: chargeCents, expectedCents: comparable ? expectedCents : nil,
            allowedCents: comparable ? allowedCents : nil, paidCents: comparable ? paidCents : nil,
            varianceCents: comparable ? variance : nil, varianceRate: comparable ? Ratio(variance, expectedCents) : nil,
            underpaidLines: underpaidLines, underpaidCents: comparable ? underpaidCents : nil,
            overpaidLines: overpaidLines, noRateLines: noRateLines, pendingLines: pendingLines)
    }
}
