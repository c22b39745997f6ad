/// The page for a request a page route cannot answer: an unknown entity (404), a bad parameter
/// (400), a failure of the server (500).
enum ErrorPage {
    /// The page for `error`.
    static func page(_ error: WebError) -> String {
        let heading = error.status.code == 404 ? "Not found" : error.status.code < 500 ? "Cannot show this" : "Something went wrong"
        return Page.document(
            title: heading,
            body: """
                <h1>\(heading)</h1>
                <p class="error" dir="auto">\(HTMLText.escape(error.message))</p>
                <p>\(HTMLText.escape(error.fix)).</p>
                <p><a href="/">Search the graph</a></p>
                """)
    }
}
