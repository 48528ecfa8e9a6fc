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
            try Self.reimbursementVariance(
                db, month: month, toleranceCents: toleranceCents, remitted: Reconciliation(db, month: month).lines)
        }
    }

    /// The variance rows, with the month's remitted lines already reconciled.
    static func reimbursementVariance(
        _ db: Database, month: Month, toleranceCents: Int64, remitted: [Int64: RemittedLine]
    ) throws -> [ReimbursementVarianceRow] {
        var payers: [String: PayerVariance] = [:]
        let schedule = try FeeSchedule(db, month: month)
        let cursor = try Row.fetchCursor(db, sql: monthLinesSQL, arguments: [month.firstDay, month.nextFirstDay])
        while let row = try cursor.next() {
            let payer: String = row[0]
            let code: String = row[1]
            let modifiers = [row[7], row[8], row[9], row[10]].compactMap { $0 as String? }
            let remittance = remitted[row[11] as Int64]
            let line = PricedLine(
                units: row[2], chargeCents: row[3], allowedCents: remittance?.allowedCents ?? row[4],
                paidCents: remittance?.paidCents ?? row[5],
                rateCents: schedule.rate(payer: payer, code: code, modifiers: modifiers, on: row[6]))
            payers[payer, default: PayerVariance()].add(line, code: code, toleranceCents: toleranceCents)
        }
        return payers.keys.sorted().flatMap { payer in
            let variance = payers[payer]!
            return variance.codes.keys.sorted().map { code in
                variance.codes[code]!.row(month: month, payer: payer, procedureCode: code)
            } + [variance.total.row(month: month, payer: payer, procedureCode: "ALL")]
        }
    }
}

/// The month's lines with their payer, code, units, money, service date and
/// modifiers: one pass over the month's encounters (by the service-date
/// index); each line is then priced by the fee schedule's look-up.
private let monthLinesSQL = """
    SELECT e.payer, l.procedure_code, l.units,
           l.charge_cents, l.allowed_cents, l.paid_cents, e.service_date,
           l.modifier_1, l.modifier_2, l.modifier_3, l.modifier_4, l.id
    FROM encounter e
    JOIN encounter_line l ON l.encounter_id = e.id
    WHERE e.service_date >= ? AND e.service_date < ?
    """

/// A line as the variance needs it; money in cents, nil when blank.
struct PricedLine {
    var units: Int
    var chargeCents: Int64?
    var allowedCents: Int64?
    var paidCents: Int64?
    var rateCents: Int64?
}

/// One payer's figures: per code and in total.
private struct PayerVariance {
    var codes: [String: VarianceTally] = [:]
    var total = VarianceTally()

    mutating func add(_ line: PricedLine, code: String, toleranceCents: Int64) {
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
