// pg-bench: measures PartnerGraph on the CSV benchmark workload (bench/gen_graph.py).
//
//   pg-bench --data DIR --partnergraph PATH [--runs N] [--work FOLDER] [--only SECTIONS] [--no-check]
//
// SECTIONS is a comma-separated subset of import,phases,library,process,export,ingest,search
// (default: all but phases and export). Without import, the database left in FOLDER by an earlier run is used. `phases`
// imports once inside this process and prints the time of each phase of the import, for
// profiling (e.g. under `valgrind --tool=callgrind` or `perf record`).
//
// DIR holds nodes.csv, edges.csv and queries.csv. Reports, as median [min–max] over runs:
// import time and peak memory (a fresh `partnergraph import` process per run); `path` and
// `neighbors --depth 1` over the 200 query pairs, as library calls in this process and as a
// fresh `partnergraph` process per query (wall time and CPU time, user + system); `search`
// latency; `ingest` of a 5,000-word article into the M graph plus the founding example (a fresh
// process, cold and warm, English and Arabic). Checks every path length against a plain BFS over
// edges.csv held in memory.
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
    var sections: Set<String> = ["import", "library", "process", "ingest", "search"]
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

/// Runs a program, its standard output and error going to `output` and `errors`; returns (wall
/// seconds, peak RSS in MB, exit status, CPU seconds: user + system).
///
/// CPU time is reported beside wall time because this machine's wall times swing by half
/// within minutes (other guests on the host): the same binary's `--version` took 8 to 22 ms.
/// Peak RSS from wait4 is the spawning process's own under posix_spawn (Linux records the old
/// memory map's high-water mark at exec), so `/usr/bin/time -f %M` is used for that instead.
func spawn(_ argv: [String], output: String = "/dev/null", errors: String = "/dev/null") -> (seconds: Double, megabytes: Double, status: Int32, cpu: Double) {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
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
    let files = [database, database + "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }
    print(String(format: "database on disk after import: %.1f MB", Double(files.reduce(0, +)) / 1_000_000))
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

// 2a. Export (issue 9): each format but Mermaid, of the whole M graph, a fresh process per run,
// wall time and peak memory (the child's maximum resident set). Then the CSV round trip: the
// exported files imported into a new database and exported again give the same bytes.
if options.sections.contains("export") {
    let folder = "\(options.work)/export"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for format in ["graphml", "gexf", "csv", "jsonld", "cypher"] {
        var seconds: [Double] = [], memory: [Double] = []
        let output = format == "csv" ? "\(folder)/csv" : "\(folder)/graph.\(format)"
        for _ in 0..<options.runs {
            let result = spawn([options.partnergraph, "export", "--format", format, "-o", output, "--db", database])
            guard result.status == 0 else { fatalError("export --format \(format) failed with status \(result.status)") }
            seconds.append(result.seconds)
            memory.append(result.megabytes)
        }
        let files = format == "csv" ? ["\(output)/nodes.csv", "\(output)/edges.csv"] : [output]
        let bytes = files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }.reduce(0, +)
        print("export \(format): " + summary(seconds, unit: "s", scale: 1) + "; peak memory " + summary(memory, unit: "MB", scale: 1)
            + String(format: "; %.0f MB written", Double(bytes) / 1_000_000))
    }
    let copy = "\(folder)/copy.sqlite"
    for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
    let imported = spawn([options.partnergraph, "import", "--nodes", "\(folder)/csv/nodes.csv", "--edges", "\(folder)/csv/edges.csv", "--db", copy])
    guard imported.status == 0 else { fatalError("import of the exported CSV failed with status \(imported.status)") }
    let again = spawn([options.partnergraph, "export", "--format", "csv", "-o", "\(folder)/csv-again", "--db", copy])
    guard again.status == 0 else { fatalError("export of the copy failed") }
    let same = ["nodes.csv", "edges.csv"].allSatisfy {
        FileManager.default.contentsEqual(atPath: "\(folder)/csv/\($0)", andPath: "\(folder)/csv-again/\($0)")
    }
    print("export csv → import → export csv: " + (same ? "the same bytes" : "DIFFERENT"))
}

// 2b. Ingest (issue 10): a 5,000-word press release against the M workload plus the founding
// example, `partnergraph ingest` in a fresh process. Its own database in the work folder:
// `example`, then `import` of M. The first ingest after the import compiles the name matcher
// over all 120,000 names and stores it (`name_matcher`): "cold", measured once per run on a
// copy of the imported database. Then "warm" runs on one database, each on a new text (the same
// text ingested twice is recognized and its stored source reused), English and Arabic
// alternating. Texts are generated from templates with names drawn from nodes.csv (1 in 5 from
// the example), from fixed seeds, and written to FOLDER/ingest/ before anything is spawned, so
// the node table is freed by then. Every ingest runs under `/usr/bin/time -f %M` for its peak
// memory: wall and CPU times include that wrapper (about 3 ms: `--version` took 12.1 ms, 15.0 ms
// under it). Not the timed runs but two more (`--json`, on texts of their own) count the
// mentions, new names, dates and drafts.

/// SplitMix64 (Steele, Lea and Flood): a small generator whose stream is fixed by its seed.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
}

