import GRDB

/// The encounters of one service month with their lines and diagnoses in
/// order: what the payers' edits (module Edits) read. Gathered by the same
/// passes as the month's figures, so the report reads the month's lines once.
package struct MonthDetail: Sendable {
    package struct Encounter: Sendable {
        package var rowID: Int64
        package var externalID: String
        package var serviceDate: String
        package var patient: String
        package var provider: String
        package var specialty: String?
        package var coder: String
        package var payer: String
        /// The provider and the service date as numbers, equal when the strings are.
        package var providerNumber: Int
        package var dayNumber: Int
        /// In the encounter's line order (its file's line, then row id).
        package var lines: [Line]
        /// Without their dot, in the encounter's order.
        package var diagnoses: [String]
    }

    package struct Line: Sendable {
        package var code: String
        /// `code`'s index in `codes`.
        package var codeNumber: Int
        package var modifiers: [String]
        package var units: Int
    }

    /// By service date, then external id, in byte order (as SQL sorts them).
    package var encounters: [Encounter]
    /// The procedure codes, numbered: every line's among them (and possibly others).
    package var codes: [String]
}

extension Analytics {
    /// The encounters of `month` with their lines and diagnoses, from an open read.
    ///
    /// - throws: A database error when the store cannot be read.
    package static func monthDetail(_ db: Database, month: Month) throws -> MonthDetail {
        let period = try ServicePeriod(db, months: month...month, worked: false, detailMonth: 0)
        var detail = MonthDetailBuilder(period: period)
        try period.forEachLine(db) { encounter, line in detail.add(line, of: encounter) }
        try period.forEachDiagnosis(ofMonth: 0, db) { encounter, position, code in
            detail.addDiagnosis(code, at: position, of: encounter)
        }
        return detail.detail()
    }
}

/// Gathers a `MonthDetail` from a period's passes over lines and diagnoses.
struct MonthDetailBuilder {
    private let period: ServicePeriod
    private var lines: [[(order: (Int64, Int64), line: MonthDetail.Line)]]
    private var diagnoses: [[(position: Int64, code: String)]]

    init(period: ServicePeriod) {
        self.period = period
        lines = Array(repeating: [], count: period.details.count)
        diagnoses = Array(repeating: [], count: period.details.count)
    }

    mutating func add(_ line: ServicePeriod.Line, of encounter: ServicePeriod.Encounter) {
        guard encounter.detail >= 0 else { return }
        lines[Int(encounter.detail)].append(
            (
                (line.sourceLine, line.id),
                MonthDetail.Line(
                    code: period.codes.strings[line.code], codeNumber: line.code, modifiers: line.modifiers,
                    units: line.units)
            ))
    }

    mutating func addDiagnosis(_ code: String?, at position: Int64, of encounter: ServicePeriod.Encounter) {
        guard encounter.detail >= 0, let code else { return }
        diagnoses[Int(encounter.detail)].append((position, code))
    }

    func detail() -> MonthDetail {
        // By service date, then external id: dates compare as day numbers, which sort as the text does.
        let dayNumbers = period.serviceDays.strings.map { day in
            var day = day
            return day.withUTF8 { CivilDay.number($0) }
        }
        let order = period.details.indices.map { index in
            (day: dayNumbers[period.details[index].encounter.day], index: index)
        }.sorted { a, b in
            a.day != b.day
                ? a.day < b.day
                : period.details[a.index].externalID.utf8.lexicographicallyPrecedes(
                    period.details[b.index].externalID.utf8)
        }
        let encounters = order.map(\.index).map { index in
            let detail = period.details[index]
            let encounter = detail.encounter
            return MonthDetail.Encounter(
                rowID: encounter.id, externalID: detail.externalID, serviceDate: period.serviceDate(of: encounter),
                patient: detail.patient, provider: period.providers.strings[encounter.provider],
                specialty: detail.specialty, coder: period.coders.strings[encounter.coder],
                payer: period.payers.strings[encounter.payer], providerNumber: encounter.provider,
                dayNumber: encounter.day, lines: lines[index].sortedUnlessInOrder { $0.order < $1.order }.map(\.line),
                diagnoses: diagnoses[index].sortedUnlessInOrder { $0.position < $1.position }.map(\.code))
        }
        return MonthDetail(encounters: encounters, codes: period.codes.strings)
    }
}
