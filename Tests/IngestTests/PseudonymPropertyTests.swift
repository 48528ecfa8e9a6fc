import Crypto
import Foundation
import Ingest
import PropertyBased
import Testing

/// SPEC 4: patient ids are stored as HMAC-SHA256 under the practice's key, so the same
/// patient links across files and another key gives unrelated pseudonyms.
@Suite struct PseudonymPropertyTests {
    static let key = Gen<UInt8>.value(in: 0...255).array(of: 32)

    @Test func sameKeyAndIdGiveTheSamePseudonymAnotherKeyAnotherOne() async {
        await propertyCheck(input: Self.key, Self.key, TextGen.cell, TextGen.cell) { key, otherKey, id, otherID in
            // Given two keys and two patient ids, any text
            let pseudonymizer = PatientPseudonymizer(key: SymmetricKey(data: key))
            // When the same id is pseudonymized twice, by two instances over the same key
            let first = pseudonymizer.pseudonym(for: id)
            let again = PatientPseudonymizer(key: SymmetricKey(data: key)).pseudonym(for: id)
            // Then both are the same 64 lower-case hex digits: the HMAC-SHA256 of the id's UTF-8 bytes
            #expect(first == again)
            let mac = HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: SymmetricKey(data: key))
            #expect(first == mac.map { String(format: "%02x", $0) }.joined())
            // and another key, or another id, gives another pseudonym
            if otherKey != key {
                #expect(PatientPseudonymizer(key: SymmetricKey(data: otherKey)).pseudonym(for: id) != first)
            }
            if Array(otherID.utf8) != Array(id.utf8) {
                #expect(pseudonymizer.pseudonym(for: otherID) != first)
            }
        }
    }
}
