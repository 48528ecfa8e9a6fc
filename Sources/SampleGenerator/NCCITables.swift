/// One row of the sample's illustrative NCCI procedure-to-procedure table:
/// column 2's code is not paid beside column 1's on the same day unless the
/// modifier indicator allows a modifier that says why (1), never (0), or
/// the pair is no edit (9).
public struct SamplePTPEdit: Sendable, Equatable {
    public let column1: String
    public let column2: String
    /// `*` in CMS's file: the pair was in the first edits, before 1996.
    public let before1996: Bool
    public let effective: SampleDay
    /// The first day the edit no longer applies; nil: in force.
    public let deletion: SampleDay?
    /// 0 not allowed, 1 allowed, 9 not applicable.
    public let modifierIndicator: Int
    public let rationale: String

    /// Whether the edit applies to a service on `day`: effective on or
    /// before it, and not deleted on or before it.
    public func isInForce(on day: SampleDay) -> Bool {
        effective <= day && deletion.map { day < $0 } ?? true
    }
}

/// One row of the sample's illustrative practitioner services MUE table: the
/// most units of a code one patient is expected to get, per line (indicator
/// 1) or per day from one provider (2: policy, 3: clinical).
public struct SampleMUE: Sendable, Equatable {
    public let code: String
    public let value: Int
    public let adjudicationIndicator: Int
    public let rationale: String

    /// The indicator cell as CMS writes it: `1 Line Edit`, `2 Date of Service Edit: Policy`…
    public var indicatorText: String {
        switch adjudicationIndicator {
        case 1: "1 Line Edit"
        case 2: "2 Date of Service Edit: Policy"
        default: "3 Date of Service Edit: Clinical"
        }
    }
}

/// The NCCI tables the sample ships: invented for its codes, in CMS's file
/// layouts, so that the edits of SPEC 8 have something to run on. CMS's own
/// tables come from its site after the AMA's click-through; these are not
/// them (codes only, no descriptors, and values of our own).
public enum SampleNCCI {
    static let ptpFile = "ncci-ptp-practitioner-2026q2.txt"
    static let mueFile = "ncci-mue-practitioner-2026-04-01.csv"
    /// The quarter the MUE table is for: `import mue … --effective` takes it.
    public static let mueEffective = SampleDay(year: 2026, month: 4, day: 1)

    private static let misuse = "Misuse of column two code with column one code"
    private static let standards = "Standards of medical / surgical practice"
    private static let manual = "CPT Manual or CMS manual coding instructions"
    private static let exclusive = "Mutually exclusive procedures"

    /// The edits, by column 1 and column 2 as CMS sorts them.
    public static let ptp: [SamplePTPEdit] = {
        func day(_ text: String) -> SampleDay {
            let digits = Array(text).map { Int(String($0))! }
            let number = { (range: Range<Int>) in digits[range].reduce(0) { $0 * 10 + $1 } }
            return SampleDay(year: number(0..<4), month: number(4..<6), day: number(6..<8))
        }
        func edit(
            _ column1: String, _ column2: String, _ effective: String, _ indicator: Int, _ rationale: String,
            deleted: String? = nil
        ) -> SamplePTPEdit {
            SamplePTPEdit(
                column1: column1, column2: column2, before1996: effective == "19960101", effective: day(effective),
                deletion: deleted.map(day), modifierIndicator: indicator, rationale: rationale)
        }
        // A same-day office visit beside a minor procedure is paid only with 25 (or another NCCI modifier).
        func visits(_ procedure: String, _ effective: String, new: Bool = false, deleted: String? = nil)
            -> [SamplePTPEdit]
        {
            let levels = (new ? ["99203", "99204"] : []) + ["99212", "99213", "99214", "99215"]
            return levels.map { edit(procedure, $0, effective, 1, misuse, deleted: deleted) }
        }
        let edits =
            visits("11102", "20190101", new: true) + [edit("11104", "11102", "20190101", 0, manual)]
            + visits("11900", "20020101") + [
                edit("17000", "11102", "20190101", 1, standards), edit("17000", "17110", "19960101", 1, exclusive),
            ] + visits("17000", "20100101")
            // Deleted within the sample's months: a 25-less 17110 visit is flagged through July only.
            + visits("17110", "20100101", deleted: "20260801") + visits("20610", "20100101") + [
                edit("25600", "29125", "19960101", 0, standards), edit("27786", "29515", "19960101", 0, standards),
                edit("36415", "36416", "20060101", 0, exclusive),
            ] + visits("69210", "20100101", new: true) + [
                edit("93000", "93005", "19960101", 0, manual),
                // Deleted the day it took effect, hence 9: no edit, ever.
                edit("99214", "36415", "20250101", 9, standards, deleted: "20250101"),
                edit("G0438", "G0439", "20110101", 0, exclusive),
                // Deleted before the sample's months: the wellness visits' G0444 is not flagged.
                edit("G0439", "G0444", "20160101", 1, manual, deleted: "20260401"),
            ]
        return edits.sorted { ($0.column1, $0.column2) < ($1.column1, $1.column2) }
    }()

