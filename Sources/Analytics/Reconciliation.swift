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

/// The remittances of a run of months matched to their encounter lines: per
/// line what was remitted, and the claims that name no encounter.
///
/// Read in four passes, none of which joins remittance rows back to their
/// claims: the claims of the months' encounters (each with the encounter it
/// belongs to and its payment), the lines of those encounters, the claims'
/// service lines (put in import order), and their line adjustments; then
/// matched. Months holding a third of the store's encounters read every row of
/// each table and pass over those of other claims; fewer (a month of a larger
/// store) find their rows through the indexes. Codes, modifiers and dates are
/// numbered as they are read, so that a year of a store's lines is held in a
/// few bytes each.
struct Reconciliation {
    /// What was remitted for each encounter line a remittance matched, by the line's row id.
    struct RemittedLines {
        fileprivate var positions = RowPositions([])
        fileprivate var figures: [Figures] = []
        fileprivate var reasons: [String] = []
        fileprivate(set) var isEmpty = true

        /// The line with row id `id`, nil when no remittance matched it.
        subscript(id: Int64) -> RemittedLine? {
            guard let position = positions[id] else { return nil }
            let line = figures[Int(position)]
            guard line.matched else { return nil }
            return RemittedLine(
                allowedCents: line.allowedCents, paidCents: line.paidCents,
                patientResponsibilityCents: line.patientResponsibilityCents,
                denialReason: line.denialReason >= 0 ? reasons[Int(line.denialReason)] : nil,
                daysToPayment: line.daysToPayment == .min ? nil : Int(line.daysToPayment))
        }

        /// A `RemittedLine` in 40 bytes: the reason numbered in `reasons` (−1: none), no days as `.min`.
        fileprivate struct Figures {
            var allowedCents: Int64 = 0
            var paidCents: Int64 = 0
            var patientResponsibilityCents: Int64 = 0
            var daysToPayment: Int32 = .min
            var denialReason: Int32 = -1
            var matched = false
        }
    }

    /// Only lines that a remittance matched.
    var lines = RemittedLines()

    /// Matches every claim payment of the month's encounters to their lines, in
    /// import order (see `init(_:months:)`).
    init(_ db: Database, month: Month) throws {
        try self.init(db, months: month...month)
    }

