import Foundation

/// Which header of a file feeds which canonical column, and which headers
/// are left out.
public struct HeaderMap: Sendable {
    /// Column indexes of the file for each canonical column, in file order.
    public private(set) var columns: [String: [Int]] = [:]
    /// The file's header row as read.
    public let header: [String]
    /// Headers that look like direct patient identifiers: never stored.
    public private(set) var identifierColumns: [Int] = []
    /// Headers that also name a single-valued column already taken by a
    /// preferred header, with the column they would have fed.
    public private(set) var shadowed: [(index: Int, column: String)] = []
    /// Headers that match no column: ignored.
    public private(set) var unknownColumns: [Int] = []

    /// Maps `header` onto `specs`: first the `--mapping` entries, then the
    /// aliases (the most preferred alias wins a single-valued column), then the
    /// identifier check for everything left.
    ///
    /// - throws: `IngestError.mapping` when the mapping names an unknown
    ///   column or a header the file lacks; `IngestError.missingColumns` when a
    ///   required column has no header.
    public init(header: [String], specs: [ColumnSpec], mapping: ColumnMapping? = nil, file: String) throws {
        self.header = header
        let normalized = header.map(ColumnSpec.normalize)
        var taken = Set<Int>()
        if let mapping {
            try apply(mapping, specs: specs, normalized: normalized, file: file, taken: &taken)
        }
        matchAliases(specs: specs, normalized: normalized, taken: &taken)
        classifyUnmatched(normalized: normalized, taken: taken)
        markSecondPatientNumbers(specs: specs, normalized: normalized)
        try Self.refuseDuplicates(header: header, normalized: normalized, columns: columns, specs: specs, file: file)
        let missing = specs.filter { $0.required && columns[$0.name] == nil }
        if !missing.isEmpty {
            throw IngestError.missingColumns(
                file: file,
                columns: missing.map { ($0.name, Array($0.aliases.dropFirst().prefix(6))) },
                header: header)
        }
    }

    /// The `--mapping` entries, which win over every alias; each header they name is taken.
    private mutating func apply(
        _ mapping: ColumnMapping, specs: [ColumnSpec], normalized: [String], file: String, taken: inout Set<Int>
    ) throws {
        for (canonical, names) in mapping.entries {
            guard let spec = specs.first(where: { $0.name == canonical }) else {
                throw IngestError.mapping(
                    file: mapping.path,
                    reason: "'\(canonical)' is not a column of this import; the columns are "
                        + specs.map(\.name).joined(separator: ", "))
            }
            if names.count > 1 && !spec.takesSeveralHeaders {
                throw IngestError.mapping(
                    file: mapping.path, reason: "'\(canonical)' takes one header, not a list")
            }
            for name in names {
                let index =
                    header.firstIndex(of: name)
                    ?? normalized.firstIndex(of: ColumnSpec.normalize(name))
                guard let index else {
                    throw IngestError.mapping(
                        file: mapping.path,
                        reason: "'\(canonical)' is mapped to the header \"\(name)\", which \(file) does not "
                            + "have; its headers are: " + header.map { "\"\($0)\"" }.joined(separator: ", "))
                }
                columns[canonical, default: []].append(index)
                taken.insert(index)
            }
        }
    }

    /// Maps a table whose columns are fixed by position, as CMS's reference
    /// tables are: `names[i]` is column `i`, whatever its header says. Cells
    /// after them are ignored (and listed, unless blank). A header cell wrapped
    /// over lines is kept on one (`"Effective` newline `Date"` is `Effective Date`).
    init(positional header: [String], names: [String]) {
        self.header = header.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        for (index, name) in names.enumerated() { columns[name] = [index] }
        unknownColumns = header.indices.dropFirst(names.count).filter { !header[$0].isEmpty }
    }

    /// The aliases, for columns the mapping left out: the most preferred alias
    /// wins a single-valued column and the other matches are shadowed.
    private mutating func matchAliases(specs: [ColumnSpec], normalized: [String], taken: inout Set<Int>) {
        for spec in specs where columns[spec.name] == nil {
            let matches = Self.matches(spec, normalized: normalized).filter { !taken.contains($0) }
            guard !matches.isEmpty else { continue }
            if spec.takesSeveralHeaders {
                columns[spec.name] = matches.sorted()
            } else {
                columns[spec.name] = [matches[0]]
                shadowed += matches.dropFirst().map { ($0, spec.name) }
            }
            taken.formUnion(matches)
        }
    }

