/// The audit worksheet as the auditors' spreadsheet exports it.
enum AuditWorksheet {
    static let header = [
        "Visit ID", "Reviewer", "Review Date", "Code Type", "Original Code", "Corrected Code", "Billed Units",
        "Corrected Units", "Error Category", "Rationale",
    ]

    /// One finding's cells. The primary-care auditor fills in the code type;
    /// the other leaves it to be read from the code's shape.
    static func cells(_ audit: SampleAudit, _ finding: SampleFinding) -> [String] {
        [
            audit.encounterID, audit.auditor, audit.auditDate.usPadded,
            audit.auditor == Roster.primaryCareAuditor ? finding.codeType : "", finding.submittedCode ?? "",
            finding.auditedCode ?? "", finding.submittedUnits.map(String.init) ?? "",
            finding.auditedUnits.map(String.init) ?? "", finding.category ?? "", finding.comment ?? "",
        ]
    }
}

extension SamplePractice {
    /// The file names and bytes of the sample practice's exports.
    public func files() -> [SampleFile] {
        let months = options.serviceMonths
        var files = months.map { encounterFile(.primaryCare, month: $0) }
        files.append(encounterFile(.orthopedics, month: nil))
        files.append(encounterFile(.dermatology, month: nil))
        files.append(SampleFile(name: Self.feeScheduleFile, bytes: feeScheduleText().bytes))

        var audits = DelimitedText(format: .csv, header: AuditWorksheet.header)
        let auditRows = self.audits.flatMap { audit in audit.findings.map { AuditWorksheet.cells(audit, $0) } }
        audits.append(rows: auditRows, planted: plantedAuditRows)
        files.append(SampleFile(name: Self.auditFile, bytes: audits.bytes))

        var hours = DelimitedText(format: .csv, header: ["Employee ID", "Shift Date", "Hours Worked"])
        let hourRows = self.hours.map { [$0.coder, $0.day.description, Self.hours($0.centihours)] }
        hours.append(rows: hourRows, planted: plantedHourRows)
        files.append(SampleFile(name: Self.hoursFile, bytes: hours.bytes))
        files += [SampleNCCI.ptpText(), SampleNCCI.mueText()]
        return files + remittanceFiles()
    }

    static let feeScheduleFile = "fee-schedule.csv"
    static let auditFile = "audit-findings.csv"
    static let hoursFile = "coder-hours.csv"

    /// The encounter export of a system (of one month, for the monthly files),
    /// with the planted bad lines beside their host encounters.
    private func encounterFile(_ system: SourceSystem, month: SampleMonth?) -> SampleFile {
        let layout = EncounterLayout.of(system)
        var text = DelimitedText(format: layout.format, header: layout.headers)
        var before: [String: [String]] = [:]
        var after: [String: [String]] = [:]
        for line in plantedLines {
            if line.precedesHost {
                before[line.hostID, default: []].append(line.text)
            } else {
                after[line.hostID, default: []].append(line.text)
            }
        }
        for encounter in encounters where encounter.system == system && (month == nil || encounter.month == month) {
            for line in before[encounter.id] ?? [] { text.appendRaw(line) }
            for index in encounter.lines.indices { text.append(layout.cells(encounter, line: index)) }
            for line in after[encounter.id] ?? [] { text.appendRaw(line) }
        }
        let name = Self.encounterFileName(system, month: month ?? options.serviceMonths[0])
        return SampleFile(name: name, bytes: text.bytes)
    }

    /// The contract-management system's export of the fee schedule.
    private func feeScheduleText() -> DelimitedText {
        var text = DelimitedText(
            format: .csv, header: ["Payer Name", "CPT/HCPCS", "Mod", "Contract Rate", "Effective Date", "Term Date"])
        for rate in feeSchedule {
            text.append([
                rate.payer, rate.code, "", Money.dollars(rate.amountCents), rate.effectiveFrom.usPadded,
                rate.effectiveTo?.usPadded ?? "",
            ])
        }
        return text
    }

    /// `8`, `7.5`, `7.75`.
    static func hours(_ centihours: Int) -> String {
        let whole = String(centihours / 100)
        switch centihours % 100 {
        case 0: return whole
        case let part where part % 10 == 0: return whole + "." + String(part / 10)
        case let part: return whole + "." + SampleDay.pad(part)
        }
    }
}

extension DelimitedText {
    /// Appends good rows, each planted row right after the good row it follows.
    mutating func append(rows: [[String]], planted: [PlantedCompanionRow]) {
        var following: [Int: [[String]]] = [:]
        for row in planted { following[row.after, default: []].append(row.cells) }
        for (index, row) in rows.enumerated() {
            append(row)
            for extra in following[index] ?? [] { append(extra) }
        }
    }
}