    /// Matches every claim payment of the encounters serviced in `months` to
    /// their lines, in import order: a claim to the encounter whose id is its
    /// CLP01 (letter case ignored; of two ids that differ only in letter case,
    /// the one written as CLP01, else the one stored first); a service line to
    /// an encounter line of that encounter with the same code as billed (SVC06's
    /// when given, else SVC01's), the same modifiers (in any order) and service
    /// date, the one with the same charge first, each encounter line at most once
    /// per claim payment. A month's lines get what its own reconciliation gives them.
    ///
    /// `readingAll`, when given, says whether every row is read (as for months
    /// holding a third of the store's encounters) or the months' rows are found
    /// through the indexes, in place of the months' share.
    init(_ db: Database, months: ClosedRange<Month>, readingAll: Bool? = nil) throws {
        // A store without remittances (or before its first 835) has nothing to match.
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM remittance_claim)")! else { return }
        let days: StatementArguments = ["first": months.lowerBound.firstDay, "next": months.upperBound.nextFirstDay]
        guard let count = try ServicePeriod.servicedCount(db, days: days) else { return }
        let readingAll = readingAll ?? count.holdsAThird
        let texts = Interner()
        let claims =
            try readingAll && Self.fewEncountersPerClaim(db)
            ? Claims(db, readingAllOf: months, texts: texts) : Claims(db, days: days, texts: texts)
        guard !claims.owners.isEmpty else { return }
        // Of the claims' rows, those of the period's claims: the claims through the encounters'
        // service dates, their rows through the claim index; else all, the others passed over.
        let filter = readingAll ? "" : "WHERE x.claim_id IN (\(Self.periodClaims))"
        let arguments: StatementArguments = readingAll ? [] : days
        var encounterLines = try EncounterLines(
            db, days: days, readingAll: readingAll, claims: claims, texts: texts)
        var remitted = try RemittanceLines(
            db, filter: filter, arguments: arguments, claims: claims, texts: texts,
            expected: Self.expectedRows(of: "remittance_line", per: "remittance_claim", claims.owners.count, db))
        var figures = [RemittedLines.Figures](repeating: .init(), count: encounterLines.count)
        var denialCandidates: [Int32: [DenialCandidate]] = [:]
        var used: [Int32] = []
        var claimIndex: Int32 = -1
        for index in remitted.order {
            let line = remitted.lines[Int(index)]
            if line.claim != claimIndex {
                claimIndex = line.claim
                used.removeAll(keepingCapacity: true)
            }
            let claim = claims.owners[Int(line.claim)]
            let date = line.serviceDate >= 0 ? line.serviceDate : claim.serviceDate
            if date >= 0, date != claim.encounterServiceDate { continue }
            guard
                let match = encounterLines.match(
                    encounter: claim.encounter, code: line.code, modifiers: line.modifiers,
                    chargeCents: line.chargeCents, unless: used)
            else { continue }
            used.append(match)
            let patientShare = remitted.patientShare[Int(index)]
            var matched = figures[Int(match)]
            matched.matched = true
            matched.paidCents += line.paidCents
            matched.patientResponsibilityCents += patientShare
            matched.allowedCents += line.allowedCents == .min ? line.paidCents + patientShare : line.allowedCents
            if matched.daysToPayment == .min, claim.paymentDay != .min {
                matched.daysToPayment = Int32(clamping: claim.paymentDay - claim.encounterServiceDay)
            }
            figures[Int(match)] = matched
            if let candidates = remitted.denialCandidates[index] {
                denialCandidates[match, default: []] += candidates
            }
        }
        remitted = RemittanceLines()
        let reasons = Interner()
        for (position, candidates) in denialCandidates where figures[Int(position)].paidCents == 0 {
            // The largest adjustment, the first in import order on a tie.
            var largest: DenialCandidate?
            for candidate in candidates where largest == nil || candidate.cents > largest!.cents {
                largest = candidate
            }
            if let largest { figures[Int(position)].denialReason = Int32(reasons.number(largest.reason)) }
        }
        lines.isEmpty = !figures.contains { $0.matched }
        lines.positions = encounterLines.takePositions()
        lines.figures = figures
        lines.reasons = reasons.strings
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

    /// The claims naming an encounter serviced between `:first` and `:next`
    /// (maybe one of two ids that differ in letter case only): from the date
    /// index, then the claims' index of CLP01 ignoring case.
    private static let periodClaims = """
        SELECT c.id FROM encounter e
        CROSS JOIN remittance_claim c ON c.patient_control_number = e.external_id COLLATE NOCASE
        WHERE e.service_date >= :first AND e.service_date < :next
        """

    /// The claims that belong to an encounter serviced in the period, in import order.
    private struct Claims {
        struct Claim {
            var id: Int64
            var encounter: Int64
            var batch: Int64
            var payment: Int64
            var encounterServiceDay: Int64
            /// BPR16 as a day number; `.min` when the payment has none.
            var paymentDay: Int64
            /// Numbered in the reconciliation's texts.
            var encounterServiceDate: Int32
            /// DTM*232, for the service lines without a date of their own; −1 when none.
            var serviceDate: Int32
        }

        /// By batch, payment and claim id: the order their 835s were imported in.
        private(set) var owners: [Claim] = []
        /// Claim id → index in `owners`.
        private(set) var positions = RowPositions([])

