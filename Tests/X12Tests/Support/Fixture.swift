import Foundation
import Testing
import X12

/// The hand-written 835 files under `Fixtures/`.
enum Fixture {
    /// The bytes of `Fixtures/<name>.835`.
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "835", subdirectory: "Fixtures"),
            "no fixture \(name).835")
        return [UInt8](try Data(contentsOf: url))
    }

    /// Every transaction of the fixture, as `RemittanceReader.readAll()` gives them.
    static func read(_ name: String) throws -> [Remittance] {
        try RemittanceReader(bytes: bytes(name)).readAll()
    }

    /// The fixture's text, for tests that change one segment of a good file.
    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }
}

/// What reading `bytes` throws, or nil when it reads cleanly.
func readingError(_ bytes: [UInt8]) -> X12Error? {
    do {
        _ = try RemittanceReader(bytes: bytes).readAll()
        return nil
    } catch {
        return error as? X12Error
    }
}

/// What reading `text` throws, or nil when it reads cleanly.
func readingError(_ text: String) -> X12Error? {
    readingError(Array(text.utf8))
}

/// A date from `YYYY-MM-DD`, for expected values.
func day(_ text: String) -> RemittanceDate {
    let parts = text.split(separator: "-").map { Int($0)! }
    return RemittanceDate(year: parts[0], month: parts[1], day: parts[2])!
}

extension Remittance {
    /// All service lines of all claims, in file order.
    var serviceLines: [ServiceLinePayment] { claims.flatMap(\.serviceLines) }
}
