import SampleGenerator
import Testing

/// The 835 files are well-formed X12: envelopes nest, their control numbers and counts match.
@Suite struct SampleRemittanceEnvelopeTests {
    static let payerNames = [
        "medicare": "Medicare", "medicaid": "Medicaid", "lakeshore-mutual": "Lakeshore Mutual",
        "pinecrest-health-plan": "Pinecrest Health Plan",
    ]

    @Test func thereIsOneFilePerPayerAndMonthOfPaymentAndNoneForSelfPay() {
        // Given the default practice's 835 files
        let files = ParsedRemittances.files
        // Then each is named remittances-<payer>-YYYY-MM.835, and holds only that payer's payments of that month
        for file in files {
            let stem = file.dropFirst("remittances-".count).dropLast(".835".count)
            let (slug, month) = (String(stem.dropLast(8)), String(stem.suffix(7)))
            #expect(file.hasPrefix("remittances-") && Self.payerNames[slug] != nil, "\(file)")
            let payments = ParsedRemittances.payments.filter { $0.file == file }
            #expect(!payments.isEmpty)
            #expect(payments.allSatisfy { $0.payer == Self.payerNames[slug] && $0.date.description.hasPrefix(month) })
        }
        // and every payer that remits has files from May (June for the slow one) to November 2026
        let months = { (slug: String) in files.filter { $0.hasPrefix("remittances-\(slug)-") }.count }
        #expect(files.count == 27)
        #expect(months("medicare") == 7 && months("medicaid") == 6 && months("lakeshore-mutual") == 7)
        #expect(!files.contains { $0.contains("self") })
    }

    @Test func envelopesNestAndTheirControlNumbersAndCountsMatch() {
        var interchanges = Set<String>()
        for file in ParsedRemittances.files {
            // Given one 835 file's segments
            var problems: [String] = []
            var (isa, gs, st): ([String]?, [String]?, [String]?) = (nil, nil, nil)
            var (groups, transactions, count) = (0, 0, 0)
            for (index, e) in X12Splitter.segments(Fixture.files[file]!).enumerated() {
                func check(_ condition: Bool, _ what: String) {
                    if !condition { problems.append("\(file) segment \(index + 1) \(e[0]): \(what)") }
                }
                if st != nil { count += 1 }
                switch e[0] {
                case "ISA":
                    check(isa == nil && e.count == 17 && e.joined(separator: "*").count == 105, "ISA shape")
                    check(
                        [e[2].count, e[4].count, e[6].count, e[8].count, e[13].count] == [10, 10, 15, 15, 9], "widths")
                    check(e[11] == "^" && e[12] == "00501" && e[16] == ":", "separators and version")
                    check(interchanges.insert(e[6] + e[13]).inserted, "ISA13 used before by this sender")
                    (isa, groups) = (e, 0)
                case "GS":
                    check(isa != nil && gs == nil && e[1] == "HP" && e[8] == "005010X221A1", "GS")
                    (gs, groups, transactions) = (e, groups + 1, 0)
                case "ST":
                    check(gs != nil && st == nil && e[1] == "835", "ST")
                    (st, count, transactions) = (e, 1, transactions + 1)
                case "SE":
                    check(st != nil && e[1] == String(count) && e[2] == st?[2], "SE01 \(e[1]), \(count) segments")
                    st = nil
                case "GE":
                    check(gs != nil && st == nil && e[1] == String(transactions) && e[2] == gs?[6], "GE")
                    gs = nil
                case "IEA":
                    check(isa != nil && gs == nil && e[1] == String(groups) && e[2] == isa?[13], "IEA")
                    isa = nil
                default:
                    check(st != nil, "outside a transaction")
                }
            }
            // Then ISA…IEA, GS…GE and ST…SE nest, each closing segment names its opening one and counts right
            #expect(problems.isEmpty, "\(problems.prefix(5))")
            #expect(isa == nil, "\(file): no IEA at the end")
        }
        #expect(interchanges.count > 100)
    }

    @Test func payersLayTheirFilesOutAsTheirClearinghousesDo() {
        // Given each payer's files
        func files(_ slug: String) -> [[UInt8]] {
            ParsedRemittances.files.filter { $0.hasPrefix("remittances-\(slug)-") }.map { Fixture.files[$0]! }
        }
        func after(_ bytes: [UInt8]) -> Set<[UInt8]> {
            Set(
                bytes.indices.filter { bytes[$0] == UInt8(ascii: "~") }.map {
                    Array(bytes[($0 + 1)..<min($0 + 3, bytes.count)])
                })
        }
        let (lf, crlf) = (Array("\n".utf8), Array("\r\n".utf8))
        // Then Medicare's and Medicaid's have one segment a line, Pinecrest's CRLF, Lakeshore's no line break
        #expect(files("medicare").allSatisfy { Set(after($0).map { Array($0.prefix(1)) }) == [lf] })
        #expect(files("medicaid").allSatisfy { Set(after($0).map { Array($0.prefix(1)) }) == [lf] })
        #expect(files("pinecrest-health-plan").allSatisfy { after($0) == [crlf] })
        #expect(files("lakeshore-mutual").allSatisfy { !$0.contains(10) && !$0.contains(13) })
        // and Medicare sends one interchange per payment, the others one a month
        let interchanges = { (bytes: [UInt8]) in X12Splitter.segments(bytes).filter { $0[0] == "ISA" }.count }
        #expect(files("medicare").allSatisfy { interchanges($0) > 1 })
        #expect(files("pinecrest-health-plan").allSatisfy { interchanges($0) == 1 })
        // and every amount is written as X12 writes it: 125, 80.5, -42.17
        #expect(ParsedRemittances.problems.isEmpty, "\(ParsedRemittances.problems.prefix(5))")
        #expect(ParsedRemittances.files.allSatisfy { Fixture.files[$0]!.allSatisfy { $0 < 0x80 } })
    }
}
