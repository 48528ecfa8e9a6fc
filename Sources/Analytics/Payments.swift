import GRDB

/// One row of `payments.csv` (SPEC 9.1): a payer's month as its remittances tell it.
public struct PaymentRow: Sendable, Equatable {
    public var month: Month
    /// As the encounters name it; an 835's N1*PR name on rows of unmatched claims; `ALL` last.
    public var payer: String
    public var lines: Int
    public var remittedLines: Int
    /// The encounter lines' charge; nil when none has one.
    public var chargeCents: Int64?
    /// Remitted sums over the remitted lines; nil when there is none.
    public var allowedCents: Int64?
    public var paidCents: Int64?
    public var patientResponsibilityCents: Int64?
    public var deniedLines: Int
    /// denied / remitted lines.
    public var denialRate: Ratio?
    /// The encounter charge of denied lines: 0 when remitted lines were none denied, nil when none was remitted.
    public var deniedChargeCents: Int64?
    public var medianDaysToPayment: Ratio?
    public var p90DaysToPayment: Int?
    public var unmatchedClaims: Int

    public init(
        month: Month, payer: String, lines: Int, remittedLines: Int, chargeCents: Int64?, allowedCents: Int64?,
        paidCents: Int64?, patientResponsibilityCents: Int64?, deniedLines: Int, denialRate: Ratio?,
        deniedChargeCents: Int64?, medianDaysToPayment: Ratio?, p90DaysToPayment: Int?, unmatchedClaims: Int
    ) {
        self.month = month
        self.payer = payer
        self.lines = lines
        self.remittedLines = remittedLines
        self.chargeCents = chargeCents
        self.allowedCents = allowedCents
        self.paidCents = paidCents
        self.patientResponsibilityCents = patientResponsibilityCents
        self.deniedLines = deniedLines
        self.denialRate = denialRate
        self.deniedChargeCents = deniedChargeCents
        self.medianDaysToPayment = medianDaysToPayment
        self.p90DaysToPayment = p90DaysToPayment
        self.unmatchedClaims = unmatchedClaims
    }
}

/// One row of `denials.csv` (SPEC 9.2): one payer's denials for one reason.
public struct DenialRow: Sendable, Equatable {
    public var month: Month
    public var payer: String
    /// `CO-97`.
    public var reason: String
    public var deniedLines: Int
    /// Encounters with a line denied for this reason.
    public var deniedClaims: Int
    /// Nil when no denied line has a charge.
    public var deniedChargeCents: Int64?
    /// denied lines / the payer's denied lines of the month.
    public var shareOfDenied: Ratio?

    public init(
        month: Month, payer: String, reason: String, deniedLines: Int, deniedClaims: Int, deniedChargeCents: Int64?,
        shareOfDenied: Ratio?
    ) {
        self.month = month
        self.payer = payer
        self.reason = reason
        self.deniedLines = deniedLines
        self.deniedClaims = deniedClaims
        self.deniedChargeCents = deniedChargeCents
        self.shareOfDenied = shareOfDenied
    }
}

extension Analytics {
    /// The rows of `payments.csv` for the lines whose service date is in `month`:
    /// one per payer (the encounters' payers, and the 835 payer names of claims
    /// that match no encounter), ascending, then `ALL`.
    ///
    /// - throws: A database error when the store cannot be read.
    public func payments(for month: Month) throws -> [PaymentRow] {
        try database.read { db in try PaymentFigures(db, month: month).paymentRows() }
    }

    /// The rows of `denials.csv` for `month`: one per payer and denial reason,
    /// by payer, then denied charge descending, then reason.
    ///
    /// - throws: A database error when the store cannot be read.
    public func denials(for month: Month) throws -> [DenialRow] {
        try database.read { db in
            // A denial is a remitted line's: a month whose lines no remittance matched has none.
            let reconciliation = try Reconciliation(db, months: month...month)
            guard !reconciliation.lines.isEmpty else { return [] }
            return try PaymentFigures(db, month: month, reconciliation: reconciliation).denialRows()
        }
    }
}

/// The month's encounter lines with what was remitted for them, by payer.
struct PaymentFigures {
    let month: Month
    private var payers: [String: PayerPayments] = [:]
    private var unmatched: [String: Int] = [:]

    /// The figures of `month` alone, reconciled on their own.
    init(_ db: Database, month: Month) throws {
        try self.init(db, month: month, reconciliation: Reconciliation(db, months: month...month))
    }

    /// The figures of `month` alone, with its reconciliation read already.
    init(_ db: Database, month: Month, reconciliation: Reconciliation) throws {
        let period = try ServicePeriod(db, months: month...month, worked: false)
        var tally = PaymentTally()
        try period.forEachLine(db) { encounter, line in
            guard encounter.monthIndex == 0 else { return }
            tally.add(encounter: encounter, line: line, remitted: reconciliation.lines[line.id])
        }
        try self.init(db, month: month, tally: tally, payers: period.payers.strings)
    }

