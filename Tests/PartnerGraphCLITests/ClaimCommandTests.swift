import Foundation
import Testing

/// Sources that disagree, as `show` prints them.
struct ClaimCommandTests {
    @Test("show marks a field the sources disagree on, with every value and its sources, and prints relations' quotes")
    func showsDisagreement() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("g.sqlite").path
        try CommandLine.run(["example", "--db", db])
        try CommandLine.run(["source", "add", "walaw-2024-05-06", "--title", "ICESCO at 45", "--db", db])
        try CommandLine.run(["source", "add", "allafrica-2024-05-06", "--title", "ICESCO anniversary", "--db", db])
        #expect(try CommandLine.run(["update", "ICESCO", "--attr", "founded=1979", "--source", "walaw-2024-05-06", "--db", db]).status == 0)
        let claim = try CommandLine.run(["update", "ICESCO", "--claim", "founded=1982", "--source", "allafrica-2024-05-06", "--db", db])
        #expect(claim.status == 0, "\(claim.stderr)")

        let show = try CommandLine.run(["show", "ICESCO", "--db", db])
        #expect(show.stdout.contains("founded: 1979 [walaw-2024-05-06] · 1982 [allafrica-2024-05-06]  (sources disagree)"), "\(show.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(try CommandLine.run(["show", "ICESCO", "--json", "--db", db]).stdout.utf8))
        let claims = (json as? [String: Any])?["claims"] as? [[String: Any]]
        #expect(claims?.first?["disagree"] as? Bool == true)
        #expect(try CommandLine.run(["source", "show", "allafrica-2024-05-06", "--db", db]).stdout.contains("icesco founded = 1982"))

        let gafarova = try CommandLine.run(["show", "Sahiba Gafarova", "--db", db])
        #expect(gafarova.stdout.contains("“رئيسة المجلس الوطني لجمهورية أذربيجان” [icesco-2024-03-26]"))
    }
}
