/// A code, a prefix or a range of codes that an Excludes1 note names.
///
/// A target covers a code when the code starts with it (`K50.-` covers
/// K50.011) or, for a range, when the code's first characters lie between the
/// two ends (`C00-C96` covers C7A.010, the ends compared on their own lengths,
/// both included). A code written without a dash covers the codes below it
/// too, because notes name codes that still take a 7th character: `(S00.06)`
/// covers S00.06XA.
public struct Excludes1Target: Sendable, Hashable, CustomStringConvertible {
    /// How the note wrote the target.
    public enum Kind: Sendable, Hashable {
        /// One code, `(A18.32)`.
        case code
        /// A code and every code below it, `(K50.-)` or `(A04.7-)`.
        case prefix
        /// Every code from one end to the other, `(C00-C96)` or `(A04.0-A04.4)`.
        case range
    }

    /// How the note wrote the target.
    public let kind: Kind
    let low: PackedCode
    let high: PackedCode

    /// The packed codes the target names, as one interval: a code starts with
    /// `K50` when its bits lie between K50's and K50's followed by all-ones
    /// bytes, and lies in `C00-C96` when they lie between C00's and C96's so followed.
    var interval: ClosedRange<UInt64> {
        low.bits...(kind == .range ? high : low).lastBits
    }

    /// The target as the tabular writes it: `A18.32`, `K50.-`, `A04.7-`, `C00-C96`.
    public var description: String {
        switch kind {
        case .code: low.dotted
        case .prefix: low.count == 3 ? "\(low.dotted).-" : "\(low.dotted)-"
        case .range: "\(low.dotted)-\(high.dotted)"
        }
    }

    /// Reads a target of the compiled table: `A1832`, `K50-` or `C00-C96`.
    init?(table field: Slice<UnsafeBufferPointer<UInt8>>) {
        let dash = UInt8(ascii: "-")
        if field.last == dash {
            guard let low = PackedCode(field.dropLast()) else { return nil }
            (kind, self.low, high) = (.prefix, low, low)
        } else if let split = field.firstIndex(of: dash) {
            guard let low = PackedCode(field[..<split]), let high = PackedCode(field[(split + 1)...]) else {
                return nil
            }
            (kind, self.low, self.high) = (.range, low, high)
        } else {
            guard let low = PackedCode(field) else { return nil }
            (kind, self.low, high) = (.code, low, low)
        }
    }
}

/// One code, prefix or range named by an Excludes1 note, with the place the
/// note sits: `E11 excludes E10.-`.
public struct Excludes1Note: Sendable, Hashable, CustomStringConvertible {
    /// Where the note sits, as the tabular writes it: a code or category
    /// (`E11`, `E11.6`), or the range of the section or chapter whose heading
    /// holds it (`A15-A19`, `E00-E89`). It applies to every code under that.
    public var scope: String {
        scopeLow == scopeHigh ? scopeLow.dotted : "\(scopeLow.dotted)-\(scopeHigh.dotted)"
    }

    /// What the note names.
    public let target: Excludes1Target
    let scopeLow: PackedCode
    let scopeHigh: PackedCode

    /// `E11 excludes E10.-`.
    public var description: String { "\(scope) excludes \(target)" }

    init(scopeLow: PackedCode, scopeHigh: PackedCode, target: Excludes1Target) {
        self.scopeLow = scopeLow
        self.scopeHigh = scopeHigh
        self.target = target
    }
}

/// Two codes that may not be reported together, and the note that says so.
public struct Excludes1Conflict: Sendable, Hashable {
    /// The code under the note: the note sits at it or at a category above it.
    public let code: String
    /// The code the note names.
    public let excluded: String
    /// The note.
    public let note: Excludes1Note

    /// One sentence for a coder, the lower code first:
    /// `E10.9 and E11.9: E11 excludes E10.-`.
    public var detail: String {
        let (first, second) = code < excluded ? (code, excluded) : (excluded, code)
        return "\(Self.dotted(first)) and \(Self.dotted(second)): \(note)"
    }

    private static func dotted(_ code: String) -> String {
        PackedCode(code)?.dotted ?? code
    }
}
