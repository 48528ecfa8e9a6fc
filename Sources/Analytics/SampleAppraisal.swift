import Foundation

/// Why a stored sample cannot be appraised.
public enum AppraisalError: LocalizedError, Equatable {
    /// No sample has this id.
    case noSample(id: Int64, database: String)
    /// Some sampled encounters have no audit yet: they are named.
    case unaudited(encounterIDs: [String], sampleSize: Int)
    /// A stratum has fewer than two encounters, or the confidence is not between 0 and 100.
    case cannotAppraise(sampleID: Int64, confidencePercent: Double)

    public var errorDescription: String? {
        switch self {
        case .noSample(let id, let database):
            "no sample \(id) in \(database)"
        case .unaudited(let ids, let size):
            "\(ids.count) of the \(size) sampled encounters have no audit yet: "
                + ids.joined(separator: ", ") + ". Import their findings first."
        case .cannotAppraise(let id, let confidence):
            "sample \(id) cannot be appraised at \(confidence)%: it needs at least two "
                + "encounters in a stratum, and a confidence between 0 and 100"
        }
    }
}

/// A stored audit sample projected onto its month (SPEC 6): each sampled
/// encounter's overpayment and the variable appraisal of the strata.
public struct SampleAppraisal: Sendable {
    /// One sampled encounter with its stratum and what its audit found.
    public struct Encounter: Sendable {
        public var stratum: String
        public var overpayment: EncounterOverpayment
    }

    public var sampleID: Int64
    public var month: Month
    /// Overcoded alone (true), or overcoded − undercoded.
    public var gross: Bool
    /// The strata in name order, each with its frame size and the sampled values.
    public var strata: [AppraisalStratum]
    public var appraisal: VariableAppraisal
    /// The sampled encounters (spares left out), in the sample's order.
    public var encounters: [Encounter]

    /// Procedure findings counted as 0 for want of a contract rate, described.
    public var unpricedFindings: [String] { encounters.flatMap(\.overpayment.unpricedFindings) }
}

extension Analytics {
    /// Appraises a stored sample: every sampled encounter (spares left out) must be
    /// audited; its overpayment is net (overcoded − undercoded) or, with `gross`,
    /// overcoded alone; strata are appraised together as RAT-STATS' unrestricted
    /// variable appraisal does, at `confidencePercent` two-sided.
    ///
    /// - throws: `AppraisalError` when the sample is missing, not fully audited or
    ///   cannot be appraised; any database error.
    public func appraise(sample id: Int64, confidencePercent: Double, gross: Bool) throws -> SampleAppraisal {
        guard let stored = try database.sample(id: id), let month = Month(stored.sample.month) else {
            throw AppraisalError.noSample(id: id, database: database.path ?? "the in-memory store")
        }
        let drawn = stored.sample.encounters.filter { !$0.spare }
        let values = try overpayments(encounters: drawn.map(\.rowID), month: month)
        let unaudited = values.filter { !$0.audited }.map(\.externalID)
        guard unaudited.isEmpty else {
            throw AppraisalError.unaudited(encounterIDs: unaudited, sampleSize: drawn.count)
        }
        var strata: [String: AppraisalStratum] = [:]
        for (encounter, value) in zip(drawn, values) {
            strata[
                encounter.stratum,
                default: AppraisalStratum(
                    name: encounter.stratum, frameSize: encounter.stratumFrameSize, valuesCents: [])
            ].valuesCents.append(value.overpaymentCents(gross: gross))
        }
        let ordered = strata.keys.sorted().map { strata[$0]! }
        guard let appraisal = VariableAppraisal(strata: ordered, confidence: confidencePercent / 100) else {
            throw AppraisalError.cannotAppraise(sampleID: id, confidencePercent: confidencePercent)
        }
        return SampleAppraisal(
            sampleID: id, month: month, gross: gross, strata: ordered, appraisal: appraisal,
            encounters: zip(drawn, values).map { SampleAppraisal.Encounter(stratum: $0.stratum, overpayment: $1) })
    }
}
