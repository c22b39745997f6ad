// pg-bench: measures PartnerGraph on the CSV benchmark workload (bench/gen_graph.py).
//
//   pg-bench --data DIR --partnergraph PATH [--runs N] [--work FOLDER] [--only SECTIONS] [--no-check]
//
// SECTIONS is a comma-separated subset of import,phases,library,process,search (default: all
// but phases). Without import, the database left in FOLDER by an earlier run is used. `phases`
// imports once inside this process and prints the time of each phase of the import, for
// profiling (e.g. under `valgrind --tool=callgrind` or `perf record`).
//
// DIR holds nodes.csv, edges.csv and queries.csv. Reports, as median [min–max] over runs:
// import time and peak memory (a fresh `partnergraph import` process per run); `path` and
// `neighbors --depth 1` over the 200 query pairs, as library calls in this process and as a
// fresh `partnergraph` process per query (wall time and CPU time, user + system); `search`
// latency. Checks every path length against a plain BFS over edges.csv held in memory.
import Foundation
import PartnerGraph

#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var data = ".build-bench/M"
    var partnergraph = ".build-query-release/release/partnergraph"
    var runs = 3
    var work = ".build-bench/work"
    var sections: Set<String> = ["import", "library", "process", "search"]
    /// Skip the plain BFS check (reading edges.csv into memory), e.g. under callgrind.
    var check = true
}

var options = Options()
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--data": options.data = arguments.next()!
    case "--partnergraph": options.partnergraph = arguments.next()!
    case "--runs": options.runs = Int(arguments.next()!)!
    case "--work": options.work = arguments.next()!
    case "--no-check": options.check = false
    case "--only": options.sections = Set(arguments.next()!.split(separator: ",").map(String.init))
    default: fatalError("unknown argument \(argument)")
    }
}

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Runs a program; returns (wall seconds, peak RSS in MB, exit status, CPU seconds: user + system).
///
/// CPU time is reported beside wall time because this machine's wall times swing by half
/// within minutes (other guests on the host): the same binary's `--version` took 8 to 22 ms.
/// Peak RSS from wait4 is the spawning process's own under posix_spawn (Linux records the old
/// memory map's high-water mark at exec), so `/usr/bin/time -f %M` is used for that instead.
func spawn(_ argv: [String]) -> (seconds: Double, megabytes: Double, status: Int32, cpu: Double) {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) } }
    let start = now()
    guard posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ) == 0 else { fatalError("cannot run \(argv[0])") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return (now() - start, Double(usage.ru_maxrss) / 1024, (status >> 8) & 0xff, cpu)
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func summary(_ values: [Double], unit: String, scale: Double = 1000) -> String {
    String(format: "median %.3f, p95 %.3f, min %.3f, max %.3f %@", percentile(values, 0.5) * scale, percentile(values, 0.95) * scale,
           values.min()! * scale, values.max()! * scale, unit)
}

func readCSV(_ path: String) -> [[String]] {
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}

let nodesPath = "\(options.data)/nodes.csv", edgesPath = "\(options.data)/edges.csv"
let queries = readCSV("\(options.data)/queries.csv").map { (source: $0[0], target: $0[1], connected: $0[3] == "1") }
try? FileManager.default.createDirectory(atPath: options.work, withIntermediateDirectories: true)
print("pg-bench on \(options.data): \(queries.count) query pairs, \(ProcessInfo.processInfo.activeProcessorCount) cores")

/// A fixed amount of work bound by memory latency, as SQLite's B-trees and a fresh process's
/// page faults are: a million dependent reads at random places of a 64 MB array (the median of
/// 3). Printed at the start and the end of a run, because this machine's speed swings by a third
/// within minutes, and an arithmetic loop does not show it.
func referenceWork() -> Double {
    let count = 16 << 20
    var next = [Int32](repeating: 0, count: count)
    // One cycle through every slot (Sattolo's shuffle), from a fixed seed.
    var order = Array(0..<Int32(count))
    var seed: UInt64 = 42
    for index in stride(from: count - 1, to: 0, by: -1) {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        order.swapAt(index, Int(seed >> 33) % index)
    }
    for index in 0..<count { next[Int(order[index])] = order[(index + 1) % count] }
    var times: [Double] = []
    var position: Int32 = 0
    for _ in 0..<3 {
        let start = now()
        for _ in 0..<(1 << 20) { position = next[Int(position)] }
        times.append(now() - start)
    }
    if position == -1 { print("") }  // keeps the loop
    return percentile(times, 0.5)
}
print(String(format: "machine speed reference (lower is faster): %.0f ms", referenceWork() * 1000))

// 1. Import, a fresh process and a fresh database per run.
var importSeconds: [Double] = []
var importMemory: [Double] = []
let database = "\(options.work)/bench.sqlite"
func removeDatabase() {
    for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: database + suffix) }
}
for run in 0..<(options.sections.contains("import") ? options.runs : 0) {
    removeDatabase()
    let result = spawn([options.partnergraph, "import", "--nodes", nodesPath, "--edges", edgesPath, "--db", database])
    guard result.status == 0 else { fatalError("import failed with status \(result.status)") }
    importSeconds.append(result.seconds)
    importMemory.append(result.megabytes)
    print(String(format: "  import run %d: %.2f s, %.0f MB, CPU %.2f s", run + 1, result.seconds, result.megabytes, result.cpu))
}
if !importSeconds.isEmpty {
    print("import: " + summary(importSeconds, unit: "s", scale: 1) + "; peak memory " + summary(importMemory, unit: "MB", scale: 1))
}

