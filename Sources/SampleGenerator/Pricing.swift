/// One contract rate of the fee schedule.
public struct SampleFeeRate: Sendable, Equatable {
    /// A payer's name, or `*` for any payer without its own rate.
    public let payer: String
    public let code: String
    public let amountCents: Int64
    public let effectiveFrom: SampleDay
    /// Nil: open-ended.
    public let effectiveTo: SampleDay?
}

/// How a payer settled a line.
public enum Adjudication: String, Sendable {
    /// No remittance yet: no allowed or paid amount.
    case pending
    /// Allowed exactly the contract rate × units.
    case contract
    /// The planted underpayment: about 8% under the contract rate.
    case plantedUnderpayment
    /// Allowed short of the contract on this one claim (a payer error).
    case shortPaid
    /// Allowed above the contract on this one claim.
    case overpaid
    /// The code has no contract rate; the payer's own allowance.
    case noContractRate
    /// The planted denial: the payer denies the code every time (allowed and paid 0). Set after the
    /// line's draws, so that every other line draws as it did before the denial was planted.
    case denied
}

/// What a patient pays of the allowed amounts, by plan.
enum CostSharing: Sendable {
    /// A share of each line's allowed amount, but none on preventive services and vaccines.
    case coinsurance(perMille: Int)
    /// A fixed amount per claim, taken from its lines in order until it is used up.
    case copay(cents: Int64)
    /// Nothing.
    case none
    /// All of it (self-pay).
    case everything

    /// The patient's share of one line; `copayLeft` is what the claim's copay still has to take.
    func share(of allowed: Int64, code: String, copayLeft: inout Int64) -> Int64 {
        switch self {
        case .coinsurance(let perMille):
            return Pricing.preventive.contains(code) ? 0 : ProcedureCatalog.scaled(allowed, perMille: perMille)
        case .copay:
            let share = min(allowed, copayLeft)
            copayLeft -= share
            return share
        case .none: return 0
        case .everything: return allowed
        }
    }

    /// The copay a claim starts with.
    var copayCents: Int64 {
        if case .copay(let cents) = self { cents } else { 0 }
    }
}

/// The fee schedule, and what payers allow and pay on each line.
struct Pricing {
    private var random: SampleRandom
    /// The day the last month's remittances were exported: claims younger than
    /// a few weeks are still pending.
    let remittanceDay: SampleDay

    init(seed: UInt64, lastMonth: SampleMonth) {
        random = SampleRandom(seed: seed, stream: "pricing")
        remittanceDay = lastMonth.next.firstDay.adding(days: 6)
    }

    /// The practice's contract rates from January 1 of the first year: each
    /// payer's own, and `*` (the self-pay schedule) for payers without one.
    static func feeSchedule(from start: SampleDay) -> [SampleFeeRate] {
        let codes = ProcedureCatalog.referenceCents.keys.sorted()
        var rates: [SampleFeeRate] = []
        for payer in Roster.payers {
            let name = payer.kind == .selfPay ? "*" : payer.name
            for code in codes {
                let base = ProcedureCatalog.contractCents(code, payer: payer, on: start)!
                if let raise = payer.raise, raise.day > start {
                    rates.append(
                        SampleFeeRate(
                            payer: name, code: code, amountCents: base, effectiveFrom: start,
                            effectiveTo: raise.day.adding(days: -1)))
                    rates.append(
                        SampleFeeRate(
                            payer: name, code: code,
                            amountCents: ProcedureCatalog.contractCents(code, payer: payer, on: raise.day)!,
                            effectiveFrom: raise.day, effectiveTo: nil))
                } else {
                    rates.append(
                        SampleFeeRate(
                            payer: name, code: code, amountCents: base, effectiveFrom: start, effectiveTo: nil))
                }
            }
        }
        return rates
    }

    /// Prices an encounter's submitted lines: charge, and unless the claim is
    /// pending, allowed and paid.
    mutating func price(_ lines: [CodedLine], payer: SamplePayer, on day: SampleDay) -> [SampleLine] {
        let pending = random.chance(pendingPerMille(day))
        var copayLeft = payer.costSharing.copayCents
        return lines.map { line in
            let charge = ProcedureCatalog.chargeCents(line.code) * Int64(line.units)
            let rate = ProcedureCatalog.contractCents(line.code, payer: payer, on: day)
            guard !pending else {
                return SampleLine(line, charge: charge, rate: rate, allowed: nil, paid: nil, adjudication: .pending)
            }
            var (allowed, adjudication) = allowance(line, payer: payer, rate: rate, charge: charge)
            let denied = payer == Roster.denied.payer && line.code == Roster.denied.code
            if denied { (allowed, adjudication) = (0, .denied) }
            let share = payer.costSharing.share(of: allowed, code: line.code, copayLeft: &copayLeft)
            return SampleLine(
                line, charge: charge, rate: rate, allowed: allowed, paid: allowed - share, adjudication: adjudication)
        }
    }

    private mutating func allowance(_ line: CodedLine, payer: SamplePayer, rate: Int64?, charge: Int64) -> (
        Int64, Adjudication
    ) {
        guard let rate else { return (ProcedureCatalog.scaled(charge, perMille: 300), .noContractRate) }
        let expected = rate * Int64(line.units)
        if payer == Roster.underpaid.payer && line.code == Roster.underpaid.code {
            return (ProcedureCatalog.scaled(expected, perMille: Roster.underpaid.allowedPerMille), .plantedUnderpayment)
        }
        if expected >= 1_000, random.chance(6) {
            return (ProcedureCatalog.scaled(expected, perMille: random.int(in: 550...900)), .shortPaid)
        }
        if expected >= 1_000, random.chance(2) {
            return (ProcedureCatalog.scaled(expected, perMille: random.int(in: 1040...1100)), .overpaid)
        }
        return (expected, .contract)
    }

    /// Claims of the last weeks are mostly unpaid; a few older ones are stuck.
    private func pendingPerMille(_ day: SampleDay) -> Int {
        let age = remittanceDay.ordinal - day.ordinal
        return age < 21 ? 650 : age < 35 ? 250 : age < 60 ? 40 : 8
    }

    /// Preventive services and vaccines: no patient share.
    static let preventive: Set = [
        "G0438", "G0439", "G0444", "90686", "90471", "99385", "99386", "99387", "99395", "99396", "99397",
    ]
}
