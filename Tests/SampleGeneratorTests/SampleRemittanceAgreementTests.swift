import SampleGenerator
import Testing

/// The 835s are what the practice-management systems posted from: they settle
/// exactly the encounters the exports show adjudicated, with the same amounts.
@Suite struct SampleRemittanceAgreementTests {
    @Test func everyAdjudicatedEncounterIsRemittedAsItsExportShowsIt() {
        // Given the exported encounters and every claim payment, by encounter id
        let byID = Dictionary(grouping: ParsedRemittances.claims, by: \.id)
        let filing = ["Medicare": "MB", "Medicaid": "MC", "Lakeshore Mutual": "CI", "Pinecrest Health Plan": "CI"]
        var remitted = 0
        for encounter in Fixture.practice.encounters {
            let claims = byID[encounter.id] ?? []
            guard encounter.lines.allSatisfy({ $0.adjudication != .pending }), encounter.payer.name != "Self Pay" else {
                // Then a pending encounter, or a self-pay one, has no remittance
                #expect(claims.isEmpty, "\(encounter.id) is pending or self-pay but remitted")
                continue
            }
            remitted += 1
            // and an adjudicated one is settled once (or paid, reversed and paid again), by its payer, after coding
            #expect(claims.count == 1 || claims.count == 3, "\(encounter.id): \(claims.count) claim payments")
            for claim in claims {
                #expect(claim.payer == encounter.payer.name && claim.filing == filing[encounter.payer.name])
                #expect(claim.serviceDate == encounter.serviceDate && claim.lines.count == encounter.lines.count)
                #expect(claim.paymentDate > encounter.codedDay, "\(encounter.id) paid before it was coded")
                let ascii = encounter.patient.name.allSatisfy(\.isASCII)
                #expect(claim.patient == encounter.patient.name || (!ascii && claim.patient.allSatisfy(\.isASCII)))
            }
            // with the export's code, modifiers and units on each line, and its allowed and paid summed over payments
            for (index, line) in encounter.lines.enumerated() where claims.allSatisfy({ $0.lines.count > index }) {
                let lines = claims.map { $0.lines[index] }
                #expect(
                    lines.allSatisfy {
                        $0.code == line.code && $0.modifiers == line.modifiers && $0.units == line.units
                            && abs($0.charge) == line.chargeCents
                    }, "\(encounter.id) line \(index + 1)")
                #expect(lines.reduce(0) { $0 + $1.paid } == line.paidCents, "\(encounter.id) line \(index + 1) paid")
                #expect(lines.reduce(0) { $0 + ($1.allowed ?? 0) } == line.allowedCents, "\(encounter.id) allowed")
            }
        }
        #expect(remitted > 9_000)
    }

    @Test func everyClaimButThePlantedUnknownOnesIsForAnExportedEncounter() {
        // Given the exported encounter ids and the claims' CLP01
        let exported = Set(Fixture.practice.encounters.map(\.id))
        let unknown = Set(ParsedRemittances.claims.map(\.id)).subtracting(exported)
        // Then the only ids in no export are the planted ones, 3 to 5 of them
        #expect(unknown == Set(Fixture.practice.plantedRemittances.unknownEncounterIDs))
        #expect((3...5).contains(unknown.count))
    }
}
