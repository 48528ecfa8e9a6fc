import Codes
import GRDB

/// The encounters of a range of months — by service date, or worked (coded)
/// in one of them — read once, so that the figures adding up their lines,
/// findings and diagnoses (error rates, productivity, variance, payments, E/M
/// levels, the trend) share one pass over each table.
///
/// When the months' encounters lie close together in the table — a store
/// imported month by month, or one whose months are most of it — they are read
/// by scanning the stretch of row ids that holds them, a fraction of a
/// microsecond a row; when they are scattered among many others, through the
/// date indexes, a microsecond or more a row. Either way the cost follows the
/// months read, not the months stored, and the figures are the same.
struct ServicePeriod {
    /// An encounter of the period, its names numbered in `payers`, `providers`, `coders`.
    ///
    /// Held in 56 bytes rather than 104 (numbers as 32 bits, a missing value as
    /// a value no encounter has): a period of a large store holds hundreds of
    /// thousands of them at once.
    struct Encounter {
        var id: Int64
        private var minutes: Double
        private var turnaround: Int32
        private var month: Int32
        private var workMonth: Int32
        private var serviceDay: Int32
        private var payerNumber: Int32
        private var providerNumber: Int32
        private var coderNumber: Int32
        private var rate: Int32
        /// Its index in `details` when it is an encounter of the detail month, else −1.
        var detail: Int32

        /// The service month, as an offset from the period's first month: outside
        /// `months.indices` for an encounter only worked in the period.
        var monthIndex: Int { Int(month) }
        /// The month of the work day (the coded day, else the service date), as an offset.
        var workMonthIndex: Int { Int(workMonth) }
        /// The service date, numbered in `serviceDays` (so that an encounter is copied without reference counting).
        var day: Int { Int(serviceDay) }
        /// Days from service to coding; nil when the coded day is not known.
        var turnaroundDays: Int64? { turnaround == .min ? nil : Int64(turnaround) }
        /// nil when not known (SQLite stores no NaN: a NaN read back is NULL).
        var codingMinutes: Double? { minutes.isNaN ? nil : minutes }
        var payer: Int { Int(payerNumber) }
        var provider: Int { Int(providerNumber) }
        var coder: Int { Int(coderNumber) }
        /// `FeeSchedule.period(of: serviceDate)`.
        var ratePeriod: Int { Int(rate) }

        /// - precondition: each number fits in 32 bits (offsets in months and
        ///   days, and counts of distinct names and days, do).
        init(
            id: Int64, monthIndex: Int, workMonthIndex: Int, day: Int, turnaroundDays: Int64?,
            codingMinutes: Double?, payer: Int, provider: Int, coder: Int, ratePeriod: Int, detail: Int32
        ) {
            self.id = id
            minutes = codingMinutes ?? .nan
            turnaround = turnaroundDays.map { Int32(clamping: max($0, Int64(Int32.min) + 1)) } ?? .min
            month = Int32(clamping: monthIndex)
            workMonth = Int32(clamping: workMonthIndex)
            serviceDay = Int32(day)
            payerNumber = Int32(payer)
            providerNumber = Int32(provider)
            coderNumber = Int32(coder)
            rate = Int32(ratePeriod)
            self.detail = detail
        }
    }

    /// What the edits read of an encounter of the detail month beyond what the figures do.
    struct EncounterDetail {
        var encounter: Encounter
        var externalID: String
        var patient: String
        var specialty: String?
        /// The import that stored it (for the report's data quality).
        var batch: Int64
    }

    /// An encounter line, its code numbered in `codes`; money in cents, nil when blank.
    struct Line {
        var id: Int64
        /// Its line in the file it came from, the order of an encounter's lines.
        var sourceLine: Int64
        var code: Int
        var modifiers: [String]
        var units: Int
        var chargeCents: Int64?
        var allowedCents: Int64?
        var paidCents: Int64?
    }

    /// An audit finding, codes as stored.
    struct Finding {
        /// The import that stored it.
        var batch: Int64
        var codeType: CodeType
        var outcome: FindingOutcome
        var submitted: (code: String?, units: Int?)
        var audited: (code: String?, units: Int?)
    }

    let months: [Month]
    /// The rates in force in any of the months.
    let schedule: FeeSchedule
    /// How the tables are read.
    enum Access: Equatable {
        /// Scanning every row.
        case scanningAll
        /// Scanning the rows of the encounters with these row ids (every period
        /// encounter's is among them), and of their lines and findings.
        case scanning(ClosedRange<Int64>)
        /// Through the date indexes, a row at a time.
        case throughIndexes
    }

