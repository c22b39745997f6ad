import Foundation
import PartnerGraph
import Testing
@testable import PartnerGraphCLI

/// How paths read when printed: every hop in its true direction, with the phrase for the
/// direction walked.
struct ConnectionOutputTests {
    private func exampleStore() throws -> PartnerGraphStore {
        let store = try PartnerGraphStore()
        try store.loadExample()
        return store
    }

    @Test("A printed path shows each relation in its true direction, with roles and dates")
    func chainShowsTrueDirections() throws {
        let paths = try exampleStore().paths(
            PathQuery(from: "Salim M. AlMalik", to: "Sahiba Gafarova", k: 3, avoid: ["Meeting of AlMalik and Gafarova in Geneva"]))
        let chains = paths.map(HopText.chain)
        #expect(chains.contains(
            "Salim M. AlMalik —heads (Director-General)→ ICESCO —observer of (official observer member, since 2024-03)→ NAM Parliamentary Network ←heads (President)— Sahiba Gafarova"
        ), "got \(chains)")
        #expect(!chains.contains { $0.contains("Meeting of AlMalik") }, "--avoid keeps the meeting out")
    }

    @Test("A hop walked backwards reads with the inverse phrase, and cites its source")
    func inversePhrase() throws {
        let paths = try exampleStore().paths(PathQuery(from: "NAM Parliamentary Network", to: "Sahiba Gafarova", relations: ["heads"]))
        let hop = try #require(paths.first?.hops.first)
        #expect(HopText.sentence(hop) == "NAM Parliamentary Network headed by Sahiba Gafarova (President) [icesco-2024-03-26]")
        #expect(HopText.arrow(hop) == "←heads (President)— Sahiba Gafarova")
    }

    @Test("A symmetric relation is drawn without an arrowhead, from either end")
    func symmetricHop() throws {
        let store = try exampleStore()
        for (from, to) in [("ICESCO", "Republic of Azerbaijan"), ("Republic of Azerbaijan", "ICESCO")] {
            let hop = try #require(try store.paths(PathQuery(from: from, to: to, relations: ["partner_of"])).first?.hops.first)
            #expect(HopText.arrow(hop).hasPrefix("—partner of— "), "\(HopText.arrow(hop))")
        }
    }
}