// 1b. One import inside this process, timed phase by phase.
if options.sections.contains("phases") {
    removeDatabase()
    let started = now()
    var marks: [(String, Double)] = []
    var phase = ""
    let report = try PartnerGraphStore(path: database).importCSV(nodes: nodesPath, edges: edgesPath) { progress in
        if progress.phase.rawValue != phase {
            phase = progress.phase.rawValue
            marks.append((phase, now()))
        }
    }
    let finished = now()
    marks.append(("end", finished))
    print(String(format: "import in process: %.2f s (%d entities, %d relations)", finished - started, report.entitiesAdded, report.relationsAdded))
    print(String(format: "  open and migrate: %.2f s", marks[0].1 - started))
    for index in 0..<(marks.count - 1) {
        print(String(format: "  %@: %.2f s", marks[index].0, marks[index + 1].1 - marks[index].1))
    }
}
// 2. A fresh process per query, spawned before this process loads anything large: a child
// spawned from a parent holding hundreds of megabytes (the BFS adjacency, the warm store) took
// 2 to 3 ms more, wall and CPU, than the same child spawned from a small one (or a shell).
@MainActor func processes(_ label: String, _ argv: (String, String) -> [String]) {
    var seconds: [Double] = [], cpu: [Double] = []
    for _ in 0..<options.runs {
        for query in queries {
            let result = spawn(argv(query.source, query.target))
            seconds.append(result.seconds)
            cpu.append(result.cpu)
        }
    }
    print("\(label), fresh process: " + summary(seconds, unit: "ms") + "; CPU time " + summary(cpu, unit: "ms"))
}
if options.sections.contains("process") {
processes("path") { [options.partnergraph, "path", $0, $1, "--db", database] }
processes("neighbors depth 1") { source, _ in [options.partnergraph, "neighbors", source, "--db", database] }
let startup = (0..<50).map { _ in spawn([options.partnergraph, "--version"]) }
print("process start-up (`partnergraph --version`): " + summary(startup.map(\.seconds), unit: "ms") + "; CPU time " + summary(startup.map(\.cpu), unit: "ms"))
}
let wantsQueries = !options.sections.isDisjoint(with: ["library", "process", "search"])
guard wantsQueries else { exit(0) }

// 3. Plain BFS over the CSV, in memory, for the expected lengths.
var index: [String: Int] = [:]
for row in readCSV(nodesPath) { index[row[0]] = index.count }
var adjacency = [[Int32]](repeating: [], count: index.count)
for row in options.check ? readCSV(edgesPath) : [] {
    let a = index[row[0]]!, b = index[row[2]]!
    adjacency[a].append(Int32(b))
    adjacency[b].append(Int32(a))
}
@MainActor func bfs(_ start: Int, _ end: Int) -> Int? {
    var distance = [Int32](repeating: -1, count: adjacency.count)
    distance[start] = 0
    var queue = [start], head = 0
    while head < queue.count {
        let node = queue[head]; head += 1
        if node == end { return Int(distance[node]) }
        for other in adjacency[node] where distance[Int(other)] < 0 {
            distance[Int(other)] = distance[node] + 1
            queue.append(Int(other))
        }
    }
    return nil
}

// 4. Library calls, warm, in this process.
let store = try PartnerGraphStore(path: database, mode: .readOnly)
var mismatches = 0
var libraryPath: [Double] = []
var lengths: [Int?] = []
for query in queries where options.sections.contains("library") && options.check {
    let found = try? store.paths(PathQuery(from: query.source, to: query.target, maxDepth: 50)).first?.length
    let expected = bfs(index[query.source]!, index[query.target]!)
    if found != expected {
        mismatches += 1
        print("  MISMATCH \(query.source) → \(query.target): BFS \(String(describing: expected)), paths \(String(describing: found))")
    }
    lengths.append(found)
}
for _ in 0..<(options.sections.contains("library") ? options.runs : 0) {
    for query in queries {
        let start = now()
        _ = try? store.paths(PathQuery(from: query.source, to: query.target))
        libraryPath.append(now() - start)
    }
}
if options.sections.contains("library") {
print("path lengths equal a plain BFS for \(queries.count - mismatches) of \(queries.count) pairs"
    + " (\(lengths.compactMap { $0 }.count) connected; lengths \(Dictionary(grouping: lengths.compactMap { $0 }, by: { $0 }).mapValues(\.count).sorted { $0.key < $1.key }))")
print("path, library call: " + summary(libraryPath, unit: "ms"))
var libraryNeighbors: [Double] = []
for _ in 0..<options.runs where options.sections.contains("library") {
    for query in queries {
        let start = now()
        _ = try store.neighbors(NeighborQuery(entity: query.source))
        libraryNeighbors.append(now() - start)
    }
}
print("neighbors depth 1, library call: " + summary(libraryNeighbors, unit: "ms"))
}

guard options.sections.contains("search") else {
    print(String(format: "machine speed reference at the end: %.0f ms", referenceWork() * 1000))
    exit(0)
}

// 5. Search.
let words = ["Gulf Energy Council", "Amina", "العربية", "منظمة", "Accord 1999", "Summit", "كريم", "Kalama", "الخليجية", "Trade"]
var librarySearch: [Double] = []
_ = try? store.search(SearchQuery("warm up"))
for _ in 0..<options.runs {
    for word in words {
        let start = now()
        _ = try store.search(SearchQuery(word))
        librarySearch.append(now() - start)
    }
}
print("search, library call: " + summary(librarySearch, unit: "ms"))
var processSearch: [Double] = []
for _ in 0..<options.runs {
    for word in words { processSearch.append(spawn([options.partnergraph, "search", word, "--db", database]).seconds) }
}
print("search, fresh process: " + summary(processSearch, unit: "ms"))
print(String(format: "machine speed reference at the end: %.0f ms", referenceWork() * 1000))
