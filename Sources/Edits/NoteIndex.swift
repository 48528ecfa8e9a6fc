/// The notes over each code, arranged for the edit's inner loop.
///
/// Each pair of diagnoses costs up to eleven look-ups (every prefix of both
/// codes, and their section), so Swift's `Dictionary` (SipHash, and an array
/// to retain per value) cost more than the rest of the edit. Here:
/// - notes at a code or category sit in an open-addressing hash table keyed
///   by the packed code, found by a multiply-shift hash over plain integers;
/// - notes at a section or chapter (a range of categories, nested: V00-V99
///   holds V00-V09) are cut into disjoint segments, each holding every note
///   whose range covers it, found by halving a list of about a hundred;
/// - each group's targets are merged, sorted intervals of packed codes, found
///   by halving too: S51 alone names 1,681 codes (S52 open fractures).
struct NoteIndex: Sendable {
    /// The groups of notes, each with its targets as intervals.
    private struct Groups: Sendable {
        /// Where a group's notes and intervals are.
        struct Group: Sendable {
            let notes: Range<Int>
            let intervals: Range<Int>
        }

        /// Every group's notes, one group after the other, each in table order.
        var notes: [Excludes1Note] = []
        /// Every group's targets as intervals of packed codes, merged, by lower end.
        var lows: [UInt64] = []
        var highs: [UInt64] = []
        var all: [Group] = []

        /// Adds a group and returns its number.
        mutating func file(_ group: [Excludes1Note]) -> Int {
            let (firstNote, firstInterval) = (notes.count, lows.count)
            notes.append(contentsOf: group)
            for interval in group.map(\.target.interval).sorted(by: { $0.lowerBound < $1.lowerBound }) {
                // Packed codes start with a letter, so an upper end is never UInt64.max.
                if lows.count > firstInterval, let last = highs.last, interval.lowerBound <= last + 1 {
                    highs[highs.count - 1] = max(last, interval.upperBound)
                } else {
                    lows.append(interval.lowerBound)
                    highs.append(interval.upperBound)
                }
            }
            all.append(Group(notes: firstNote..<notes.count, intervals: firstInterval..<lows.count))
            return all.count - 1
        }
    }

    private let groups: Groups

    /// The hash table of notes at a code or category: a packed code (0 for an
    /// empty slot: no code packs to 0) and its group.
    private let keys: [UInt64]
    private let slots: [Int]
    private let shift: UInt64

    /// The segments of the section and chapter ranges: where each starts, and
    /// its group (-1 between ranges).
    private let segmentStarts: [UInt64]
    private let segmentGroups: [Int]

    /// Files each note at a code under that code, and each note at a section or
    /// chapter under every segment of its range.
    init(_ all: [Excludes1Note]) {
        var groups = Groups()
        var atCodes: [UInt64: [Excludes1Note]] = [:]
        var atRanges: [(scope: ClosedRange<UInt64>, note: Excludes1Note)] = []
        for note in all {
            if note.scopeLow == note.scopeHigh {
                atCodes[note.scopeLow.bits, default: []].append(note)
            } else {
                atRanges.append((note.scopeLow.bits...note.scopeHigh.lastBits, note))
            }
        }
        var size = 2
        while size < 2 * atCodes.count { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var slots = [Int](repeating: -1, count: size)
        let shift = UInt64(64 - size.trailingZeroBitCount)
        for (key, notes) in atCodes.sorted(by: { $0.key < $1.key }) {
            var slot = Self.slot(key, shift: shift)
            while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            slots[slot] = groups.file(notes)
        }
        // A range covers [start, end]; segments begin at every start and after every end.
        let starts = Set(atRanges.flatMap { [$0.scope.lowerBound, $0.scope.upperBound + 1] }).sorted()
        let segmentGroups = starts.map { start in
            let covering = atRanges.filter { $0.scope.contains(start) }.map(\.note)
            return covering.isEmpty ? -1 : groups.file(covering)
        }
        (self.groups, self.keys, self.slots, self.shift) = (groups, keys, slots, shift)
        (segmentStarts, self.segmentGroups) = (starts, segmentGroups)
    }

    @inline(__always)
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        // Fibonacci hashing: the golden-ratio multiplier spreads keys that
        // differ only in their low bytes (E11, E110, E111 ...) over the top bits.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The group of notes at exactly this packed code or category, or -1.
    @inline(__always)
    private func group(at key: UInt64) -> Int {
        var slot = Self.slot(key, shift: shift)
        while true {
            let found = keys[slot]
            if found == key { return slots[slot] }
            if found == 0 { return -1 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// The group of notes at the sections and chapter holding `code`, or -1.
    @inline(__always)
    private func group(over code: PackedCode) -> Int {
        let segment = Self.last(in: segmentStarts, 0..<segmentStarts.count, atOrBelow: code.bits)
        return segment < 0 ? -1 : segmentGroups[segment]
    }

    /// The position of the last of `values[range]` (sorted) at or below `value`, or -1.
    @inline(__always)
    private static func last(in values: [UInt64], _ range: Range<Int>, atOrBelow value: UInt64) -> Int {
        var (low, high) = (range.lowerBound, range.upperBound)
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low > range.lowerBound ? low - 1 : -1
    }

    /// Whether a note of `group` names `code`.
    @inline(__always)
    private func names(_ code: PackedCode, in group: Int) -> Bool {
        guard group >= 0 else { return false }
        // Intervals are disjoint: only the last one starting at or below the code may hold it.
        let interval = Self.last(in: groups.lows, groups.all[group].intervals, atOrBelow: code.bits)
        return interval >= 0 && code.bits <= groups.highs[interval]
    }

    /// Whether a note at `holder`, at a category or subcategory above it, or
    /// at its section or chapter, names `other`.
    @inline(__always)
    func names(_ other: PackedCode, over holder: PackedCode) -> Bool {
        guard holder.count >= 3 else { return false }
        if names(other, in: group(over: holder)) { return true }
        for length in 3...holder.count where names(other, in: group(at: holder.prefix(length))) { return true }
        return false
    }

    /// The notes that apply to `code`: its chapter's and sections', then its
    /// category's and each subcategory's down to it, each in table order.
    func notes(over code: PackedCode) -> [Excludes1Note] {
        guard code.count >= 3 else { return [] }
        let found = [group(over: code)] + (3...code.count).map { group(at: code.prefix($0)) }
        return found.filter { $0 >= 0 }.flatMap { groups.notes[groups.all[$0].notes] }
    }
}
