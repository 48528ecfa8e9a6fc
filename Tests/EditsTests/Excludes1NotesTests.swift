import CICD10
import Foundation
import Testing

@testable import Edits

/// The notes quoted here are those of the FY2026 tabular
/// (icd10c-tabular-April-1-2026.xml in simple-icd-10-cm 1.5.0).
@Suite struct Excludes1NotesTests {
    let notes = Excludes1Notes.fy2026

    /// The FY2026 billable codes, to check that each pair a test uses is one a
    /// claim can carry (a test on a code nobody reports would prove nothing).
    static let billable: Set<String> = {
        let table = codeaudit_icd10cm_billable_codes()!
        return Set(String(cString: table).split(separator: "\n").map(String.init))
    }()

    func expectBillable(_ codes: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        for code in codes {
            #expect(Self.billable.contains(code), "\(code) is not billable", sourceLocation: sourceLocation)
        }
    }

    @Test func aCategoryNoteReachesEveryCodeBelowIt() {
        // Given E11 "Type 2 diabetes mellitus": Excludes1 gestational diabetes
        // (O24.4-); E11.65 is two levels below E11 and holds no note of its own.
        expectBillable("E1165", "O24410")
        #expect(notes.notes(for: "E1165").map(\.description).contains("E11 excludes O24.4-"))

        // When E11.65 meets O24.410 (whose own notes do not name E11)
        let conflict = notes.conflict("E1165", "O24410")

        // Then the pair is flagged by E11's note
        #expect(notes.excludes("E1165", "O24410"))
        #expect(conflict?.code == "E1165")
        #expect(conflict?.excluded == "O24410")
        #expect(conflict?.detail == "E11.65 and O24.410: E11 excludes O24.4-")
    }

    @Test func aRangeTargetCoversItsEndsAndNothingOutside() {
        // Given Z33.1 "Pregnant state, incidental": Excludes1 complications of
        // pregnancy (O00-O9A)
        expectBillable("Z331", "O0000", "O9A211", "P000", "N9989")

        // When it meets the first code of the range, one in its last category
        // (O9A sorts after O99), and the codes just outside either end
        // Then the ones inside are flagged and the ones outside are not
        #expect(notes.excludes("Z331", "O0000"))
        #expect(notes.excludes("Z331", "O9A211"))
        #expect(notes.conflict("Z331", "O9A211")?.detail == "O9A.211 and Z33.1: Z33.1 excludes O00-O9A")
        #expect(!notes.excludes("Z331", "P000"))
        #expect(!notes.excludes("Z331", "N9989"))
    }

    @Test func aDashTargetCoversTheCodesThatStartWithIt() {
        // Given A04 "Other bacterial intestinal infections": Excludes1
        // bacterial foodborne intoxications, NEC (A05.-)
        expectBillable("A040", "A051", "A060")

        // When A04.0 meets A05.1 and A06.0
        // Then A05.1 is flagged, A06.0 (not under A05) is not
        #expect(notes.conflict("A040", "A051")?.detail == "A04.0 and A05.1: A04 excludes A05.-")
        #expect(!notes.excludes("A040", "A060"))
    }

    @Test func codesWithNoNoteBetweenThemAreNotFlagged() {
        // Given type 2 diabetes without complications and essential hypertension
        expectBillable("E119", "I10")

        // When they are compared
        // Then no note over either names the other
        #expect(!notes.excludes("E119", "I10"))
        #expect(notes.conflict("E119", "I10") == nil)
        #expect(!notes.notes(for: "E119").isEmpty && !notes.notes(for: "I10").isEmpty)
    }

