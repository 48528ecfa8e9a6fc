import Codes
import Ingest
import SampleGenerator
import Testing

/// Every code the practice bills or an auditor writes is a real code of its set.
@Suite struct SampleCodesTests {
    @Test func everyDiagnosisIsABillableFY2026Code() {
        // Given the default practice's encounters and audit findings
        let practice = Fixture.practice
        var codes = Set(practice.encounters.flatMap(\.diagnoses))
        for finding in practice.audits.flatMap(\.findings) where finding.codeType == "ICD10" {
            codes.formUnion([finding.submittedCode, finding.auditedCode].compactMap { $0 })
        }
        // Then every one is a billable code of the compiled-in FY2026 ICD-10-CM set, written with its dot
        #expect(codes.count > 80)
        let unbillable = codes.filter { !ICD10CodeSet.fy2026.contains(MedicalCodes.undotted($0)) }
        #expect(unbillable.isEmpty, "not billable: \(unbillable.sorted())")
        #expect(codes.allSatisfy { $0.count == 3 || $0.dropFirst(3).first == "." })
    }

    @Test func everyProcedureAndModifierHasItsShape() {
        // Given the default practice's lines and findings
        let practice = Fixture.practice
        let lines = practice.encounters.flatMap(\.lines)
        let findings = practice.audits.flatMap(\.findings)
        // Then codes are CPT or HCPCS Level II, modifiers two letters or digits, at most 3 to a line
        #expect(lines.allSatisfy { MedicalCodes.isCPT($0.code) || MedicalCodes.isHCPCS($0.code) })
        #expect(lines.allSatisfy { $0.modifiers.count <= 3 && $0.modifiers.allSatisfy(MedicalCodes.isModifier) })
        for finding in findings {
            let codes = [finding.submittedCode, finding.auditedCode].compactMap { $0 }
            switch finding.codeType {
            case "CPT": #expect(codes.allSatisfy(MedicalCodes.isCPT))
            case "HCPCS": #expect(codes.allSatisfy(MedicalCodes.isHCPCS))
            case "MOD": #expect(codes.allSatisfy(MedicalCodes.isModifier))
            default: #expect(finding.codeType == "ICD10")
            }
        }
    }

    @Test func specialtiesBillTheirOwnCodes() {
        // Given the default practice
        let practice = Fixture.practice
        func codes(_ specialty: Specialty) -> Set<String> {
            Set(practice.encounters.filter { $0.provider.specialty == specialty }.flatMap(\.lines).map(\.code))
        }
        // Then primary care bills preventive visits and vaccines, orthopedics imaging and fracture care,
        // dermatology destructions and biopsies, and each specialty only its own procedures
        #expect(codes(.familyMedicine).isSuperset(of: ["99214", "G0439", "90686", "36415", "20610"]))
        #expect(codes(.internalMedicine).isSuperset(of: ["99215", "93000", "83036"]))
        #expect(codes(.orthopedics).isSuperset(of: ["73562", "20610", "25600", "27786", "99024", "L3908"]))
        #expect(codes(.dermatology).isSuperset(of: ["17000", "17003", "11102", "11900", "17311"]))
        #expect(codes(.dermatology).isDisjoint(with: ["73562", "25600", "G0439", "90686"]))
        #expect(codes(.orthopedics).isDisjoint(with: ["17000", "11102", "G0439", "90686"]))
    }

    @Test func modifiersFollowTheCodingRules() {
        // Given the default practice's encounters
        let encounters = Fixture.practice.encounters
        let minor: Set = [
            "69210", "17110", "20610", "20605", "20550", "17000", "11102", "11104", "11900", "11402", "17311",
        ]
        // Then 25 is on every E/M line billed with a minor procedure but where it was planted left off (SPEC 8's
        // ptp edit); laterality on most joint injections; XS marks biopsies beside a destruction, and
        // telehealth visits carry 95 at place of service 10
        let left = Set(
            Fixture.practice.plantedEdits.filter { [.ptpWithoutModifier, .ptpDeletedEdit].contains($0.kind) }
                .map(\.encounterID))
        let visits = ["99212", "99213", "99214", "99215", "99203", "99204"]
        let withProcedure = encounters.filter { $0.lines.contains { minor.contains($0.code) } }
        let without25 = withProcedure.filter { encounter in
            encounter.lines.contains { visits.contains($0.code) && !$0.modifiers.contains("25") }
        }
        #expect(withProcedure.count > 200)
        #expect(Set(without25.map(\.id)) == left && left.count > 30)
        let injections = encounters.flatMap(\.lines).filter { $0.code == "20610" }
        #expect(
            injections.filter { !Set($0.modifiers).isDisjoint(with: ["RT", "LT"]) }.count * 10 > injections.count * 9)
        #expect(encounters.flatMap(\.lines).contains { $0.code == "11102" && $0.modifiers == ["XS"] })
        let telehealth = encounters.filter { $0.placeOfService == "10" }
        #expect(!telehealth.isEmpty && telehealth.allSatisfy { $0.lines[0].modifiers.contains("95") })
    }
}