/// Press-release prose in one language: sentence templates whose slots are {P} a person, {O} an
/// organization, {L} a place, {E} an event, {A} an agreement (from M or the example), {T} a
/// title of office, {D} a full date, {W} a weekday, {M} a month and year, {Y} a year, {N} a number.
struct ArticleStyle {
    var language: String
    var title: String
    var templates: [String]
    var titles: [String]
    var months: [String]
    var weekdays: [String]
    /// By slot letter: the example's names, and M's (names, or Arabic aliases).
    var example: [Character: [String]]
    var names: [Character: [String]] = [:]

    func fill(_ template: String, _ random: inout SplitMix64) -> String {
        var text = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "{", let slot = characters.next(), characters.next() == "}" else {
                text.append(character)
                continue
            }
            switch slot {
            case "T": text += random.pick(titles)
            case "D": text += "\(1 + random.below(28)) \(random.pick(months)) \(2019 + random.below(7))"
            case "W": text += random.pick(weekdays)
            case "M": text += "\(random.pick(months)) \(2019 + random.below(7))"
            case "Y": text += String(1990 + random.below(36))
            case "N": text += String(12 + random.below(900))
            default: text += random.pick(random.below(5) == 0 ? example[slot]! : names[slot]!)
            }
        }
        return text
    }

    /// A title line, a date line and paragraphs of 4 sentences: `words` words (split on white
    /// space) or up to 10 fewer.
    func article(words: Int, seed: UInt64) -> (text: String, words: Int) {
        var random = SplitMix64(state: seed)
        var lines = [fill(title, &random), fill("{D}", &random)]
        var count = lines.joined(separator: " ").split(whereSeparator: \.isWhitespace).count
        var paragraph: [String] = []
        var misses = 0
        while words - count >= 10 && misses < 100 {
            let sentence = fill(random.pick(templates), &random)
            let length = sentence.split(whereSeparator: \.isWhitespace).count
            guard count + length <= words else { misses += 1; continue }
            paragraph.append(sentence)
            count += length
            if paragraph.count == 4 {
                lines.append(paragraph.joined(separator: " "))
                paragraph = []
            }
        }
        if !paragraph.isEmpty { lines.append(paragraph.joined(separator: " ")) }
        return (lines.joined(separator: "\n") + "\n", count)
    }
}

