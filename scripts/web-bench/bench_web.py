#!/usr/bin/env python3
"""`make bench-web`: entity pages of `partnergraph serve` under load (issue 12's target: at least
1,000 requests/s with p99 at most 50 ms on this 2-core machine), with wrk on loopback.

For the example and for the M workload (bench/gen_graph.py --size M), a release server is
started on a free loopback port; every page of the set is requested once (so that its drawing
is made and cached, as on a server that has been up a while), then wrk runs RUNS times for
DURATION seconds with CONNECTIONS connections, asking for the pages in turn. Reported: the
median of the runs' requests/s and p99 latency, the spread, errors, and the load average of
the machine (shared with other work) before each run. wrk's requests are bounded by its
duration, and go to 127.0.0.1 only.
"""
import argparse
import os
import re
import select
import statistics
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def start_server(partnergraph, database):
    server = subprocess.Popen([partnergraph, "serve", "--db", database, "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready, _, _ = select.select([server.stdout], [], [], 120)
    line = server.stdout.readline() if ready else ""
    match = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
    if not match:
        server.kill()
        sys.exit(f"bench-web: the server did not start: {line!r}")
    return server, match.group(1)


def wrk(base, paths_file, duration, connections, threads):
    env = dict(os.environ, PATHS_FILE=paths_file)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s",
         "-s", os.path.join(HERE, "rotate.lua"), base + "/"],
        capture_output=True, text=True, check=True, env=env).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99_text = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    p99 = float(p99_text.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99_text.group(2)]
    total = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return rps, p99, total, (int(errors.group(1)) if errors else 0), (socket_errors.group(1) if socket_errors else "")


def bench(label, partnergraph, database, keys, args):
    paths_file = os.path.join(args.work, f"{label}.paths")
    with open(paths_file, "w") as file:
        file.write("".join(f"/entity/{key}\n" for key in keys))
    server, base = start_server(partnergraph, database)
    try:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        started = time.time()
        sizes = []
        for key in keys:
            with opener.open(f"{base}/entity/{key}", timeout=120) as response:
                body = response.read()
                sizes.append(len(body))
                if response.status != 200 or b"<svg" not in body:
                    sys.exit(f"bench-web: /entity/{key} has no drawing")
        warm = time.time() - started
        runs = []
        for _ in range(args.runs):
            load = os.getloadavg()[0]
            runs.append((*wrk(base, paths_file, args.duration, args.connections, args.threads), load))
    finally:
        server.terminate()
        server.wait()
    rps = [run[0] for run in runs]
    p99 = [run[1] for run in runs]
    print(f"\n{label}: {len(keys)} entity pages ({min(sizes)}–{max(sizes)} bytes), drawn and cached in {warm:.1f} s")
    for number, (r, p, total, errors, socket_errors, load) in enumerate(runs, 1):
        print(f"  run {number}: {r:,.0f} requests/s, p99 {p:.1f} ms, {total:,} requests, {errors} errors"
              + (f", socket errors {socket_errors}" if socket_errors else "") + f"; load average before {load:.2f}")
    median_rps, median_p99 = statistics.median(rps), statistics.median(p99)
    print(f"  median: {median_rps:,.0f} requests/s [{min(rps):,.0f}–{max(rps):,.0f}], p99 {median_p99:.1f} ms [{min(p99):.1f}–{max(p99):.1f}]"
          f" — target ≥ 1,000/s and ≤ 50 ms: {'met' if median_rps >= 1000 and median_p99 <= 50 else 'NOT met'}")
    return median_rps, median_p99


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partnergraph", required=True)
    parser.add_argument("--data", required=True, help="the M workload's folder (nodes.csv, edges.csv)")
    parser.add_argument("--work", required=True, help="where the databases go")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--pages", type=int, default=100, help="how many entity pages of M to rotate through")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    example = os.path.join(args.work, "example.sqlite")
    m = os.path.join(args.work, "M.sqlite")
    if not os.path.exists(example):
        subprocess.run([args.partnergraph, "example", "--db", example], check=True, stdout=subprocess.DEVNULL)
    if not os.path.exists(m):
        print("Importing M …")
        subprocess.run([args.partnergraph, "import", "--nodes", os.path.join(args.data, "nodes.csv"),
                        "--edges", os.path.join(args.data, "edges.csv"), "--db", m + ".part"], check=True, stdout=subprocess.DEVNULL)
        os.rename(m + ".part", m)
    with open("/proc/cpuinfo") as file:
        cpu = next((line.split(":", 1)[1].strip() for line in file if line.startswith("model name")), "?")
    print(f"Machine: {os.cpu_count()} cores ({cpu}); wrk -t{args.threads} -c{args.connections} -d{args.duration}s, {args.runs} runs")
    example_keys = subprocess.run([args.partnergraph, "list", "--db", example, "--json"], capture_output=True, text=True, check=True).stdout
    example_keys = re.findall(r'"key" : "([^"]+)"', example_keys)
    bench("example", args.partnergraph, example, example_keys, args)
    # Every 1000th entity of M's nodes file: a sample of the population, not its hubs.
    with open(os.path.join(args.data, "nodes.csv")) as file:
        keys = [line.split(",", 1)[0] for number, line in enumerate(file) if number > 0]
    step = max(1, len(keys) // args.pages)
    bench("M", args.partnergraph, m, keys[::step][: args.pages], args)


if __name__ == "__main__":
    main()
