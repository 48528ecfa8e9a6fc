/// A planted bad line of an encounter export, placed beside its host
/// encounter's good lines.
struct PlantedLine {
    let reject: PlantedReject
    let hostID: String
    /// The line exactly as the file holds it.
    let text: String
    let precedesHost: Bool
}

/// Makes the planted rejects: copies of good rows with one cell spoiled.
struct RejectPlanter {
    private var random: SampleRandom
    private var used = Set<String>()

    init(seed: UInt64) {
        random = SampleRandom(seed: seed, stream: "rejects")
    }

    /// `count` distinct positions of `0..<total`, in a random order.
    mutating func pick(_ total: Int, count: Int) -> [Int] {
        random.sample(Array(0..<total), count: count)
    }

    /// The bad encounter lines of `PlantedReject.encounterPlan`, each on its own host encounter.
    mutating func encounterLines(_ encounters: [SampleEncounter]) -> [PlantedLine] {
        var lines: [PlantedLine] = []
        for (reject, system, count) in PlantedReject.encounterPlan {
            let candidates = encounters.filter { $0.system == system && !used.contains($0.id) }
            for (variant, host) in random.sample(candidates, count: count).enumerated() {
                used.insert(host.id)
                lines.append(
                    PlantedLine(
                        reject: reject, hostID: host.id, text: spoiled(host, reject: reject, variant: variant),
                        precedesHost: reject.precedesItsEncounter))
            }
        }
        return lines
    }

    private mutating func spoiled(_ host: SampleEncounter, reject: PlantedReject, variant: Int) -> String {
        let layout = EncounterLayout.of(host.system)
        var cells = layout.cells(host, line: 0)
        func set(_ role: ColumnRole, _ value: String) { cells[layout.indices(of: role)[0]] = value }
        func pick(_ values: [String]) -> String { values[variant % values.count] }
        let (year, month, day) = host.serviceDate.parts
        let short = host.system == .orthopedics
        let monthDay = short ? "\(month)/\(day)" : "\(SampleDay.pad(month))/\(SampleDay.pad(day))"
        switch reject {
        case .fieldCount:
            // The provider's "Last, First" written without its quotes.
            let provider = layout.indices(of: .provider)[0]
            let quoted = cells.enumerated().map { $0.offset == provider ? $0.element : layout.format.quote($0.element) }
            return quoted.joined(separator: String(layout.format.delimiter))
        case .blankEncounterID: set(.encounterID, "")
        case .blankServiceDate: set(.serviceDate, "")
        case .blankPatientID: set(.patientID, "")
        case .blankProvider: set(.provider, "")
        case .serviceDateNotADate: set(.serviceDate, short ? "9/31/\(year)" : "09/31/\(year)")
        case .serviceDateTwoDigitYear: set(.serviceDate, "\(monthDay)/\(year % 100)")
        case .serviceDateInFuture: set(.serviceDate, "\(monthDay)/2062")
        case .codedAtNotATimestamp: set(.codedAt, "PENDING")
        case .codedAtBadTime: set(.codedAt, host.codedDay.usPadded + " 9:75")
        case .codedAtInFuture:
            let (_, m, d) = host.codedDay.parts
            set(.codedAt, "\(m)/\(d)/2062 " + Clock.hours12(host.codedMinute))
        case .minutesNotANumber: set(.codingMinutes, "\(host.codingMinutes) min")
        case .minutesOverADay: set(.codingMinutes, pick(["1500", "2400"]))
        case .blankProcedure: set(.procedure, "")
        case .procedureShape: set(.procedure, pick(short ? ["J330"] : ["9921", "99213-25"]))
        case .modifierShape: set(.modifier, pick(short ? ["RTT", "-25"] : ["5"]))
        case .tooManyModifiers: set(.modifier, pick(["25,57,59,RT,LT", "RT,LT,59,XS,76"]))
        case .units: set(.units, pick(short ? ["0", "1.5"] : ["1000"]))
        case .diagnosisShape: set(.diagnosis, pick(["250.00", "401.9"]))
        case .diagnosisUnknown: set(.diagnosis, pick(["L82.9", "L70.99"]))
        case .diagnosisCategory: set(.diagnosis, pick(["E11", "M17"]))
        case .diagnosisSubcategory: set(.diagnosis, pick(["M54.5", "E11.6"]))
        case .diagnosisSeventhCharacter: set(.diagnosis, pick(["S93.401", "S52.501"]))
        case .noDiagnosis: for index in layout.indices(of: .diagnosis) { cells[index] = "" }
        case .moneyNotAnAmount:
            if short {
                set(.allowed, "see EOB")
            } else if variant == 0 {
                set(.allowed, "N/A")
            } else {
                set(.charge, "$1,2345.00")
            }
        case .moneyFractionOfCent: set(.charge, pick(["$91.565", "$104.125"]))
        case .fieldDisagrees:
            switch short ? 2 : variant {
            case 0:
                let others = Roster.providers.filter {
                    SourceSystem($0.specialty) == host.system && $0 != host.provider
                }
                set(.provider, random.pick(others).name)
            case 1:
                set(.serviceDate, host.serviceDate.adding(days: 1).usPadded)
            default:
                set(.payer, Roster.payers.first { $0 != host.payer }!.name)
            }
        default:
            preconditionFailure("\(reject) is not planted in an encounter export")
        }
        return cells.map(layout.format.quote).joined(separator: String(layout.format.delimiter))
    }
}
