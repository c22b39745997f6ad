import PartnerGraph

/// `/`: the search form, and the hits for `?q=`, each entity with its names in every language.
enum SearchPage {
    /// The page before any search.
    static func empty() -> String {
        Page.document(
            title: "Search",
            body: """
                <h1>Search the graph</h1>
                <p>Type a name, in any language and spelling: an organization, a person, an agreement, an event or a place. \
                <a href="/?q=ICESCO">ICESCO</a> and <a href="/?q=\(HTMLText.urlComponent("الإيسيسكو"))">\(Page.name("الإيسيسكو", language: "ar"))</a> \
                find the same organization.</p>
                <p><a href="/connect">How are two entities connected?</a></p>
                """)
    }

    /// The hits of a search; `aliases` holds the names of each entity hit, by key.
    static func results(_ results: SearchResults, aliases: [String: [Alias]]) -> String {
        var body = "<h1>Search: \(Page.name(results.query))</h1>\n"
        if results.hits.isEmpty {
            body += "<p>Nothing matches \(Page.name(results.query)). Try fewer words, or another spelling.</p>\n"
            return Page.document(title: "Search: " + HTMLText.escape(results.query), body: body)
        }
        body += "<p>\(results.hits.count) hit\(results.hits.count == 1 ? "" : "s"), best first.</p>\n<ol class=\"hits\">\n"
        for hit in results.hits {
            body += "<li>" + item(hit, aliases: hit.key.flatMap { aliases[$0] } ?? []) + "</li>\n"
        }
        body += "</ol>\n"
        return Page.document(title: "Search: " + HTMLText.escape(results.query), body: body)
    }

    private static func item(_ hit: SearchHit, aliases: [Alias]) -> String {
        var text: String
        switch hit.kind {
        case .entity:
            let key = hit.key ?? ""
            text = "<a href=\"\(Page.entityPath(key))\">\(Page.name(hit.name))</a> <span class=\"meta\">(\(HTMLText.escape(key)) · \(hit.type?.rawValue ?? ""))</span>"
            if let matched = hit.matched { text += " as \(Page.name(matched))" }
            if !aliases.isEmpty {
                text += "<ul class=\"names\">" + aliases.map { alias in
                    "<li>\(Page.name(alias.name, language: alias.language))" + (alias.language.map { " <span class=\"lang\">[\(HTMLText.escape($0))]</span>" } ?? "") + "</li>"
                }.joined() + "</ul>"
            }
        case .source:
            text = "source <cite>[\(HTMLText.escape(hit.key ?? ""))]</cite> \(Page.name(hit.name))"
        case .relation:
            if let hop = hit.relation {
                text = "relation: \(Page.link(hop.source)) \(HTMLText.escape(hop.forwardPhrase)) \(Page.link(hop.target))"
            } else {
                text = "relation: \(Page.name(hit.name))"
            }
        }
        if let snippet = hit.snippet { text += "<blockquote dir=\"auto\">\(HTMLText.escape(snippet))</blockquote>" }
        return text
    }
}