    @Test func theOrderOfTheTwoCodesDoesNotMatter() {
        // Given pairs flagged from one side only, from both sides, and not at all,
        // and every 500th billable code
        let known = ["E1165", "O24410", "E109", "E119", "Z331", "O9A211", "A040", "A051", "I10", "P000"]
        let pool = known + Self.billable.sorted().enumerated().filter { $0.offset % 500 == 0 }.map(\.element)
        var flagged = 0

        // When each pair is asked both ways
        for a in pool {
            for b in pool {
                let forward = notes.excludes(a, b)
                if forward { flagged += 1 }
                // Then both answers, and the notes given, are the same
                #expect(forward == notes.excludes(b, a), "\(a) \(b)")
                #expect(notes.conflict(a, b) == notes.conflict(b, a), "\(a) \(b)")
            }
        }
        #expect(flagged > 0)
        // E10.9 and E11.9 name each other; the lower code's note is the one given
        #expect(notes.conflict("E119", "E109")?.detail == "E10.9 and E11.9: E10 excludes E11.-")
    }

    @Test func aSectionNoteCoversEveryCategoryOfTheSection() {
        // Given the heading of section A15-A19 "Tuberculosis": Excludes1
        // silicotuberculosis (J65); J65 holds no note
        expectBillable("A150", "A199", "J65", "A200")

        // When codes of the section, and one of the next section, meet J65
        // Then those of the section are flagged by the section's note
        #expect(notes.conflict("A150", "J65")?.note.scope == "A15-A19")
        #expect(notes.excludes("A199", "J65"))
        #expect(!notes.excludes("A200", "J65"))
    }

    @Test func aChapterNoteCoversEveryCodeOfTheChapter() {
        // Given the heading of chapter 4 (E00-E89): Excludes1 transitory
        // endocrine and metabolic disorders specific to newborn (P70-P74)
        expectBillable("E039", "P720")

        // When hypothyroidism, unspecified meets neonatal goiter
        let conflict = notes.conflict("E039", "P720")

        // Then the chapter's note flags it
        #expect(conflict?.detail == "E03.9 and P72.0: E00-E89 excludes P70-P74")
    }

    @Test func aQualifiedNoteNamesOnlyTheCodesItDescribes() {
        // Given G54.5 "Neuralgic amyotrophy": Excludes1 neuralgic amyotrophy in
        // diabetes mellitus (E08-E13 with .44); and F07.81 "Postconcussional
        // syndrome": Excludes1 current concussion (brain) (S06.0X- with seventh character A)
        expectBillable("G545", "E1144", "E1143", "F0781", "S060X1A", "S060X1D")

        // Then the codes the words describe are flagged and their neighbours are not
        #expect(notes.excludes("G545", "E1144"))
        #expect(!notes.excludes("G545", "E1143"))
        #expect(notes.excludes("F0781", "S060X1A"))
        #expect(!notes.excludes("F0781", "S060X1D"))
    }

    @Test func aNoteWhoseParenthesesTheTabularDroppedIsRead() {
        // Given H91 "Other and unspecified hearing loss": Excludes1 "hearing loss
        // as classified in H90.-" (no parentheses in the tabular)
        expectBillable("H9190", "H903")

        // Then the note is in the table
        #expect(notes.notes(for: "H9190").map(\.description).contains("H91 excludes H90.-"))
        #expect(notes.excludes("H9190", "H903"))
    }

    @Test func aNoteNamingACodeBelowItselfIsReadAsWritten() {
        // Given D72 "Other disorders of white blood cells": Excludes1 basophilia
        // (D72.824), a code the tabular since placed under D72
        expectBillable("D7210", "D72824")

        // Then D72.824 conflicts with the other D72 codes, but not with itself
        #expect(notes.conflict("D7210", "D72824")?.detail == "D72.10 and D72.824: D72 excludes D72.824")
        #expect(!notes.excludes("D72824", "D72824"))
    }

    @Test func theTableHoldsEveryNoteTheScriptWrote() {
        // Given the counts Scripts/build-icd10cm.py printed for the FY2026 tabular
        // When the compiled table is read
        let kinds = Dictionary(grouping: notes.notes, by: \.target.kind).mapValues(\.count)
        let atRanges = notes.notes.filter { $0.scopeLow != $0.scopeHigh }.count

        // Then no line was lost
        #expect(notes.count == 7941)
        #expect(kinds[.code] == 5746)
        #expect(kinds[.prefix] == 1910)
        #expect(kinds[.range] == 285)
        #expect(atRanges == 137)
    }
}
