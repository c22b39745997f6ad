import ArgumentParser
import PartnerGraph

/// Which part of the graph `render` draws and `export` writes: a scope (the whole graph, an
/// entity's neighbourhood, the shortest connections between two entities) and filters.
struct SelectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("This entity and its neighbourhood.", valueName: "entity"), completion: .entity)
    var around: String?

    @Option(help: "With --around: how many relations away to go; with --path: the neighbourhood taken around the paths (0: the paths alone).")
    var depth: Int?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("The shortest connection between two entities.", valueName: "from to"),
        completion: .entity)
    var path: [String] = []

    @Option(name: [.short, .long], help: "With --path: the N shortest connections.")
    var k: Int = 1

    @Flag(help: "With --path: the connections alone, without their neighbourhood.")
    var onlyPath = false

    @Option(name: .customLong("relation"), help: ArgumentHelp("Only relations of this type (repeatable).", valueName: "type"), completion: .relationType)
    var relations: [String] = []

    @Option(name: .customLong("type"), help: ArgumentHelp("Only entities of this type (repeatable).", valueName: "entity-type"))
    var types: [EntityType] = []

    @Option(help: ArgumentHelp("The graph as it stood on this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date"), transform: parseDate)
    var asOf: PartialDate?

    @Option(help: ArgumentHelp("Only what this source states (its key).", valueName: "source-key"), completion: .sourceKey)
    var source: String?

    func validate() throws {
        if !path.isEmpty && path.count != 2 {
            throw ValidationError("--path takes two entities, e.g. --path \"Salim M. AlMalik\" \"Sahiba Gafarova\"")
        }
        if !path.isEmpty && around != nil {
            throw ValidationError("give --around or --path, not both")
        }
        if path.isEmpty && (onlyPath || k != 1) {
            throw ValidationError("--only-path and -k/--k go with --path A B")
        }
        if around == nil && path.isEmpty && depth != nil {
            throw ValidationError("--depth goes with --around ENTITY or --path A B")
        }
        if let depth, depth < 0 || depth > 10 {
            throw ValidationError("--depth must be 0 to 10")
        }
        if k < 1 || k > 20 {
            throw ValidationError("-k/--k must be 1 to 20")
        }
    }

    /// Whether anything narrows the whole graph.
    var isWholeGraph: Bool {
        around == nil && path.isEmpty && relations.isEmpty && types.isEmpty && asOf == nil && source == nil
    }

    var selection: RenderSelection {
        let scope: RenderSelection.Scope
        if path.count == 2 {
            scope = .path(from: path[0], to: path[1], k: k, depth: onlyPath ? 0 : depth ?? 1)
        } else if let around {
            scope = .around(around, depth: depth ?? 1)
        } else {
            scope = .whole
        }
        return RenderSelection(scope: scope, relationTypes: relations, entityTypes: types, asOf: asOf, source: source)
    }

    /// The part of the graph the selection can reach, for a store that copies it to draw or
    /// export (PostgreSQL).
    var scope: GraphScope { GraphScope(selection) }
}
