import Foundation
import PartnerGraph

/// A JSON object's members, read one by one, refusing members the request does not know: a
/// misspelt `"rol"` is an error, not a role silently left out.
struct StrictObject {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private let container: KeyedDecodingContainer<Key>

    init(_ decoder: any Decoder, known: [String], example: String) throws {
        container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys where !known.contains(key.stringValue) {
            throw WebError.badRequest(
                "unknown member \(key.stringValue.debugDescription) in the request body",
                fix: "use " + known.joined(separator: ", ") + ", e.g. " + example)
        }
    }

    func required<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let value = try container.decodeIfPresent(T.self, forKey: Key(stringValue: name)) else {
            throw WebError.badRequest("the request body has no \(name.debugDescription)", fix: "give \(name.debugDescription)")
        }
        return value
    }

    func optional<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        try container.decodeIfPresent(T.self, forKey: Key(stringValue: name))
    }

    func date(_ name: String) throws -> PartialDate? {
        try optional(name, as: String.self).map { try PartialDate($0) }
    }
}

/// The body of `POST /api/entities`: what `partnergraph add` takes.
///
/// `{"type": "organization", "name": "ICESCO", "key": "icesco", "name_language": "en", "kind": "igo",
/// "aliases": [{"name": "الإيسيسكو", "language": "ar"}], "attributes": {"headquarters": "Rabat"},
/// "date": "2024", "start": "2022", "end": "2025", "note": "…", "citations": [{"source": "…", "quote": "…"}]}`;
/// only `type` and `name` are required.
struct AddEntityRequest: Decodable {
    static let members = ["type", "name", "key", "name_language", "kind", "aliases", "attributes", "date", "start", "end", "note", "citations"]
    static let example = #"{"type": "organization", "name": "ICESCO", "aliases": [{"name": "الإيسيسكو", "language": "ar"}]}"#

    var entity: NewEntity

    init(from decoder: any Decoder) throws {
        let object = try StrictObject(decoder, known: Self.members, example: Self.example)
        let typeName: String = try object.required("type")
        guard let type = EntityType(parsing: typeName) else {
            throw WebError.badRequest(
                "unknown entity type \(typeName.debugDescription)",
                fix: "use one of " + EntityType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        entity = NewEntity(
            type: type, name: try object.required("name"), key: try object.optional("key"),
            nameLanguage: try object.optional("name_language"), kind: try object.optional("kind"),
            aliases: try object.optional("aliases", as: [Alias].self) ?? [],
            attributes: try object.optional("attributes", as: [String: String].self) ?? [:],
            date: try object.date("date"), startDate: try object.date("start"), endDate: try object.date("end"),
            note: try object.optional("note"), citations: try object.optional("citations", as: [CitationRef].self) ?? [])
    }
}

/// The body of `POST /api/relations`: what `partnergraph link` takes.
///
/// `{"source": "Salim M. AlMalik", "type": "heads", "target": "ICESCO", "role": "Director-General",
/// "start": "2021", "end": null, "date": null, "note": "…", "citations": [{"source": "…", "quote": "…"}]}`;
/// `source`, `type` and `target` are required.
struct LinkRequest: Decodable {
    static let members = ["source", "type", "target", "role", "start", "end", "date", "note", "citations"]
    static let example = #"{"source": "ICESCO", "type": "partner_of", "target": "Azerbaijan", "citations": [{"source": "icesco-2024-03-26"}]}"#

    var source: String
    var type: String
    var target: String
    var details: RelationDetails

    init(from decoder: any Decoder) throws {
        let object = try StrictObject(decoder, known: Self.members, example: Self.example)
        source = try object.required("source")
        type = try object.required("type")
        target = try object.required("target")
        let citations = try object.optional("citations", as: [CitationRef].self) ?? []
        details = RelationDetails(
            role: try object.optional("role"), startDate: try object.date("start"), endDate: try object.date("end"),
            date: try object.date("date"), note: try object.optional("note"), citations: citations)
    }
}

extension WebError {
    /// The error a body that is not the JSON a write takes becomes: the decoder's words, made
    /// into a sentence that names the member at fault.
    static func body(_ error: any Error, example: String) -> WebError {
        if let error = error as? WebError { return error }
        if error is PartnerGraphError { return from(error) }
        let detail: String
        switch error {
        case DecodingError.typeMismatch(let type, let context):
            detail = "\(path(context)) must be \(typeName(type))"
        case DecodingError.valueNotFound(let type, let context):
            detail = "\(path(context)) must be \(typeName(type)), not null"
        case DecodingError.dataCorrupted(let context):
            detail = context.codingPath.isEmpty ? "it is not JSON" : "\(path(context)) is not valid: \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            detail = "\(path(context, key)) is missing"
        default:
            detail = "it could not be read"
        }
        return .badRequest("the request body is not what this route takes: \(detail)", fix: "send a JSON object such as \(example)")
    }

    private static func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
        let keys = context.codingPath + (last.map { [$0] } ?? [])
        guard !keys.isEmpty else { return "the body" }
        return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").debugDescription
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [Any].Type: "an array"
        case is [String: String].Type: "an object of strings"
        default: "of another type (\(type))"
        }
    }
}
