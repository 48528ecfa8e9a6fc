import GRDB

/// What payers remitted for one encounter line (SPEC 9), summed over every
/// claim payment that matched it (a reversal's negative amounts included).
public struct RemittedLine: Sendable, Equatable {
    /// Σ AMT*B6 of each payment, or its SVC03 + patient responsibility where it gives none.
    public var allowedCents: Int64 = 0
    /// Σ SVC03.
    public var paidCents: Int64 = 0
    /// Σ PR adjustments.
    public var patientResponsibilityCents: Int64 = 0
    /// `CO-97`: the group and reason of the largest CO, OA or PI adjustment whose
    /// reason is not 45, when nothing was paid; nil when the line is not denied.
    public var denialReason: String?
    /// Days from the service date to BPR16 of the first payment (in import order)
    /// that adjudicated the line.
    public var daysToPayment: Int?
}

/// The month's remittances matched to its encounter lines: per line what was
/// remitted, and the claims that name no encounter.
struct Reconciliation {
    /// Keyed by `encounter_line.id`; only lines that a remittance matched.
    var lines: [Int64: RemittedLine] = [:]

    /// Matches every claim payment of the month's encounters to their lines, in
    /// import order: a claim to the encounter whose id is its CLP01 (letter case
    /// ignored); a service line to an encounter line of that encounter with the
    /// same code as billed (SVC06's when given, else SVC01's), the same modifiers
    /// (in any order) and service date, the one with the same charge first, each
    /// encounter line at most once per claim payment.
    init(_ db: Database, month: Month) throws {
        try self.init(db, months: month...month)
    }