    let access: Access
    let payers = Interner()
    let providers = Interner()
    let coders = Interner()
    let codes = Interner()
    let serviceDays = Interner()
    private(set) var encounters: [Encounter] = []
    /// The encounters serviced in the detail month (`init`'s `detailMonth`), if any.
    private(set) var details: [EncounterDetail] = []
    /// Whether the encounters only worked in the months (serviced before) are read too.
    let worked: Bool
    /// Whether, read through the indexes, a table of few rows per period encounter is read whole.
    let readsSmallTablesWhole: Bool
    /// The period's encounters as conditions on `e` that pick disjoint sets:
    /// those serviced in it, and those worked in it but serviced outside it,
    /// each a range of its index (by service date, by work day) rather than an
    /// OR of the two, which SQLite answers by gathering both sets' row ids.
    private var inPeriod: [String] {
        guard worked else { return [Self.serviced] }
        return [Self.serviced, "\(Self.workedIn) AND NOT (\(Self.serviced))"]
    }

    private static let serviced = "e.service_date >= :first AND e.service_date < :next"
    /// The ids of the encounters serviced between `:first` and `:next`, from the date index alone.
    static let servicedIDs = "SELECT e.id FROM encounter e WHERE \(serviced)"
    private static let workedIn = """
        COALESCE(substr(e.coded_at, 1, 10), e.service_date) >= :first
        AND COALESCE(substr(e.coded_at, 1, 10), e.service_date) < :next
        """

    private let days: StatementArguments
    /// Encounter row id → index in `encounters`.
    private var positions = RowPositions([])

    /// Reads the encounters serviced in `range`, and those worked in it when
    /// `worked`; and what the edits need of those serviced in its month
    /// `detailMonth` (an offset), if given; read as `access` says, else as the
    /// period's share and spread in the store make cheapest. `expectedEncounters`,
    /// when the caller knows about how many there are, sets the memory aside at once.
    ///
    /// - throws: A database error when the store cannot be read.
    init(
        _ db: Database, months range: ClosedRange<Month>, worked: Bool = true, detailMonth: Int? = nil,
        access: Access? = nil, readsSmallTablesWhole: Bool = true, expectedEncounters: Int? = nil
    ) throws {
        months = range.months
        self.readsSmallTablesWhole = readsSmallTablesWhole
        // Room for them all at once: grown by doubling, the array would hold up to three times their size.
        if let expectedEncounters { encounters.reserveCapacity(expectedEncounters) }
        self.worked = worked
        schedule = try FeeSchedule(db, months: range)
        let first = range.lowerBound
        days = ["first": first.firstDay, "next": range.upperBound.nextFirstDay]
        self.access = try access ?? Self.access(db, days: days)
        var ratePeriods: [Int] = []
        let columns =
            "id, service_date, payer, provider, coder, coded_at, coding_minutes"
            + (detailMonth == nil ? "" : ", external_id, patient_pseudonym, specialty, batch_id")
        // Scanning, the months are checked here rather than by SQLite, which spares it
        // working out each row's work day.
        for (sql, arguments) in queries(columns, of: nil) {
            let rows = try RawRows(db, sql: sql, arguments: arguments)
            while try rows.next() {
                let serviceDay = rows.bytes(1)
                let codedAt = rows.bytes(5)
                let codedDay = codedAt.count >= 10 ? UnsafeBufferPointer(rebasing: codedAt[0..<10]) : nil
                let monthIndex = Self.monthIndex(of: serviceDay, from: first)
                let workMonthIndex = Self.monthIndex(of: codedDay ?? serviceDay, from: first)
                guard months.indices.contains(monthIndex) || (worked && months.indices.contains(workMonthIndex))
                else { continue }
                let id = rows.int64(0)
                let day = serviceDays.number(serviceDay)
                if day == ratePeriods.count { ratePeriods.append(schedule.period(of: serviceDays.strings[day])) }
                let encounter = Encounter(
                    id: id, monthIndex: monthIndex, workMonthIndex: workMonthIndex, day: day,
                    turnaroundDays: codedDay.map { CivilDay.number($0) - CivilDay.number(serviceDay) },
                    codingMinutes: rows.optionalDouble(6), payer: payers.number(rows.bytes(2)),
                    provider: providers.number(rows.bytes(3)), coder: coders.number(rows.bytes(4)),
                    ratePeriod: ratePeriods[day], detail: monthIndex == detailMonth ? Int32(details.count) : -1)
                if encounter.detail >= 0 {
                    details.append(
                        EncounterDetail(
                            encounter: encounter, externalID: rows.string(7), patient: rows.string(8),
                            specialty: rows.optionalString(9), batch: rows.int64(10)))
                }
                encounters.append(encounter)
            }
        }
        positions = RowPositions(encounters.lazy.map(\.id))
    }

