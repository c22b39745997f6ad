/// The words a picture shows around the graph (its default title, the line under it, the
/// legend) in English, or in Arabic for pictures drawn with ``RenderStyle/NameLanguage/ar``.
///
/// Arabic counts are written as `الكيانات: 21` (entities: 21), which needs none of the
/// forms Arabic nouns take after numbers.
struct PictureWords {
    /// Whether the words are Arabic, and read right to left.
    var arabic: Bool

    init(language: RenderStyle.NameLanguage) {
        arabic = language == .ar
    }

    /// The default title: what was selected, with entities named in the picture's language.
    ///
    /// - Parameter name: the name to show for an entity key.
    func title(for graph: RenderGraph, name: (String) -> String) -> String {
        guard arabic else { return graph.caption }
        switch graph.subject {
        case .whole:
            return "الشبكة كاملة"
        case let .around(key, depth):
            return "محيط \(name(key)) (العمق \(depth))"
        case let .paths(count, from, to):
            return (count == 1 ? "أقصر صلة" : "أقصر الصلات (\(count))") + " من \(name(from)) إلى \(name(to))"
        }
    }

    /// The facts under the title: the size of the selection, the filters, and the date drawn.
    func facts(for graph: RenderGraph, drawnOn: String?) -> [String] {
        let nodes = graph.nodes.count, edges = graph.edges.count
        guard arabic else {
            var facts = ["\(nodes) \(nodes == 1 ? "entity" : "entities")", "\(edges) \(edges == 1 ? "relation" : "relations")"]
            facts += graph.filters
            if let drawnOn { facts.append("drawn \(drawnOn) with PartnerGraph") }
            return facts
        }
        var facts = ["الكيانات: \(nodes)", "العلاقات: \(edges)"]
        let filters = graph.filterTerms
        if !filters.relationTypes.isEmpty {
            facts.append(
                "أنواع العلاقات: "
                    + filters.relationTypes.map { DOTWriter.arabicPhrases[$0] ?? filters.relationPhrases[$0] ?? $0 }.joined(separator: "، "))
        }
        if !filters.entityTypes.isEmpty {
            facts.append("أنواع الكيانات: " + filters.entityTypes.map(typeName).joined(separator: "، "))
        }
        if let asOf = filters.asOf { facts.append("كما في \(asOf)") }
        if let source = filters.source { facts.append("المصدر: \(source)") }
        if let drawnOn { facts.append("رُسمت في \(drawnOn) بـ PartnerGraph") }
        return facts
    }

    /// An entity type, as the legend names it.
    func typeName(_ type: EntityType) -> String {
        guard arabic else { return type.rawValue }
        switch type {
        case .organization: return "منظمة"
        case .person: return "شخص"
        case .agreement: return "اتفاقية"
        case .event: return "فعالية"
        case .place: return "مكان"
        }
    }

    var relation: String { arabic ? "علاقة" : "relation" }
    var ended: String { arabic ? "منتهية" : "ended" }

    func shortestConnections(_ count: Int) -> String {
        if arabic { return count == 1 ? "أقصر صلة" : "أقصر الصلات" }
        return count == 1 ? "shortest connection" : "shortest connections"
    }

    /// Text of one direction for a label: Arabic words isolated right to left (U+2067 … U+2069),
    /// so that an SVG viewer, which lays text out left to right unless told otherwise, shows
    /// them in order, as Graphviz's own renderer does.
    func isolated(_ text: String) -> String {
        arabic ? "\u{2067}" + text + "\u{2069}" : text
    }
}
