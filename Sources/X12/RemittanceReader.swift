import Foundation

/// Reads an X12 835 file (ASC X12 005010X221A1 remittance advice) as SPEC 9
/// describes it, handing each payment and claim to a `RemittanceHandler` as
/// soon as it is read.
///
/// ```swift
/// var collector = RemittanceCollector()  // or an importer's own RemittanceHandler
/// try RemittanceReader(data: fileData).read(into: &collector)
/// for remittance in collector.remittances where remittance.end.outcome == .accepted { … }
/// ```
///
/// Two kinds of fault, as SPEC 9 separates them:
/// - a malformed envelope or segment (a missing or misnested ISA/GS/ST/SE/
///   GE/IEA, mismatched control numbers or counts, a transaction set other
///   than 835, data after the last terminator, a segment over 64 KiB, a
///   required element missing or not of its type) throws `X12Error`: the
///   whole file is refused;
/// - a transaction whose SE01 is not its segment count, or whose BPR02 is
///   not Σ CLP04 − Σ PLB, ends with `PaymentOutcome.rejected`: only that
///   transaction is refused, and reading goes on.
public struct RemittanceReader: Sendable {
    /// The bytes of the file, or nil when it is read from `path` a window at a time.
    let bytes: [UInt8]?
    let path: String?

    /// A reader over the bytes of one file.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        path = nil
    }

    /// A reader over the contents of one file. The bytes are copied once, so
    /// the caller may release `data` to keep one copy of the file in memory.
    public init(data: Data) {
        self.bytes = [UInt8](data)
        path = nil
    }

    /// A reader of the file at `path`, read a window at a time: its memory
    /// does not grow with the file.
    public init(path: String) {
        bytes = nil
        self.path = path
    }

    /// Reads the file, calling `handler` for each transaction's payment,
    /// claims and end, in file order.
    ///
    /// - Throws: `X12Error` when the file is malformed (see the type's
    ///   documentation), or whatever the handler throws.
    public func read<Handler: RemittanceHandler>(into handler: inout Handler) throws {
        var tokenizer = try path.map(X12Tokenizer.init(path:)) ?? X12Tokenizer(bytes: bytes ?? [])
        var envelope = Envelope()
        while let segment = try tokenizer.next() {
            try envelope.read(segment, into: &handler)
        }
        try envelope.finish()
    }
}

/// English counts for messages: "1 segment", "2 segments".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
