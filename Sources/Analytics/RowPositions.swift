/// Row id → position in an array of rows, for the passes that look a row up
/// by id once per row of another table: an array from the smallest id when
/// the ids are dense enough (up to 2^21 of them, 8 MB, however sparse, as a
/// dictionary look-up costs more than filling it), else a dictionary.
struct RowPositions {
    private var first: Int64 = 0
    private var dense: [Int32] = []
    private var sparse: [Int64: Int32] = [:]

    /// The position of each of `ids` in their order (a repeated id: its last).
    init(_ ids: some Collection<Int64>) {
        guard let lowest = ids.min(), let highest = ids.max() else { return }
        if highest - lowest < max(Int64(ids.count) * 4, 1 << 21) {
            first = lowest
            dense = [Int32](repeating: -1, count: Int(highest - lowest) + 1)
            for (position, id) in ids.enumerated() { dense[Int(id - lowest)] = Int32(position) }
        } else {
            sparse.reserveCapacity(ids.count)
            for (position, id) in ids.enumerated() { sparse[id] = Int32(position) }
        }
    }

    /// The position of `id`, nil when it is not among the ids.
    subscript(id: Int64) -> Int32? {
        guard !dense.isEmpty else { return sparse[id] }
        let offset = id - first
        guard offset >= 0, offset < dense.count else { return nil }
        let position = dense[Int(offset)]
        return position >= 0 ? position : nil
    }
}
