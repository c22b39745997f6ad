import Foundation
import Hummingbird

/// JSON responses, written exactly as the commands' `--json` writes them: pretty-printed, keys
/// sorted, slashes left alone, and a final line break. A response of the API and the output of
/// the command it mirrors are the same bytes.
enum JSONDocument {
    /// The encoder of `partnergraph … --json`.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as a JSON response with `status`.
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        var data = try encoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return body(data, contentType: "application/json; charset=utf-8", status: status)
    }

    /// The error response of the API for `error`.
    static func error(_ error: WebError) -> Response {
        // An ErrorDocument always encodes.
        var response = (try? response(ErrorDocument(error: error.message, fix: error.fix), status: error.status))
            ?? Response(status: error.status)
        if error.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        if error.status == .methodNotAllowed { response.headers[.allow] = "GET" }
        return response
    }

    /// A response holding `data`.
    static func body(_ data: some Sequence<UInt8>, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var buffer = ByteBuffer()
        buffer.writeBytes(data)
        return Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: buffer))
    }

    /// An HTML page as a response.
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        body(page.utf8, contentType: "text/html; charset=utf-8", status: status)
    }
}
