import Analytics
import Edits
import Foundation
import TestSupport
import Testing

@testable import Report

/// `edits.csv` and `edit_rates.csv` (SPEC 8.1, 8.2) keep every convention of SPEC 5.
@Suite struct EditExportTests {
    private let october = Month("2026-10")!

    private func text(_ table: ExportTable) -> String {
        String(decoding: table.csv(bom: false), as: UTF8.self)
    }

    private func flag(
        _ edit: EditKind, code: String, other: String?, modifiers: [String] = [], units: Int? = 1, limit: Int? = nil,
        indicator: Int? = nil, risk: Int64?, provider: String = "Avery Quinn MD", coder: String = "coder.one",
        detail: String = "detail"
    ) -> EditFlagRow {
        EditFlagRow(
            month: october, encounterID: "V100", serviceDate: "2026-10-07", provider: provider, coder: coder,
            payer: "Medicare", edit: edit, code: code, otherCode: other, modifiers: modifiers, units: units,
            limit: limit, modifierIndicator: indicator, atRiskCents: risk, detail: detail,
            flaggedEncounterIDs: ["V100"])
    }

    @Test func aPTPFlagNamesBothCodesItsModifiersAndIndicator() {
        // Given a PTP flag on a line with modifiers 25 and 59, column 2's rate × 1 unit = $68.20
        let row = flag(.ptp, code: "20611", other: "20610", modifiers: ["25", "59"], indicator: 1, risk: 6_820)
        // When it is written; Then the modifiers share one cell as `25;59` (quoted, as every cell holding a `;`
        // is), `limit` is blank and at risk has 2 decimals
        #expect(
            text(Exports.edits([row])).hasSuffix(
                "2026-10,V100,2026-10-07,Avery Quinn MD,coder.one,Medicare,ptp,20611,20610,\"25;59\",1,,1,68.20,detail\r\n"
            ))
    }

    @Test func blanksWhereAnEditHasNoValueAndZeroWhereItIsZero() {
        // Given an Excludes1 flag (no modifiers, units, limit, indicator or amount), an MUE flag whose
        // amount is exactly 0.00, and a new-patient flag whose established rate is above the new one
        let rows = [
            flag(.excludes1, code: "E10.9", other: "E11.9", units: nil, risk: nil),
            flag(.mue, code: "J1030", other: nil, units: 3, limit: 2, risk: 0),
            flag(.newPatient, code: "99204", other: "99214", risk: -500),
        ]
        let lines = text(Exports.edits(rows)).components(separatedBy: "\r\n")
        // Then each is blank or a number exactly as SPEC 5 says
        #expect(
            lines[1] == "2026-10,V100,2026-10-07,Avery Quinn MD,coder.one,Medicare,excludes1,E10.9,E11.9,,,,,,detail")
        #expect(lines[2] == "2026-10,V100,2026-10-07,Avery Quinn MD,coder.one,Medicare,mue,J1030,,,3,2,,0.00,detail")
        #expect(
            lines[3]
                == "2026-10,V100,2026-10-07,Avery Quinn MD,coder.one,Medicare,new_patient,99204,99214,,1,,,-5.00,detail"
        )
    }

    @Test func namesAndDetailThatASpreadsheetWouldRunAreGuarded() {
        // Given a provider, a coder and a detail that start with formula characters
        let row = flag(
            .mod25, code: "99214", other: nil, modifiers: ["25"], risk: nil, provider: "=HYPERLINK(\"http://x\")",
            coder: "@coder", detail: "-25 with no procedure, \"check\"")
        // Then each gets the leading ' and RFC 4180 quoting where it holds a comma or quote
        #expect(
            text(Exports.edits([row])).hasSuffix(
                ",\"'=HYPERLINK(\"\"http://x\"\")\",'@coder,Medicare,mod25,99214,,25,1,,,,\"'-25 with no procedure, "
                    + "\"\"check\"\"\"\r\n"))
    }

    @Test func rateRowsWriteEveryCountAndFourDecimalRates() {
        // Given the practice (19 of 1,530 flagged; 4 of 17 and 2 of 23 audited in error) and a coder with
        // 1 of 32 flagged (0.03125: rounds half away from zero), no flag with an amount, and no audit
        let practice = ReportFixture.rate(
            .practice, "ALL", encounters: 1_530, flagged: 19, flags: [9, 3, 4, 2, 3], risk: 39_590,
            audited: (17, 4), others: (23, 2))
        let coder = EditRateRow(
            month: october, dimension: .coder, group: "coder.two", encounters: 32, encountersFlagged: 1,
            flagRate: Ratio(1, 32), flags: [.excludes1: 1], atRiskCents: nil, auditedFlagged: 0,
            auditedFlaggedInError: 0, flaggedErrorRate: nil, auditedUnflagged: 0, auditedUnflaggedInError: 0,
            unflaggedErrorRate: nil)
        let lines = text(Exports.editRates([practice, coder])).components(separatedBy: "\r\n")
        // Then 19/1530 = 0.012418… → 0.0124, 4/17 → 0.2353, 2/23 → 0.0870; counts are 0, never blank,
        // and at risk and the rates without audits are blank
        #expect(lines[1] == "2026-10,practice,ALL,1530,19,0.0124,9,3,4,2,3,395.90,17,4,0.2353,23,2,0.0870")
        #expect(lines[2] == "2026-10,coder,coder.two,32,1,0.0313,0,0,1,0,0,,0,0,,0,0,")
        #expect(lines.count == 4 && lines[3].isEmpty)
    }

    @Test func editsReadBackCellForCell() throws {
        // Given the fixture's 21 flags
        let edits = ReportFixture.edits()
        // When edits.csv is written with its BOM and read back as a spreadsheet reads it
        let bytes = Exports.edits(edits.flags).csv()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let table = CSVTable(String(decoding: bytes, as: UTF8.self))
        // Then there is one row per flag, in the given order, and every cell is the flag's own value
        #expect(table.header.first == "month" && table.header.count == 15)
        #expect(table.rows.count == edits.flags.count)
        for (record, flag) in zip(table.records, edits.flags) {
            #expect(record["encounter_id"] == flag.encounterID)
            #expect(record["service_date"] == flag.serviceDate)
            #expect(record["edit"] == flag.edit.rawValue)
            #expect(record["code"] == flag.code)
            #expect(record["other_code"] == (flag.otherCode ?? ""))
            #expect(record["modifiers"] == flag.modifiers.joined(separator: ";"))
            #expect(record["units"] == flag.units.map(String.init) ?? "")
            #expect(record["limit"] == flag.limit.map(String.init) ?? "")
            #expect(record["modifier_indicator"] == flag.modifierIndicator.map(String.init) ?? "")
            #expect(record["at_risk"] == flag.atRiskCents.map(ExportFormat.money) ?? "")
            #expect(record["detail"] == flag.detail)
        }
        // And codes stay text: the drug code, the dotted diagnosis and a line with RT come back exactly
        #expect(table.records.contains { $0["code"] == "J1030" && $0["units"] == "3" && $0["limit"] == "2" })
        #expect(table.records.contains { $0["code"] == "E10.9" && $0["other_code"] == "E11.9" })
        #expect(table.records.filter { $0["modifiers"] == "RT" }.count == 3)
    }

    @Test func editRatesReadBackWithTheFiveEditColumns() {
        // Given the fixture's practice, coder and provider rows
        let edits = ReportFixture.edits()
        let table = CSVTable(String(decoding: Exports.editRates(edits.rates).csv(), as: UTF8.self))
        // Then each row comes back in order, and its five edit columns are its counts by edit
        #expect(table.records.map { $0["group"] ?? "" } == edits.rates.map(\.group))
        for (record, row) in zip(table.records, edits.rates) {
            #expect(record["dimension"] == row.dimension.rawValue)
            for edit in EditKind.allCases {
                #expect(record[edit.rawValue] == String(row.count(edit)), "\(row.group) \(edit)")
            }
            #expect(record["at_risk"] == row.atRiskCents.map(ExportFormat.money))
        }
        // And the practice's five edit columns add up to the 21 flags of edits.csv
        let practice = table.records[0]
        #expect(EditKind.allCases.reduce(0) { $0 + Int(practice[$1.rawValue]!)! } == edits.flags.count)
    }
}
