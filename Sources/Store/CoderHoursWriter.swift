import GRDB

/// What storing a coder's day did.
public enum StoredHours: Sendable {
    case new, replaced
    /// This import stored the same coder and day already: nothing changed.
    case duplicate
}

extension ImportSession {
    /// Stores a coder's hours for a day, replacing hours an earlier import
    /// stored for the same coder and day.
    public func storeHours(coder: String, workDate: String, centihours: Int, batchID: Int64) throws -> StoredHours {
        let earlier = try Int64.fetchOne(
            db, sql: "SELECT batch_id FROM coder_hours WHERE coder = ? AND work_date = ?",
            arguments: [coder, workDate])
        if earlier == batchID { return .duplicate }
        try db.execute(
            sql: """
                INSERT INTO coder_hours (coder, work_date, centihours, batch_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (coder, work_date) DO UPDATE SET centihours = excluded.centihours,
                    batch_id = excluded.batch_id
                """,
            arguments: [coder, workDate, centihours, batchID])
        changedDays.add(workDate)
        return earlier == nil ? .new : .replaced
    }
}
