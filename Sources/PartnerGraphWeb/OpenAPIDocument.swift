import Foundation

/// The OpenAPI 3.1 description of every route, served at `/openapi.json`: its parameters, its
/// responses and their errors. Written by hand, apart from the router: a test checks that the
/// two list the same routes, and `openapi-spec-validator` that the document is valid.
enum OpenAPIDocument {
    /// The document, as served.
    static let data: Data = {
        // A literal of strings, numbers, arrays and dictionaries always serializes.
        var data = try! JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(UInt8(ascii: "\n"))
        return data
    }()

    // MARK: - Building blocks

    private static func ref(_ schema: String) -> [String: Any] { ["$ref": "#/components/schemas/\(schema)"] }
    private static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    private static var string: [String: Any] { ["type": "string"] }
    private static var nullableString: [String: Any] { ["type": ["string", "null"]] }
    private static var date: [String: Any] { ["type": ["string", "null"], "description": "YYYY, YYYY-MM or YYYY-MM-DD", "examples": ["2024-03"]] }
    private static var integer: [String: Any] { ["type": "integer"] }

    private static func object(_ properties: [String: Any], required: [String] = [], description: String? = nil) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        if let description { schema["description"] = description }
        return schema
    }

    private static func query(_ name: String, _ description: String, schema: [String: Any] = string, required: Bool = false) -> [String: Any] {
        ["name": name, "in": "query", "required": required, "description": description, "schema": schema]
    }

    private static func repeated(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "description": description + " Repeatable.", "schema": array(string),
         "style": "form", "explode": true]
    }

    private static var nameInPath: [String: Any] { [
        "name": "name", "in": "path", "required": true, "schema": string,
        "description": "The entity: its key, name or any alias, in any language and spelling (percent-encoded as UTF-8).",
    ] }

    private static var traversal: [[String: Any]] { [
        repeated("relation", "Follow only relations of this type."),
        repeated("exclude_relation", "Never follow relations of this type."),
        query("as_of", "Only relations in force on this date (YYYY, YYYY-MM or YYYY-MM-DD), at the date's precision."),
        query("directed", "Follow relations only from source to target (symmetric ones both ways).", schema: ["type": "boolean", "default": false]),
    ] }

    private static func json(_ description: String, _ schema: [String: Any]) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }

    private static func html(_ description: String) -> [String: Any] {
        ["description": description, "content": ["text/html": ["schema": string]]]
    }

    private static func error(_ description: String) -> [String: Any] { json(description, ref("Error")) }

    private static var badRequest: [String: Any] { error("A parameter is missing, unknown or invalid; the error says which, and the fix what to pass.") }
    private static var notFound: [String: Any] { error("No entity matches the name; the error suggests the closest names.") }

    private static func get(_ summary: String, _ parameters: [[String: Any]], _ responses: [String: Any], tag: String) -> [String: Any] {
        ["get": ["summary": summary, "operationId": summary.lowercased().filter(\.isLetter), "tags": [tag], "parameters": parameters, "responses": responses]]
    }

    private static func write(_ summary: String, operation: String, body: String, created: [String: Any]) -> [String: Any] {
        [
            "summary": summary, "operationId": operation, "tags": ["writes"],
            "description": "Only when the server was started with --allow-writes and a token; recorded in the history as one change, by `web:` and the server's user.",
            "security": [["bearer": [String]()]],
            "requestBody": ["required": true, "content": ["application/json": ["schema": ref(body)]]],
            "responses": [
                "201": created,
                "400": error("The body is not JSON, has an unknown member or breaks a rule of the graph (a date, a relation type the vocabulary does not allow between these types)."),
                "401": error("No Authorization header."),
                "403": error("The token is not the server's."),
                "404": error("An entity or a cited source does not exist."),
                "405": error("The server is read-only."),
                "409": error("The key or the relation is recorded already."),
                "413": error("The body is larger than 64 KiB."),
            ],
        ]
    }

    // MARK: - The document

    static var document: [String: Any] {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "PartnerGraph", "version": "0.1.0",
                "description": "A partnership graph: organizations, people, agreements, events and places, with dated, sourced relations. Each JSON response is the document the matching command prints with --json.",
            ],
            "servers": [["url": "/"]],
            "tags": [["name": "pages"], ["name": "read"], ["name": "writes"]],
            "paths": paths,
            "components": ["schemas": schemas, "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]]],
        ]
    }

    private static var paths: [String: Any] {
        [
            "/": get("Search page", [query("q", "What to search for.")],
                     ["200": html("The search form, and the hits when q is given."), "400": html("An unknown parameter.")], tag: "pages"),
            "/entity/{name}": get("Entity page", [nameInPath],
                                  ["200": html("What `partnergraph show` prints, with a drawing of the neighbourhood."), "400": html("An ambiguous name: the page lists the keys."), "404": html("No entity matches.")], tag: "pages"),
            "/connect": get("Connection page", [query("from", "One end."), query("to", "The other end."), query("k", "How many paths (1 to 5).", schema: integer)],
                            ["200": html("The paths, hop by hop, and their drawing; the form when an end is missing."), "400": html("A bad parameter."), "404": html("No path, or no such entity.")], tag: "pages"),
            "/api/search": get("Search", [query("q", "The words; every one must occur, the last may be the start of a word.", required: true),
                                          query("limit", "At most this many hits (default 20).", schema: integer), repeated("type", "Only entities of this type.")],
                               ["200": json("`partnergraph search --json`.", ref("SearchResults")), "400": badRequest], tag: "read"),
            "/api/entity/{name}": get("Show", [nameInPath],
                                      ["200": json("`partnergraph show --json`.", ref("EntityProfile")), "400": badRequest, "404": notFound], tag: "read"),
            "/api/neighbors/{name}": get("Neighbors", [nameInPath, query("depth", "How many relations away (default 1).", schema: integer),
                                                       repeated("type", "List only entities of this type."), query("limit", "Stop after this many entities.", schema: integer)] + traversal,
                                         ["200": json("`partnergraph neighbors --json`.", ref("Neighborhood")), "400": badRequest, "404": notFound], tag: "read"),
            "/api/path": get("Path", [query("from", "The start.", required: true), query("to", "The end.", required: true),
                                      query("k", "How many paths, shortest first (1 to 20).", schema: integer),
                                      query("max_depth", "The longest path to look for, in relations.", schema: integer),
                                      repeated("avoid", "A path must not pass through this entity.")] + traversal,
                             ["200": json("`partnergraph path --json`.", array(ref("GraphPath"))), "400": badRequest,
                              "404": error("No such entity, or no path under these limits; the error says which limit applied.")], tag: "read"),
            "/api/timeline": get("Timeline", [query("entity", "Only facts about this entity."), query("from", "Only facts on or after this date."),
                                              query("to", "Only facts on or before this date."), query("limit", "At most this many entries.", schema: integer)],
                                 ["200": json("`partnergraph timeline --json`.", ref("Timeline")), "400": badRequest, "404": notFound], tag: "read"),
            "/api/stats": get("Stats", [query("top", "How many of the most connected entities to list.", schema: integer)],
                              ["200": json("`partnergraph stats --json`.", ref("GraphStats")), "400": badRequest], tag: "read"),
            "/api/sources": get("Sources", [],
                                ["200": json("`partnergraph source list --json`.", array(ref("SourceSummary"))), "400": badRequest], tag: "read"),
            "/api/entities": get("List", [query("type", "Only entities of this type."), query("kind", "Only entities of this kind (igo, state, city, …).")],
                                 ["200": json("`partnergraph list --json`.", array(ref("EntitySummary"))), "400": badRequest], tag: "read")
                .merging(["post": write("Add an entity", operation: "add", body: "NewEntity", created: json("`partnergraph add --json`: the entity added.", ref("EntityRef")))]) { $1 },
            "/api/relations": ["post": write("Link two entities", operation: "link", body: "NewRelation", created: json("`partnergraph link --json`: the relation recorded.", ref("RelationView")))],
            "/openapi.json": get("This description", [], ["200": ["description": "This document.", "content": ["application/json": ["schema": ["type": "object"]]]]], tag: "read"),
        ]
    }

    private static var schemas: [String: Any] {
        let entityType: [String: Any] = ["type": "string", "enum": ["organization", "person", "agreement", "event", "place"]]
        let citation = object(["source": string, "title": string, "quote": nullableString], required: ["source", "title"])
        let hop = object([
            "relation_id": integer, "type": string, "from": ref("EntityRef"), "to": ref("EntityRef"), "forward": ["type": "boolean"],
            "phrase": string, "forward_phrase": string, "symmetric": ["type": "boolean"], "role": nullableString,
            "start": date, "end": date, "date": date, "note": nullableString, "citations": array(ref("Citation")),
        ], required: ["relation_id", "type", "from", "to", "forward", "phrase"], description: "One relation, walked from `from` to `to`; `phrase` reads in that direction.")
        return [
            "Error": object(["error": string, "fix": string], required: ["error", "fix"], description: "What went wrong, in the command line's words, and what to do instead."),
            "EntityRef": object(["key": string, "type": entityType, "name": string], required: ["key", "type", "name"]),
            "Alias": object(["name": string, "language": nullableString], required: ["name"]),
            "Citation": citation,
            "CitationRef": object(["source": string, "quote": nullableString], required: ["source"]),
            "RelationView": object([
                "id": integer, "type": string, "direction": ["type": "string", "enum": ["outgoing", "incoming"]], "phrase": string,
                "source": ref("EntityRef"), "target": ref("EntityRef"), "other": ref("EntityRef"), "role": nullableString,
                "start": date, "end": date, "date": date, "note": nullableString, "citations": array(ref("Citation")),
            ], required: ["id", "type", "direction", "phrase", "source", "target", "other"]),
            "EntityProfile": object([
                "key": string, "type": entityType, "name": string, "name_language": nullableString, "kind": nullableString,
                "aliases": array(ref("Alias")), "attributes": ["type": "object", "additionalProperties": string],
                "date": date, "start": date, "end": date, "note": nullableString, "created_at": string, "updated_at": string,
                "citations": array(ref("Citation")), "relations": array(ref("RelationView")), "claims": array(["type": "object"]),
            ], required: ["key", "type", "name", "aliases", "relations"]),
            "PathHop": hop,
            "GraphPath": object(["length": integer, "entities": array(ref("EntityRef")), "hops": array(ref("PathHop"))], required: ["length", "entities", "hops"]),
            "Neighborhood": object([
                "center": ref("EntityRef"), "depth": integer, "truncated": ["type": "boolean"], "relation_ids": array(integer),
                "neighbors": array(object(["entity": ref("EntityRef"), "distance": integer, "via": array(ref("PathHop"))])),
            ], required: ["center", "depth", "neighbors"]),
            "SearchResults": object([
                "query": string, "terms": array(string),
                "hits": array(object([
                    "kind": ["type": "string", "enum": ["entity", "source", "relation"]], "key": nullableString, "type": entityType,
                    "name": string, "matched": nullableString, "snippet": nullableString, "relation": ref("PathHop"), "score": ["type": "number"],
                ])),
            ], required: ["query", "hits"]),
            "Timeline": object([
                "entity": ref("EntityRef"), "from": date, "to": date, "truncated": ["type": "boolean"],
                "entries": array(object([
                    "date": string, "kind": ["type": "string", "enum": ["dated", "starts", "ends", "relation", "relation_starts", "relation_ends"]],
                    "entity": ref("EntityRef"), "relation": ref("PathHop"), "summary": string,
                ])),
            ], required: ["entries"]),
            "GraphStats": object([
                "entities": integer, "relations": integer, "sources": integer,
                "entities_by_type": ["type": "object", "additionalProperties": integer], "relations_by_type": ["type": "object", "additionalProperties": integer],
                "most_connected": array(object(["entity": ref("EntityRef"), "relations": integer])),
                "components": integer, "largest_component": integer, "isolated": integer, "isolated_entities": array(ref("EntityRef")),
            ], required: ["entities", "relations"]),
            "SourceSummary": object([
                "key": string, "title": string, "publisher": nullableString, "published": date, "language": nullableString,
                "citation_count": integer, "has_text": ["type": "boolean"],
            ], required: ["key", "title"]),
            "EntitySummary": object([
                "key": string, "type": entityType, "name": string, "kind": nullableString, "aliases": array(ref("Alias")), "relation_count": integer,
            ], required: ["key", "type", "name"]),
            "NewEntity": object([
                "type": ["type": "string", "description": "organization (org), person, agreement, event or place"], "name": string,
                "key": string, "name_language": string, "kind": string, "aliases": array(ref("Alias")),
                "attributes": ["type": "object", "additionalProperties": string], "date": date, "start": date, "end": date,
                "note": string, "citations": array(ref("CitationRef")),
            ], required: ["type", "name"], description: "What `partnergraph add` takes; unknown members are refused.")
                .merging(["additionalProperties": false]) { $1 },
            "NewRelation": object([
                "source": string, "type": ["type": "string", "description": "A relation type of the vocabulary: heads, member_of, partner_of, …"],
                "target": string, "role": string, "start": date, "end": date, "date": date, "note": string, "citations": array(ref("CitationRef")),
            ], required: ["source", "type", "target"], description: "What `partnergraph link` takes; unknown members are refused.")
                .merging(["additionalProperties": false]) { $1 },
        ]
    }
}