    /// Headers no column took: a direct patient identifier, or else unknown.
    private mutating func classifyUnmatched(normalized: [String], taken: Set<Int>) {
        for index in header.indices where !taken.contains(index) {
            if IdentifierColumns.looksLikeIdentifier(normalized[index]) {
                identifierColumns.append(index)
            } else {
                unknownColumns.append(index)
            }
        }
    }

    /// A second patient number (an MRN beside the account number) is an identifier too.
    private mutating func markSecondPatientNumbers(specs: [ColumnSpec], normalized: [String]) {
        guard let patient = specs.first(where: { $0.name == "patient_id" }) else { return }
        for (index, _) in shadowed
        where patient.aliases.contains(where: { ColumnSpec.normalize($0) == normalized[index] }) {
            identifierColumns.append(index)
        }
        shadowed.removeAll { entry in identifierColumns.contains(entry.index) }
        identifierColumns.sort()
    }

    /// Two headers of one name (as headers match: case, spaces and
    /// punctuation aside) that feed a column leave unclear which one holds it.
    private static func refuseDuplicates(
        header: [String], normalized: [String], columns: [String: [Int]], specs: [ColumnSpec], file: String
    ) throws {
        for spec in specs {
            for index in columns[spec.name] ?? [] {
                let same = normalized.indices.filter { normalized[$0] == normalized[index] }
                if same.count > 1 {
                    throw IngestError.duplicateHeader(
                        file: file, name: header[index], columns: same.map { $0 + 1 }, column: spec.name)
                }
            }
        }
    }

    /// The single column index of a canonical column, if the file has it.
    public func index(of column: String) -> Int? { columns[column]?.first }

    /// Every header that matches `spec`, most preferred alias first.
    private static func matches(_ spec: ColumnSpec, normalized: [String]) -> [Int] {
        var result: [Int] = []
        for alias in spec.aliases.map(ColumnSpec.normalize) {
            for (index, name) in normalized.enumerated() where name == alias && !result.contains(index) {
                result.append(index)
            }
        }
        for stem in spec.numberedStems.map(ColumnSpec.normalize) {
            for number in 1...max(spec.numberedUpTo, 1) {
                let name = stem + String(number)
                for (index, header) in normalized.enumerated() where header == name && !result.contains(index) {
                    result.append(index)
                }
            }
        }
        return result
    }

    /// How each canonical column was matched, for the import summary.
    public func describe(specs: [ColumnSpec]) -> [String] {
        specs.compactMap { spec in
            guard let indexes = columns[spec.name] else { return nil }
            return "\(spec.name) ← " + indexes.map { "\"\(header[$0])\"" }.joined(separator: ", ")
        }
    }
}

/// The `--mapping` file: `{"canonical_name": "Their Header"}`, or a list of
/// headers for columns that take several.
public struct ColumnMapping: Sendable {
    public let path: String
    public let entries: [(String, [String])]

    /// Reads a mapping file.
    ///
    /// - throws: `IngestError.unreadable` when it cannot be read,
    ///   `IngestError.mapping` when it is not such a JSON object.
    public init(path: String) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError.unreadable(file: path, reason: "cannot read the mapping file")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw IngestError.mapping(file: path, reason: "not valid JSON (\(error.localizedDescription))")
        }
        guard let dictionary = object as? [String: Any] else {
            throw IngestError.mapping(file: path, reason: #"expected a JSON object like {"encounter_id": "Visit #"}"#)
        }
        var entries: [(String, [String])] = []
        for key in dictionary.keys.sorted() {
            if let header = dictionary[key] as? String {
                entries.append((key, [header]))
            } else if let headers = dictionary[key] as? [String], !headers.isEmpty {
                entries.append((key, headers))
            } else {
                throw IngestError.mapping(
                    file: path, reason: "the value of '\(key)' must be a header name or a list of header names")
            }
        }
        self.entries = entries
    }
}
