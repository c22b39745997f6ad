import PartnerGraph

/// `/connect?from=A&to=B`: how two entities are connected, hop by hop, as `partnergraph path`
/// prints it, with a drawing of the paths.
enum ConnectPage {
    /// The form, filled with what was asked.
    static func form(from: String?, to: String?, k: Int) -> String {
        """
        <form action="/connect" method="get" class="connect">
        <label>From <input name="from" required dir="auto" value="\(HTMLText.escape(from ?? ""))"></label>
        <label>to <input name="to" required dir="auto" value="\(HTMLText.escape(to ?? ""))"></label>
        <label>paths <input name="k" type="number" min="1" max="\(ConnectPage.maxPaths)" value="\(k)"></label>
        <button type="submit">Connect</button>
        </form>

        """
    }

    /// The most paths the page asks for.
    static let maxPaths = 5

    /// The page before both ends are given.
    static func empty(from: String?, to: String?) -> String {
        Page.document(
            title: "How are two connected?",
            body: "<h1>How are two entities connected?</h1>\n" + form(from: from, to: to, k: 1)
                + "<p>Names in any language: <a href=\"/connect?from=\(HTMLText.urlComponent("Salim M. AlMalik"))&amp;to=\(HTMLText.urlComponent("Sahiba Gafarova"))&amp;k=2\">Salim M. AlMalik and Sahiba Gafarova</a>.</p>\n")
    }

    /// The paths found, each hop in the direction walked, with its sources and quotes.
    static func page(from: String, to: String, k: Int, paths: [GraphPath], drawing: Result<String, WebError>) -> String {
        let first = paths[0].entities.first!, last = paths[0].entities.last!
        var body = "<h1>How \(Page.name(first.name)) and \(Page.name(last.name)) are connected</h1>\n" + form(from: from, to: to, k: k)
        for (index, path) in paths.enumerated() {
            body += "<h2>" + (paths.count > 1 ? "Path \(index + 1) of \(paths.count), " : "")
                + "\(path.length) relation\(path.length == 1 ? "" : "s")</h2>\n"
            body += "<p class=\"chain\">" + Page.link(path.entities[0]) + path.hops.map(arrow).joined() + "</p>\n<ol>\n"
            for hop in path.hops {
                let cited = Page.citations(hop.citations)
                body += "<li>\(Page.link(hop.from)) \(HTMLText.escape(hop.phrase)) \(Page.link(hop.to))\(details(hop))"
                    + (cited.inline.isEmpty ? "" : " " + cited.inline)
                    + (hop.note.map { " <span class=\"meta\">— \(Page.name($0))</span>" } ?? "") + cited.quotes + "</li>\n"
            }
            body += "</ol>\n"
        }
        body += "<h2>Drawing</h2>\n"
        switch drawing {
        case .success(let svg): body += "<figure class=\"graph\" aria-label=\"The paths drawn\">\(svg)</figure>\n"
        case .failure(let error): body += "<p class=\"error\">No drawing: \(HTMLText.escape(error.message)).</p>\n"
        }
        body += "<p><a href=\"/api/path?from=\(HTMLText.urlComponent(from))&amp;to=\(HTMLText.urlComponent(to))&amp;k=\(k)\">These paths as JSON</a></p>\n"
        return Page.document(title: "\(HTMLText.escape(first.name)) and \(HTMLText.escape(last.name))", body: body)
    }

    /// The page when there is no path, or an end is unknown: the form again, and why.
    static func failure(from: String, to: String, k: Int, error: WebError) -> String {
        Page.document(
            title: "How are two connected?",
            body: "<h1>How are two entities connected?</h1>\n" + form(from: from, to: to, k: k)
                + "<p class=\"error\">\(HTMLText.escape(error.message))</p>\n")
    }

    /// ` (Director-General, since 2021)`, or nothing.
    private static func details(_ hop: PathHop) -> String {
        let parts = [hop.role.map { "<bdi dir=\"auto\">\(HTMLText.escape($0))</bdi>" }, hop.dateSummary.map(HTMLText.escape)].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// The hop as an arrow in the relation's true direction, then the entity reached.
    private static func arrow(_ hop: PathHop) -> String {
        let label = HTMLText.escape(hop.forwardPhrase) + details(hop)
        let target = Page.link(hop.to)
        if hop.symmetric { return " —\(label)— \(target)" }
        return hop.forward ? " —\(label)→ \(target)" : " ←\(label)— \(target)"
    }
}
