import Foundation
import Hummingbird
import HummingbirdTesting
import PartnerGraph
import Testing
@testable import PartnerGraphWeb

/// `/openapi.json` describes every route the server has, and is a valid OpenAPI 3.1 document.
struct OpenAPITests {
    @Test("Every route of the router is in the document, and every operation of the document is a route")
    func routesMatch() throws {
        let routes = WebServer(graph: WebGraph(store: try PartnerGraphStore())).router().routes
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var documented = Set<WebRoute>()
        for (path, operations) in paths {
            for method in operations.keys { documented.insert(WebRoute(method: method.uppercased(), path: path)) }
        }
        #expect(Set(routes) == documented, "served but undocumented: \(Set(routes).subtracting(documented)); documented but not served: \(documented.subtracting(routes))")
        #expect(routes.count >= 14)
        // Every path parameter of a route is described.
        for route in routes where route.path.contains("{") {
            let operation = try #require(paths[route.path]?[route.method.lowercased()] as? [String: Any])
            let parameters = try #require(operation["parameters"] as? [[String: Any]])
            #expect(parameters.contains { $0["in"] as? String == "path" && $0["name"] as? String == "name" }, "\(route)")
        }
    }

    @Test("The document served is valid OpenAPI 3.1 for openapi-spec-validator")
    func validates() async throws {
        try await withServer { client, _, database in
            let served = try await client.get("/openapi.json")
            #expect(served.status == .ok)
            let file = database.folder.appendingPathComponent("openapi.json")
            try Data(served.body.utf8).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "python3", "-c",
                "import json, sys; from openapi_spec_validator import validate; "
                    + "spec = json.load(open(sys.argv[1])); assert spec['openapi'].startswith('3.1'); validate(spec); print('valid')",
                file.path,
            ]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "openapi-spec-validator (make python-deps installs it): \(text)")
            #expect(text.contains("valid"))
        }
    }
}
