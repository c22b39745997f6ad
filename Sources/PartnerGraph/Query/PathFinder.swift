import GRDB

/// A path as the traversal finds it: entity ids, and the relation taken at each step.
struct NodePath: Hashable {
    var nodes: [Int64]
    var relations: [Int64]

    var length: Int { relations.count }
}

/// A step between two nodes in the order walked, for Yen's removed edges.
struct WalkedPair: Hashable {
    var from: Int64
    var to: Int64
}

/// Shortest paths over the stored graph, read hop by hop from the indexes.
///
/// The single shortest path comes from a bidirectional breadth-first search that always
/// expands the side with the smaller frontier and stops at the first node both sides reach;
/// a hub with tens of thousands of relations is read only when its side is the smaller one,
/// and only until the meeting. The `k` shortest simple paths come from Yen's algorithm over
/// that search.
struct PathFinder {
    enum Outcome {
        case found(NodePath)
        case notConnected
        case depthLimit
    }

    private struct Step {
        var parent: Int64
        var relation: Int64
    }

    let adjacency: Adjacency

    /// The shortest path from `start` to `end` of at most `maxDepth` relations that passes
    /// through none of `blocked` and takes none of the `removed` steps.
    ///
    /// - Complexity: O(V' + E') where V' and E' are the nodes and relations of the two
    ///   explored balls, which on graphs with hubs is far below the whole graph.
    func shortest(
        from start: Int64, to end: Int64, maxDepth: Int, blocked: Set<Int64> = [], removed: Set<WalkedPair> = []
    ) throws -> Outcome {
        if start == end { return .found(NodePath(nodes: [start], relations: [])) }
        var forwardSteps: [Int64: Step] = [start: Step(parent: start, relation: 0)]
        var backwardSteps: [Int64: Step] = [end: Step(parent: end, relation: 0)]
        var forwardFrontier: [Int64] = [start]
        var backwardFrontier: [Int64] = [end]
        var forwardDepth = 0
        var backwardDepth = 0
        while !forwardFrontier.isEmpty && !backwardFrontier.isEmpty {
            if forwardDepth + backwardDepth >= maxDepth { return .depthLimit }
            let expandForward = forwardFrontier.count <= backwardFrontier.count
            var next: [Int64] = []
            var meeting: (node: Int64, from: Int64, relation: Int64)?
            if expandForward {
                for node in forwardFrontier {
                    try adjacency.visit(node, towardsEnd: true) { adjacent in
                        let other = adjacent.other
                        if forwardSteps[other] != nil || blocked.contains(other) { return true }
                        if !removed.isEmpty && removed.contains(WalkedPair(from: node, to: other)) { return true }
                        forwardSteps[other] = Step(parent: node, relation: adjacent.relation)
                        if backwardSteps[other] != nil {
                            meeting = (other, node, adjacent.relation)
                            return false
                        }
                        next.append(other)
                        return true
                    }
                    if meeting != nil { break }
                }
                forwardFrontier = next
                forwardDepth += 1
            } else {
                for node in backwardFrontier {
                    try adjacency.visit(node, towardsEnd: false) { adjacent in
                        let other = adjacent.other
                        if backwardSteps[other] != nil || blocked.contains(other) { return true }
                        if !removed.isEmpty && removed.contains(WalkedPair(from: other, to: node)) { return true }
                        backwardSteps[other] = Step(parent: node, relation: adjacent.relation)
                        if forwardSteps[other] != nil {
                            meeting = (other, node, adjacent.relation)
                            return false
                        }
                        next.append(other)
                        return true
                    }
                    if meeting != nil { break }
                }
                backwardFrontier = next
                backwardDepth += 1
            }
            if let meeting {
                return .found(Self.join(at: meeting.node, start: start, end: end, forward: forwardSteps, backward: backwardSteps))
            }
        }
        return .notConnected
    }

    /// The path through `middle`: back to the start along the forward steps, on to the end
    /// along the backward ones.
    private static func join(
        at middle: Int64, start: Int64, end: Int64, forward: [Int64: Step], backward: [Int64: Step]
    ) -> NodePath {
        var nodes: [Int64] = [middle]
        var relations: [Int64] = []
        var node = middle
        while node != start, let step = forward[node] {
            relations.append(step.relation)
            nodes.append(step.parent)
            node = step.parent
        }
        nodes.reverse()
        relations.reverse()
        node = middle
        while node != end, let step = backward[node] {
            relations.append(step.relation)
            nodes.append(step.parent)
            node = step.parent
        }
        return NodePath(nodes: nodes, relations: relations)
    }

    /// The `k` shortest simple paths, shortest first (Yen's algorithm). Paths differ in the
    /// entities they pass through; of several relations between the same two entities, one
    /// stands for them all.
    ///
    /// - Returns: The paths, or the outcome of the first search when there is none.
    /// - Complexity: O(k · L) shortest-path searches, L the length of the paths found.
    func kShortest(from start: Int64, to end: Int64, k: Int, maxDepth: Int, blocked: Set<Int64>) throws -> Result<[NodePath], Failure> {
        let first: NodePath
        switch try shortest(from: start, to: end, maxDepth: maxDepth, blocked: blocked) {
        case let .found(path): first = path
        case .notConnected: return .failure(.notConnected)
        case .depthLimit: return .failure(.depthLimit)
        }
        var accepted: [NodePath] = [first]
        var candidates: [NodePath] = []
        var seen: Set<[Int64]> = [first.nodes]
        while accepted.count < k {
            let previous = accepted[accepted.count - 1]
            for index in 0..<previous.length {
                let spur = previous.nodes[index]
                let root = Array(previous.nodes[0...index])
                var removed: Set<WalkedPair> = []
                for path in accepted where path.nodes.count > index + 1 && Array(path.nodes[0...index]) == root {
                    removed.insert(WalkedPair(from: path.nodes[index], to: path.nodes[index + 1]))
                }
                let rootBlocked = blocked.union(root.dropLast())
                guard case let .found(spurPath) = try shortest(
                    from: spur, to: end, maxDepth: maxDepth - index, blocked: rootBlocked, removed: removed)
                else { continue }
                let candidate = NodePath(
                    nodes: root + spurPath.nodes.dropFirst(), relations: Array(previous.relations[0..<index]) + spurPath.relations)
                if seen.insert(candidate.nodes).inserted { candidates.append(candidate) }
            }
            guard !candidates.isEmpty else { break }
            // Shortest first; among equals, the order of the ids, so the answer is stable.
            let best = candidates.indices.min { Self.precedes(candidates[$0], candidates[$1]) }!
            accepted.append(candidates.remove(at: best))
        }
        return .success(accepted)
    }

    private static func precedes(_ a: NodePath, _ b: NodePath) -> Bool {
        a.length != b.length ? a.length < b.length : a.nodes.lexicographicallyPrecedes(b.nodes)
    }

    enum Failure: Error {
        case notConnected
        case depthLimit
    }
}
