/// The bytes of one field, trimmed of surrounding spaces and tabs.
typealias FieldBytes = Slice<UnsafeBufferPointer<UInt8>>

/// One record of a CSV file: its fields' bytes, decoded on demand.
public struct CSVRecord {
    /// The file line the record starts on (the header is line 1).
    public internal(set) var line = 0
    var bytes: [UInt8] = []
    var ends: [Int] = []
    let encoding: TextEncoding

    init(encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// How many fields the record has.
    public var count: Int { ends.count }

    /// The trimmed byte range of a field.
    private func range(_ index: Int) -> Range<Int> {
        var start = index == 0 ? 0 : ends[index - 1]
        var end = ends[index]
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return start..<end
    }

    /// The field at `index`, decoded and trimmed of surrounding white space.
    public subscript(index: Int) -> String {
        let range = range(index)
        if range.isEmpty { return "" }
        return bytes.withUnsafeBufferPointer { encoding.decode(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with the trimmed bytes of a field, without decoding them:
    /// for values that are ASCII when valid (dates, amounts, numbers).
    func withBytes<T>(_ index: Int, _ body: (FieldBytes) -> T) -> T {
        let range = range(index)
        return bytes.withUnsafeBufferPointer { body($0[range]) }
    }

    /// Whether a field is empty or white space.
    func isBlank(_ index: Int) -> Bool { range(index).isEmpty }

    /// Whether every field is empty or white space.
    public var isBlank: Bool {
        !bytes.contains { $0 != 0x20 && $0 != 0x09 }
    }

    /// All fields, decoded.
    public var fields: [String] { (0..<count).map { self[$0] } }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}