        /// The claims of the encounters serviced between `:first` and `:next` (`days`): the
        /// period's encounters from the date index, each looked up in the claims' index.
        init(_ db: Database, days: StatementArguments, texts: Interner) throws {
            let rows = try RawRows(
                db,
                sql: """
                    SELECT c.id, e.id, e.service_date, c.patient_control_number = e.external_id,
                           c.patient_control_number, c.service_date, p.payment_date, p.batch_id, p.id
                    FROM encounter e
                    CROSS JOIN remittance_claim c ON c.patient_control_number = e.external_id COLLATE NOCASE
                    JOIN remittance_payment p ON p.id = c.payment_id
                    WHERE e.service_date >= :first AND e.service_date < :next
                    """, arguments: days)
            // Written otherwise than the encounter's id: the claim is another encounter's when one is
            // written as CLP01, or when one equal to it ignoring case was stored before.
            let owner = try Self.owner(db)
            while try rows.next() {
                let encounter = rows.int64(1)
                if rows.int64(3) == 0 {
                    let number = rows.string(4)
                    guard try Int64.fetchOne(owner, arguments: [number, number]) == encounter else { continue }
                }
                owners.append(
                    Claim(
                        id: rows.int64(0), encounter: encounter, batch: rows.int64(7), payment: rows.int64(8),
                        encounterServiceDay: CivilDay.number(rows.bytes(2)),
                        paymentDay: rows.isNull(6) ? .min : CivilDay.number(rows.bytes(6)),
                        encounterServiceDate: Int32(texts.number(rows.bytes(2))),
                        serviceDate: rows.isNull(5) ? -1 : Int32(texts.number(rows.bytes(5)))))
            }
            sortIntoImportOrder()
        }

        /// The claims of the encounters serviced in `months`, when they hold a third of the
        /// store and it holds a claim for every two encounters or more: every encounter's id
        /// read in turn, and every claim's CLP01 looked up among them in memory, the owner
        /// picked as `init(_:days:texts:)` picks it (the encounter written exactly as CLP01,
        /// else the one stored first of those equal to it ignoring case). A claim looked up in
        /// the encounters' index ignoring case, and its encounter read by row id, cost SQLite
        /// about 12,000 instructions.
        init(_ db: Database, readingAllOf months: ClosedRange<Month>, texts: Interner) throws {
            let (first, next) = (Array(months.lowerBound.firstDay.utf8), Array(months.upperBound.nextFirstDay.utf8))
            // Every encounter, in row id order, by its id folded as NOCASE folds it (ASCII letters
            // only): with the first of each folded id (the one stored first), and how many share it.
            let foldedIDs = Interner()
            var encounters: [(id: Int64, day: Int64, date: Int32, inPeriod: Bool)] = []
            var firstOfFolded: [Int32] = []
            var sharing: [Int32] = []
            var folded: [UInt8] = []
            func withFolded<T>(_ text: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
                folded.removeAll(keepingCapacity: true)
                for byte in text { folded.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) }
                return folded.withUnsafeBufferPointer(body)
            }
            let rows = try RawRows(db, sql: "SELECT id, external_id, service_date FROM encounter", arguments: [])
            while try rows.next() {
                let date = rows.bytes(2)
                let inPeriod = !date.lexicographicallyPrecedes(first) && date.lexicographicallyPrecedes(next)
                encounters.append(
                    (
                        rows.int64(0), inPeriod ? CivilDay.number(date) : 0,
                        inPeriod ? Int32(texts.number(date)) : -1, inPeriod
                    ))
                let key = withFolded(rows.bytes(1), foldedIDs.number)
                if key == firstOfFolded.count {
                    firstOfFolded.append(Int32(encounters.count - 1))
                    sharing.append(0)
                }
                sharing[key] += 1
            }
            var payments: [Int64: (day: Int64, batch: Int64)] = [:]
            let paymentRows = try RawRows(
                db, sql: "SELECT id, payment_date, batch_id FROM remittance_payment", arguments: [])
            while try paymentRows.next() {
                payments[paymentRows.int64(0)] = (
                    paymentRows.isNull(1) ? .min : CivilDay.number(paymentRows.bytes(1)), paymentRows.int64(2)
                )
            }
            let claims = try RawRows(
                db, sql: "SELECT id, patient_control_number, service_date, payment_id FROM remittance_claim",
                arguments: [])
            while try claims.next() {
                guard let key = withFolded(claims.bytes(1), foldedIDs.existingNumber) else { continue }
                var owner = Int(firstOfFolded[key])
                if sharing[key] > 1 {
                    // Ids that differ only in letter case (rare): the owner as the indexes pick it.
                    let number = claims.string(1)
                    guard let id = try Int64.fetchOne(Self.owner(db), arguments: [number, number]) else { continue }
                    var (low, high) = (0, encounters.count)
                    while low < high {
                        let middle = (low + high) / 2
                        if encounters[middle].id < id { low = middle + 1 } else { high = middle }
                    }
                    // Read in the same snapshot, the owner is among the encounters.
                    guard low < encounters.count, encounters[low].id == id else { continue }
                    owner = low
                }
                let encounter = encounters[owner]
                guard encounter.inPeriod, let payment = payments[claims.int64(3)] else { continue }
                owners.append(
                    Claim(
                        id: claims.int64(0), encounter: encounter.id, batch: payment.batch,
                        payment: claims.int64(3), encounterServiceDay: encounter.day, paymentDay: payment.day,
                        encounterServiceDate: encounter.date,
                        serviceDate: claims.isNull(2) ? -1 : Int32(texts.number(claims.bytes(2)))))
            }
            sortIntoImportOrder()
        }

