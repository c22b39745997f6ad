#!/usr/bin/env python3
"""Kùzu on the same workload as pg-bench, for the side-by-side table of issue 14.

    python3 bench/kuzu_bench.py --data .build-bench/L --work .build-bench/kuzu [--runs 3] [--paths 200]

Kùzu (the embedded graph database, `pip install kuzu==0.11.3`) is what users would otherwise pick.
Measured, as pg-bench measures PartnerGraph:

- load: a fresh process creates the two tables and runs `COPY` of nodes.csv and edges.csv (wall
  time of the whole child process, and its peak resident memory); then the database's size on
  disk. Kùzu's `COPY` of a relationship table takes the FROM and TO keys as its first two
  columns: edges.csv is rewritten once in that order (source, target, type, start, end) before the
  runs, and that rewrite is not timed.
- path: for the query pairs of queries.csv, a fresh process per pair opens the database read-only
  and asks for one shortest path, either way along relations (as `partnergraph path` walks them);
  p50 and p95 of the whole process's wall time, and the lengths, which the caller can compare
  with pg-bench's plain BFS.

Prints a human summary, and with --json one JSON object.
"""
import argparse
import csv
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

SCHEMA = [
    "CREATE NODE TABLE Entity(key STRING, type STRING, name STRING, alias_ar STRING, PRIMARY KEY(key))",
    "CREATE REL TABLE Rel(FROM Entity TO Entity, type STRING, start_date STRING, end_date STRING)",
]

LOAD = """
import kuzu, sys
db = kuzu.Database(sys.argv[1])
conn = kuzu.Connection(db)
for statement in {schema!r}:
    conn.execute(statement)
conn.execute('COPY Entity FROM "' + sys.argv[2] + '" (header=true)')
conn.execute('COPY Rel FROM "' + sys.argv[3] + '" (header=true)')
""".format(schema=SCHEMA)

PATH = """
import kuzu, sys
db = kuzu.Database(sys.argv[1], read_only=True)
conn = kuzu.Connection(db)
result = conn.execute(
    "MATCH p = (a:Entity)-[:Rel* SHORTEST 1..30]-(b:Entity) WHERE a.key = $a AND b.key = $b RETURN length(p)",
    {"a": sys.argv[2], "b": sys.argv[3]})
print(result.get_next()[0] if result.has_next() else -1)
"""


def kuzu_edges(data, work):
    """edges.csv with the FROM and TO keys first, written once into the work folder."""
    target = os.path.join(work, "edges-kuzu.csv")
    source = os.path.join(data, "edges.csv")
    if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(source):
        return target
    with open(source, newline="", encoding="utf-8") as inp, open(target + ".tmp", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        for row in csv.reader(inp):
            writer.writerow([row[0], row[2], row[1], row[3], row[4]])
    os.replace(target + ".tmp", target)
    return target


def remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    for candidate in (path, path + ".wal", path + ".lock"):
        if os.path.isfile(candidate):
            os.remove(candidate)


def disk_size(path):
    total = 0
    for candidate in (path, path + ".wal"):
        if os.path.isfile(candidate):
            total += os.path.getsize(candidate)
        elif os.path.isdir(candidate):
            for folder, _, files in os.walk(candidate):
                total += sum(os.path.getsize(os.path.join(folder, name)) for name in files)
    return total


def child(code, *arguments):
    """Runs `code` in a fresh Python process: its wall time, peak memory (MB) and standard output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"kuzu_bench: a Kùzu process failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    # ru_maxrss of the children is the largest any child reached so far: meaningful for the
    # load runs, which are the largest processes this script starts.
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak, done.stdout.strip()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="folder with nodes.csv, edges.csv, queries.csv")
    parser.add_argument("--work", required=True, help="scratch folder for Kùzu's database")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--paths", type=int, default=200, help="how many query pairs to time")
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    try:
        import kuzu  # noqa: F401  (checked here, used by the children)
    except ImportError:
        sys.exit("kuzu_bench: Kùzu is missing: python3 -m pip install kuzu==0.11.3 (make python-deps does)")
    os.makedirs(options.work, exist_ok=True)
    nodes = os.path.abspath(os.path.join(options.data, "nodes.csv"))
    edges = os.path.abspath(kuzu_edges(options.data, options.work))
    database = os.path.abspath(os.path.join(options.work, "bench.kuzu"))

    loads, peaks = [], []
    for run in range(options.runs):
        remove(database)
        seconds, peak, _ = child(LOAD, database, nodes, edges)
        loads.append(seconds)
        peaks.append(peak)
        print(f"  Kùzu load run {run + 1}: {seconds:.2f} s", file=sys.stderr)
    size = disk_size(database)

    with open(os.path.join(options.data, "queries.csv"), newline="", encoding="utf-8") as file:
        pairs = [(row["source"], row["target"]) for row in csv.DictReader(file)][: options.paths]
    times, lengths = [], {}
    for source, target in pairs:
        seconds, _, out = child(PATH, database, source, target)
        times.append(seconds)
        lengths[f"{source}>{target}"] = int(out)

    report = {
        "store": "kuzu " + __import__("kuzu").__version__,
        "load_seconds_median": statistics.median(loads),
        "load_seconds": loads,
        "load_peak_mb": max(peaks),
        "disk_bytes": size,
        "path_ms_p50": percentile(times, 0.5) * 1000,
        "path_ms_p95": percentile(times, 0.95) * 1000,
        "paths": len(times),
        "lengths": lengths,
    }
    if options.json:
        print(json.dumps(report))
    else:
        print(f"Kùzu {report['store'].split()[1]}: load median {report['load_seconds_median']:.2f} s "
              f"(runs {', '.join(f'{s:.2f}' for s in loads)}), peak memory {report['load_peak_mb']:.0f} MB, "
              f"on disk {size / 1e6:.0f} MB; fresh-process path p50 {report['path_ms_p50']:.0f} ms, "
              f"p95 {report['path_ms_p95']:.0f} ms over {len(times)} pairs")


if __name__ == "__main__":
    main()