let englishArticles = ArticleStyle(
    language: "en", title: "ICESCO and the {O} strengthen their partnership",
    templates: [
        "Dr. Salim M. AlMalik, Director-General of ICESCO, received {P}, {T} of the {O}, at the headquarters of the Organization in Rabat on {W}.",
        "On {D}, {P}, {T} of the {O}, met {P}, {T} of the {O}, in {L}.",
        "The two sides discussed ways to strengthen cooperation in education, science and culture, and agreed to prepare a joint programme for the coming year.",
        "{P} and {P} signed a memorandum of understanding between the {O} and the {O} on {D} in {L}.",
        "The meeting was held on the sidelines of the {E}, which opened in {L} on {W}.",
        "The {O} was granted observer status in the {O} in {M}.",
        "The {O} joined the {O} as a full member on {D}.",
        "{P}, Secretary-General of the {O}, welcomed the delegation and praised the role of the {O} in promoting dialogue.",
        "The meeting was attended by {P}, {T} of the {O}, and {P}, Adviser to the {O}.",
        "Sahiba Gafarova, Speaker of the Milli Majlis and President of the NAM Parliamentary Network, held talks with {P} in Geneva on {W}.",
        "The {A} was signed in {L} in {Y} and entered into force on {D}.",
        "Both parties underlined the importance of the {A} and called for its full implementation before the end of {Y}.",
        "{P} recalled that the {O} and ICESCO have worked together since {Y}, in the framework of the {A}.",
        "The {E} brought together more than {N} participants from {N} countries, including representatives of the {O}, the {O} and the {O}.",
        "In his speech, {P} stressed the need to invest in young people, in scientific research and in the protection of heritage.",
        "The programme of the visit included a tour of {L} and a working session at the {O} on {W}.",
        "Anar Karimov, Head of the ICESCO Partnerships and International Cooperation Sector, presented the plan of the Organization for {Y}.",
        "The delegation of the {O}, led by {P}, arrived in Baku on {D} to take part in the {E}.",
        "{P}, Minister of Culture, announced that {L} will host the {E} in {M}.",
        "ICESCO and the Republic of Azerbaijan signed an action plan for cooperation in Baku on {D}.",
        "The participants adopted a final declaration calling on member states to support the initiatives of the {O} and the {O}.",
        "Shusha, Capital of Culture in the Islamic World 2024, will host a programme of events organized with the {O} from {D}.",
        "According to the statement issued by the {O} on {D}, the two organizations will exchange experts and publications.",
        "{P} thanked {P} for the support of the {O} and invited the {O} to take part in the {E}.",
        "The {O} is headquartered in {L} and has regional offices in {L} and {L}.",
        "The next session of the joint committee will be held in {L} on {D}, chaired by {P}.",
        "The agreement covers training, the exchange of expertise, joint research and the digitization of archives and manuscripts.",
        "Earlier on {W}, {P} had visited the {O}, where he met its President, {P}.",
        "Participants in the {E} also discussed climate change, food security and the role of women in development.",
        "The {O} and the {O} renewed the {A} for a further five years on {D}.",
        "The Director-General of ICESCO congratulated {P} on her election as Chair of the {O} on {D}.",
        "The event was organized by the {O} in partnership with the {O} and the UNFCCC, ahead of COP29 in Baku.",
        "Representatives of the Non-Aligned Movement and of the {O} attended the closing ceremony on {W}.",
        "The statement added that the {O} will open a regional office in {L} by {M}.",
        "{P}, Ambassador of the {O} to {L}, said that the partnership had grown steadily since the {E}.",
        "The two sides agreed to hold the {E} in {L} in {Y} and to invite the {O} as an observer.",
    ],
    titles: ["President", "Director-General", "Secretary-General", "Chair", "Executive Director", "Director", "Head", "Minister"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    example: [
        "P": ["Dr. Salim M. AlMalik", "Salim M. AlMalik", "Sahiba Gafarova", "Anar Karimov"],
        "O": ["ICESCO", "NAM Parliamentary Network", "Milli Majlis", "Republic of Azerbaijan", "Non-Aligned Movement", "UNFCCC",
              "ICESCO Partnerships and International Cooperation Sector"],
        "L": ["Geneva", "Baku", "Shusha", "Switzerland"],
        "E": ["Third Conference of the NAM Parliamentary Network", "World Forum on Intercultural Dialogue", "COP29"],
        "A": ["ICESCO–Azerbaijan Cooperation Action Plan"],
    ])

let arabicArticles = ArticleStyle(
    language: "ar", title: "الإيسيسكو و{O} تعززان شراكتهما",
    templates: [
        "استقبل الدكتور سالم بن محمد المالك، المدير العام للإيسيسكو، {P}، {T}{O}، في مقر المنظمة بالرباط يوم {W}.",
        "التقى {P}، {T}{O}، يوم {W} في {L}، {P}، {T}{O}.",
        "ووقع {P} و{P} مذكرة تفاهم بين {O} و{O} في {L} بتاريخ {D}.",
        "وبحث الجانبان سبل تعزيز التعاون في مجالات التربية والعلوم والثقافة، واتفقا على إعداد برنامج عمل مشترك للعام المقبل.",
        "وعقد الاجتماع على هامش {E}، الذي انطلقت أعماله في {L} يوم {W} ({D}).",
        "وأعلنت {O} انضمامها إلى {O} بصفة مراقب في {M}.",
        "وحضر اللقاء {P}، مستشار {O}، و{P}، مدير {O}.",
        "والتقت السيدة صاحبة غفاروفا، رئيسة المجلس الوطني لجمهورية أذربيجان، {P} في جنيف يوم {W}.",
        "وأكد {P} أهمية {A} الموقعة في {L} عام {Y}، ودعا إلى تنفيذها الكامل قبل نهاية عام {Y}.",
        "وأشار المدير العام للإيسيسكو إلى أن الشراكة بين المنظمة و{O} تشهد تطورا كبيرا منذ عام {Y}.",
        "وشارك في {E} أكثر من {N} مشارك من {N} دولة، من بينهم ممثلو {O} و{O} و{O}.",
        "وفي كلمته، شدد {P} على ضرورة الاستثمار في الشباب والبحث العلمي وحماية التراث.",
        "ويتضمن برنامج الزيارة جولة في {L} وجلسة عمل في مقر {O} يوم {W}.",
        "وقدم السيد أنار كريموف، رئيس قطاع الشراكات والتعاون الدولي، خطة عمل الإيسيسكو لعام {Y}.",
        "ووصل وفد {O} برئاسة {P} إلى باكو في {D} للمشاركة في {E}.",
        "وأعلن {P}، وزير الثقافة، أن {L} ستستضيف {E} في {M}.",
        "ووقعت الإيسيسكو وجمهورية أذربيجان خطة عمل التعاون في باكو بتاريخ {D}.",
        "واعتمد المشاركون إعلانا ختاميا يدعو الدول الأعضاء إلى دعم مبادرات {O} و{O}.",
        "وستحتضن شوشا، ضمن احتفالية شوشا عاصمة الثقافة في العالم الإسلامي 2024، برنامجا من الفعاليات بالتعاون مع {O} ابتداء من {D}.",
        "وجاء في البيان الصادر عن {O} يوم {D} أن المنظمتين ستتبادلان الخبراء والمنشورات.",
        "وشكر {P} {P} على دعم {O}، ودعا {O} إلى المشاركة في {E}.",
        "ويقع مقر {O} في {L}، ولها مكاتب إقليمية في {L} و{L}.",
        "وستعقد الدورة المقبلة للجنة المشتركة في {L} يوم {D} برئاسة {P}.",
        "وجددت {O} و{O} العمل ب{A} لمدة خمس سنوات أخرى اعتبارا من {D}.",
        "وحضر ممثلو حركة عدم الانحياز و{O} حفل الاختتام يوم {W}.",
        "وتغطي الاتفاقية التدريب وتبادل الخبرات والبحث المشترك ورقمنة الأرشيف والمخطوطات.",
        "وقال {P}، سفير {O} لدى {L}، إن الشراكة تنامت باطراد منذ {E}.",
        "واتفق الجانبان على عقد {E} في {L} عام {Y} ودعوة {O} بصفة مراقب.",
    ],
    // Written before the organization with no space: `رئيس منظمة …`, `الأمين العام لمنظمة …`.
    titles: ["رئيس ", "رئيسة ", "مدير ", "وزير ", "الأمين العام ل", "المدير العام ل"],
    months: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    weekdays: ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
    example: [
        "P": ["الدكتور سالم بن محمد المالك", "سالم بن محمد المالك", "صاحبة غفاروفا", "أنار كريموف"],
        "O": ["الإيسيسكو", "منظمة العالم الإسلامي للتربية والعلوم والثقافة", "الشبكة البرلمانية لحركة عدم الانحياز",
              "المجلس الوطني لجمهورية أذربيجان", "جمهورية أذربيجان", "حركة عدم الانحياز", "اتفاقية الأمم المتحدة الإطارية بشأن المناخ"],
        "L": ["جنيف", "باكو", "شوشا", "سويسرا"],
        "E": ["المؤتمر الثالث للشبكة البرلمانية لحركة عدم الانحياز", "المنتدى العالمي للحوار بين الثقافات", "كوب 29"],
        "A": ["خطة عمل التعاون"],
    ])

/// Writes the ingest texts into `folder`: per run a cold English one, a warm English and a warm
/// Arabic one, and one of each language for the `--json` run; returns their paths and word counts.
/// M's names are read here and freed on return, before any ingest is spawned.
func writeIngestTexts(runs: Int, words: Int, folder: String) -> [String: (path: String, words: Int)] {
    var english = englishArticles, arabic = arabicArticles
    let slots: [String: Character] = ["person": "P", "organization": "O", "place": "L", "event": "E", "agreement": "A"]
    for row in readCSV(nodesPath) {
        guard let slot = slots[row[1]] else { continue }
        english.names[slot, default: []].append(row[2])
        if !row[3].isEmpty { arabic.names[slot, default: []].append(row[3]) }
    }
    var texts: [String: (path: String, words: Int)] = [:]
    func write(_ name: String, _ style: ArticleStyle, seed: UInt64) {
        let article = style.article(words: words, seed: seed)
        let path = "\(folder)/\(name).txt"
        try! article.text.write(toFile: path, atomically: true, encoding: .utf8)
        texts[name] = (path, article.words)
    }
    for run in 1...runs {
        write("en-cold-\(run)", english, seed: 1000 + UInt64(run))
        write("en-\(run)", english, seed: 2000 + UInt64(run))
        write("ar-\(run)", arabic, seed: 3000 + UInt64(run))
    }
    write("en-json", english, seed: 4000)
    write("ar-json", arabic, seed: 4001)
    return texts
}

/// One `partnergraph ingest FILE --db DB --publisher ICESCO` under `/usr/bin/time -f %M`; stops
/// the benchmark, showing the command and what it wrote, if it fails.
@MainActor func ingest(_ file: String, database: String, json: String? = nil) -> (seconds: Double, cpu: Double, megabytes: Double) {
    let memory = "\(options.work)/ingest/peak-memory.txt", errors = "\(options.work)/ingest/stderr.txt"
    let command = [options.partnergraph, "ingest", file, "--db", database, "--publisher", "ICESCO"] + (json == nil ? [] : ["--json"])
    let result = spawn(["/usr/bin/time", "-f", "%M", "-o", memory] + command, output: json ?? "/dev/null", errors: errors)
    guard result.status == 0 else {
        print(String(format: "ingest FAILED (status %d, %.0f ms): %@", result.status, result.seconds * 1000, command.joined(separator: " ")))
        print((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
        exit(1)
    }
    let kilobytes = (try? String(contentsOfFile: memory, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) } ?? 0
    return (result.seconds, result.cpu, kilobytes / 1024)
}

@MainActor func ingestSection() {
    let folder = "\(options.work)/ingest"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let runs = max(options.runs, 5)
    let texts = writeIngestTexts(runs: runs, words: 5000, folder: folder)
    func wordRange(_ prefix: String) -> String {
        let counts = texts.filter { $0.key.hasPrefix(prefix) }.map(\.value.words)
        return "\(counts.min()!)–\(counts.max()!) words"
    }
    print("ingest texts (\(texts.count) in \(folder)): English \(wordRange("en-")), Arabic \(wordRange("ar-"))")

    // The database: the founding example, then M.
    let imported = "\(folder)/imported.sqlite", database = "\(folder)/ingest.sqlite"
    func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    remove(imported)
    let example = spawn([options.partnergraph, "example", "--db", imported])
    guard example.status == 0 else { fatalError("example failed with status \(example.status)") }
    let load = spawn([options.partnergraph, "import", "--nodes", nodesPath, "--edges", edgesPath, "--db", imported])
    guard load.status == 0 else { fatalError("import failed with status \(load.status)") }
    print(String(format: "ingest database: example %.2f s, then import of M %.2f s (CPU %.2f s, %.0f MB)", example.seconds, load.seconds, load.cpu, load.megabytes))

    // Cold: the first ingest after the import, on a copy of the imported database.
    var cold: [(seconds: Double, cpu: Double, megabytes: Double)] = []
    for run in 1...runs {
        remove(database)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: imported + suffix) {
            try! FileManager.default.copyItem(atPath: imported + suffix, toPath: database + suffix)
        }
        cold.append(ingest(texts["en-cold-\(run)"]!.path, database: database))
        print(String(format: "  ingest cold run %d (English): %.0f ms, CPU %.0f ms, %.0f MB", run, cold.last!.seconds * 1000, cold.last!.cpu * 1000, cold.last!.megabytes))
    }

    // Warm: the last copy, its matcher stored; a new text each run, English and Arabic alternating.
    var english: [(seconds: Double, cpu: Double, megabytes: Double)] = [], arabic = english
    for run in 1...runs {
        english.append(ingest(texts["en-\(run)"]!.path, database: database))
        arabic.append(ingest(texts["ar-\(run)"]!.path, database: database))
        print(String(format: "  ingest warm run %d: English %.0f ms (CPU %.0f ms, %.0f MB), Arabic %.0f ms (CPU %.0f ms, %.0f MB)", run,
                     english.last!.seconds * 1000, english.last!.cpu * 1000, english.last!.megabytes,
                     arabic.last!.seconds * 1000, arabic.last!.cpu * 1000, arabic.last!.megabytes))
    }

    // What the work is: one more ingest per language, with --json.
    for language in ["en", "ar"] {
        let output = "\(folder)/\(language)-json.json"
        let result = ingest(texts["\(language)-json"]!.path, database: database, json: output)
        let report = try! JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as! [String: Any]
        let mentions = report["mentions"] as! [[String: Any]]
        let ambiguous = mentions.filter { $0["entity"] == nil || $0["entity"] is NSNull }.count
        let drafts = report["drafts"] as! [[String: Any]]
        let relations = drafts.filter { $0["kind"] as? String == "relation" }.count
        print(String(format: "  ingest --json (%@, detected %@, %d words): %.0f ms, %.0f MB; %d mentions (%d of one entity, %d of several), %d new names, %d dates, %d drafts (%d relations), %d already recorded",
                     language, report["language"] as! String, texts["\(language)-json"]!.words, result.seconds * 1000, result.megabytes,
                     mentions.count, mentions.count - ambiguous, ambiguous, (report["candidates"] as! [Any]).count, (report["dates"] as! [Any]).count,
                     drafts.count, relations, (report["already_recorded"] as! [Any]).count))
    }

    for (label, results) in [("cold (first after the import: compiles and stores the name matcher), English", cold),
                             ("warm, English", english), ("warm, Arabic", arabic)] {
        print("ingest \(label): " + summary(results.map(\.seconds), unit: "ms") + "; CPU time " + summary(results.map(\.cpu), unit: "ms")
              + "; peak memory " + summary(results.map(\.megabytes), unit: "MB", scale: 1))
    }
    for (label, results) in [("English", english), ("Arabic", arabic)] {
        let median = percentile(results.map(\.seconds), 0.5) * 1000
        print(String(format: "ingest 5,000 words (%@), M + example, fresh process: warm median %.0f ms [%.0f–%.0f] (target ≤ 200 ms: %@)", label, median,
                     results.map(\.seconds).min()! * 1000, results.map(\.seconds).max()! * 1000, median <= 200 ? "met" : "NOT met"))
    }
    print(String(format: "ingest 5,000 words (English), M + example, fresh process: cold median %.0f ms [%.0f–%.0f] (the first ingest after an import or a change of names)",
                 percentile(cold.map(\.seconds), 0.5) * 1000, cold.map(\.seconds).min()! * 1000, cold.map(\.seconds).max()! * 1000))
}
if options.sections.contains("ingest") { ingestSection() }
let wantsQueries = !options.sections.isDisjoint(with: ["library", "process", "search"])
guard wantsQueries else {
    if options.sections.contains("ingest") { print(String(format: "machine speed reference at the end: %.0f ms", referenceWork() * 1000)) }
    exit(0)
}

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