    /// The figures of `month` from its lines' tally, whose payer numbers name `payers`.
    init(_ db: Database, month: Month, tally: PaymentTally, payers names: [String]) throws {
        self.month = month
        for (number, payer) in tally.payers { payers[names[number]] = payer }
        unmatched = try Reconciliation.unmatchedClaims(db, month: month)
    }

    func paymentRows() -> [PaymentRow] {
        var all = PayerPayments()
        let names = Set(payers.keys).union(unmatched.keys).sorted()
        var rows: [PaymentRow] = names.map { name in
            var payer = payers[name] ?? PayerPayments()
            payer.unmatchedClaims = unmatched[name] ?? 0
            all.merge(payer)
            return payer.row(month: month, payer: name)
        }
        if !rows.isEmpty { rows.append(all.row(month: month, payer: "ALL")) }
        return rows
    }

    func denialRows() -> [DenialRow] {
        payers.keys.sorted().flatMap { name in
            let payer = payers[name]!
            return payer.denials.map { reason, tally in
                DenialRow(
                    month: month, payer: name, reason: reason, deniedLines: tally.lines,
                    deniedClaims: tally.encounters.count, deniedChargeCents: tally.chargeCents,
                    shareOfDenied: Ratio(tally.lines, payer.deniedLines))
            }.sorted { ($0.deniedChargeCents ?? 0, $1.reason) > ($1.deniedChargeCents ?? 0, $0.reason) }
        }
    }
}

/// A month's lines added up by payer number, with what was remitted for each.
struct PaymentTally {
    fileprivate private(set) var payers: [Int: PayerPayments] = [:]

    mutating func add(encounter: ServicePeriod.Encounter, line: ServicePeriod.Line, remitted: RemittedLine?) {
        payers[encounter.payer, default: PayerPayments()].add(
            encounter: encounter.id, charge: line.chargeCents, remitted: remitted)
    }
}

/// One payer's running figures, exact in cents.
private struct PayerPayments {
    var lines = 0
    var chargeCents: Int64?
    var remittedLines = 0
    var allowedCents: Int64 = 0
    var paidCents: Int64 = 0
    var patientCents: Int64 = 0
    var deniedLines = 0
    var deniedChargeCents: Int64 = 0
    var days: [Int64] = []
    var unmatchedClaims = 0
    var denials: [String: (lines: Int, encounters: Set<Int64>, chargeCents: Int64?)] = [:]

    mutating func add(encounter: Int64, charge: Int64?, remitted: RemittedLine?) {
        lines += 1
        if let charge { chargeCents = (chargeCents ?? 0) + charge }
        guard let remitted else { return }
        remittedLines += 1
        allowedCents += remitted.allowedCents
        paidCents += remitted.paidCents
        patientCents += remitted.patientResponsibilityCents
        if let days = remitted.daysToPayment { self.days.append(Int64(days)) }
        guard let reason = remitted.denialReason else { return }
        deniedLines += 1
        deniedChargeCents += charge ?? 0
        var tally = denials[reason] ?? (0, [], nil)
        tally.lines += 1
        tally.encounters.insert(encounter)
        if let charge { tally.chargeCents = (tally.chargeCents ?? 0) + charge }
        denials[reason] = tally
    }

    mutating func merge(_ other: PayerPayments) {
        lines += other.lines
        if let charge = other.chargeCents { chargeCents = (chargeCents ?? 0) + charge }
        remittedLines += other.remittedLines
        allowedCents += other.allowedCents
        paidCents += other.paidCents
        patientCents += other.patientCents
        deniedLines += other.deniedLines
        deniedChargeCents += other.deniedChargeCents
        days += other.days
        unmatchedClaims += other.unmatchedClaims
    }

    func row(month: Month, payer: String) -> PaymentRow {
        let remitted = remittedLines > 0
        let sorted = days.sorted()
        return PaymentRow(
            month: month, payer: payer, lines: lines, remittedLines: remittedLines, chargeCents: chargeCents,
            allowedCents: remitted ? allowedCents : nil, paidCents: remitted ? paidCents : nil,
            patientResponsibilityCents: remitted ? patientCents : nil, deniedLines: deniedLines,
            denialRate: Ratio(deniedLines, remittedLines), deniedChargeCents: remitted ? deniedChargeCents : nil,
            medianDaysToPayment: TurnaroundDays.median(sorted), p90DaysToPayment: TurnaroundDays.p90(sorted),
            unmatchedClaims: unmatchedClaims)
    }
}
