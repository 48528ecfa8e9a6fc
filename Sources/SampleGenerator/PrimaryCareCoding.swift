/// Codes family- and internal-medicine visits as their notes document them.
struct PrimaryCareCoding {
    var random: SampleRandom

    /// Chronic conditions: the documented code, and how often it comes up.
    static let chronic: [(String, Int)] = [
        ("I10", 300), ("E11.9", 90), ("E11.65", 80), ("E78.5", 160), ("E78.2", 40), ("E03.9", 70),
        ("E66.9", 60), ("J45.40", 35), ("J44.9", 40), ("F41.1", 55), ("F32.A", 45), ("K21.9", 60),
        ("G47.00", 25), ("M54.50", 45), ("N40.0", 30), ("R73.03", 40), ("E55.9", 35), ("I48.91", 20),
        ("I25.10", 30), ("I50.32", 15), ("G43.909", 15), ("F17.210", 30),
    ]
    static let acute: [(String, Int)] = [
        ("J06.9", 60), ("J01.90", 30), ("J20.9", 25), ("N39.0", 25), ("R05.1", 20), ("R10.9", 15),
        ("K59.00", 15), ("R42", 10), ("J02.9", 20),
    ]
    static let diabetes: Set = ["E11.9", "E11.65"]

    mutating func code(_ visit: Visit, patient: SamplePatient, month: Int) -> (Coding, placeOfService: String) {
        var builder = CodingBuilder(diagnosisLimit: 4)
        let fluSeason = month >= 9 || month <= 2
        switch visit.kind {
        case .preventive:
            codePreventive(&builder, patient: patient, visit: visit, fluSeason: fluSeason)
        case .labOnly:
            let condition = builder.diagnosis(random.pick(weighted: Self.chronic))
            builder.line("36415", pointers: [condition])
            builder.line(random.pick(["80053", "80061", "83036", "85025"]), pointers: [condition])
        default:
            codeOfficeVisit(&builder, visit: visit, patient: patient, fluSeason: fluSeason)
        }
        return (builder.finish(), visit.kind == .telehealth ? "10" : "11")
    }

    private mutating func codeOfficeVisit(
        _ builder: inout CodingBuilder, visit: Visit, patient: SamplePatient, fluSeason: Bool
    ) {
        let em = visit.emCode!
        builder.line(em, modifiers: visit.kind == .telehealth ? ["95"] : [], pointers: [])
        if random.chance(350) { builder.diagnosis(random.pick(weighted: Self.acute)) }
        for _ in 0..<random.int(in: 1...2) { builder.diagnosis(random.pick(weighted: Self.chronic)) }
        let codes = builder.coding.diagnoses
        if patient.payer.kind == .medicare && visit.kind != .new && random.chance(350) {
            builder.line("G2211", pointers: [0])
        }
        guard visit.kind != .telehealth else { return }
        if let diabetic = codes.firstIndex(where: Self.diabetes.contains), random.chance(550) {
            builder.line("83036", pointers: [diabetic])
            builder.line("36415", pointers: [diabetic])
        } else if let lipids = codes.firstIndex(where: { $0.hasPrefix("E78") }), random.chance(250) {
            builder.line("80061", pointers: [lipids])
            builder.line("36415", pointers: [lipids])
        }
        if random.chance(40) { builder.line("93000", pointers: [builder.diagnosis(random.pick(["I48.91", "R00.2"]))]) }
        if random.chance(30) { builder.line("69210", pointers: [builder.diagnosis("H61.23")]) }
        if random.chance(20) { builder.line("17110", pointers: [builder.diagnosis("B07.9")]) }
        if visit.provider.specialty == .familyMedicine, random.chance(35) {
            let right = random.chance(500)
            let knee = builder.diagnosis(right ? "M17.11" : "M17.12")
            builder.line("20610", modifiers: [right ? "RT" : "LT"], pointers: [knee])
            builder.line("J3301", units: 4, pointers: [knee])
        }
        if random.chance(50) { builder.line("96127", pointers: [builder.diagnosis(random.pick(["F41.1", "F32.A"]))]) }
        if fluSeason && random.chance(300) { vaccinate(&builder) }
    }

    private mutating func codePreventive(
        _ builder: inout CodingBuilder, patient: SamplePatient, visit: Visit, fluSeason: Bool
    ) {
        let age = visit.day.parts.year - patient.birthDate.parts.year
        let abnormal = random.chance(300)
        let exam = builder.diagnosis(abnormal ? "Z00.01" : "Z00.00")
        if patient.payer.kind == .medicare {
            builder.line(random.chance(200) ? "G0438" : "G0439", pointers: [exam])
            if random.chance(500) { builder.line("G0444", pointers: [exam]) }
        } else {
            let codes = age < 40 ? ("99385", "99395") : age < 65 ? ("99386", "99396") : ("99387", "99397")
            builder.line(random.chance(100) ? codes.0 : codes.1, pointers: [exam])
        }
        if abnormal { builder.diagnosis(random.pick(weighted: Self.chronic)) }
        if random.chance(300) {
            builder.line("80061", pointers: [exam])
            builder.line("36415", pointers: [exam])
        }
        if random.chance(200) { builder.line("96127", pointers: [exam]) }
        if fluSeason && random.chance(450) { vaccinate(&builder) }
    }

    private mutating func vaccinate(_ builder: inout CodingBuilder) {
        guard let z23 = builder.diagnosis("Z23") else { return }
        builder.line("90686", pointers: [z23])
        builder.line("90471", pointers: [z23])
    }
}
