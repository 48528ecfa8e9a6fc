import Foundation
import GRDB
import GRDBSQLite

/// The rows of a query read straight from SQLite's C API, for the passes that
/// go over every line or encounter of a period: decoding each column through
/// GRDB's `Row` cost several times SQLite's own work there.
///
/// ```swift
/// let rows = try RawRows(db, sql: "SELECT id, payer FROM encounter", arguments: [])
/// while try rows.next() { print(rows.int64(0), rows.string(1)) }
/// ```
package struct RawRows {
    private let statement: Statement
    private let handle: SQLiteStatement

    /// Prepares `sql` and binds `arguments`; throws a database error when either fails.
    package init(_ db: Database, sql: String, arguments: StatementArguments) throws {
        statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        handle = statement.sqliteStatement
    }

    /// Moves to the next row: false after the last one.
    ///
    /// - throws: A database error when SQLite fails to step.
    package func next() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code),
            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
    }

    /// Runs the statement again from its first row, its one parameter bound to `value`.
    ///
    /// - throws: A database error when SQLite cannot bind it.
    package func restart(binding value: Int64) throws {
        sqlite3_reset(handle)
        let code = sqlite3_bind_int64(handle, 1, value)
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
        }
    }

    package func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    package func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    package func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    package func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    package func optionalDouble(_ column: Int32) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(handle, column)
    }

    /// The column's text; empty for NULL.
    package func string(_ column: Int32) -> String {
        guard let text = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: text)
    }

    package func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }

    /// The column's text as bytes, valid until the next step; empty for NULL.
    package func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }
}

/// Strings seen many times over a pass (payers, providers, coders, codes,
/// days), numbered in the order first seen, so that a pass keys its tallies by
/// a small integer; looked up by their bytes in an open-addressing table, so a
/// row's text becomes a `String` only the first time it is seen. A class, so
/// that a pass can number a row's text while the figures it feeds read names.
package final class Interner {
    /// By number.
    @exclusivity(unchecked) package private(set) var strings: [String] = []
    /// Every string's bytes, one after the other; `ends[n]` is where string n's end.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var ends: [Int] = []
    /// Slots of numbers + 1 (0: empty), by hash; a power of two, at most half full.
    @exclusivity(unchecked) private var slots = [Int](repeating: 0, count: 64)

    package init() {}

    package func number(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let (slot, found) = find(text)
        if let found { return found }
        let number = strings.count
        strings.append(String(decoding: text, as: UTF8.self))
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        slots[slot] = number + 1
        if strings.count * 2 > slots.count { rehash() }
        return number
    }

    /// The number of `text` when it has one, without numbering it.
    package func existingNumber(_ text: UnsafeBufferPointer<UInt8>) -> Int? { find(text).number }

    /// `text`'s number, or the empty slot where it goes.
    private func find(_ text: UnsafeBufferPointer<UInt8>) -> (slot: Int, number: Int?) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while slots[slot] != 0 {
            let number = slots[slot] - 1
            if matches(number, text) { return (slot, number) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    package func number(_ string: String) -> Int {
        var string = string
        return string.withUTF8 { number($0) }
    }

    private func matches(_ number: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        guard ends[number] - start == text.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            text.isEmpty || memcmp(stored.baseAddress! + start, text.baseAddress!, text.count) == 0
        }
    }

    private func rehash() {
        let numbers = strings.indices
        slots = [Int](repeating: 0, count: slots.count * 2)
        for number in numbers {
            let start = number == 0 ? 0 : ends[number - 1]
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes[start..<ends[number]] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = number + 1
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes are `text`'s: compared as bytes, where `elementsEqual(text.utf8)` went
    /// through a string's view at each byte (1.4 million adjustments' codes in a year's 835s).
    package func holds(_ text: StaticString) -> Bool {
        elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