        /// The encounter a claim belongs to, its CLP01 bound twice: of those whose id equals it
        /// ignoring case, the one written exactly as it, else the one stored first.
        private static func owner(_ db: Database) throws -> Statement {
            try db.cachedStatement(
                sql: """
                    SELECT id FROM encounter WHERE external_id = ? COLLATE NOCASE
                    ORDER BY external_id = ? DESC, id LIMIT 1
                    """)
        }

        private mutating func sortIntoImportOrder() {
            owners.sort { ($0.batch, $0.payment, $0.id) < ($1.batch, $1.payment, $1.id) }
            positions = RowPositions(owners.lazy.map(\.id))
        }
    }

    /// Whether the store holds at most twice as many encounters as claims (by
    /// their spans of row ids): then matching the claims in memory, which holds
    /// every encounter's id (about 80 bytes each), holds no more than the claims'
    /// own lines do; with fewer claims the period's encounters look theirs up.
    private static func fewEncountersPerClaim(_ db: Database) throws -> Bool {
        try ServicePeriod.rowsPerRow(of: "encounter", per: "remittance_claim", db).map { $0 <= 2 } ?? false
    }

    /// About how many rows of `table` belong to `count` rows of `parent`, from
    /// the tables' spans of row ids (their rows, less any deleted), an eighth
    /// more: room set aside at once for the rows, which grown by doubling held
    /// up to twice as many (and three times while the last step copied them).
    /// Room set aside and not filled is never touched, so it takes no memory.
    private static func expectedRows(of table: String, per parent: String, _ count: Int, _ db: Database) throws -> Int {
        guard let perParent = try ServicePeriod.rowsPerRow(of: table, per: parent, db) else { return 0 }
        return Int((Double(count) * perParent * 1.125).rounded(.up))
    }

    /// A denial reason (`CO-97`) a line adjustment gives, with its amount.
    private struct DenialCandidate {
        var reason: String
        var cents: Int64
    }

    /// The claims' service lines, with their import order (by claim, then
    /// position), and what their line adjustments give each: the sum of its PR
    /// amounts, and its CO, OA and PI adjustments other than reason 45 (denial
    /// reasons when nothing is paid), in file order.
    private struct RemittanceLines {
        struct Line {
            var id: Int64
            var chargeCents: Int64
            var paidCents: Int64
            /// `.min` when the 835 gave no AMT*B6.
            var allowedCents: Int64
            /// The modifiers' `ModifierKey`.
            var modifiers: Int64
            /// The claim's index in `Claims.owners`.
            var claim: Int32
            var position: Int32
            /// As billed (SVC06's when given, else SVC01's), numbered in the reconciliation's texts.
            var code: Int32
            /// DTM*472 (or DTM*150), numbered; −1 for the claim's.
            var serviceDate: Int32
        }

        /// As read.
        private(set) var lines: [Line] = []
        /// Indices into `lines`, in import order.
        private(set) var order: [Int32] = []
        /// By index in `lines`.
        private(set) var patientShare: [Int64] = []
        /// By index in `lines`; only the lines that have any.
        private(set) var denialCandidates: [Int32: [DenialCandidate]] = [:]

        init() {}

        /// `expected`: about how many lines the claims have.
        init(
            _ db: Database, filter: String, arguments: StatementArguments, claims: Claims, texts: Interner,
            expected: Int
        ) throws {
            lines.reserveCapacity(expected)
            let rows = try RawRows(
                db,
                sql: """
                    SELECT x.claim_id, x.position, x.id, COALESCE(x.billed_code, x.procedure_code),
                           COALESCE(x.billed_modifiers, x.modifiers), x.service_date, x.charge_cents, x.paid_cents,
                           x.allowed_cents
                    FROM remittance_line x \(filter)
                    """, arguments: arguments)
            while try rows.next() {
                guard let claim = claims.positions[rows.int64(0)] else { continue }
                lines.append(
                    Line(
                        id: rows.int64(2), chargeCents: rows.int64(6), paidCents: rows.int64(7),
                        allowedCents: rows.isNull(8) ? .min : rows.int64(8),
                        modifiers: ModifierKey.remitted(rows.bytes(4), texts), claim: claim,
                        position: Int32(clamping: rows.int64(1)), code: Int32(texts.number(rows.bytes(3))),
                        serviceDate: rows.isNull(5) ? -1 : Int32(texts.number(rows.bytes(5)))))
            }
            order =
                Grouped.order(lines, groups: claims.owners.count, group: { $0.claim }) {
                    ($0.position, $0.id) < ($1.position, $1.id)
                }.order
            patientShare = [Int64](repeating: 0, count: lines.count)
            let positions = RowPositions(lines.lazy.map(\.id))
            var found: [Int32: [(id: Int64, candidate: DenialCandidate)]] = [:]
            let adjustments = try RawRows(
                db,
                sql: """
                    SELECT x.line_id, x.id, x.group_code, x.reason_code, x.amount_cents
                    FROM remittance_adjustment x \(filter)
                    """, arguments: arguments)
            while try adjustments.next() {
                guard !adjustments.isNull(0), let line = positions[adjustments.int64(0)] else { continue }
                let group = adjustments.bytes(2)
                if group.holds("PR") {
                    patientShare[Int(line)] += adjustments.int64(4)
                } else if !group.holds("CR"), !adjustments.bytes(3).holds("45") {
                    let reason = "\(adjustments.string(2))-\(adjustments.string(3))"
                    found[line, default: []].append(
                        (adjustments.int64(1), DenialCandidate(reason: reason, cents: adjustments.int64(4))))
                }
            }
            for (line, candidates) in found {
                denialCandidates[line] = candidates.sorted { $0.id < $1.id }.map(\.candidate)
            }
        }
    }

    /// Modifiers as matching compares them, in any order: their count and the
    /// number (in the reconciliation's texts) of their text sorted and joined by
    /// spaces (none holds one), in one integer.
    private enum ModifierKey {
        /// From an 835's space-separated modifiers.
        static func remitted(_ stored: UnsafeBufferPointer<UInt8>, _ texts: Interner) -> Int64 {
            guard stored.contains(UInt8(ascii: " ")) else {
                return key(count: stored.isEmpty ? 0 : 1, text: texts.number(stored))
            }
            let parts = stored.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) }.sorted()
            return key(count: parts.count, text: texts.number(parts.joined(separator: " ")))
        }

        /// From an encounter line's modifier columns.
        static func stored(_ modifiers: [String], _ texts: Interner) -> Int64 {
            let text = modifiers.count <= 1 ? modifiers.first ?? "" : modifiers.sorted().joined(separator: " ")
            return key(count: modifiers.count, text: texts.number(text))
        }

        private static func key(count: Int, text: Int) -> Int64 { Int64(count) << 32 | Int64(text) }
    }

    /// The lines of the claims' encounters, each encounter's in line order.
    private struct EncounterLines {
        private struct Line {
            var id: Int64
            var sourceLine: Int64
            /// `.min` when the line has none.
            var chargeCents: Int64
            var modifiers: Int64
            /// The encounter's index in `encounterPositions`' order.
            var encounter: Int32
            var code: Int32
        }

        /// As read.
        private var lines: [Line] = []
        /// Indices into `lines`, by encounter, then line order.
        private var order: [Int32] = []
        /// Encounter id → its index; its lines are `order[starts[index]..<starts[index + 1]]`.
        private var encounterPositions = RowPositions([])
        private var starts: [Int32] = []

        var count: Int { lines.count }

        init(_ db: Database, days: StatementArguments, readingAll: Bool, claims: Claims, texts: Interner) throws {
            let encounters = Array(Set(claims.owners.lazy.map(\.encounter)))
            encounterPositions = RowPositions(encounters)
            lines.reserveCapacity(
                try Reconciliation.expectedRows(of: "encounter_line", per: "encounter", encounters.count, db))
            let rows = try RawRows(
                db,
                sql: """
                    SELECT l.encounter_id, l.source_line, l.id, l.procedure_code, l.modifier_1, l.modifier_2,
                           l.modifier_3, l.modifier_4, l.charge_cents
                    FROM encounter_line l
                    \(readingAll ? "" : "WHERE l.encounter_id IN (\(ServicePeriod.servicedIDs))")
                    """, arguments: readingAll ? [] : days)
            var modifiers: [String] = []
            while try rows.next() {
                guard let encounter = encounterPositions[rows.int64(0)] else { continue }
                modifiers.removeAll(keepingCapacity: true)
                for column: Int32 in 4...7 where !rows.isNull(column) { modifiers.append(rows.string(column)) }
                lines.append(
                    Line(
                        id: rows.int64(2), sourceLine: rows.int64(1),
                        chargeCents: rows.isNull(8) ? .min : rows.int64(8),
                        modifiers: ModifierKey.stored(modifiers, texts), encounter: encounter,
                        code: Int32(texts.number(rows.bytes(3)))))
            }
            (order, starts) = Grouped.order(lines, groups: encounters.count, group: { $0.encounter }) {
                ($0.sourceLine, $0.id) < ($1.sourceLine, $1.id)
            }
        }

        /// The index (in reading order) of the encounter's first line, not among
        /// `used`, with the code and modifiers: the first with the charge, else the first.
        func match(
            encounter id: Int64, code: Int32, modifiers: Int64, chargeCents: Int64, unless used: [Int32]
        ) -> Int32? {
            guard let encounter = encounterPositions[id] else { return nil }
            var first: Int32?
            for position in order[Int(starts[Int(encounter)])..<Int(starts[Int(encounter) + 1])] {
                let line = lines[Int(position)]
                guard line.code == code, line.modifiers == modifiers, !used.contains(position) else { continue }
                if line.chargeCents == chargeCents { return position }
                if first == nil { first = position }
            }
            return first
        }

        /// The lines' row ids → their indices (what `RemittedLines` looks lines up by); the lines go.
        mutating func takePositions() -> RowPositions {
            defer { (lines, order) = ([], []) }
            return RowPositions(lines.lazy.map(\.id))
        }
    }

    /// The order of rows by their group (a small number), each group's rows in
    /// `precedes` order: counted into place, then each group sorted (its rows
    /// usually in order already); with where each group begins in it, and its end last.
    private enum Grouped {
        /// `group` is a closure rather than a key path: read through a key path, the group of
        /// each of 368,000 rows cost more than sorting them.
        static func order<Row>(
            _ rows: [Row], groups: Int, group: (Row) -> Int32, by precedes: (Row, Row) -> Bool
        ) -> (order: [Int32], starts: [Int32]) {
            var starts = [Int32](repeating: 0, count: groups + 1)
            for row in rows { starts[Int(group(row)) + 1] += 1 }
            for index in 0..<groups { starts[index + 1] += starts[index] }
            var next = starts
            var order = [Int32](repeating: 0, count: rows.count)
            for (index, row) in rows.enumerated() {
                let slot = Int(group(row))
                order[Int(next[slot])] = Int32(index)
                next[slot] += 1
            }
            rows.withUnsafeBufferPointer { rows in
                order.withUnsafeMutableBufferPointer { order in
                    for slot in 0..<groups where starts[slot + 1] - starts[slot] > 1 {
                        let range = Int(starts[slot])..<Int(starts[slot + 1])
                        let inOrder = range.dropFirst().allSatisfy {
                            !precedes(rows[Int(order[$0])], rows[Int(order[$0 - 1])])
                        }
                        if !inOrder { order[range].sort { precedes(rows[Int($0)], rows[Int($1)]) } }
                    }
                }
            }
            return (order, starts)
        }
    }
}
