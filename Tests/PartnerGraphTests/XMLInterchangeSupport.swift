import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import PartnerGraph

/// Shared by the GraphML and GEXF tests: a small hand-made export (Arabic, French and
/// unlabelled aliases, hostile text), a way to run a writer into a file, and networkx.
enum XMLSample {
    static let hostileName = "<script>alert(\"x&y\")</script> ]]> 'q'\u{01}\u{07}\tend"
    /// The hostile name as XML can carry it: the two control characters replaced.
    static let hostileNameAsCarried = "<script>alert(\"x&y\")</script> ]]> 'q'\u{FFFD}\u{FFFD}\tend"
    static let hostileNote = "line 1\nline 2\r\nline 3 & <b>bold</b>"

    static let header = ExportHeader(
        caption: "Whole graph", filters: ["relations: heads · as of 2024"], nodeCount: 3, edgeCount: 3,
        aliasLanguages: ["ar", "fr", "und"], attributeKeys: ["founded", "web site"],
        relationTypes: vocabulary, sources: [])

    static let nodes: [ExportNode] = [
        ExportNode(
            key: "hostile-1", type: .organization, name: hostileName, nameLanguage: "en", kind: "a\u{0B}b",
            note: hostileNote, attributes: [("web site", "https://example.org/?a=1&b=<2>")]),
        ExportNode(
            key: "icesco", type: .organization, name: "ICESCO", nameLanguage: "en", kind: "igo",
            start: try! PartialDate("1982"),
            aliases: [
                Alias(name: "الإيسيسكو", language: "ar"),
                Alias(name: "Organisation du monde islamique pour l'éducation, la science et la culture", language: "fr"),
                Alias(name: "ISESCO"),
                Alias(name: "منظمة العالم الإسلامي للتربية والعلوم والثقافة", language: "ar"),
                Alias(name: "Islamic World Educational, Scientific and Cultural Organization"),
            ],
            attributes: [("founded", "1979"), ("web site", "https://icesco.org")],
            citations: [
                CitationRef(source: "icesco-2024-03-26"), CitationRef(source: "icesco-2024-03-26", quote: "the D-G"),
                CitationRef(source: "wam-2024"),
            ]),
        ExportNode(
            key: "salim-m-almalik", type: .person, name: "سالم بن محمد المالك", nameLanguage: "ar",
            aliases: [Alias(name: "Salim M. AlMalik", language: "und")]),
    ]

    static let edges: [ExportEdge] = [
        ExportEdge(
            id: 9, source: "hostile-1", target: "icesco", type: "partner_of", date: try! PartialDate("2024-03-26"),
            note: "&<>\"\u{1F}", citations: [CitationRef(source: "wam-2024")]),
        ExportEdge(
            id: 12, source: "icesco", target: "hostile-1", type: "member_of", start: try! PartialDate("2024"),
            end: try! PartialDate("2024")),
        ExportEdge(
            id: 7, source: "salim-m-almalik", target: "icesco", type: "heads", role: "Director-General",
            start: try! PartialDate("2021-05"), citations: [CitationRef(source: "icesco-2024-03-26")]),
    ]

    static let vocabulary: [RelationType] = [
        RelationType(
            name: "heads", forwardPhrase: "heads", inversePhrase: "headed by", sourceTypes: [.person],
            targetTypes: [.organization]),
        RelationType(
            name: "member_of", forwardPhrase: "member of", inversePhrase: "has member",
            sourceTypes: [.organization, .place], targetTypes: [.organization]),
        RelationType(
            name: "partner_of", forwardPhrase: "partner of", inversePhrase: "partner of",
            sourceTypes: [.organization], targetTypes: [.organization], symmetric: true),
    ]

    /// Runs a writer over the sample (or other records) into `file` and returns the bytes.
    static func export<Writer: GraphExportWriter>(
        to file: URL, header: ExportHeader = header, nodes: [ExportNode] = nodes, edges: [ExportEdge] = edges,
        _ make: (ExportSink) -> Writer
    ) throws -> Data {
        let sink = try ExportSink(path: file.path)
        var writer = make(sink)
        try writer.begin(header)
        for node in nodes { try writer.node(node) }
        for edge in edges { try writer.edge(edge) }
        try writer.end()
        try sink.commit()
        return try Data(contentsOf: file)
    }

    /// Whether Foundation's XMLParser finds the bytes well formed.
    static func isWellFormed(_ data: Data) -> Bool {
        XMLParser(data: data).parse()
    }
}

/// Why a networkx check could not run.
struct PythonFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs a Python script with networkx and decodes what it prints as JSON.
///
/// A missing python3 or networkx fails the test with the fix: these tests prove that other
/// tools read our files, and skipping them would hide that they were not run.
func runNetworkx<Output: Decodable>(_ script: String, arguments: [String], in folder: URL, as: Output.Type) throws -> Output {
    let scriptFile = folder.appendingPathComponent("check.py")
    try ("import json, sys\nimport networkx as nx\n" + script).write(to: scriptFile, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", scriptFile.path] + arguments
    let output = Pipe()
    // Standard error goes to a file, so that a long traceback cannot fill a pipe nobody reads yet.
    let errorFile = folder.appendingPathComponent("check.stderr")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    let errors = try FileHandle(forWritingTo: errorFile)
    defer { try? errors.close() }
    process.standardOutput = output
    process.standardError = errors
    do {
        try process.run()
    } catch {
        throw PythonFailure(description: "could not run python3 (\(error)); install python3 and `pip install networkx==3.6.1`")
    }
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let err = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else {
        let hint = err.contains("No module named") || process.terminationStatus == 127
            ? "python3 or networkx is missing: install python3 and `pip install networkx==3.6.1` (make test does)"
            : "networkx could not read the file"
        throw PythonFailure(description: "\(hint); python3 exited with \(process.terminationStatus):\n\(err)")
    }
    do {
        return try JSONDecoder().decode(Output.self, from: out)
    } catch {
        throw PythonFailure(description: "python3 printed \(String(decoding: out, as: UTF8.self)), not the expected JSON: \(error)")
    }
}
