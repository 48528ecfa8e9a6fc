import SampleGenerator
import TestSupport
import Testing

/// The files look like different systems' exports.
@Suite struct SampleFileShapeTests {
    @Test func oneFileIsTabDelimitedAndOneIsWindows1252() {
        // Given the default practice's files
        let files = Fixture.files
        // Then only the orthopedic extract's header is tab-delimited
        let tabbed = files.keys.filter { Fixture.lines($0)[0].contains("\t") }
        #expect(tabbed == ["encounters-orthopedics.txt"])
        // and only the dermatology export is not UTF-8: it is Windows-1252, with ñ (0xF1) and ë (0xEB) in
        // provider names ("Peña, Inés MD", "Albrecht, Zoë MD")
        let notUTF8 = files.filter { String(validating: $0.value, as: UTF8.self) == nil }.map(\.key)
        #expect(notUTF8 == ["encounters-dermatology.csv"])
        let dermatology = files["encounters-dermatology.csv"]!
        let peña: [UInt8] = Array("Pe".utf8) + [0xF1] + Array("a, In".utf8) + [0xE9] + Array("s MD".utf8)
        #expect(dermatology.contains(bytes: peña))
        #expect(dermatology.contains(bytes: Array("Albrecht, Zo".utf8) + [0xEB]))
    }

    @Test func encounterExportsUseTheirOwnHeadersDatesAndMoney() {
        // Given the three systems' encounter exports
        let primaryCare = Fixture.lines("encounters-primary-care-2026-10.csv")
        let orthopedics = Fixture.lines("encounters-orthopedics.txt")
        let dermatology = Fixture.lines("encounters-dermatology.csv")
        // Then each names the encounter, date and codes differently
        #expect(primaryCare[0].hasPrefix("Visit ID,Date of Service,Patient Account Number,"))
        #expect(orthopedics[0].hasPrefix("CSN\tService Date\tMRN\t"))
        #expect(dermatology[0].hasPrefix("Claim No,DOS,Chart Number,Patient,Date of Birth,"))
        // and writes dates MM/DD/YYYY or M/D/YYYY, money as $1,234.50 or 1234.50
        #expect(primaryCare[1].contains(",10/01/2026,") || primaryCare[1].contains(",10/02/2026,"))
        #expect(primaryCare.contains { $0.contains(",$") && $0.contains(".") })
        #expect(orthopedics.dropFirst().allSatisfy { !$0.contains("$") })
        #expect(orthopedics.contains { $0.contains("\t10/1/2026\t") || $0.contains("\t10/2/2026\t") })
        #expect(dermatology.contains { $0.contains(",\"$1,") })
    }

    @Test func theFilesFitInSevenMegabytes() {
        // Given the default practice's files: the exports, and the payers' 835s
        let size = { (remittances: Bool) in
            Fixture.files.filter { $0.key.hasSuffix(".835") == remittances }.values.reduce(0) { $0 + $1.count }
        }
        // Then the exports are under 5 MB and the 835s under 3 MB, as the repository keeps them
        #expect(size(false) < 5_000_000 && size(false) > 2_000_000)
        #expect(size(true) < 3_000_000 && size(true) > 1_000_000)
    }
}

/// The default sample practice, generated once for the whole test run (it is
/// what `codeaudit generate-sample` writes into SampleData/).
enum Fixture {
    static let practice = SamplePractice(options: SampleOptions())

    /// The files of the default practice, by name.
    static let files: [String: [UInt8]] = Dictionary(
        uniqueKeysWithValues: practice.files().map { ($0.name, $0.bytes) })

    /// A file's lines, decoded as UTF-8 (Windows-1252 bytes become U+FFFD).
    static func lines(_ name: String) -> [String] {
        String(decoding: files[name]!, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
    }
}

extension SampleDay {
    /// Whether the practice works that day: Monday to Friday (the holidays are the generator's business).
    var isWeekday: Bool {
        let weekday = (ordinal % 7 + 11) % 7
        return weekday != 0 && weekday != 6
    }
}
