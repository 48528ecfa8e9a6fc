import Foundation

/// CMS's NCCI tables in the layouts CMS distributes, `Tests/Fixtures/NCCI` (codes and CMS's
/// rationale text only, no descriptor; the pairs and values are made up for the tests):
///
/// - `ccipra-v321r0-f1.txt`: a practitioner PTP file as in CMS's zip: Windows-1252 (the ® of
///   the copyright notice), tab-delimited, CRLF; a notice and a title above the header, three
///   sub-header rows below it; 31 edits, one key (13121/13120, 1996-01-01) listed twice as CMS
///   does, first deleted the day it took effect, then in force.
/// - `ccipra-v322r0-f1.txt`: the next quarter's file: the same edits, 20610/76942 and
///   99214/96372 deleted from 2026-06-30, G0102/99397's indicator 1 → 0, and three new edits.
/// - `ccipra-v321r0-f4.csv`: 10 edits saved from the spreadsheet as CSV: the notice quoted in
///   its first cell, the wrapped header cells quoted over several lines, no sub-header rows.
/// - `ncci-mue-practitioner-2026-04-01.csv`: a practitioner services MUE table as CMS's CSV: a
///   quoted two-line notice, the header's first cell wrapped (`"HCPCS/` newline `CPT Code"`),
///   20 codes with each indicator text, J3490's value 0.
/// - `ncci-mue-practitioner-2026-07-01.csv`: the next quarter's: 96372 4 → 3, J1100 100 → 80,
///   99215 added, the header on one line.
public enum NCCIFixture {
    public static let folder = Repository.root.appendingPathComponent("Tests/Fixtures/NCCI")

    /// The bytes of a fixture.
    public static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }
}

/// A practitioner PTP file as CMS writes it (a notice and a title above the header, tabs, CRLF)
/// with `rows` written with `|` between the cells, e.g. `"99213|99211||20100101|*|0|Mutually
/// exclusive procedures"`.
public func ptpFile(_ rows: [String]) -> String {
    let lines =
        [
            "CPT codes, descriptions and other data only are copyright 2025 American Medical Association.",
            "Medicare NCCI PTP Edits, Practitioner Services, Column 1/Column 2",
            "Column 1|Column 2|*=in existence prior to 1996|Effective Date|Deletion Date|Modifier|PTP Edit Rationale",
        ] + rows
    return lines.map { $0.replacingOccurrences(of: "|", with: "\t") + "\r\n" }.joined()
}

/// A practitioner services MUE table as CMS writes it (a quoted notice, the header, CRLF) with
/// `rows` of comma-separated cells.
public func mueFile(_ rows: [String]) -> String {
    let lines =
        [
            "\"CPT codes, descriptions and other data only are copyright 2025 American Medical Association.\",,,",
            "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale",
        ] + rows
    return lines.map { $0 + "\r\n" }.joined()
}
