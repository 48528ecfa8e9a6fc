import Analytics
import Foundation
import PropertyBased
import TestSupport
import Testing

@testable import Report

/// Whatever the names in the imported files, they stay text: no `<`, `>`, `"`,
/// `'` or bare `&` of theirs reaches the page, and the page's markup is the
/// same markup it has for plain names.
@Suite struct HTMLEscapingPropertyTests {
    /// Characters markup cares about, heavily weighted, and any other scalar but NUL.
    static let character = Generator<Character, Shrink.None<Character>> { rng in
        let markup: [Character] = ["<", ">", "\"", "'", "&", "/", "=", "#", ";", " ", "\n", "a", "é", "中", "😀"]
        if Int.random(in: 0..<3, using: &rng) < 2 { return markup.randomElement(using: &rng)! }
        let value = [UInt32.random(in: 0x01...0x7F, using: &rng), UInt32.random(in: 0xA0...0xD7FF, using: &rng)]
            .randomElement(using: &rng)!
        return Character(Unicode.Scalar(value)!)
    }
    static let name = character.string(of: 0...30)

    /// Every `<…>` of the page, in order. Scalars, not Characters: a browser ends a tag at the `>` even
    /// when a combining mark follows it, which Swift would fold into one Character with it.
    private func tags(_ html: String) -> [String] {
        var tags: [String] = []
        var current: String.UnicodeScalarView?
        for scalar in html.unicodeScalars {
            if scalar == "<" { current = String.UnicodeScalarView() }
            current?.append(scalar)
            if scalar == ">", let tag = current {
                tags.append(String(tag))
                current = nil
            }
        }
        return tags
    }

    /// The text between tags.
    private func texts(_ html: String) -> [String] {
        var texts: [String] = []
        var current = String.UnicodeScalarView()
        var inTag = false
        for scalar in html.unicodeScalars {
            if scalar == "<" {
                texts.append(String(current))
                current = String.UnicodeScalarView()
                inTag = true
            } else if scalar == ">" && inTag {
                inTag = false
            } else if !inTag {
                current.append(scalar)
            }
        }
        return texts + [String(current)]
    }

    private func count(_ scalar: Unicode.Scalar, in html: String) -> Int {
        html.unicodeScalars.reduce(0) { $0 + ($1 == scalar ? 1 : 0) }
    }

    private func page(_ names: [String]) throws -> String {
        // Two distinct names whatever was drawn: the second gets a space, or two when the first is it with one
        // (" " and "" were drawn once, and the two providers became one).
        func two(_ first: String, _ second: String) -> [String] {
            [first, second + (second + " " == first ? "  " : " ")]
        }
        var fixture = ReportFixture.Names()
        fixture.providers = two(names[0], names[1])
        fixture.coders = two(names[2], names[3])
        fixture.payers = two(names[4], names[5])
        fixture.category = "category " + names[6]  // never blank: a blank one joins "Not categorised"
        fixture.file = names[7]
        return try MonthlyReport(
            data: ReportFixture.data(fixture), edits: ReportFixture.edits(fixture), practiceName: names[8],
            generatedAt: ReportClock.generatedAt
        )
        .html()
    }

    @Test func namesNeverBecomeMarkup() async throws {
        let plain = try page((0..<9).map { "name\($0)" })
        await propertyCheck(count: 60, input: Self.name.array(of: 9)) { names in
            let html = try! page(names)
            // Then the page has exactly the tags it has with plain names
            let difference = tags(html).difference(from: tags(plain))
            #expect(difference.isEmpty, "\(difference.prefix(4).map { "\($0)".prefix(300) })")
            // And the text between them holds no raw markup character the plain page does not (the
            // templates' own text has apostrophes), and no & that starts no entity
            for scalar: Unicode.Scalar in ["<", ">", "\"", "'"] {
                #expect(count(scalar, in: html) == count(scalar, in: plain), "\(scalar)")
            }
            for text in texts(html) {
                let scalars = Array(text.unicodeScalars)
                for (index, scalar) in scalars.enumerated() where scalar == "&" {
                    let entity = String(String.UnicodeScalarView(scalars[index..<min(index + 6, scalars.count)]))
                    #expect(
                        ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].contains {
                            entity.unicodeScalars.starts(with: $0.unicodeScalars)
                        },
                        "\(entity)")
                }
            }
        }
    }
}
