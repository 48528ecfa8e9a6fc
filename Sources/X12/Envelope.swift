/// The nesting of interchanges (ISA…IEA), functional groups (GS…GE) and
/// transactions (ST…SE), with their control numbers and counts.
struct Envelope {
    struct Level {
        let segment: Int
        let controlNumber: String
        var children = 0
    }

    var interchange: Level?
    var group: Level?
    /// The transaction being read, while `isInTransaction`. Not an
    /// optional, for the same reason as `TransactionReader.openClaim`.
    var transaction = TransactionReader(segment: 0, controlNumber: "")
    var isInTransaction = false
    var lastSegment = 0

    mutating func read<Handler: RemittanceHandler>(_ segment: X12Segment, into handler: inout Handler) throws {
        lastSegment = segment.ordinal
        if isInTransaction {
            switch segment.tag {
            case .se:
                let end = try transaction.finish(segment, into: &handler)
                isInTransaction = false
                try handler.endPayment(end)
            case .isa, .gs, .st, .ge, .iea:
                throw segment.malformed(nil, "\(segment.id) cannot appear here: expected SE, " + transactionEnd)
            default:
                try transaction.read(segment, into: &handler)
            }
            return
        }
        switch segment.tag {
        case .isa where interchange == nil:
            interchange = Level(segment: segment.ordinal, controlNumber: segment.text(13))
        case .gs where interchange != nil && group == nil:
            interchange!.children += 1
            let controlNumber = try segment.requiredText(6, "the group's control number")
            group = Level(segment: segment.ordinal, controlNumber: controlNumber)
        case .st where group != nil:
            let kind = segment.element(1)
            guard segment.element(1, is: "835") else {
                throw kind.isEmpty
                    ? segment.missing(1, "the transaction set identifier")
                    : segment.malformed(
                        1, "ST01 is \(Quote.value(kind)), not '835': only 835 remittance advice can be read")
            }
            group!.children += 1
            transaction = TransactionReader(
                segment: segment.ordinal,
                controlNumber: try segment.requiredText(2, "the transaction's control number"))
            isInTransaction = true
        case .ge where group != nil:
            try check(segment, closing: group!, named: "group", count: "GE01", of: "transaction", opener: "GS06")
            group = nil
        case .iea where interchange != nil && group == nil:
            try check(
                segment, closing: interchange!, named: "interchange", count: "IEA01", of: "functional group",
                opener: "ISA13")
            interchange = nil
        default:
            throw segment.malformed(nil, "\(segment.id) cannot appear here: expected " + expected)
        }
    }

    /// At the end of the file every envelope must be closed.
    func finish() throws {
        if isInTransaction {
            throw X12Error.unexpectedEnd(afterSegment: lastSegment, reason: "SE, " + transactionEnd + ", is missing")
        }
        if let group {
            throw X12Error.unexpectedEnd(
                afterSegment: lastSegment,
                reason: "GE, the end of group \(group.controlNumber) (GS at segment \(group.segment)), is missing")
        }
        if let interchange {
            throw X12Error.unexpectedEnd(
                afterSegment: lastSegment,
                reason: "IEA, the end of interchange \(interchange.controlNumber) (ISA at segment "
                    + "\(interchange.segment)), is missing")
        }
    }

    /// A trailer's count (element 1) and control number (element 2) against
    /// what its header opened.
    func check(
        _ trailer: X12Segment, closing level: Level, named container: String, count: String, of noun: String,
        opener: String
    ) throws {
        let declared = try trailer.requiredCount(1, "the number of \(noun)s")
        if declared != level.children {
            throw trailer.malformed(
                1, "\(count) says \(counted(declared, noun)), the \(container) has \(level.children)")
        }
        let control = trailer.id + "02"
        let number = trailer.element(2)
        guard !number.isEmpty else { throw trailer.missing(2, "the control number") }
        guard number.elementsEqual(level.controlNumber.utf8) else {
            throw trailer.malformed(
                2,
                "\(control) \(Quote.value(number)) does not match \(opener) '\(level.controlNumber)' "
                    + "of segment \(level.segment)")
        }
    }

    var transactionEnd: String {
        "the end of transaction \(transaction.controlNumber) (ST at segment \(transaction.segment))"
    }

    var expected: String {
        if let group {
            return "ST (a transaction) or GE (the end of group \(group.controlNumber), GS at segment \(group.segment))"
        }
        if let interchange {
            return "GS (a functional group) or IEA (the end of interchange \(interchange.controlNumber), "
                + "ISA at segment \(interchange.segment))"
        }
        return "ISA (a new interchange) or the end of the file"
    }
}
