/// What a column of an encounter export holds, so that a planted bad row
/// can spoil the right cell.
enum ColumnRole: Equatable {
    case encounterID, serviceDate, patientID, provider, payer, procedure, modifier, units, diagnosis
    case charge, allowed, paid, codedAt, codingMinutes, other
}

/// How one source system writes its encounter export: header names, date,
/// time and money formats, delimiter and encoding.
struct EncounterLayout {
    let system: SourceSystem
    let format: TextFormat
    let columns: [(header: String, role: ColumnRole)]

    var headers: [String] { columns.map(\.header) }

    /// The positions of the columns with a role.
    func indices(of role: ColumnRole) -> [Int] { columns.indices.filter { columns[$0].role == role } }

    static func of(_ system: SourceSystem) -> EncounterLayout {
        switch system {
        case .primaryCare:
            // A practice-management charge export (athenaOne-style headers), one file a month.
            EncounterLayout(
                system: system, format: TextFormat(delimiter: ",", encoding: .utf8, lineEnd: "\r\n"),
                columns: [
                    ("Visit ID", .encounterID), ("Date of Service", .serviceDate),
                    ("Patient Account Number", .patientID),
                    ("Rendering Provider", .provider), ("Department", .other), ("Coded By", .other),
                    ("Primary Insurance", .payer), ("POS", .other), ("CPT Code", .procedure), ("Mod 1", .modifier),
                    ("Mod 2", .modifier), ("Units", .units), ("Dx 1", .diagnosis), ("Dx 2", .diagnosis),
                    ("Dx 3", .diagnosis), ("Dx 4", .diagnosis), ("Charges", .charge), ("Allowed Amount", .allowed),
                    ("Insurance Paid", .paid), ("Charge Entry Date", .codedAt), ("Time Spent", .codingMinutes),
                ])
        case .orthopedics:
            // An EHR reporting extract (Epic Clarity-style), tab-delimited.
            EncounterLayout(
                system: system, format: TextFormat(delimiter: "\t", encoding: .utf8, lineEnd: "\n"),
                columns: [
                    ("CSN", .encounterID), ("Service Date", .serviceDate), ("MRN", .patientID),
                    ("Servicing Provider", .provider), ("Department Name", .other), ("Coder User", .other),
                    ("Primary Payer", .payer), ("POS Code", .other), ("Proc Code", .procedure),
                    ("Modifiers", .modifier),
                    ("Quantity", .units), ("ICD-10-CM Codes", .diagnosis), ("Charge Amount", .charge),
                    ("Allowed Amt", .allowed), ("Payment Amount", .paid), ("Post Date", .codedAt),
                ])
        case .dermatology:
            // A Windows desktop EHR's claim export, in Windows-1252, with the patient's name and birth date.
            EncounterLayout(
                system: system, format: TextFormat(delimiter: ",", encoding: .windows1252, lineEnd: "\r\n"),
                columns: [
                    ("Claim No", .encounterID), ("DOS", .serviceDate), ("Chart Number", .patientID),
                    ("Patient", .other),
                    ("Date of Birth", .other), ("Rendering Physician", .provider), ("Specialty", .other),
                    ("Coder Name", .other), ("Insurance Name", .payer), ("Place of Service", .other),
                    ("CPT/HCPCS", .procedure), ("Modifier 1", .modifier), ("Modifier 2", .modifier),
                    ("Modifier 3", .modifier), ("Units of Service", .units), ("Diagnosis 1", .diagnosis),
                    ("Diagnosis 2", .diagnosis), ("Diagnosis 3", .diagnosis), ("Billed Amount", .charge),
                    ("Allowable", .allowed), ("Ins Paid", .paid), ("Date Coded", .codedAt),
                ])
        }
    }

    /// The cells of one line of an encounter.
    func cells(_ encounter: SampleEncounter, line index: Int) -> [String] {
        let line = encounter.lines[index]
        let diagnoses = line.pointers.map { encounter.diagnoses[$0] }
        func padded(_ values: [String], to count: Int) -> [String] {
            precondition(values.count <= count, "more values than columns")
            return values + Array(repeating: "", count: count - values.count)
        }
        let e = encounter
        switch system {
        case .primaryCare:
            return [
                e.id, e.serviceDate.usPadded, e.patient.id, e.provider.name, e.provider.specialty.rawValue, e.coder.id,
                e.payer.name, e.placeOfService, line.code,
            ] + padded(line.modifiers, to: 2) + [String(line.units)] + padded(diagnoses, to: 4) + [
                Money.dollars(line.chargeCents), line.allowedCents.map(Money.dollars) ?? "",
                line.paidCents.map(Money.dollars) ?? "", e.codedDay.usPadded + " " + Clock.hours24(e.codedMinute),
                String(e.codingMinutes),
            ]
        case .orthopedics:
            return [
                e.id, e.serviceDate.usShort, e.patient.id, e.provider.name, e.provider.specialty.rawValue, e.coder.id,
                e.payer.name, e.placeOfService, line.code, line.modifiers.joined(separator: ","), String(line.units),
                diagnoses.joined(separator: ","), Money.plain(line.chargeCents),
                line.allowedCents.map(Money.plain) ?? "",
                line.paidCents.map(Money.plain) ?? "", e.codedDay.usShort + " " + Clock.hours12(e.codedMinute),
            ]
        case .dermatology:
            return [
                e.id, e.serviceDate.usPadded, e.patient.id, e.patient.name, e.patient.birthDate.usPadded,
                e.provider.name, e.provider.specialty.rawValue, e.coder.id, e.payer.name, e.placeOfService, line.code,
            ] + padded(line.modifiers, to: 3) + [String(line.units)] + padded(diagnoses, to: 3) + [
                Money.dollars(line.chargeCents), line.allowedCents.map(Money.dollars) ?? "",
                line.paidCents.map(Money.dollars) ?? "", e.codedDay.usPadded,
            ]
        }
    }
}

/// Money as exports write it, from integer cents.
enum Money {
    /// `$1,234.50`.
    static func dollars(_ cents: Int64) -> String {
        precondition(cents >= 0)
        var whole = String(cents / 100)
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole.removeLast(3)
        }
        groups.insert(whole, at: 0)
        return "$" + groups.joined(separator: ",") + "." + SampleDay.pad(Int(cents % 100))
    }

    /// `1234.50`.
    static func plain(_ cents: Int64) -> String {
        precondition(cents >= 0)
        return "\(cents / 100).\(SampleDay.pad(Int(cents % 100)))"
    }
}

/// Times of day as exports write them, from minutes after midnight.
enum Clock {
    /// `14:05`.
    static func hours24(_ minute: Int) -> String { SampleDay.pad(minute / 60) + ":" + SampleDay.pad(minute % 60) }

    /// `2:05 PM`.
    static func hours12(_ minute: Int) -> String {
        let hour = minute / 60
        let shown = hour % 12 == 0 ? 12 : hour % 12
        return "\(shown):\(SampleDay.pad(minute % 60)) \(hour < 12 ? "AM" : "PM")"
    }
}
