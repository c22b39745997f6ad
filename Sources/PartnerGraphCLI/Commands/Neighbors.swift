import ArgumentParser
import PartnerGraph

extension PartnerGraphCommand {
    struct Neighbors: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "neighbors",
            _superCommandName: toolName,
            abstract: "List everything within N relations of an entity, with the chain that reaches each.",
            discussion: """
                  partnergraph neighbors ICESCO
                  partnergraph neighbors ICESCO --depth 2 --type person
                  partnergraph neighbors "Sahiba Gafarova" --relation heads --as-of 2024
                --type filters the entities listed; the traversal still passes through other types. \
                With --json the output is {"center", "depth", "truncated", "relation_ids", "neighbors": \
                [{"entity", "distance", "via": [hop, …]}]}, hops as in `partnergraph path --json`.
                """)

        @Argument(help: "The entity: key, name or alias.", completion: .entity)
        var entity: String

        @Option(help: "How many relations away to look.")
        var depth = 1

        @Option(name: .customLong("type"), help: ArgumentHelp("List only entities of this type (repeatable).", valueName: "type"))
        var types: [EntityType] = []

        @Option(help: "Stop after this many entities.")
        var limit: Int?

        @OptionGroup var traversal: TraversalOptions
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        /// The inputs as a plain value: what runs, whichever parser read them.
        var request: NeighborsRequest {
            NeighborsRequest(
                entity: entity, depth: depth, types: types, limit: limit,
                options: ReadRequestOptions(traversal: traversal, database: database, output: output))
        }

        func validate() throws {
            try request.validate()
        }

        func run() throws {
            try request.run()
        }
    }
}

/// The inputs of `partnergraph neighbors`, without property wrappers, so that
/// ``FastArguments/neighborsRequest(_:)`` can build them without ArgumentParser.
///
/// Each property mirrors a flag of ``PartnerGraphCommand/Neighbors``, with the same default.
struct NeighborsRequest: Equatable {
    var entity: String
    var depth = 1
    var types: [EntityType] = []
    var limit: Int?
    var options = ReadRequestOptions()

    /// The flag rules, for both parsers: ArgumentParser calls them from `validate()`, and the fast
    /// parser leaves a request that breaks them to ArgumentParser, which reports it.
    func validate() throws {
        if depth < 1 { throw ValidationError("--depth must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let query = NeighborQuery(
            entity: entity, depth: depth, relations: options.relations, excludeRelations: options.excludeRelations,
            entityTypes: types, asOf: options.asOf, directed: options.directed, limit: limit)
        let around = try options.openForReading().neighbors(query)
        if options.json {
            try Terminal.printJSON(around)
            return
        }
        var lines = [
            Terminal.bold("\(terminalSafe(around.center.name)) (\(around.center.key)): \(around.neighbors.count) "
                + "entit\(around.neighbors.count == 1 ? "y" : "ies") within \(depth) relation\(depth == 1 ? "" : "s")")
        ]
        var distance = 0
        for neighbor in around.neighbors {
            if neighbor.distance != distance && depth > 1 {
                distance = neighbor.distance
                lines.append("  at distance \(distance):")
            }
            let chain = neighbor.via.map(HopText.arrow).joined(separator: " ")
            lines.append("    \(terminalSafe(neighbor.entity.name)) (\(neighbor.entity.key) · \(neighbor.entity.type.rawValue))  "
                + Terminal.dim("\(terminalSafe(around.center.name)) \(chain)"))
        }
        if around.truncated { lines.append("  … stopped at --limit \(limit ?? 0)") }
        print(lines.joined(separator: "\n"))
    }
}
