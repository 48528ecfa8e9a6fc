import SampleGenerator
import Testing

/// Audits, coder hours and coding times are consistent with the encounters.
@Suite struct SampleScheduleTests {
    @Test func everyCoderHasATenPercentSampleAuditedEachMonth() {
        // Given the default practice
        let practice = Fixture.practice
        let audited = Set(practice.audits.map(\.encounterID))
        // Then each coder's encounters of each month have round(10%) audited
        for month in practice.options.serviceMonths {
            for coder in Set(practice.encounters.map(\.coder.id)) {
                let coded = practice.encounters.filter { $0.month == month && $0.coder.id == coder }
                #expect(coded.filter { audited.contains($0.id) }.count == (coded.count + 5) / 10, "\(coder) \(month)")
            }
        }
        // and audits come after the month, by one of two auditors, and mostly agree
        let byID = Dictionary(uniqueKeysWithValues: practice.encounters.map { ($0.id, $0) })
        #expect(practice.audits.allSatisfy { $0.auditDate > byID[$0.encounterID]!.month.next.firstDay })
        #expect(Set(practice.audits.map(\.auditor)).count == 2)
        let outcomes = practice.audits.flatMap(\.findings).map(\.outcome)
        #expect(outcomes.filter { $0 == "agree" }.count * 10 > outcomes.count * 9)
        #expect(Set(outcomes) == ["agree", "revised", "deleted", "added"])
    }

    @Test func findingsCompareTheSubmittedCodingWithTheRecord() {
        // Given the default practice's findings
        let findings = Fixture.practice.audits.flatMap(\.findings)
        // Then a row that agrees has no category, every other row has one of the categories auditors use
        // (Excludes1: a diagnosis planted beside one its note excludes, in the upcoder's audited encounters)
        #expect(findings.filter { $0.outcome == "agree" }.allSatisfy { $0.category == nil && $0.comment == nil })
        let categories = Set(findings.filter { $0.outcome != "agree" }.compactMap(\.category))
        #expect(
            categories == [
                "E/M level", "Units", "Modifier", "Unbundling/NCCI", "Missed code", "Diagnosis specificity",
                "Excludes1",
            ])
        #expect(findings.filter { $0.outcome != "agree" }.allSatisfy { $0.category != nil && $0.comment != nil })
        // and units are given on procedure rows only
        #expect(findings.allSatisfy { ($0.codeType == "CPT" || $0.codeType == "HCPCS") || $0.submittedUnits == nil })
    }

    @Test func codersWorkWeekdaysAndCodeOnDaysTheyWorked() {
        // Given the default practice's timesheet and encounters
        let practice = Fixture.practice
        var worked = Set<String>()
        for day in practice.hours {
            // Then each row is a weekday with 1 to 9 hours, one row per coder and day
            #expect(day.day.isWeekday && (100...900).contains(day.centihours))
            #expect(worked.insert("\(day.coder) \(day.day)").inserted, "two rows for \(day.coder) on \(day.day)")
        }
        // and every encounter was coded on or after its service date, within three weeks, on a day its coder worked
        for encounter in practice.encounters {
            let days = encounter.codedDay.ordinal - encounter.serviceDate.ordinal
            #expect((0...21).contains(days), "\(encounter.id) coded after \(days) days")
            #expect(worked.contains("\(encounter.coder.id) \(encounter.codedDay)"), "\(encounter.id)")
        }
    }

    @Test func everyRejectReasonIsPlantedTwoToFourTimes() {
        // Given the default practice's planted rows
        let planted = Fixture.practice.plantedRejects
        // Then every reason is there 2 to 4 times, in a file of its import's kind
        for reject in PlantedReject.allCases {
            let rows = planted.filter { $0.reject == reject }
            #expect((2...4).contains(rows.count), "\(reject): \(rows.count)")
            let prefix = ["encounters": "encounters-", "audits": "audit-", "hours": "coder-hours"][reject.importKind]!
            #expect(rows.allSatisfy { $0.file.hasPrefix(prefix) }, "\(reject)")
        }
    }
}
