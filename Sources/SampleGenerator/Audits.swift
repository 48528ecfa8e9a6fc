/// One row of an audit worksheet: a reviewed code and what the auditor made of it.
public struct SampleFinding: Sendable, Equatable {
    /// `CPT`, `HCPCS`, `ICD10` or `MOD`.
    public let codeType: String
    /// Nil: the auditor added a code the coder missed.
    public let submittedCode: String?
    /// Nil: the auditor deleted a code the record does not support.
    public let auditedCode: String?
    public let submittedUnits: Int?
    public let auditedUnits: Int?
    /// Nil on rows that agree.
    public let category: String?
    public let comment: String?

    /// `agree`, `revised`, `deleted` or `added`, as the import will judge the row.
    public var outcome: String {
        switch (submittedCode, auditedCode) {
        case (nil, _): "added"
        case (_, nil): "deleted"
        case let (before?, after?): before == after && submittedUnits == auditedUnits ? "agree" : "revised"
        }
    }
}

/// The audit of one sampled encounter.
public struct SampleAudit: Sendable {
    public let encounterID: String
    public let auditor: String
    public let auditDate: SampleDay
    public let findings: [SampleFinding]
}

/// An encounter drawn into the audit sample: by whom and when it is audited.
struct AuditDraw {
    let encounterID: String
    let auditor: String
    let auditDate: SampleDay
}

/// Draws each coder's monthly 10% sample and writes what the auditor finds:
/// the submitted coding compared with the documented one, row by row.
struct AuditPlanner {
    private var random: SampleRandom

    init(seed: UInt64) {
        random = SampleRandom(seed: seed, stream: "audits")
    }

    /// Who audits which encounter when: every coder's sample of each month's encounters (by service
    /// date). The draws depend on how many encounters each coder coded, not on their coding.
    mutating func draws(of encounters: [SampleEncounter], months: [SampleMonth]) -> [AuditDraw] {
        var draws: [AuditDraw] = []
        for month in months {
            let reviewDays = (6...20).map { SampleDay(year: month.next.year, month: month.next.month, day: $0) }
                .filter(PracticeCalendar.isWorkingDay)
            for coder in Roster.coders {
                let frame = encounters.filter { $0.coder == coder && $0.month == month }
                let sampled = random.sample(frame, count: (frame.count + 5) / 10)
                for encounter in sampled.sorted(by: { $0.id < $1.id }) {
                    let auditor =
                        encounter.provider.specialty.isPrimaryCare ? Roster.primaryCareAuditor : Roster.specialtyAuditor
                    draws.append(
                        AuditDraw(encounterID: encounter.id, auditor: auditor, auditDate: random.pick(reviewDays)))
                }
            }
        }
        return draws
    }

    /// The audits of the drawn encounters: what each auditor finds, the submitted coding compared
    /// with the documented one.
    static func audits(_ draws: [AuditDraw], of encounters: [SampleEncounter]) -> [SampleAudit] {
        let byID = Dictionary(uniqueKeysWithValues: encounters.map { ($0.id, $0) })
        return draws.map { draw in
            let encounter = byID[draw.encounterID]!
            return SampleAudit(
                encounterID: draw.encounterID, auditor: draw.auditor, auditDate: draw.auditDate,
                findings: findings(submitted: encounter.submitted, documented: encounter.documented))
        }
    }

    /// The worksheet rows: each submitted line followed by its modifiers, the
    /// diagnoses, then the documented lines the coder left out.
    static func findings(submitted: Coding, documented: Coding) -> [SampleFinding] {
        var rows: [SampleFinding] = []
        for line in submitted.lines {
            guard let index = line.documentedIndex else {
                rows.append(procedure(line.code, nil, units: (line.units, nil), "Unbundling/NCCI", Comment.unbundled))
                continue
            }
            let truth = documented.lines[index]
            let category: String? =
                line.code != truth.code ? "E/M level" : line.units != truth.units ? "Units" : nil
            let comment: String? =
                line.code == truth.code
                ? (category == nil ? nil : Comment.units)
                : ProcedureCatalog.establishedLevel(of: line.code) == truth.code
                    ? Comment.established
                    : (ProcedureCatalog.emLevel(line.code, by: -1) == truth.code ? Comment.levelDown : Comment.levelUp)
            rows.append(procedure(line.code, truth.code, units: (line.units, truth.units), category, comment))
            var unmatched = truth.modifiers.filter { !line.modifiers.contains($0) }
            for modifier in line.modifiers {
                if truth.modifiers.contains(modifier) {
                    rows.append(modifierRow(modifier, modifier, nil))
                } else if modifier == "59", let index = unmatched.firstIndex(of: "XS") {
                    unmatched.remove(at: index)
                    rows.append(modifierRow("59", "XS", Comment.xs))
                } else {
                    rows.append(modifierRow(modifier, nil, Comment.unsupported25))
                }
            }
            rows += unmatched.map { modifierRow(nil, $0, $0 == "25" ? Comment.missing25 : Comment.laterality) }
        }
        for (given, supported) in zip(submitted.diagnoses, documented.diagnoses) {
            let differs = given != supported
            rows.append(
                SampleFinding(
                    codeType: "ICD10", submittedCode: given, auditedCode: supported, submittedUnits: nil,
                    auditedUnits: nil, category: differs ? "Diagnosis specificity" : nil,
                    comment: differs ? Comment.specificity : nil))
        }
        for extra in submitted.diagnoses.dropFirst(documented.diagnoses.count) {
            rows.append(
                SampleFinding(
                    codeType: "ICD10", submittedCode: extra, auditedCode: nil, submittedUnits: nil, auditedUnits: nil,
                    category: "Excludes1", comment: Comment.excludes1))
        }
        let billed = Set(submitted.lines.compactMap(\.documentedIndex))
        for (index, line) in documented.lines.enumerated() where !billed.contains(index) {
            rows.append(procedure(nil, line.code, units: (nil, line.units), "Missed code", Comment.missed))
        }
        return rows
    }

    private static func procedure(
        _ submitted: String?, _ audited: String?, units: (Int?, Int?), _ category: String?, _ comment: String?
    ) -> SampleFinding {
        let code = submitted ?? audited!
        return SampleFinding(
            codeType: ProcedureCatalog.isHCPCS(code) ? "HCPCS" : "CPT", submittedCode: submitted, auditedCode: audited,
            submittedUnits: units.0, auditedUnits: units.1, category: category, comment: comment)
    }

    private static func modifierRow(_ submitted: String?, _ audited: String?, _ comment: String?) -> SampleFinding {
        SampleFinding(
            codeType: "MOD", submittedCode: submitted, auditedCode: audited, submittedUnits: nil, auditedUnits: nil,
            category: comment == nil ? nil : "Modifier", comment: comment)
    }

    /// What auditors write in the rationale column (no CPT descriptor text).
    enum Comment {
        static let levelDown = "MDM documented supports a lower level"
        static let levelUp = "MDM documented supports a higher level"
        static let units = "units do not match the documented dose or count"
        static let unbundled = "component of the comprehensive service billed (NCCI edit)"
        static let xs = "separate structure documented; XS is more specific than 59"
        static let unsupported25 = "no procedure or other service that day: 25 does not apply"
        static let laterality = "laterality documented but not coded"
        static let specificity = "documentation supports a more specific code"
        static let missed = "documented and billable, not coded"
        static let missing25 = "separately identifiable E/M documented beside the procedure: 25 needed"
        static let established = "patient seen by the specialty within three years: established-patient code"
        static let excludes1 = "an Excludes1 note of another diagnosis coded names it: not coded together"
    }
}
