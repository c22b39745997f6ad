import PartnerGraph

/// The frame every page shares: the document, a small inline style sheet, and the header with
/// the search form. Pages need no script and load nothing else: everything is in the one response.
enum Page {
    /// A whole HTML document. `title` and everything in `body` must already be escaped.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · PartnerGraph</title>
        <style>\(style)</style>
        </head>
        <body>
        <header><a class="home" href="/">PartnerGraph</a>
        <form action="/" method="get" role="search"><input type="search" name="q" aria-label="Search names" placeholder="A name in any language: ICESCO, الإيسيسكو"> <button type="submit">Search</button></form>
        <a href="/connect">How are two connected?</a></header>
        <main>
        \(body)
        </main>
        <footer>PartnerGraph · <a href="/openapi.json">JSON API</a></footer>
        </body>
        </html>

        """
    }

    /// The style sheet: readable widths, Arabic-capable fonts, and a drawing that fits the page.
    static let style = """
        body{font-family:"Noto Sans","Noto Sans Arabic","DejaVu Sans",sans-serif;margin:0;color:#1d2330;background:#fafafa;line-height:1.45}\
        header{display:flex;flex-wrap:wrap;gap:1em;align-items:center;padding:.6em 1.2em;background:#1f3a5f;color:#fff}\
        header a{color:#fff}.home{font-weight:bold;text-decoration:none;font-size:1.15em}\
        header input{min-width:18em;padding:.3em}main{max-width:62em;margin:0 auto;padding:1em 1.2em}\
        h1{margin-bottom:.1em}.meta{color:#5a6473;margin-top:0}ul{padding-left:1.4em}\
        .names li,.hits li{margin:.2em 0}.lang{color:#5a6473;font-size:.85em}\
        blockquote{margin:.2em 0 .4em 1em;padding-left:.6em;border-left:3px solid #c9d3e0;color:#3c4656}\
        figure.graph{margin:1em 0;overflow:auto;background:#fff;border:1px solid #dde3ea}\
        figure.graph svg{max-width:100%;height:auto}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}\
        dt{color:#5a6473}dd{margin:0}.error{border-left:4px solid #b3261e;padding:.2em 1em;background:#fff}\
        footer{max-width:62em;margin:2em auto;padding:0 1.2em;color:#5a6473;font-size:.9em}
        """

    /// A name as text that runs in its own direction: Arabic right to left inside an English
    /// page. `language` becomes the element's `lang`, when known.
    static func name(_ text: String, language: String? = nil) -> String {
        let lang = language.map { " lang=\"\(HTMLText.escape($0))\"" } ?? ""
        return "<bdi dir=\"auto\"\(lang)>\(HTMLText.escape(text))</bdi>"
    }

    /// The path of an entity's page.
    static func entityPath(_ key: String) -> String {
        "/entity/" + HTMLText.urlComponent(key)
    }

    /// A link to an entity's page, labelled with its name.
    static func link(_ entity: EntityRef) -> String {
        "<a href=\"\(entityPath(entity.key))\">\(name(entity.name))</a>"
    }

    /// `[icesco-2024-03-26]`, with the source's title on hover, and its quote, if any, under it.
    static func citations(_ citations: [CitationView]) -> (inline: String, quotes: String) {
        let inline = citations.map { "<cite title=\"\(HTMLText.escape($0.title))\">[\(HTMLText.escape($0.source))]</cite>" }
            .joined(separator: " ")
        let quotes = citations.compactMap { citation in
            citation.quote.map { "<blockquote dir=\"auto\">“\(HTMLText.escape($0))” <cite>[\(HTMLText.escape(citation.source))]</cite></blockquote>" }
        }.joined()
        return (inline, quotes)
    }
}