    /// The MUE values of every code the practice bills, by code.
    public static let mue: [SampleMUE] = {
        let descriptor = "Code Descriptor / CPT Instruction"
        let anatomic = "Anatomic Consideration"
        let clinical = "Clinical: Data"
        let policy = "CMS NCCI Policy"
        let nature = "Nature of Service/Procedure"
        let rows: [(String, Int, Int, String)] = [
            ("11102", 1, 2, descriptor), ("11103", 6, 3, clinical), ("11104", 1, 2, descriptor),
            ("11402", 2, 3, clinical), ("11900", 1, 2, descriptor), ("17000", 1, 2, descriptor),
            ("17003", 13, 2, descriptor), ("17110", 1, 2, descriptor), ("17311", 3, 3, clinical),
            ("17312", 5, 3, clinical), ("20550", 1, 2, descriptor), ("20605", 2, 1, anatomic),
            ("20610", 2, 1, anatomic), ("25600", 1, 2, anatomic), ("27786", 1, 2, anatomic),
            ("29125", 1, 2, anatomic), ("29515", 1, 2, anatomic), ("36415", 2, 3, clinical),
            ("36416", 1, 2, policy), ("69210", 1, 2, descriptor), ("72100", 2, 3, clinical),
            ("73030", 2, 3, anatomic), ("73110", 2, 3, anatomic), ("73562", 2, 3, anatomic),
            ("73610", 2, 3, anatomic), ("80053", 1, 2, descriptor), ("80061", 1, 2, descriptor),
            ("83036", 1, 3, clinical), ("85025", 1, 3, clinical), ("90471", 1, 2, descriptor),
            ("90686", 1, 2, nature), ("93000", 3, 3, clinical), ("93005", 3, 3, clinical),
            ("96127", 3, 3, clinical), ("99024", 1, 2, policy), ("99202", 1, 2, descriptor),
            ("99203", 1, 2, descriptor), ("99204", 1, 2, descriptor), ("99205", 1, 2, descriptor),
            ("99211", 1, 2, descriptor), ("99212", 1, 2, descriptor), ("99213", 1, 2, descriptor),
            ("99214", 1, 2, descriptor), ("99215", 1, 2, descriptor), ("99385", 1, 2, descriptor),
            ("99386", 1, 2, descriptor), ("99387", 1, 2, descriptor), ("99395", 1, 2, descriptor),
            ("99396", 1, 2, descriptor), ("99397", 1, 2, descriptor), ("G0438", 1, 2, policy),
            ("G0439", 1, 2, policy), ("G0444", 1, 2, policy), ("G2211", 1, 2, policy),
            ("J1030", 8, 3, "Prescribing Information"), ("J3301", 12, 1, "Prescribing Information"),
            ("L3908", 2, 1, anatomic),
        ]
        return rows.map { SampleMUE(code: $0.0, value: $0.1, adjudicationIndicator: $0.2, rationale: $0.3) }
    }()

    /// The PTP table as CMS's practitioner text file (`ccipra-…-f1.txt`): tab-delimited, CRLF,
    /// two preamble lines and a blank one, the header row, then one edit a line.
    static func ptpText() -> SampleFile {
        var lines = [
            "CPT codes only are copyright 2025 American Medical Association. All rights reserved.",
            "Illustrative NCCI PTP practitioner edits for codeaudit's sample practice, in the layout of CMS's "
                + "April 2026 file: not CMS's table.",
            "",
            [
                "Column 1", "Column 2", "*=in existence prior to 1996", "Effective Date", "Deletion Date *=no data",
                "Modifier 0=not allowed 1=allowed 9=not applicable", "PTP Edit Rationale",
            ].joined(separator: "\t"),
        ]
        for edit in ptp {
            lines.append(
                [
                    edit.column1, edit.column2, edit.before1996 ? "*" : "", compact(edit.effective),
                    edit.deletion.map(compact) ?? "*", String(edit.modifierIndicator), edit.rationale,
                ].joined(separator: "\t"))
        }
        return SampleFile(name: ptpFile, bytes: Array(lines.map { $0 + "\r\n" }.joined().utf8))
    }

    /// The MUE table as CMS's practitioner services CSV: a quoted preamble cell, the header row,
    /// then one code a line; CRLF.
    static func mueText() -> SampleFile {
        let preamble =
            "CPT codes only are copyright 2025 American Medical Association. All rights reserved. Illustrative "
            + "practitioner services MUE values for codeaudit's sample practice, effective April 1, 2026, in the "
            + "layout of CMS's table: not CMS's values."
        let header = [
            "HCPCS/CPT Code", "Practitioner Services MUE Values", "MUE Adjudication Indicator", "MUE Rationale",
        ]
        var rows = ["\"" + preamble + "\",,,", header.joined(separator: ",")]
        for row in mue {
            rows.append(
                [row.code, String(row.value), row.indicatorText, row.rationale].map(TextFormat.csv.quote).joined(
                    separator: ","))
        }
        return SampleFile(name: mueFile, bytes: Array(rows.map { $0 + "\r\n" }.joined().utf8))
    }

    /// `YYYYMMDD`.
    private static func compact(_ day: SampleDay) -> String { day.description.filter { $0 != "-" } }
}
