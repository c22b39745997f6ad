import PartnerGraph

/// `/entity/{key}`: what `partnergraph show` prints, and a drawing of the neighbourhood.
enum EntityPage {
    /// The page of `profile`; `drawing` is the inline SVG, or a sentence saying why there is none.
    static func page(_ profile: EntityProfile, drawing: Result<String, WebError>) -> String {
        var body = "<h1>\(Page.name(profile.name, language: profile.nameLanguage))</h1>\n"
        body += "<p class=\"meta\">\(HTMLText.escape(profile.key)) · \(profile.type.rawValue)"
            + (profile.kind.map { " · " + HTMLText.escape($0) } ?? "") + "</p>\n"
        if !profile.aliases.isEmpty {
            body += "<h2>Names</h2>\n<ul class=\"names\">\n"
            for alias in profile.aliases {
                body += "<li>\(Page.name(alias.name, language: alias.language))"
                    + (alias.language.map { " <span class=\"lang\">[\(HTMLText.escape($0))]</span>" } ?? "") + "</li>\n"
            }
            body += "</ul>\n"
        }
        body += facts(profile)
        // The drawing before the list: the picture first, the detail after it.
        body += "<h2>Neighbourhood</h2>\n"
        switch drawing {
        case .success(let svg):
            body += "<figure class=\"graph\" aria-label=\"The entities within one relation of \(HTMLText.escape(profile.name))\">\(svg)</figure>\n"
        case .failure(let error):
            body += "<p class=\"error\">No drawing: \(HTMLText.escape(error.message)).</p>\n"
        }
        body += relations(profile.relations)
        if !profile.citations.isEmpty {
            body += "<h2>Sources</h2>\n<ul>\n"
            for citation in profile.citations {
                body += "<li><cite>[\(HTMLText.escape(citation.source))]</cite> \(Page.name(citation.title))"
                    + (citation.quote.map { "<blockquote dir=\"auto\">“\(HTMLText.escape($0))”</blockquote>" } ?? "") + "</li>\n"
            }
            body += "</ul>\n"
        }
        body += "<p><a href=\"/api/entity/\(HTMLText.urlComponent(profile.key))\">This entity as JSON</a> · "
            + "<a href=\"/connect?from=\(HTMLText.urlComponent(profile.key))\">How is it connected to …?</a></p>\n"
        return Page.document(title: HTMLText.escape(profile.name), body: body)
    }

    /// Dates, attributes and the note, as a definition list.
    private static func facts(_ profile: EntityProfile) -> String {
        var rows: [(String, String)] = []
        if let date = profile.date { rows.append(("date", date.description)) }
        if profile.start != nil || profile.end != nil {
            rows.append(("period", "\(profile.start?.description ?? "…") – \(profile.end?.description ?? "…")"))
        }
        let disagreements = Dictionary(profile.claims.filter(\.disagree).map { ($0.field, $0) }, uniquingKeysWith: { first, _ in first })
        for (key, value) in profile.attributes.sorted(by: { $0.key < $1.key }) {
            if let claims = disagreements[key] {
                let values = claims.values.map { value in
                    value.value + (value.sources.isEmpty ? "" : " [" + value.sources.map(\.source).joined(separator: ", ") + "]")
                }.joined(separator: " · ")
                rows.append((key, values + " (sources disagree)"))
            } else {
                rows.append((key, value))
            }
        }
        if let note = profile.note { rows.append(("note", note)) }
        guard !rows.isEmpty else { return "" }
        return "<dl>\n" + rows.map { "<dt>\(HTMLText.escape($0.0))</dt><dd dir=\"auto\">\(HTMLText.escape($0.1))</dd>\n" }.joined() + "</dl>\n"
    }

    /// The relations grouped by phrase (`headed by`, `partner of`), each with its role, dates,
    /// sources and their quotes, in the order `show` prints them.
    private static func relations(_ relations: [RelationView]) -> String {
        guard !relations.isEmpty else { return "<h2>Relations</h2>\n<p>No relations yet.</p>\n" }
        var body = "<h2>Relations (\(relations.count))</h2>\n"
        var group = ""
        for relation in relations {
            let current = "\(relation.type)/\(relation.direction.rawValue)"
            if current != group {
                if !group.isEmpty { body += "</ul>\n" }
                body += "<h3>\(HTMLText.escape(relation.phrase))</h3>\n<ul>\n"
                group = current
            }
            var details: [String] = []
            if let role = relation.role { details.append("<bdi dir=\"auto\">\(HTMLText.escape(role))</bdi>") }
            if let dates = relation.dateSummary { details.append(HTMLText.escape(dates)) }
            let cited = Page.citations(relation.citations)
            if !cited.inline.isEmpty { details.append(cited.inline) }
            body += "<li>\(Page.link(relation.other))" + (details.isEmpty ? "" : " — " + details.joined(separator: " · "))
                + (relation.note.map { " <span class=\"meta\">(\(Page.name($0)))</span>" } ?? "") + cited.quotes + "</li>\n"
        }
        return body + "</ul>\n"
    }
}
