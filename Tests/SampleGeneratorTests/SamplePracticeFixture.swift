import SampleGenerator

/// The default sample practice, generated once for the whole test run (it is
/// what `codeaudit generate-sample` writes into SampleData/).
enum Fixture {
    static let practice = SamplePractice(options: SampleOptions())

    /// The files of the default practice, by name.
    static let files: [String: [UInt8]] = Dictionary(
        uniqueKeysWithValues: practice.files().map { ($0.name, $0.bytes) })

    /// A file's lines, decoded as UTF-8 (Windows-1252 bytes become U+FFFD).
    static func lines(_ name: String) -> [String] {
        String(decoding: files[name]!, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
    }
}

extension SampleDay {
    /// Whether the practice works that day: Monday to Friday (the holidays are the generator's business).
    var isWeekday: Bool {
        let weekday = (ordinal % 7 + 11) % 7
        return weekday != 0 && weekday != 6
    }
}
