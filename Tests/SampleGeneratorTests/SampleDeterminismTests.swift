import SampleGenerator
import Testing

/// The same seed writes the same bytes; another seed writes other files.
@Suite struct SampleDeterminismTests {
    private let small = SampleOptions(seed: 7, months: 2, encountersPerMonth: 400)

    @Test func theSameSeedWritesTheSameBytes() {
        // Given two generators with the same options
        // When each writes its files
        let first = SamplePractice(options: small).files()
        let second = SamplePractice(options: small).files()
        // Then the files are the same, name for name and byte for byte
        #expect(first.map(\.name) == second.map(\.name))
        for (a, b) in zip(first, second) {
            let same = a.bytes == b.bytes
            #expect(same, "\(a.name) differs between two runs with seed 7")
        }
    }

    @Test func anotherSeedWritesOtherFiles() {
        // Given the same options but for the seed
        var other = small
        other.seed = 8
        // When each writes its files
        let first = SamplePractice(options: small).files()
        let second = SamplePractice(options: other).files()
        // Then the files have the same names, and every one differs but the fee schedule (the contracts) and
        // the NCCI tables (reference files, the same for every practice)
        #expect(first.map(\.name) == second.map(\.name))
        let reference: Set = [
            "fee-schedule.csv", "ncci-ptp-practitioner-2026q2.txt", "ncci-mue-practitioner-2026-04-01.csv",
        ]
        for (a, b) in zip(first, second) {
            let same = a.bytes == b.bytes
            #expect(same == reference.contains(a.name), "\(a.name): same bytes for seeds 7 and 8: \(same)")
        }
    }

    @Test func theDefaultsAreSixMonthsEndingInOctober2026() {
        // Given the default options
        let practice = Fixture.practice
        // Then there are six months of service, May to October 2026, about 2,000 encounters each
        let months = practice.options.serviceMonths.map(\.description)
        #expect(months == ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"])
        for month in practice.options.serviceMonths {
            #expect(practice.encounters.filter { $0.month == month }.count == 2_000)
        }
        // and one 835 file per payer per month it paid in: May (June for Medicaid) to November
        let remittances = ["medicare", "medicaid", "lakeshore-mutual", "pinecrest-health-plan"].flatMap { payer in
            (payer == "medicaid" ? 6...11 : 5...11).map { "remittances-\(payer)-2026-\($0 < 10 ? "0" : "")\($0).835" }
        }
        #expect(
            Fixture.files.keys.sorted()
                == ([
                    "audit-findings.csv", "coder-hours.csv", "encounters-dermatology.csv",
                    "encounters-orthopedics.txt", "encounters-primary-care-2026-05.csv",
                    "encounters-primary-care-2026-06.csv", "encounters-primary-care-2026-07.csv",
                    "encounters-primary-care-2026-08.csv", "encounters-primary-care-2026-09.csv",
                    "encounters-primary-care-2026-10.csv", "fee-schedule.csv", "ncci-mue-practitioner-2026-04-01.csv",
                    "ncci-ptp-practitioner-2026q2.txt",
                ] + remittances).sorted())
    }

    @Test func monthsEndWithOctober2026() {
        // Given twelve months asked for
        let options = SampleOptions(months: 12)
        // Then they run from November 2025 to October 2026
        #expect(options.serviceMonths.first?.description == "2025-11")
        #expect(options.serviceMonths.last?.description == "2026-10")
        #expect(options.serviceMonths.count == 12)
    }
}