    /// How to read a period: one holding a third of the store scans it all; a
    /// smaller one scans the stretch of row ids that holds the encounters
    /// serviced in it when that stretch is at most three times as many rows as
    /// they are (a store imported month by month), and otherwise reads through
    /// the indexes.
    private static func access(_ db: Database, days: StatementArguments) throws -> Access {
        guard let count = try servicedCount(db, days: days) else { return .throughIndexes }
        if count.holdsAThird { return .scanningAll }
        let ids = try Row.fetchOne(
            db, sql: "SELECT MIN(id), MAX(id) FROM encounter WHERE service_date >= :first AND service_date < :next",
            arguments: days)!
        guard let low: Int64 = ids[0], let high: Int64 = ids[1], high - low < 3 * count.encounters else {
            return .throughIndexes
        }
        return .scanning(low...high)
    }

    /// How many encounters have their service date in `days` (`:first`, `:next`),
    /// counted up to a third of the table, and whether they are more than that;
    /// nil for an empty store.
    static func servicedCount(
        _ db: Database, days: StatementArguments
    ) throws -> (encounters: Int64, holdsAThird: Bool)? {
        guard let (first, last) = try idEnds(of: "encounter", db) else { return nil }
        // From the service-date index alone, which holds each row's id: counted up to a third of the table.
        var arguments = days
        _ = arguments.append(contentsOf: ["limit": (last - first) / 3 + 1])
        let count = try Int64.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM (
                    SELECT 1 FROM encounter WHERE service_date >= :first AND service_date < :next LIMIT :limit)
                """, arguments: arguments)!
        return (count, count > (last - first) / 3)
    }

    /// The month of a `YYYY-MM…` date, as an offset from `first`, read from its digits.
    static func monthIndex(of day: UnsafeBufferPointer<UInt8>, from first: Month) -> Int {
        func digits(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(day[$1] &- 48) } }
        return (digits(0..<4) - first.year) * 12 + digits(5..<7) - first.month
    }

    static func monthIndex(of day: String, from first: Month) -> Int {
        var day = day
        return day.withUTF8 { monthIndex(of: $0, from: first) }
    }

    /// The service date of `encounter`.
    func serviceDate(of encounter: Encounter) -> String { serviceDays.strings[encounter.day] }

    /// The period's encounter with row id `id`, if any.
    func encounter(_ id: Int64) -> Encounter? {
        positions[id].map { encounters[Int($0)] }
    }

    /// `encounter(_:)`, holding only what it reads.
    private var encounterLookup: (Int64) -> Encounter? {
        let (positions, encounters) = (positions, encounters)
        return { id in positions[id].map { encounters[Int($0)] } }
    }

    /// The queries of `columns` (aliased `x.` for `table`, `e.` for encounters)
    /// of the period's encounters, or of the rows of `table` joined to them by
    /// `encounter_id`. Scanning a stretch of ids, the rows of the stretch's
    /// encounters among the rows of `table` whose own ids lie between those of
    /// their first and last row;
    /// then, through the work-day index, those of encounters worked in the period
    /// outside the stretch (serviced before it), which the index tells apart by
    /// their ids without reading them.
    private func queries(_ columns: String, of table: String?) -> [(String, StatementArguments)] {
        let joined = table.map { " JOIN \($0) x ON x.encounter_id = e.id" } ?? ""
        let from = table.map { "\($0) x" } ?? "encounter e"
        switch access {
        case .scanningAll:
            return [("SELECT \(columns) FROM \(from)", [])]
        case .throughIndexes:
            guard let table else { return inPeriod.map { ("SELECT \(columns) FROM encounter e WHERE \($0)", days) } }
            // The rows of `table` by encounter id, which SQLite looks up in id order (neighbours on the
            // same pages) rather than in the date index's order. (With the encounters worked in the
            // period too, `forEachRow` looks them up one by one instead.)
            let ids = "SELECT e.id FROM encounter e WHERE \(Self.serviced)"
            return [("SELECT \(columns) FROM \(table) x WHERE x.encounter_id IN (\(ids))", days)]
        case .scanning(let ids):
            let bounds: StatementArguments = ["low": ids.lowerBound, "high": ids.upperBound]
            // Only the rows of the stretch's own encounters: a table's row ids need not follow its encounters'
            // (audit findings are in the audit file's order), so the row of an encounter worked in the period
            // and serviced before the stretch can lie among them, and the second query reads it.
            let stretch =
                table.map {
                    """
                    SELECT \(columns) FROM \(from)
                    WHERE x.id BETWEEN (SELECT MIN(id) FROM \($0) WHERE encounter_id BETWEEN :low AND :high)
                                   AND (SELECT MAX(id) FROM \($0) WHERE encounter_id BETWEEN :low AND :high)
                      AND x.encounter_id BETWEEN :low AND :high
                    """
                } ?? "SELECT \(columns) FROM encounter e WHERE e.id BETWEEN :low AND :high"
            guard worked else { return [(stretch, bounds)] }
            var stragglers = days
            _ = stragglers.append(contentsOf: bounds)
            return [
                (stretch, bounds),
                (
                    """
                    SELECT \(columns) FROM encounter e\(joined)
                    WHERE COALESCE(substr(e.coded_at, 1, 10), e.service_date) >= :first
                      AND COALESCE(substr(e.coded_at, 1, 10), e.service_date) < :next
                      AND (e.id < :low OR e.id > :high)
                    """, stragglers
                ),
            ]
        }
    }

    /// Calls `body` with every line of the period's encounters, in no particular order.
    ///
    /// - throws: A database error when the store cannot be read, and what `body` throws.
    func forEachLine(_ db: Database, _ body: (Encounter, Line) throws -> Void) throws {
        guard !encounters.isEmpty else { return }
        // What the rows need, apart: a closure that reads them from `self` copies the whole period at each row.
        let (find, codes) = (encounterLookup, codes)
        try forEachRow(
            """
            x.encounter_id, x.id, x.procedure_code, x.modifier_1, x.modifier_2, x.modifier_3, x.modifier_4,
            x.units, x.charge_cents, x.allowed_cents, x.paid_cents, x.source_line
            """, of: "encounter_line", db
        ) { rows in
            guard let encounter = find(rows.int64(0)) else { return }
            var modifiers: [String] = []
            for column: Int32 in 3...6 where !rows.isNull(column) { modifiers.append(rows.string(column)) }
            try body(
                encounter,
                Line(
                    id: rows.int64(1), sourceLine: rows.int64(11), code: codes.number(rows.bytes(2)),
                    modifiers: modifiers, units: rows.int(7),
                    chargeCents: rows.optionalInt64(8), allowedCents: rows.optionalInt64(9),
                    paidCents: rows.optionalInt64(10)))
        }
    }

    /// Calls `body` with every audit finding of the period's encounters, in no particular order.
    ///
    /// - throws: A database error when the store cannot be read, and what `body` throws.
    func forEachFinding(_ db: Database, _ body: (Encounter, Finding) throws -> Void) throws {
        guard !encounters.isEmpty else { return }
        let find = encounterLookup
        try forEachRow(
            """
            x.encounter_id, x.code_type, x.outcome, x.submitted_code, x.submitted_units, x.audited_code,
            x.audited_units, x.batch_id
            """, of: "audit_finding", db
        ) { rows in
            guard let encounter = find(rows.int64(0)) else { return }
            // The store's CHECK constraints admit only these values.
            try body(
                encounter,
                Finding(
                    batch: rows.int64(7), codeType: CodeType(rawValue: rows.string(1))!,
                    outcome: FindingOutcome(rawValue: rows.string(2))!,
                    submitted: (rows.optionalString(3), rows.optionalInt64(4).map { Int($0) }),
                    audited: (rows.optionalString(5), rows.optionalInt64(6).map { Int($0) })))
        }
    }

    /// Calls `body` with every diagnosis of the encounters serviced or worked in
    /// the period's month `index`, with its position, and its code for the
    /// encounters of the detail month (others' diagnoses are only counted).
    ///
    /// - throws: A database error when the store cannot be read.
    func forEachDiagnosis(
        ofMonth index: Int, _ db: Database, _ body: (Encounter, Int64, String?) -> Void
    ) throws {
        guard !encounters.isEmpty else { return }
        // One month, a small share of the store's diagnoses: read through the date indexes however
        // the period is read; with the encounters worked in the month, encounter by encounter (see
        // `forEachRow`).
        guard worked else {
            let month = months[index]
            let rows = try RawRows(
                db,
                sql: """
                    SELECT d.encounter_id, d.position, d.code FROM encounter_diagnosis d
                    WHERE d.encounter_id IN (SELECT e.id FROM encounter e WHERE \(Self.serviced))
                    """, arguments: ["first": month.firstDay, "next": month.nextFirstDay])
            while try rows.next() {
                guard let encounter = encounter(rows.int64(0)), encounter.monthIndex == index else { continue }
                body(encounter, rows.int64(1), encounter.detail >= 0 ? rows.string(2) : nil)
            }
            return
        }
        let rows = try RawRows(
            db, sql: "SELECT d.position, d.code FROM encounter_diagnosis d WHERE d.encounter_id = ?", arguments: [0])
        for position in idOrder() {
            let encounter = encounters[Int(position)]
            guard encounter.monthIndex == index || encounter.workMonthIndex == index else { continue }
            try rows.restart(binding: encounter.id)
            while try rows.next() { body(encounter, rows.int64(0), encounter.detail >= 0 ? rows.string(1) : nil) }
        }
    }

    /// The first and last row id of `table`, nil when it is empty: the ids
    /// between them are at least as many as its rows.
    static func idEnds(of table: String, _ db: Database) throws -> (first: Int64, last: Int64)? {
        // Two look-ups at the ends of the table: MIN and MAX in one SELECT would read every row.
        let ends = try Row.fetchOne(db, sql: "SELECT (SELECT MIN(id) FROM \(table)), (SELECT MAX(id) FROM \(table))")!
        guard let first: Int64 = ends[0], let last: Int64 = ends[1] else { return nil }
        return (first, last)
    }

    /// About how many rows of `table` there are for each row of `parent`, from
    /// their spans of row ids (their rows, less any deleted); nil when either is empty.
    static func rowsPerRow(of table: String, per parent: String, _ db: Database) throws -> Double? {
        guard let rows = try idEnds(of: table, db), let parents = try idEnds(of: parent, db) else { return nil }
        return Double(rows.last - rows.first + 1) / Double(parents.last - parents.first + 1)
    }

    /// The period's encounters (their positions) by row id.
    private func idOrder() -> [Int32] {
        // The ids alone: a closure that reads `encounters` copies the whole period at each call.
        let ids = encounters.map(\.id)
        return Array(Int32(0)..<Int32(encounters.count)).sortedUnlessInOrder { ids[Int($0)] < ids[Int($1)] }
    }

    /// Calls `body` with every row of `columns` (aliased `x.`) of `table` that
    /// belongs to the period's encounters, and maybe others (`body` tells them
    /// apart by `x.encounter_id`, its first column). Through the indexes, with
    /// the encounters worked in the period, the rows are looked up encounter by
    /// encounter in row id order: asking SQLite for the ids `IN` the union of
    /// the two date indexes' made it gather them in two temporary indexes
    /// first, for each table, which took more instructions than the look-ups.
    ///
    /// A table of at most four rows per encounter of the period (the audit
    /// findings of a month, say) is read whole instead: a row read in turn
    /// costs a small share of a look-up in its index, most of which find nothing.
    private func forEachRow(
        _ columns: String, of table: String, _ db: Database, _ body: (RawRows) throws -> Void
    ) throws {
        if access == .throughIndexes, readsSmallTablesWhole, let ends = try Self.idEnds(of: table, db),
            ends.last - ends.first + 1 <= 4 * Int64(encounters.count)
        {
            let rows = try RawRows(db, sql: "SELECT \(columns) FROM \(table) x", arguments: [])
            while try rows.next() { try body(rows) }
            return
        }
        if access == .throughIndexes && worked {
            let rows = try RawRows(
                db, sql: "SELECT \(columns) FROM \(table) x WHERE x.encounter_id = ?", arguments: [0])
            for position in idOrder() {
                try rows.restart(binding: encounters[Int(position)].id)
                while try rows.next() { try body(rows) }
            }
            return
        }
        for (sql, arguments) in queries(columns, of: table) {
            let rows = try RawRows(db, sql: sql, arguments: arguments)
            while try rows.next() { try body(rows) }
        }
    }
}

/// Days as whole numbers, so that two `YYYY-MM-DD` dates subtract as SQLite's
/// `julianday` differences do.
enum CivilDay {
    /// Days since 1970-01-01 of the proleptic Gregorian date written in `day`'s first ten bytes.
    static func number(_ day: UnsafeBufferPointer<UInt8>) -> Int64 {
        func digits(_ range: Range<Int>) -> Int64 { range.reduce(0) { $0 * 10 + Int64(day[$1] &- 48) } }
        let (month, dayOfMonth) = (digits(5..<7), digits(8..<10))
        // Howard Hinnant's days_from_civil.
        let year = digits(0..<4) - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + dayOfMonth - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Array {
    /// The elements sorted by `precedes`; as they are, without sorting, when they already are in order
    /// (as rows read in id order mostly are).
    func sortedUnlessInOrder(by precedes: (Element, Element) -> Bool) -> [Element] {
        for index in indices.dropFirst() where precedes(self[index], self[index - 1]) {
            return sorted(by: precedes)
        }
        return self
    }
}
