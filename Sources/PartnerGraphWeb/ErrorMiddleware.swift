import HTTPTypes
import Hummingbird

/// Turns every failure into the response its route kind needs: JSON `{"error", "fix"}` under
/// `/api/` (and for `/openapi.json`), an HTML error page elsewhere; and adds to every response
/// the headers that keep a browser from running anything a page did not mean to hold.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            response = Self.response(for: WebError.noSuchPage(request.uri.path), path: request.uri.path)
        } catch let error as HTTPError {
            response = Self.response(
                for: WebError(status: error.status, message: error.body ?? error.status.reasonPhrase, fix: "see /openapi.json for the routes and their parameters"),
                path: request.uri.path)
        } catch {
            let failure = WebError.from(error)
            if failure.status == .internalServerError { context.logger.error("\(request.method) \(request.uri.path): \(String(describing: error))") }
            response = Self.response(for: failure, path: request.uri.path)
        }
        // Pages hold no script and load nothing: a name that slipped through escaping still could not run.
        response.headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }

    static func response(for error: WebError, path: String) -> Response {
        if path.hasPrefix("/api/") || path == "/api" || path == "/openapi.json" {
            return JSONDocument.error(error)
        }
        return JSONDocument.html(ErrorPage.page(error), status: error.status)
    }
}
