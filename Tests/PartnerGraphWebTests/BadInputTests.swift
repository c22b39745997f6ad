import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PartnerGraph
import Testing
@testable import PartnerGraphWeb

/// Bad parameters get a 400 and unknown entities a 404, each with a JSON `{"error", "fix"}`
/// under /api/ and an HTML page elsewhere; the message is the command line's.
struct BadInputTests {
    @Test("The API refuses bad input with the status and message a person can act on", arguments: [
        ("/api/entity/ICESCOO", 404, "no entity matches \"ICESCOO\"; did you mean \"ICESCO\" (icesco)"),
        ("/api/search", 400, "q is missing"),
        ("/api/search?q=ICESCO&limit=0", 400, "limit must be a whole number of at least 1"),
        ("/api/search?q=%ZZ", 400, "not valid percent-encoded UTF-8"),
        ("/api/neighbors/icesco?depth=0", 400, "depth must be a whole number of at least 1, not \"0\""),
        ("/api/neighbors/icesco?depth=two", 400, "depth must be a whole number"),
        ("/api/neighbors/icesco?dept=2", 400, "unknown parameter \"dept\""),
        ("/api/neighbors/nobody-at-all", 404, "no entity matches \"nobody-at-all\""),
        ("/api/path?from=ICESCO", 400, "to is missing"),
        ("/api/path?from=ICESCO&to=UNFCCC&relation=heads", 404, "they are not connected with --relation heads"),
        ("/api/path?from=ICESCO&to=Azerbaijan&k=500", 400, "at most 20 paths"),
        ("/api/path?from=ICESCO&to=Azerbaijan&directed=maybe", 400, "directed must be true or false"),
        ("/api/timeline?from=2024-02-30", 400, "invalid date \"2024-02-30\": 2024-02 has days 01 to 29"),
        ("/api/timeline?from=2024-05&to=2024-01", 400, "to 2024-01 is before from 2024-05"),
        ("/api/entities?type=planet", 400, "unknown entity type \"planet\""),
        ("/api/neighbors/icesco?relation=likes", 400, "likes"),
        ("/api/nothing-here", 404, "no page at \"/api/nothing-here\""),
    ])
    func apiErrors(uri: String, status: Int, message: String) async throws {
        try await withServer { client, _, _ in
            let response = try await client.get(uri)
            #expect(response.status.code == status, "\(uri)")
            #expect(response.type == "application/json; charset=utf-8", "\(uri)")
            let document = try errorDocument(response.body)
            #expect(document.error.contains(message), "\(uri): \(document.error)")
            #expect(!document.fix.isEmpty)
        }
    }

    @Test("Pages answer an unknown entity, path or parameter with an HTML page and its status", arguments: [
        ("/entity/ICESCOO", 404, "did you mean &quot;ICESCO&quot; (icesco)"),
        ("/no-such-page", 404, "no page at"),
        ("/?q=ICESCO&page=2", 400, "unknown parameter"),
        ("/connect?from=ICESCO&to=Nobody+Known", 404, "no entity matches &quot;Nobody Known&quot;"),
        ("/connect?from=ICESCO&to=UNFCCC&k=0", 400, "k must be a whole number of at least 1"),
    ])
    func pageErrors(uri: String, status: Int, message: String) async throws {
        try await withServer { client, _, _ in
            let response = try await client.get(uri)
            #expect(response.status.code == status, "\(uri)")
            #expect(response.type == "text/html; charset=utf-8", "\(uri)")
            #expect(response.body.contains(message), "\(uri)")
            #expect(response.body.hasPrefix("<!DOCTYPE html>"))
        }
    }

    @Test("No file is served: paths that try to climb out or name a file are 404s")
    func noFiles() async throws {
        try await withServer { client, _, database in
            for uri in ["/../example.sqlite", "/example.sqlite", "/%2e%2e/%2e%2e/etc/passwd", "/api/../../etc/passwd", "/Package.swift"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!response.body.contains("SQLite format"), "\(uri)")
                #expect(!response.body.contains("root:"), "\(uri)")
            }
            _ = database
        }
    }

    @Test("Every response forbids scripts and sniffing")
    func securityHeaders() async throws {
        try await withServer { client, _, _ in
            for uri in ["/", "/entity/icesco", "/api/stats", "/nowhere"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                    #expect(policy.contains("default-src 'none'"), "\(uri)")
                    #expect(!policy.contains("script-src"), "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                }
            }
        }
    }
}
