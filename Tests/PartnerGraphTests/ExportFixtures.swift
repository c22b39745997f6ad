import Foundation
import Testing
@testable import PartnerGraph

/// Handcrafted export calls in the founding example's flavour, for the format writers' tests.
enum ExportFixture {
    static let relationTypes = [
        RelationType(name: "heads", forwardPhrase: "heads", inversePhrase: "headed by", sourceTypes: [.person], targetTypes: [.organization, .event]),
        RelationType(name: "member_of", forwardPhrase: "member of", inversePhrase: "has member", sourceTypes: [.person, .organization], targetTypes: [.organization]),
        RelationType(name: "partner_of", forwardPhrase: "partner of", inversePhrase: "partner of", sourceTypes: [.organization], targetTypes: [.organization], symmetric: true),
        RelationType(name: "party_to", forwardPhrase: "party to", inversePhrase: "has party", sourceTypes: [.organization], targetTypes: [.agreement]),
        RelationType(name: "participated_in", forwardPhrase: "participated in", inversePhrase: "had participant", sourceTypes: [.person], targetTypes: [.event]),
        RelationType(name: "organized", forwardPhrase: "organized", inversePhrase: "organized by", sourceTypes: [.organization], targetTypes: [.event]),
        RelationType(name: "held_in", forwardPhrase: "held in", inversePhrase: "hosted", sourceTypes: [.event, .agreement], targetTypes: [.place]),
        RelationType(name: "located_in", forwardPhrase: "located in", inversePhrase: "location of", sourceTypes: [.place], targetTypes: [.place, .organization]),
    ]

    static let source = Source(
        key: "icesco-2024-03-26", title: "ICESCO and Azerbaijan's parliament discuss cooperation", publisher: "ICESCO",
        url: "https://icesco.org/en/2024/03/26/", published: try! PartialDate("2024-03-26"), language: "en")

    static func date(_ text: String) -> PartialDate { try! PartialDate(text) }

    /// The entities, in key order.
    static let nodes: [ExportNode] = [
        ExportNode(
            key: "action-plan-2024", type: .agreement, name: "ICESCO–Azerbaijan Action Plan 2024–2025", nameLanguage: "en",
            kind: "action plan", date: date("2024-03"), aliases: [Alias(name: "خطة العمل المشتركة", language: "ar")],
            citations: [CitationRef(source: "icesco-2024-03-26")]),
        ExportNode(
            key: "azerbaijan", type: .organization, name: "Republic of Azerbaijan", nameLanguage: "en", kind: "state",
            note: "ICESCO member state.",
            aliases: [Alias(name: "Azerbaijan", language: "en"), Alias(name: "أذربيجان", language: "ar")]),
        ExportNode(key: "baku", type: .place, name: "Baku", nameLanguage: "en", kind: "city", aliases: [Alias(name: "باكو", language: "ar")]),
        ExportNode(
            key: "baku-forum-2024", type: .event, name: "Baku Forum 2024", nameLanguage: "en", kind: "forum", date: date("2024-05")),
        ExportNode(
            key: "icesco", type: .organization, name: "ICESCO", nameLanguage: "en", kind: "igo", start: date("1979"),
            note: "Islamic World Educational, Scientific and Cultural Organization.",
            aliases: [Alias(name: "الإيسيسكو", language: "ar"), Alias(name: "ISESCO")],
            attributes: [(key: "headquarters", value: "Rabat")],
            citations: [CitationRef(source: "icesco-2024-03-26", quote: "ICESCO's Director-General")]),
        ExportNode(
            key: "milli-majlis", type: .organization, name: "Milli Majlis", nameLanguage: "en", kind: "parliament",
            aliases: [Alias(name: "مجلس ملي", language: "ar")]),
        ExportNode(
            key: "salim-m-almalik", type: .person, name: "Salim M. AlMalik", nameLanguage: "en",
            aliases: [Alias(name: "سالم بن محمد المالك", language: "ar")]),
    ]

    /// The relations, ordered by source key, type, target key and id.
    static let edges: [ExportEdge] = [
        ExportEdge(id: 5, source: "action-plan-2024", target: "baku", type: "held_in"),
        ExportEdge(id: 2, source: "azerbaijan", target: "icesco", type: "member_of", start: date("1991")),
        ExportEdge(id: 6, source: "baku", target: "azerbaijan", type: "located_in"),
        ExportEdge(id: 4, source: "baku-forum-2024", target: "baku", type: "held_in"),
        ExportEdge(id: 7, source: "icesco", target: "baku-forum-2024", type: "organized"),
        ExportEdge(id: 8, source: "icesco", target: "action-plan-2024", type: "party_to", date: date("2024-03")),
        ExportEdge(id: 9, source: "icesco", target: "milli-majlis", type: "partner_of"),
        ExportEdge(
            id: 1, source: "salim-m-almalik", target: "icesco", type: "heads", role: "Director-General", start: date("2021"),
            citations: [CitationRef(source: "icesco-2024-03-26")]),
        ExportEdge(id: 3, source: "salim-m-almalik", target: "baku-forum-2024", type: "participated_in", role: "keynote speaker"),
    ]

    static func header(nodes: [ExportNode] = nodes, edges: [ExportEdge] = edges) -> ExportHeader {
        let languages = Set(nodes.flatMap { $0.aliases.map { $0.language ?? ExportNode.unknownLanguage } }).sorted()
        let attributes = Set(nodes.flatMap { $0.attributes.map(\.key) }).sorted()
        return ExportHeader(
            caption: "Whole graph", nodeCount: nodes.count, edgeCount: edges.count, aliasLanguages: languages,
            attributeKeys: attributes, relationTypes: relationTypes, sources: [source])
    }

    /// The text one writer makes of the given calls, through a real file sink.
    static func export(
        header: ExportHeader? = nil, nodes: [ExportNode] = nodes, edges: [ExportEdge] = edges,
        writer makeWriter: (ExportSink) -> any GraphExportWriter
    ) throws -> String {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("export").path
        let sink = try ExportSink(path: path)
        var writer = makeWriter(sink)
        try writer.begin(header ?? self.header(nodes: nodes, edges: edges))
        for node in nodes { try writer.node(node) }
        for edge in edges { try writer.edge(edge) }
        try writer.end()
        try sink.commit()
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

/// Runs `python3` on a script with arguments, as `make test` sets it up.
enum Python {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ script: String, arguments: [String] = []) throws -> Result {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let err = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Whether `python3` can import every module, else a message for the failing test.
    static func missing(_ modules: [String], pip: String) -> String? {
        let probe = try? run("import " + modules.joined(separator: ", "))
        guard let probe, probe.status == 0 else {
            return "python3 with \(modules.joined(separator: " and ")) is needed: run `make test`, which installs it (\(pip)). "
                + (probe?.stderr ?? "python3 could not be started")
        }
        return nil
    }
}
