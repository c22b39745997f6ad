// The README's use of the library, run by `make check-consumer` against a tagged clone.
import Foundation
import PartnerGraph

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partnergraph-consumer-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let store = try PartnerGraphStore(path: folder.appendingPathComponent("partners.sqlite").path)
try store.addEntity(NewEntity(type: .person, name: "Salim M. AlMalik"))
try store.addEntity(NewEntity(type: .organization, name: "ICESCO", aliases: [Alias(name: "الإيسيسكو", language: "ar")]))
try store.link("Salim M. AlMalik", "heads", "الإيسيسكو", RelationDetails(role: "Director-General"))

let path = try store.paths(PathQuery(from: "salim-m-almalik", to: "ICESCO"))[0]
print(path.entities.map(\.name).joined(separator: " → "), "in", path.length, "relation(s):", path.hops[0].phrase)
guard path.length == 1, path.hops[0].type == "heads", path.hops[0].role == "Director-General" else {
    FileHandle.standardError.write(Data("error: the consumer expected Salim M. AlMalik —heads→ ICESCO, read \(path)\n".utf8))
    exit(1)
}
