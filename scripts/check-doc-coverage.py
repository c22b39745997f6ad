#!/usr/bin/env python3
"""Counts the public declarations of the PartnerGraph library that have no doc comment of their own.

Reads the symbol graph that `swift package generate-documentation` (or `swift package
dump-symbol-graph`) extracted for the `PartnerGraph` target, and fails, listing each one with its
file and line, when any public declaration written in Sources/PartnerGraph has no doc comment.

What counts:
- every public symbol whose declaration is in Sources/PartnerGraph: types, properties, methods,
  initializers, enum cases, protocol requirements, operators;
- a doc comment counts when it is the declaration's own (`///` or `/** */` in our source) and
  opens with a summary, not with `- Parameters:` or `- Throws:` (DocC would show no abstract).
  Members the compiler synthesizes (`!=`, Codable's `init(from:)`) and those inherited from a
  protocol extension have no declaration here and are not counted. A protocol witness we wrote
  ourselves (`description`, GRDB's `encode(to:)`) is counted: the symbol graph would lend it the
  protocol's comment, but DocC shows no inherited comment unless asked, so its page would be blank.

Usage:
  scripts/check-doc-coverage.py [--symbol-graph FILE_OR_DIR] [--list] [--max-undocumented N]

Without --symbol-graph, the newest `PartnerGraph.symbols.json` under .build/ whose declarations
point into this checkout is read. Exit status: 0 when at most N (default 0) declarations are
undocumented, 1 otherwise, 2 when no symbol graph is found.
"""
import argparse
import collections
import json
import pathlib
import sys
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULE = "PartnerGraph"
SOURCES = ROOT / "Sources" / MODULE

# Symbol kinds as the issue counts them, in the order the summary prints them.
KIND_NAMES = {
    "swift.struct": "structures",
    "swift.class": "classes",
    "swift.enum": "enumerations",
    "swift.protocol": "protocols",
    "swift.typealias": "type aliases",
    "swift.enum.case": "enum cases",
    "swift.init": "initializers",
    "swift.property": "properties",
    "swift.type.property": "type properties",
    "swift.method": "methods",
    "swift.type.method": "type methods",
    "swift.func.op": "operators",
    "swift.func": "functions",
    "swift.var": "global variables",
    "swift.subscript": "subscripts",
    "swift.type.subscript": "type subscripts",
    "swift.associatedtype": "associated types",
}


def path_of(uri):
    """The file a symbol graph `uri` names, or None for a symbol with no source file."""
    if not uri or not uri.startswith("file://"):
        return None
    return pathlib.Path(urllib.parse.unquote(urllib.parse.urlparse(uri).path))


def in_sources(uri):
    path = path_of(uri)
    if path is None:
        return False
    try:
        path.resolve().relative_to(SOURCES.resolve())
        return True
    except ValueError:
        return False


def graph_files(start):
    """The module's symbol graph files: the main one and any `PartnerGraph@Other` extension files."""
    if start.is_file():
        start = start.parent
    return sorted(start.glob(f"{MODULE}.symbols.json")) + sorted(start.glob(f"{MODULE}@*.symbols.json"))


def find_graph():
    """The newest symbol graph of the module under .build/ that describes this checkout."""
    candidates = []
    for pattern in (f"*/extracted-symbols/*/{MODULE}/{MODULE}.symbols.json", f"*/symbolgraph/{MODULE}.symbols.json"):
        candidates.extend((ROOT / ".build").glob(pattern))
    for candidate in sorted(candidates, key=lambda p: p.stat().st_mtime, reverse=True):
        with candidate.open(encoding="utf-8") as f:
            graph = json.load(f)
        if any(in_sources(s.get("location", {}).get("uri")) for s in graph.get("symbols", [])):
            return candidate
    return None


# Lines that open a callout rather than a summary: a comment that starts with one has no abstract.
CALLOUTS = ("- parameter", "- parameters:", "- returns:", "- throws:", "- complexity:", "- note:", "- precondition:")


def has_own_comment(symbol):
    """Whether the symbol has a doc comment of its own that opens with a summary sentence."""
    comment = symbol.get("docComment")
    if not comment or comment.get("module", MODULE) != MODULE:
        return False
    if "uri" in comment and not in_sources(comment["uri"]):
        return False
    lines = [line.get("text", "").strip() for line in comment.get("lines", [])]
    first = next((line for line in lines if line), None)
    return first is not None and not first.lower().startswith(CALLOUTS)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--symbol-graph", type=pathlib.Path,
                        help="a PartnerGraph.symbols.json, or the folder that holds it")
    parser.add_argument("--list", action="store_true",
                        help="list every undocumented declaration even when the check passes")
    parser.add_argument("--max-undocumented", type=int, default=0,
                        help="fail only above this many undocumented declarations (default 0)")
    args = parser.parse_args()

    start = args.symbol_graph or find_graph()
    if start is None:
        print(f"error: no symbol graph of {MODULE} for this checkout under .build/; build one with "
              "`make docs`, or `swift package dump-symbol-graph`, then run this again", file=sys.stderr)
        return 2
    files = graph_files(start)
    if not files:
        print(f"error: no {MODULE}.symbols.json in {start}", file=sys.stderr)
        return 2

    seen = set()
    total = collections.Counter()
    documented = collections.Counter()
    missing = []
    for file in files:
        with file.open(encoding="utf-8") as f:
            graph = json.load(f)
        for symbol in graph["symbols"]:
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            location = symbol.get("location", {})
            if not in_sources(location.get("uri")):
                continue  # synthesized, or inherited from another module's protocol extension
            precise = symbol["identifier"]["precise"]
            if precise in seen:
                continue
            seen.add(precise)
            kind = symbol["kind"]["identifier"]
            total[kind] += 1
            if has_own_comment(symbol):
                documented[kind] += 1
            else:
                source = path_of(location["uri"]).resolve().relative_to(ROOT.resolve())
                line = location.get("position", {}).get("line", 0) + 1
                missing.append((str(source), line, symbol["kind"]["displayName"].lower(),
                                ".".join(symbol["pathComponents"])))

    width = max(len(name) for name in KIND_NAMES.values())
    print(f"Public declarations of {MODULE} with a doc comment ({files[0].relative_to(ROOT) if files[0].is_relative_to(ROOT) else files[0]}):")
    order = list(KIND_NAMES) + sorted(set(total) - set(KIND_NAMES))
    for kind in order:
        if total[kind]:
            print(f"  {KIND_NAMES.get(kind, kind):<{width}}  {documented[kind]:>4} of {total[kind]:>4}")
    all_total, all_documented = sum(total.values()), sum(documented.values())
    print(f"  {'all':<{width}}  {all_documented:>4} of {all_total:>4}")

    failed = len(missing) > args.max_undocumented
    if missing and (failed or args.list):
        print(f"\n{len(missing)} undocumented:" if failed else "\nUndocumented:")
        for source, line, kind, name in sorted(missing):
            print(f"  {source}:{line}: {kind} {name}")
    if failed:
        print(f"\nerror: {len(missing)} public declaration{'s' if len(missing) != 1 else ''} of {MODULE} "
              "have no doc comment; add a `///` comment above each (a one-line summary is enough for a "
              "simple property), then run `make check-docs` again", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
