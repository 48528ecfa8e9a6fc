import Codes
import SampleGenerator
import Testing

/// The two illustrative NCCI tables the sample ships are in CMS's practitioner layouts (SPEC 8), say
/// they are not CMS's, hold codes and no descriptor text, and cover the codes the practice bills.
@Suite struct SampleNCCIFileTests {
    /// The practice's billed procedure codes.
    private static let billed = Set(Fixture.practice.encounters.flatMap(\.lines).map(\.code))
    /// CMS's PTP rationale phrases the table uses.
    private static let rationales: Set = [
        "Misuse of column two code with column one code", "Standards of medical / surgical practice",
        "CPT Manual or CMS manual coding instructions", "Mutually exclusive procedures",
    ]

    @Test func thePTPTableIsTabDelimitedWithCMSsPreambleHeaderAndSevenColumns() throws {
        // Given the PTP table the generator writes
        let bytes = try #require(Fixture.files["ncci-ptp-practitioner-2026q2.txt"])
        let text = String(decoding: bytes, as: UTF8.self)
        // Then every line ends in CRLF, as CMS's text files do
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.last == "" && !lines.dropLast().contains { $0.contains("\n") || $0.contains("\r") })
        // and a copyright line and a title saying it is illustrative, not CMS's, come before the header row
        let header = try #require(lines.firstIndex { $0.hasPrefix("Column 1\tColumn 2\t") })
        #expect(header == 3 && lines[2].isEmpty)
        #expect(lines[0].contains("copyright") && lines[0].contains("American Medical Association"))
        #expect(lines[1].hasPrefix("Illustrative") && lines[1].contains("not CMS's"))
        #expect(
            lines[header].components(separatedBy: "\t") == [
                "Column 1", "Column 2", "*=in existence prior to 1996", "Effective Date", "Deletion Date *=no data",
                "Modifier 0=not allowed 1=allowed 9=not applicable", "PTP Edit Rationale",
            ])
        // and each data row has seven cells: two codes, `*` or blank, YYYYMMDD, YYYYMMDD or `*`, 0/1/9, a rationale
        let rows = lines[(header + 1)...].dropLast().map { $0.components(separatedBy: "\t") }
        #expect((30...60).contains(rows.count), "a few dozen pairs: \(rows.count)")
        let digits = { (cell: String) in cell.count == 8 && cell.allSatisfy(\.isNumber) }
        for row in rows {
            #expect(row.count == 7, "\(row)")
            guard row.count == 7 else { continue }
            // (codes of the practice: each has its MUE row, which every code billed has)
            #expect(row[0] != row[1] && Set(row.prefix(2)).isSubset(of: SampleNCCI.mue.map(\.code)), "\(row)")
            #expect(row.prefix(2).allSatisfy { MedicalCodes.isCPT($0) || MedicalCodes.isHCPCS($0) })
            #expect(["*", ""].contains(row[2]) && (row[2] == "*") == (row[3] == "19960101"), "\(row)")
            #expect(digits(row[3]) && (row[4] == "*" || (digits(row[4]) && row[4] >= row[3])), "\(row)")
            #expect(["0", "1", "9"].contains(row[5]) && Self.rationales.contains(row[6]), "\(row)")
        }
        // and sorted by column 1 and column 2, one row per pair, with every indicator and deletions
        // before (04/01/2026) and within (08/01/2026) the sample's months
        let pairs = rows.map { $0[0] + " " + $0[1] }
        #expect(pairs == pairs.sorted() && Set(pairs).count == pairs.count)
        #expect(Set(rows.map { $0[5] }) == ["0", "1", "9"])
        let deletions: Set<String> = Set(rows.map { (row: [String]) -> String in row[4] }.filter { $0 != "*" })
        #expect(deletions == ["20250101", "20260401", "20260801"])
    }

    @Test func theMUETableIsCMSsCSVWithAQuotedPreambleAndCoversEveryCodeBilled() throws {
        // Given the MUE table the generator writes
        let bytes = try #require(Fixture.files["ncci-mue-practitioner-2026-04-01.csv"])
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.last == "")
        // Then a quoted copyright preamble saying the values are illustrative comes first, then CMS's header row
        #expect(lines[0].hasPrefix("\"CPT codes only are copyright") && lines[0].hasSuffix("\",,,"))
        #expect(lines[0].contains("Illustrative") && lines[0].contains("not CMS's values"))
        #expect(lines[1] == "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale")
        // and each row is a code, a whole number, an indicator as CMS writes it, and a rationale
        let rows = lines.dropFirst(2).dropLast().map { $0.components(separatedBy: ",") }
        let indicators: Set = ["1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical"]
        for row in rows {
            #expect(row.count == 4, "\(row)")
            guard row.count == 4 else { continue }
            #expect(MedicalCodes.isCPT(row[0]) || MedicalCodes.isHCPCS(row[0]))
            #expect(Int(row[1]).map { $0 >= 1 } == true && indicators.contains(row[2]) && !row[3].isEmpty, "\(row)")
        }
        #expect(Set(rows.map { $0[2] }) == indicators)
        // and every code the practice bills has its one row, in code order
        let codes = rows.map { $0[0] }
        #expect(codes == codes.sorted() && Set(codes).count == codes.count)
        #expect(Self.billed.isSubset(of: codes), "no MUE value: \(Self.billed.subtracting(codes).sorted())")
    }

    @Test func theTablesAreTheSameForEveryPractice() {
        // Given a small practice of another seed
        let other = SamplePractice(options: SampleOptions(seed: 5, months: 1, encountersPerMonth: 300)).files()
        // Then its NCCI tables are the default practice's: reference files, not the practice's data
        for name in ["ncci-ptp-practitioner-2026q2.txt", "ncci-mue-practitioner-2026-04-01.csv"] {
            #expect(other.first { $0.name == name }?.bytes == Fixture.files[name], "\(name)")
        }
        #expect(SampleNCCI.mueEffective.description == "2026-04-01")
    }
}
