import SampleGenerator
import Testing

/// The coding mistakes planted for SPEC 8's edits: in the exports as planted, flagged as planted (the
/// two kinds that must not be, not), most of all in the upcoding coder's encounters, and found by the
/// auditors more often in flagged encounters than in the others. SampleData/README.md lists the counts.
@Suite struct SampleEditsTests {
    private static let months = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]
    private let planted = Fixture.practice.plantedEdits
    private let check = SampleEditCheck.result

    /// Mistakes planted per month, May to October: the upcoder's (jellery's), the other coders'.
    static let plantedPerMonth: [PlantedEdit.Kind: [(upcoder: Int, others: Int)]] = [
        .ptpModifierNotAllowed: [(1, 1), (1, 1), (0, 1), (1, 1), (1, 1), (1, 1)],
        .ptpWithoutModifier: [(5, 2), (4, 2), (5, 2), (2, 2), (4, 2), (4, 2)],
        .ptpDeletedEdit: [(0, 0), (0, 0), (0, 0), (0, 1), (0, 1), (0, 1)],
        .ptpModifierAllowed: [(0, 1), (0, 1), (0, 1), (0, 1), (0, 1), (0, 1)],
        .mueLine: [(0, 1), (0, 0), (0, 1), (0, 1), (1, 1), (1, 1)],
        .mueDateOfService: [(0, 1), (0, 0), (0, 1), (0, 1), (0, 1), (0, 1)],
        .excludes1: [(6, 2), (6, 2), (6, 2), (6, 2), (6, 2), (6, 2)],
        .mod25: [(6, 1), (7, 1), (6, 1), (7, 1), (7, 1), (7, 1)],
        .newPatient: [(0, 0), (2, 1), (2, 1), (2, 1), (2, 1), (2, 1)],
    ]

    /// Every flag of each month, planted and not: ptp, mue, excludes1, mod25, new_patient.
    static let flagsPerMonth: [String: [Int]] = [
        "2026-05": [22, 3, 14, 34, 7], "2026-06": [27, 0, 15, 48, 9], "2026-07": [22, 2, 13, 32, 8],
        "2026-08": [20, 2, 12, 46, 14], "2026-09": [23, 3, 12, 25, 11], "2026-10": [22, 3, 10, 37, 12],
    ]

    @Test func theREADMEsCountsAreWhatIsPlantedAndFlagged() {
        // Given the default practice's planted mistakes and the edits worked out from its exports
        // Then each month has the planted mistakes and the flags SampleData/README.md lists
        for (index, month) in Self.months.enumerated() {
            for kind in PlantedEdit.Kind.allCases {
                let mine = planted.filter { $0.kind == kind && $0.month.description == month }
                let counts = (mine.filter { $0.coder == "jellery" }.count, mine.filter { $0.coder != "jellery" }.count)
                let expected = Self.plantedPerMonth[kind]![index]
                #expect(counts == expected, "\(month) \(kind): \(counts)")
            }
            let flags = ["ptp", "mue", "excludes1", "mod25", "new_patient"].map { edit in
                check.flags.filter { $0.edit == edit && $0.month == month }.count
            }
            #expect(flags == Self.flagsPerMonth[month], "\(month): \(flags)")
        }
    }

    @Test func eachPlantedMistakeIsInTheExportsAsPlanted() throws {
        // Given the stored encounters, imported from the written exports, by id
        let stored = Dictionary(uniqueKeysWithValues: check.encounters.values.map { ($0.externalID, $0) })
        for edit in planted {
            let encounter = try #require(stored[edit.encounterID], "\(edit.encounterID) not stored")
            let lines = encounter.lines
            func line(_ code: String) -> SampleEditCheck.Line? { lines.first { $0.code == code } }
            // Then each holds its mistake, line by line
            switch edit.kind {
            case .ptpModifierNotAllowed:
                #expect(line("36415") != nil && line("36416")?.modifiers == ["59"], "\(edit)")
            case .ptpWithoutModifier, .ptpDeletedEdit:
                #expect(line(edit.code)?.modifiers.contains("25") == false, "\(edit)")
                #expect(line(edit.otherCode!)?.modifiers == [], "\(edit)")
            case .ptpModifierAllowed:
                #expect(line("17000") != nil && line("11102")?.modifiers == ["XU"], "\(edit)")
            case .mueLine:
                #expect(lines.contains { $0.code == "J3301" && $0.units >= 20 }, "\(edit)")
            case .mueDateOfService:
                #expect(lines.filter { $0.code == "69210" }.map(\.modifiers) == [["RT"], ["LT"]], "\(edit)")
            case .excludes1:
                let codes = [edit.code, edit.otherCode!].map { $0.filter { $0 != "." } }
                #expect(Set(codes).isSubset(of: encounter.diagnoses), "\(edit)")
            case .mod25:
                #expect(lines.count == 1 && lines[0].code == edit.code && lines[0].modifiers == ["25"], "\(edit)")
            case .newPatient:
                #expect(line(edit.code) != nil && ["99202", "99203", "99204", "99205"].contains(edit.code))
                let before = stored.values.filter {
                    $0.patient == encounter.patient && $0.specialty == encounter.specialty
                        && $0.serviceDate < String(encounter.serviceDate.prefix(7))
                }
                #expect(before.contains { $0.lines.contains { $0.code == edit.otherCode } }, "\(edit)")
            }
        }
    }

    @Test func theEditsFlagEachPlantedMistakeAndPassOverTheTwoThatAreAllowed() {
        // Given the flags worked out from the exports
        for edit in planted {
            let hits = check.flags.filter {
                $0.edit == edit.kind.edit && $0.encounterID == edit.encounterID && $0.code == edit.code
                    && $0.otherCode == edit.otherCode
            }
            // Then each planted mistake is flagged on its encounter with its codes, but a PTP pair whose
            // edit was deleted before the visit, and one with XU on column 2, which indicator 1 allows
            #expect(hits.count == (edit.kind.isFlagged ? 1 : 0), "\(edit): \(hits.count) flags")
        }
        // and both kinds that must not be flagged are planted, as are the seven that must
        #expect(Set(planted.map(\.kind)) == Set(PlantedEdit.Kind.allCases))
        // and the biopsies beside a destruction keep indicator 1's pair unflagged with XS, XU or 59
        let bypassed = check.encounters.values.filter { encounter in
            encounter.lines.contains { $0.code == "17000" }
                && encounter.lines.contains { $0.code == "11102" && ["XS", "XU", "59"].contains($0.modifiers.first) }
        }
        #expect(bypassed.count > 50)
        #expect(!check.flags.contains { $0.code == "17000" && $0.otherCode == "11102" })
    }

    @Test func theUpcoderHasTheMostPlantedMistakesAndTheHighestFlagRateEveryMonth() {
        // Given each month's encounters and the flags worked out from the exports
        let flagged = check.flagged
        for month in Self.months {
            let encounters = check.encounters.values.filter { $0.serviceDate.hasPrefix(month) }
            var rates: [String: Double] = [:]
            for (coder, coded) in Dictionary(grouping: encounters, by: \.coder) {
                rates[coder] = Double(coded.filter { flagged.contains($0.externalID) }.count) / Double(coded.count)
            }
            // Then jellery's encounters are flagged more often than any other coder's
            let ranked = rates.sorted { $0.value > $1.value }
            #expect(rates.count == 8 && ranked[0].key == "jellery", "\(month): \(ranked)")
            #expect(ranked[0].value > ranked[1].value * 1.2, "\(month): \(ranked.prefix(2))")
            // and she has more mistakes planted than any other coder
            let mistakes = Dictionary(grouping: planted.filter { $0.month.description == month && $0.kind.isFlagged }) {
                $0.coder
            }
            let most = mistakes.max { $0.value.count < $1.value.count }
            #expect(most?.key == "jellery" && mistakes.values.filter { $0.count == most?.value.count }.count == 1)
        }
    }

    @Test func auditorsFindErrorsMoreOftenInFlaggedEncountersThanInTheOthers() throws {
        // Given each month's audited encounters, whether the edits flag them, and whether their audit found an error
        let flagged = check.flagged
        for month in Self.months {
            let audited = check.encounters.values.filter {
                $0.serviceDate.hasPrefix(month) && check.inError[$0.externalID] != nil
            }
            func errorRate(_ encounters: [SampleEditCheck.Encounter]) -> Double {
                Double(encounters.filter { check.inError[$0.externalID]! }.count) / Double(encounters.count)
            }
            let (withFlags, without) = (
                audited.filter { flagged.contains($0.externalID) }, audited.filter { !flagged.contains($0.externalID) }
            )
            // Then some audited encounters are flagged, and they are in error more often than the unflagged ones
            #expect(withFlags.count >= 5 && without.count > 150, "\(month)")
            #expect(errorRate(withFlags) > 2 * errorRate(without), "\(month)")
        }
        // and the upcoder's planted mistakes in her audited encounters are among the auditors' findings
        let audits = Dictionary(uniqueKeysWithValues: Fixture.practice.audits.map { ($0.encounterID, $0) })
        let inSample = planted.filter(\.audited)
        #expect(inSample.count == 12 && inSample.allSatisfy { $0.coder == "jellery" })
        for edit in inSample {
            let findings = try #require(audits[edit.encounterID]).findings
            switch edit.kind {
            case .excludes1:
                #expect(findings.contains { $0.outcome == "deleted" && $0.category == "Excludes1" }, "\(edit)")
            case .mod25:
                #expect(findings.contains { $0.submittedCode == "25" && $0.outcome == "deleted" }, "\(edit)")
            default:
                #expect(edit.kind == .ptpWithoutModifier)
                #expect(findings.contains { $0.auditedCode == "25" && $0.outcome == "added" }, "\(edit)")
            }
        }
        // while no other planted mistake changes an amount on a claim an 835 pays
        let byID = Dictionary(uniqueKeysWithValues: Fixture.practice.encounters.map { ($0.id, $0) })
        for edit in planted where [.ptpModifierNotAllowed, .mueLine, .mueDateOfService].contains(edit.kind) {
            let encounter = try #require(byID[edit.encounterID])
            #expect(encounter.payer.name == "Self Pay" || encounter.lines.allSatisfy { $0.adjudication == .pending })
        }
    }
}
