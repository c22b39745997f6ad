import Foundation
/// How a picture of the graph looks: names, labels, title, legend, clusters and layout.
///
/// ```swift
/// var style = RenderStyle()
/// style.language = .both        // English over Arabic
/// style.labels = .full          // relation phrase, role and dates on every edge
/// style.cluster = .country
/// ```
public struct RenderStyle: Hashable, Sendable {
    /// What each relation's edge says.
    public enum LabelDetail: String, CaseIterable, Hashable, Sendable {
        /// ``full`` for small selections, ``none`` above ``RenderStyle/autoLabelLimit`` relations.
        case auto
        /// No edge labels: the layout of large selections stays legible.
        case none
        /// The relation's phrase: `heads`, `observer of`.
        case type
        /// The phrase, the role and the dates: `heads` / `Director-General` / `since 2021`.
        case full
    }

    /// Which names the nodes show.
    public enum NameLanguage: String, CaseIterable, Hashable, Sendable {
        /// The English (primary) name.
        case en
        /// The first Arabic name, falling back to the primary name when there is none.
        case ar
        /// The English name over the Arabic one.
        case both
    }

    /// How entities are grouped into boxes.
    public enum ClusterMode: String, CaseIterable, Hashable, Sendable {
        /// No boxes.
        case none
        /// By the country or state an entity is in, following `located_in`, `held_in` and `part_of`.
        case country
        /// By the top-most entity an entity is `part_of` (a sector inside its organization).
        case parent
    }

    /// What edge labels say.
    public var labels: LabelDetail
    /// Which names the nodes show: English, Arabic, or both.
    public var language: NameLanguage
    /// The title; `nil` names the selection (in Arabic with ``NameLanguage/ar``).
    public var title: String?
    /// Whether to draw the legend under the title.
    public var legend: Bool
    /// How entities are grouped into boxes.
    public var cluster: ClusterMode
    /// The Graphviz layout engine; `auto` chooses by the selection's size.
    public var layout: LayoutEngine
    /// The date the picture is drawn, `YYYY-MM-DD`, shown under the title; `nil` shows none.
    ///
    /// None by default, so that a picture depends only on the data it shows: the same graph
    /// gives the same bytes on any day. ``today()`` gives the date of the day (or of
    /// `SOURCE_DATE_EPOCH`). The date drawn is also the date against which a relation counts as
    /// ended when the selection has no `asOf` date.
    public var drawnOn: String?

    /// Above this many relations, edge labels are left off unless asked for.
    public static let autoLabelLimit = 150

    /// A style; the defaults draw English names, labels when the selection is small, a legend,
    /// no clusters, and the layout `auto` picks.
    public init(
        labels: LabelDetail = .auto, language: NameLanguage = .en, title: String? = nil, legend: Bool = true,
        cluster: ClusterMode = .none, layout: LayoutEngine = .auto, drawnOn: String? = nil
    ) {
        self.labels = labels
        self.language = language
        self.title = title
        self.legend = legend
        self.cluster = cluster
        self.layout = layout
        self.drawnOn = drawnOn
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    ///
    /// Honours `SOURCE_DATE_EPOCH` (https://reproducible-builds.org/specs/source-date-epoch/), so
    /// that pictures regenerated from unchanged data are byte-for-byte the same.
    public static func today() -> String {
        if let epoch = getenv("SOURCE_DATE_EPOCH").flatMap({ TimeInterval(String(cString: $0)) }) {
            return String(Date(timeIntervalSince1970: epoch).formatted(.iso8601).prefix(10))
        }
        return String(Timestamp.now().prefix(10))
    }
}

/// A Graphviz layout engine.
public enum LayoutEngine: String, CaseIterable, Hashable, Sendable {
    /// `dot` for small selections, `sfdp` for large ones (see ``resolved(nodes:edges:)``).
    case auto
    /// Layered, left to right: the most readable for small graphs, too slow beyond a few hundred relations.
    case dot
    /// Spring model (stress majorization): a few hundred nodes, with no direction implied.
    case neato
    /// Force-directed, with clusters drawn as boxes.
    case fdp
    /// Multiscale force-directed: draws thousands of nodes in seconds.
    case sfdp
    /// Circular: entities on circles, for rings and hubs.
    case circo
    /// Radial: the selection's centre in the middle, rings by distance.
    case twopi

    /// Up to these sizes `auto` picks `dot`: on a 2-core machine `dot` takes 0.45 s for 100
    /// nodes and 286 edges, but 7 s for 200 and 1,023, and does not finish 1,000 and 10,000.
    ///
    /// This is the node limit; ``dotEdgeLimit`` the relation limit.
    public static let dotNodeLimit = 150
    /// Up to this many relations (and ``dotNodeLimit`` entities) `auto` picks `dot`.
    public static let dotEdgeLimit = 400

    /// The engine that will run: `auto` resolved for a selection of this size.
    public func resolved(nodes: Int, edges: Int) -> LayoutEngine {
        guard self == .auto else { return self }
        return nodes <= Self.dotNodeLimit && edges <= Self.dotEdgeLimit ? .dot : .sfdp
    }
}

/// The file format of a picture.
public enum RenderFormat: String, CaseIterable, Hashable, Sendable {
    /// A picture: PNG (a bitmap, at ``PartnerGraphStore/pictureDPI`` for small graphs), SVG (a
    /// vector image for the web) or PDF (a vector document for print).
    case png, svg, pdf
    /// The DOT text PartnerGraph generates, before layout.
    case dot
    /// Graphviz's layout as JSON (`-Tjson`): positions of every node and edge.
    case json

    /// The format a file name's extension names (`.gv` is DOT), or `nil`.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        switch ext {
        case "gv": self = .dot
        default:
            guard let format = RenderFormat(rawValue: ext) else { return nil }
            self = format
        }
    }

    /// Whether the output is a layout by Graphviz (everything but ``dot``).
    public var needsLayout: Bool { self != .dot }
}
