import SeededRandom

/// One payment as an 835 (005010X221A1) transaction set, ST to SE: the
/// payment (BPR, TRN), payer and payee (N1), then each claim (CLP, NM1*QC,
/// DTM*232) with its service lines (SVC, DTM*472, CAS, AMT*B6), then any
/// provider adjustment (PLB).
struct RemittanceTransaction {
    let payment: SampleRemittance
    let payer: RemittancePayer

    /// The segments, SE01 counting ST through SE.
    func segments(control: String) -> [[String]] {
        let total = payment.totalCents
        let date = X12Format.date(payment.paymentDate)
        var segments: [[String]] = [["ST", "835", control, "005010X221A1"]]
        if total > 0 {
            segments.append([
                "BPR", "I", X12Format.amount(total), "C", "ACH", "CCP", "01", "999000011", "DA",
                "70" + payer.payerID.suffix(6), payer.payerID, "", "01", "999000024", "DA", "4400918273", date,
            ])
        } else {
            // Nothing to transfer: a notification only.
            segments.append(
                ["BPR", "H", X12Format.amount(total), "C", "NON"] + Array(repeating: "", count: 11) + [date])
        }
        segments += [
            ["TRN", "1", payment.traceNumber, payer.payerID],
            ["DTM", "405", X12Format.date(payment.paymentDate.adding(days: -2))],
            ["N1", "PR", payer.payer.name],
            ["N3", payer.address.street],
            ["N4", payer.address.city, payer.address.state, payer.address.zip],
            ["PER", "BL", "EDI SUPPORT", "TE", "80055501" + payer.payerID.suffix(2)],
            ["N1", "PE", RemittancePayee.name, "XX", RemittancePayee.npi],
            ["N3", RemittancePayee.address.street],
            ["N4", RemittancePayee.address.city, RemittancePayee.address.state, RemittancePayee.address.zip],
            ["REF", "TJ", RemittancePayee.taxID],
            ["LX", "1"],
        ]
        for claim in payment.claims { segments += self.claim(claim) }
        for adjustment in payment.providerAdjustments {
            segments.append([
                "PLB", RemittancePayee.npi, RemittancePayee.fiscalYearEnd,
                adjustment.reason + ":" + adjustment.reference,
                X12Format.amount(adjustment.cents),
            ])
        }
        segments.append(["SE", String(segments.count + 1), control])
        return segments
    }

    private func claim(_ claim: RemittanceClaim) -> [[String]] {
        let name = X12Format.plain(claim.patient.name).split(separator: ",").map { $0.drop { $0 == " " } }
        var segments: [[String]] = [
            [
                "CLP", claim.encounterID, claim.status.rawValue, X12Format.amount(claim.chargeCents),
                X12Format.amount(claim.paidCents), X12Format.amount(claim.patientResponsibilityCents),
                payer.filingIndicator, claim.payerClaimNumber, claim.placeOfService, "1",
            ],
            [
                "NM1", "QC", "1", String(name[0]), name.count > 1 ? String(name[1]) : "", "", "", "", "MI",
                memberID(claim),
            ],
            ["DTM", "232", X12Format.date(claim.serviceDate)],
        ]
        for line in claim.lines {
            let units = line.units == 1 && !payer.writesSingleUnits ? "" : String(line.units)
            segments += [
                [
                    "SVC", (["HC", line.code] + line.modifiers).joined(separator: ":"),
                    X12Format.amount(line.chargeCents),
                    X12Format.amount(line.paidCents), "", units,
                ],
                ["DTM", "472", X12Format.date(claim.serviceDate)],
            ]
            segments += line.adjustments.map { ["CAS", $0.group, $0.reason, X12Format.amount($0.cents)] }
            segments.append(["AMT", "B6", X12Format.amount(line.allowedCents)])
        }
        return segments
    }

    /// The patient's member id at the payer, the same on every claim: Medicare's MBI shape, the
    /// others' own; drawn from the patient, not from the generator's streams.
    private func memberID(_ claim: RemittanceClaim) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(payer.slug) \(claim.patient.id) \(claim.patient.name)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var random = SplitMix64(seed: hash)
        let letters = Array("ACDEFGHJKMNPQRTUVWXY")
        let digits = Array("0123456789")
        func draw(_ from: [Character]) -> Character { from[Int(random.next() % UInt64(from.count))] }
        return String(
            payer.memberIDPattern.map { symbol -> Character in
                switch symbol {
                case "#": draw(digits)
                case "!": draw(Array(digits.dropFirst()))
                case "@": draw(letters)
                case "?": draw(letters + digits)
                default: symbol
                }
            })
    }
}

extension SamplePractice {
    /// The 835 files: one per payer per month of payment, named `remittances-<payer>-YYYY-MM.835`,
    /// each laid out as that payer's clearinghouse does.
    func remittanceFiles() -> [SampleFile] {
        var files: [SampleFile] = []
        for payer in RemittancePayer.all {
            let payments = remittances.filter { $0.payer == payer.payer }
            // Interchange and group control numbers run on across the payer's files.
            var control = Int(payer.payerID.suffix(3))! * 1_000
            for month in Set(payments.map(\.month)).sorted() {
                let monthly = payments.filter { $0.month == month }
                var text = X12Text(lineBreak: payer.lineBreak)
                let interchanges = payer.interchangePerPayment ? monthly.map { [$0] } : [monthly]
                for interchange in interchanges {
                    control += 1
                    let transactions = interchange.enumerated().map { index, payment in
                        RemittanceTransaction(payment: payment, payer: payer).segments(control: Self.st02(index + 1))
                    }
                    text.appendInterchange(
                        sender: payer.senderID, receiver: RemittancePayee.receiverID,
                        on: interchange[interchange.count - 1].paymentDate.adding(days: -2), control: control,
                        transactions: transactions)
                }
                files.append(SampleFile(name: "remittances-\(payer.slug)-\(month).835", bytes: Array(text.text.utf8)))
            }
        }
        return files
    }

    /// ST02: `0001`, `0002`…
    private static func st02(_ number: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
    }
}