    /// The reconciliation of each of `months`, in one go: what each month's
    /// own reconciliation gives its lines, since a claim matches the lines of
    /// one encounter, and an adjustment counts once per matching encounter of
    /// the line's month, as it does in that month's own reconciliation.
    init(_ db: Database, months: ClosedRange<Month>) throws {
        // A store without remittances (or before its first 835) has nothing to match.
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM remittance_claim)")! else { return }
        let days: StatementArguments = [months.lowerBound.firstDay, months.upperBound.nextFirstDay]
        let encounterLines = try Self.encounterLines(db, days: days)
        var adjustments: [AdjustmentKey: [(group: String, reason: String, cents: Int64)]] = [:]
        var denialCandidates: [Int64: [(reason: String, cents: Int64)]] = [:]
        let adjustmentRows = try Row.fetchCursor(db, sql: Self.adjustmentsSQL, arguments: days)
        while let row = try adjustmentRows.next() {
            adjustments[AdjustmentKey(month: row[4], line: row[0]), default: []].append((row[1], row[2], row[3]))
        }
        var claimID: Int64 = -1
        var used: Set<Int64> = []
        let remitted = try Row.fetchCursor(db, sql: Self.remittedLinesSQL, arguments: days)
        while let row = try remitted.next() {
            let claim: Int64 = row[0]
            if claim != claimID {
                claimID = claim
                used = []
            }
            let lineID: Int64 = row[1]
            let encounter: Int64 = row[2]
            let code: String = row[3]
            let modifiers = Self.modifiers(row[4])
            let date: String? = row[5]
            let candidates = (encounterLines[encounter] ?? []).filter { line in
                !used.contains(line.id) && line.code == code && line.modifiers == modifiers
                    && (date == nil || date == line.serviceDate)
            }
            let charge: Int64 = row[6]
            guard let match = candidates.first(where: { $0.chargeCents == charge }) ?? candidates.first else {
                continue
            }
            used.insert(match.id)
            let lineAdjustments = adjustments[AdjustmentKey(month: row[10], line: lineID)] ?? []
            let paid: Int64 = row[7]
            let patientShare = lineAdjustments.filter { $0.group == "PR" }.reduce(0) { $0 + $1.cents }
            var line = lines[match.id] ?? RemittedLine()
            line.paidCents += paid
            line.patientResponsibilityCents += patientShare
            line.allowedCents += (row[8] as Int64?) ?? (paid + patientShare)
            if line.daysToPayment == nil { line.daysToPayment = row[9] }
            lines[match.id] = line
            denialCandidates[match.id, default: []] += lineAdjustments.filter {
                ["CO", "OA", "PI"].contains($0.group) && $0.reason != "45"
            }.map { ("\($0.group)-\($0.reason)", $0.cents) }
        }
        for (id, candidates) in denialCandidates where lines[id]?.paidCents == 0 {
            // The largest adjustment, the first in import order on a tie.
            var largest: (reason: String, cents: Int64)?
            for candidate in candidates where largest == nil || candidate.cents > largest!.cents {
                largest = candidate
            }
            lines[id]?.denialReason = largest?.reason
        }
    }

    /// The claims of the month (by their service date) whose CLP01 names no
    /// stored encounter, counted by the payer their 835 names (N1*PR).
    static func unmatchedClaims(_ db: Database, month: Month) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT p.payer_name, COUNT(*) FROM remittance_claim c
                JOIN remittance_payment p ON p.id = c.payment_id
                WHERE c.service_date >= ? AND c.service_date < ?
                  AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.external_id = c.patient_control_number
                                                               COLLATE NOCASE)
                GROUP BY p.payer_name
                """, arguments: [month.firstDay, month.nextFirstDay])
        {
            counts[row[0]] = row[1]
        }
        return counts
    }

    /// An encounter line as matching needs it.
    private struct EncounterLine {
        var id: Int64
        var code: String
        var modifiers: [String]
        var serviceDate: String
        var chargeCents: Int64?
    }

    /// A remittance line's adjustments, as read with the encounters of one service month.
    private struct AdjustmentKey: Hashable {
        var month: String
        var line: Int64
    }

    /// The encounter lines of the days `days` (first, next first) by encounter row id, in line order.
    private static func encounterLines(_ db: Database, days: StatementArguments) throws -> [Int64: [EncounterLine]] {
        var lines: [Int64: [EncounterLine]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.id, l.id, l.procedure_code, l.modifier_1, l.modifier_2, l.modifier_3, l.modifier_4,
                       e.service_date, l.charge_cents
                FROM encounter e JOIN encounter_line l ON l.encounter_id = e.id
                WHERE e.service_date >= ? AND e.service_date < ?
                  AND EXISTS (SELECT 1 FROM remittance_claim c WHERE c.patient_control_number = e.external_id
                                                                COLLATE NOCASE)
                ORDER BY e.id, l.source_line, l.id
                """, arguments: days)
        while let row = try rows.next() {
            let modifiers = [row[3], row[4], row[5], row[6]].compactMap { $0 as String? }.sorted()
            lines[row[0], default: []].append(
                EncounterLine(id: row[1], code: row[2], modifiers: modifiers, serviceDate: row[7], chargeCents: row[8]))
        }
        return lines
    }

    /// Stored modifiers (space-separated) in the order matching compares them.
    private static func modifiers(_ stored: String) -> [String] {
        stored.split(separator: " ").map(String.init).sorted()
    }

    /// The service lines of claim payments naming the month's encounters, in
    /// import order: claim, line, encounter, code and modifiers as billed,
    /// service date, charge, paid, allowed, days from service to payment, the encounter's service month.
    private static let remittedLinesSQL = """
        SELECT c.id, rl.id, e.id, COALESCE(rl.billed_code, rl.procedure_code),
               COALESCE(rl.billed_modifiers, rl.modifiers), COALESCE(rl.service_date, c.service_date),
               rl.charge_cents, rl.paid_cents, rl.allowed_cents,
               CAST(round(julianday(p.payment_date) - julianday(e.service_date)) AS INTEGER),
               substr(e.service_date, 1, 7)
        FROM encounter e
        JOIN remittance_claim c ON c.patient_control_number = e.external_id COLLATE NOCASE
        JOIN remittance_payment p ON p.id = c.payment_id
        JOIN remittance_line rl ON rl.claim_id = c.id
        WHERE e.service_date >= ? AND e.service_date < ?
        ORDER BY p.batch_id, p.id, c.id, rl.position
        """

    /// The line-level adjustments of those service lines, in file order, with the
    /// service month of the encounter they were read with.
    private static let adjustmentsSQL = """
        SELECT a.line_id, a.group_code, a.reason_code, a.amount_cents, substr(e.service_date, 1, 7)
        FROM encounter e
        JOIN remittance_claim c ON c.patient_control_number = e.external_id COLLATE NOCASE
        JOIN remittance_adjustment a ON a.claim_id = c.id AND a.line_id IS NOT NULL
        WHERE e.service_date >= ? AND e.service_date < ?
        ORDER BY a.id
        """
}
