import GRDB

/// One encounter of a month's sampling frame (SPEC 6).
public struct FrameEncounter: Sendable, Hashable {
    /// The encounter's row id in the store.
    public var rowID: Int64
    public var externalID: String
    /// The coder (`UNASSIGNED` when the export named none).
    public var coder: String
    public var provider: String

    public init(rowID: Int64, externalID: String, coder: String, provider: String) {
        self.rowID = rowID
        self.externalID = externalID
        self.coder = coder
        self.provider = provider
    }
}

/// One encounter drawn into an audit sample.
public struct SampledEncounter: Sendable, Hashable {
    /// The encounter's row id in the store.
    public var rowID: Int64
    public var externalID: String
    /// The coder or provider the encounter was drawn for, or `all` in an unstratified sample.
    public var stratum: String
    /// How many encounters of the frame were in that stratum.
    public var stratumFrameSize: Int
    /// 1 for the first encounter drawn from its stratum, 2 for the next, and so on.
    public var drawOrder: Int
    /// Whether the encounter is a spare: drawn after the sample, to replace one that cannot be audited.
    public var spare: Bool

    public init(
        rowID: Int64, externalID: String, stratum: String, stratumFrameSize: Int, drawOrder: Int, spare: Bool
    ) {
        self.rowID = rowID
        self.externalID = externalID
        self.stratum = stratum
        self.stratumFrameSize = stratumFrameSize
        self.drawOrder = drawOrder
        self.spare = spare
    }
}

/// An audit sample as drawn, before it is stored.
public struct NewAuditSample: Sendable, Hashable {
    /// `YYYY-MM`.
    public var month: String
    /// `coder`, `provider`, or nil for a simple random sample of the whole frame.
    public var stratifiedBy: String?
    public var seed: UInt64
    public var sizePerStratum: Int
    public var frameSize: Int
    /// The name of the random number generator, so that the draw can be repeated.
    public var generator: String
    public var createdAt: String
    /// Strata in order, each stratum's encounters in draw order, spares after the sample.
    public var encounters: [SampledEncounter]

    public init(
        month: String, stratifiedBy: String?, seed: UInt64, sizePerStratum: Int, frameSize: Int, generator: String,
        createdAt: String, encounters: [SampledEncounter]
    ) {
        self.month = month
        self.stratifiedBy = stratifiedBy
        self.seed = seed
        self.sizePerStratum = sizePerStratum
        self.frameSize = frameSize
        self.generator = generator
        self.createdAt = createdAt
        self.encounters = encounters
    }

    /// How many encounters were drawn, spares not counted.
    public var sampleSize: Int { encounters.count { !$0.spare } }
}

/// An audit sample read back from the store.
public struct StoredAuditSample: Sendable, Hashable {
    public var id: Int64
    public var sample: NewAuditSample

    public init(id: Int64, sample: NewAuditSample) {
        self.id = id
        self.sample = sample
    }
}

extension CodeAuditDatabase {
    /// Stores a sample and its encounters in one transaction and returns the sample id.
    ///
    /// The seed is stored as the SQLite INTEGER with the same 64 bits.
    ///
    /// - throws: a database error, for instance when an encounter row id does not exist.
    public func recordSample(_ sample: NewAuditSample) throws -> Int64 {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO audit_sample (month, stratified_by, seed, size_per_stratum, frame_size, sample_size,
                        generator, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    sample.month, sample.stratifiedBy, Int64(bitPattern: sample.seed), sample.sizePerStratum,
                    sample.frameSize, sample.sampleSize, sample.generator, sample.createdAt,
                ])
            let id = db.lastInsertedRowID
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO audit_sample_encounter (sample_id, encounter_id, stratum, stratum_frame_size,
                        draw_order, spare)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for encounter in sample.encounters {
                try insert.execute(arguments: [
                    id, encounter.rowID, encounter.stratum, encounter.stratumFrameSize, encounter.drawOrder,
                    encounter.spare ? 1 : 0,
                ])
            }
            return id
        }
    }

    /// The sample with this id and its encounters (strata in order, each in draw order), or nil.
    public func sample(id: Int64) throws -> StoredAuditSample? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM audit_sample WHERE id = ?", arguments: [id])
            else { return nil }
            let encounters = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.external_id, s.stratum, s.stratum_frame_size, s.draw_order, s.spare
                    FROM audit_sample_encounter s JOIN encounter e ON e.id = s.encounter_id
                    WHERE s.sample_id = ?
                    """,
                arguments: [id]
            ).map { row in
                SampledEncounter(
                    rowID: row[0], externalID: row[1], stratum: row[2], stratumFrameSize: row[3], drawOrder: row[4],
                    spare: row[5] as Int == 1)
            }
            // Sorted here rather than in SQL so that strata follow Swift's order, the order they were drawn in.
            .sorted { ($0.stratum, $0.drawOrder) < ($1.stratum, $1.drawOrder) }
            let seed: Int64 = row["seed"]
            return StoredAuditSample(
                id: id,
                sample: NewAuditSample(
                    month: row["month"], stratifiedBy: row["stratified_by"], seed: UInt64(bitPattern: seed),
                    sizePerStratum: row["size_per_stratum"], frameSize: row["frame_size"], generator: row["generator"],
                    createdAt: row["created_at"], encounters: encounters))
        }
    }

    /// The sampling frame of a month: its encounters by service date
    /// (`>= firstDay AND < nextFirstDay`), in external id order, which the
    /// draw depends on.
    public func sampleFrame(firstDay: String, nextFirstDay: String) throws -> [FrameEncounter] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, external_id, coder, provider FROM encounter
                    WHERE service_date >= ? AND service_date < ?
                    ORDER BY external_id
                    """,
                arguments: [firstDay, nextFirstDay]
            ).map { FrameEncounter(rowID: $0[0], externalID: $0[1], coder: $0[2], provider: $0[3]) }
        }
    }
}
