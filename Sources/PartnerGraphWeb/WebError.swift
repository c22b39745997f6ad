import Foundation
import Hummingbird
import PartnerGraph

/// A request the web view cannot answer: its HTTP status, the message (the same words as the
/// command line's error for the same mistake) and what to do instead.
///
/// The JSON API sends it as `{"error": "…", "fix": "…"}`; pages show it on an error page.
public struct WebError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status: 400 for a bad parameter, 404 for an unknown entity, and so on.
    public var status: HTTPResponse.Status
    /// What went wrong, as the command line says it.
    public var message: String
    /// What to do instead.
    public var fix: String

    /// An error with its status, message and fix.
    public init(status: HTTPResponse.Status, message: String, fix: String) {
        self.status = status
        self.message = message
        self.fix = fix
    }

    /// The message.
    public var description: String { message }

    /// A 400: a parameter or body the server cannot use.
    static func badRequest(_ message: String, fix: String) -> WebError {
        WebError(status: .badRequest, message: message, fix: fix)
    }

    /// A 404 for a path no route serves.
    static func noSuchPage(_ path: String) -> WebError {
        WebError(
            status: .notFound, message: "no page at \(path.debugDescription)",
            fix: "start from the search page at / or the API description at /openapi.json")
    }

    /// The error a library failure becomes: its message kept, its status chosen by what the
    /// failure says of the request.
    static func from(_ error: any Error) -> WebError {
        switch error {
        case let error as WebError:
            return error
        case let error as PartnerGraphError:
            return from(error)
        case let error as QueryError:
            switch error {
            case .noPath:
                return WebError(status: .notFound, message: error.description, fix: "relax the question: raise max_depth, or drop relation, avoid, as_of or directed")
            case .endpointAvoided, .invalidQuery:
                return .badRequest(error.description, fix: "change the parameters as the message says")
            }
        case let error as RenderError:
            switch error {
            case .noPath:
                return WebError(status: .notFound, message: error.description, fix: "relax the question or ask about other entities")
            case .selectionTooLarge, .emptySelection, .unknownRelationType:
                return .badRequest(error.description, fix: "narrow the selection")
            case .graphviz, .graphvizUnavailable:
                return WebError(status: .internalServerError, message: error.description, fix: "install Graphviz (Debian: apt-get install libgvc6) and restart the server")
            }
        default:
            // Nothing of the server's internals (paths, SQL) leaks into a response.
            return WebError(
                status: .internalServerError, message: "the server could not answer this request",
                fix: "try again; if it keeps failing, the server's log says why")
        }
    }

    private static func from(_ error: PartnerGraphError) -> WebError {
        let message = error.description
        switch error {
        case .entityNotFound(let name, _):
            return WebError(status: .notFound, message: message, fix: "search for it: /api/search?q=" + HTMLText.urlComponent(name))
        case .sourceNotFound:
            return WebError(status: .notFound, message: message, fix: "list the sources: /api/sources")
        case .relationNotFound, .aliasNotFound:
            return WebError(status: .notFound, message: message, fix: "check the names against /api/entity/{name}")
        case .ambiguousEntity:
            return .badRequest(message, fix: "name the entity by its key")
        case .duplicateKey, .duplicateRelation, .duplicateSource, .relationTypeExists:
            return WebError(status: .conflict, message: message, fix: "it is recorded already; change the request or leave it")
        case .notADatabase, .damagedDatabase, .newerSchema, .readOnlyDatabase, .cannotOpenDatabase, .fileNotReadable, .fileNotWritable:
            return WebError(status: .internalServerError, message: "the server's database cannot be used", fix: "the server's operator should run `partnergraph check`")
        default:
            return .badRequest(message, fix: "change the request as the message says")
        }
    }
}

/// The body of an error response of the JSON API.
struct ErrorDocument: Codable, Equatable {
    /// What went wrong.
    var error: String
    /// What to do instead.
    var fix: String
}
