/// Codes orthopedic visits: a body region and side, its diagnosis, imaging,
/// injections, fracture care and post-operative visits.
struct OrthopedicsCoding {
    var random: SampleRandom

    /// A region's diagnoses for the right and the left side (nil: no side), and its imaging code.
    private static let regions: [(right: [String], left: [String]?, imaging: String?, weight: Int)] = [
        (["M17.11", "M25.561", "S83.241A"], ["M17.12", "M25.562"], "73562", 340),
        (["M75.41", "M19.011", "M25.511"], ["M75.42", "M19.012", "M25.512"], "73030", 220),
        (["S93.401A", "M25.571"], ["S93.402A", "M25.572"], "73610", 110),
        (["G56.01", "M65.311"], ["G56.02", "M65.312"], "73110", 140),
        (["M77.11"], ["M77.12"], nil, 60),
        (["M54.50", "M54.16"], nil, "72100", 130),
    ]

    mutating func code(_ visit: Visit) -> Coding {
        var builder = CodingBuilder(diagnosisLimit: 4)
        switch visit.kind {
        case .postOperative:
            let right = random.chance(500)
            builder.line("99024", pointers: [builder.diagnosis(right ? "S52.501D" : "S52.502D")])
        case .fracture:
            let right = random.chance(500)
            let side = right ? "RT" : "LT"
            if visit.patient % 2 == 0 {
                let fracture = builder.diagnosis(right ? "S52.501A" : "S52.502A")
                if random.chance(500) { builder.line(level(), pointers: []) }
                builder.line("25600", modifiers: [side], pointers: [fracture])
                builder.line("73110", modifiers: [side], pointers: [fracture])
            } else {
                let fracture = builder.diagnosis(right ? "S82.61XA" : "S82.62XA")
                if random.chance(500) { builder.line(level(), pointers: []) }
                builder.line("27786", modifiers: [side], pointers: [fracture])
                builder.line("73610", modifiers: [side], pointers: [fracture])
            }
        default:
            codeOfficeVisit(&builder, visit: visit)
        }
        return builder.finish()
    }

    private mutating func codeOfficeVisit(_ builder: inout CodingBuilder, visit: Visit) {
        builder.line(visit.emCode!, pointers: [])
        let region = random.pick(weighted: Self.regions.map { ($0, $0.weight) })
        let right = region.left == nil || random.chance(550)
        let codes = right ? region.right : region.left!
        let diagnosis = random.pick(codes)
        let pointer = builder.diagnosis(diagnosis)
        let side: [String] = region.left == nil ? [] : [right ? "RT" : "LT"]
        if random.chance(250) { builder.diagnosis(random.pick(["I10", "E11.9", "E66.9", "M81.0"])) }
        if let imaging = region.imaging, random.chance(visit.kind == .new ? 550 : 200) {
            builder.line(imaging, modifiers: side, pointers: [pointer])
        }
        switch diagnosis {
        case "M17.11", "M17.12", "M75.41", "M75.42", "M19.011", "M19.012":
            if random.chance(350) {
                builder.line("20610", modifiers: side, pointers: [pointer])
                builder.line(
                    random.chance(800) ? "J3301" : "J1030", units: random.chance(800) ? 4 : 1, pointers: [pointer])
            }
        case "M65.311", "M65.312":
            if random.chance(500) {
                builder.line("20550", modifiers: [right ? "F5" : "FA"], pointers: [pointer])
                builder.line("J3301", units: 1, pointers: [pointer])
            }
        case "G56.01", "G56.02":
            if random.chance(400) { builder.line("L3908", modifiers: side, pointers: [pointer]) }
        case "M77.11", "M77.12":
            if random.chance(300) { builder.line("20605", modifiers: side, pointers: [pointer]) }
        default:
            break
        }
    }

    /// A new-patient level for a fracture visit.
    private mutating func level() -> String {
        random.pick(weighted: Array(zip(ProcedureCatalog.newVisits, EMProfile.orthopedics.new)))
    }
}

/// Codes dermatology visits: lesions destroyed, biopsied or excised, and
/// conditions managed with an E/M visit.
struct DermatologyCoding {
    var random: SampleRandom

    private static let managed: [(String, Int)] = [
        ("L70.0", 140), ("L40.0", 90), ("L20.9", 80), ("L21.9", 60), ("L71.9", 70), ("L82.1", 120),
        ("D22.5", 110), ("B35.1", 40), ("Z85.828", 60), ("Z12.83", 50),
    ]

    mutating func code(_ visit: Visit) -> Coding {
        var builder = CodingBuilder(diagnosisLimit: 3)
        if let level = visit.emCode { builder.line(level, pointers: []) }
        let procedureChance = visit.kind == .procedureOnly ? 1000 : 420
        if visit.emCode != nil || random.chance(300) {
            builder.diagnosis(random.pick(weighted: Self.managed))
        }
        if random.chance(procedureChance) { addProcedure(&builder) }
        if builder.coding.lines.isEmpty { builder.line("17110", pointers: [builder.diagnosis("B07.9")]) }
        return builder.finish()
    }

    private mutating func addProcedure(_ builder: inout CodingBuilder) {
        switch random.pick(weighted: [(0, 400), (1, 250), (2, 90), (3, 40), (4, 60), (5, 160), (6, 25)]) {
        case 0:
            let keratosis = builder.diagnosis("L57.0")
            builder.line("17000", pointers: [keratosis])
            let more = random.int(in: 0...8)
            if more > 0 { builder.line("17003", units: more, pointers: [keratosis]) }
        case 1:
            let lesion = builder.diagnosis(random.pick(["D48.5", "L98.9", "C44.311", "D22.5"]))
            builder.line(random.chance(700) ? "11102" : "11104", pointers: [lesion])
            if random.chance(200) { builder.line("11103", units: random.int(in: 1...2), pointers: [lesion]) }
        case 2:
            builder.line("17110", pointers: [builder.diagnosis("B07.9")])
        case 3:
            let keloid = builder.diagnosis("L91.0")
            builder.line("11900", pointers: [keloid])
            builder.line("J3301", units: 2, pointers: [keloid])
        case 4:
            builder.line("11402", pointers: [builder.diagnosis(random.pick(["L72.3", "D22.5"]))])
        case 6:
            // Mohs surgery on a basal cell carcinoma of the nose: first stage, and a second one at times.
            let carcinoma = builder.diagnosis("C44.311")
            builder.line("17311", pointers: [carcinoma])
            if random.chance(400) { builder.line("17312", pointers: [carcinoma]) }
        default:
            // Actinic keratoses destroyed and another lesion biopsied: XS marks the separate lesion.
            let keratosis = builder.diagnosis("L57.0")
            let lesion = builder.diagnosis(random.pick(["D48.5", "L98.9"]))
            builder.line("17000", pointers: [keratosis])
            builder.line("11102", modifiers: ["XS"], pointers: [lesion])
        }
    }
}
