import Codes
import PropertyBased
import Testing

/// SPEC 3.1: a diagnosis cell holds codes separated by `;`, `,`, `|` or white
/// space, dotted or not, in any case. The import reads a cell of plain
/// upper-case ASCII from its bytes, and any other cell as text: both must give
/// the same codes.
@Suite struct DiagnosisCellPropertyTests {
    /// Codes and their separators, with what sends a cell to the text path: lower case, a
    /// letter beyond ASCII, a control character.
    static let characters: [Character] = [
        "E", "I", "Z", "S", "1", "0", "9", "X", ".", ".", ";", ",", "|", " ", "\t", "e", "i", "é", "\r", "-",
    ]
    static let character = Generator<Character, Shrink.None<Character>> { rng in
        characters.randomElement(using: &rng)!
    }
    static let cell = character.string(of: 0...24)

    @Test func theBytePathGivesWhatTheTextPathGives() async {
        await propertyCheck(input: Self.cell) { cell in
            // Given any cell of codes and separators
            let asText = MedicalCodes.split(cell).map(MedicalCodes.undotted)
            // When its bytes are read directly
            let plain = Self.undottedCodes(cell)
            // Then they give the same codes whenever they are plain, and plain upper-case ASCII always is
            let isPlain = cell.unicodeScalars.allSatisfy {
                $0.isASCII && $0.value >= 0x20 && !("a"..."z").contains($0) || $0 == "\t"
            }
            #expect((plain != nil) == isPlain, "\(cell.debugDescription)")
            if let plain { #expect(plain == asText, "\(cell.debugDescription)") }
        }
    }

    @Test func aPlainCellIsSplitAndUndotted() {
        #expect(Self.undottedCodes("E11.9; I10,|Z00.00  S72.001A") == ["E119", "I10", "Z0000", "S72001A"])
        #expect(Self.undottedCodes(" ; ,") == [])
        #expect(Self.undottedCodes("e11.9") == nil)
    }

    static func undottedCodes(_ cell: String) -> [String]? {
        Array(cell.utf8).withUnsafeBufferPointer { MedicalCodes.undottedCodes(inPlainCell: $0) }
    }
}
