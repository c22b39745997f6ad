#!/usr/bin/env python3
# Copied unchanged (but for this line and the next) from ../shared/bench/gen_graph.py, the shared benchmark
# workload generator; see BENCHMARKS.md. Needs numpy.
"""Deterministic synthetic "partnership graph" generator.

Usage:  gen_graph.py --size S|M|L [--seed 42] [--out data/S]

Writes nodes.csv, edges.csv, queries.csv and meta.json into --out.
See README.md for the format.  Determinism: numpy's legacy RandomState
(stream frozen by numpy's compatibility policy) seeded with --seed; same
seed + size => byte-identical files.

Model (static fitness / Chung-Lu, the static analogue of preferential
attachment): every entity gets a Zipf weight w = rank^-alpha (alpha per
type, ranks randomly permuted); edge endpoints are drawn with probability
proportional to w.  Organisations get alpha=0.9, so a handful of hubs end up
with tens of thousands of links at size M while most nodes have 1-3.
Connectivity: a spanning pass attaches every non-island entity to an
organisation (orgs themselves form a weight-ordered preferential tree), so
the main component is connected; then `n_islands` small components are
built from tail entities so that some query pairs are disconnected.
"""
import argparse
import csv
import json
import os
import time

import numpy as np

SIZES = {
    "XS": (200, 1_000),
    "S": (1_000, 5_000),
    "M": (100_000, 1_000_000),
    "L": (1_000_000, 5_000_000),
}
TYPES = ["organization", "person", "agreement", "event", "place"]
PREFIX = {"organization": "org", "person": "per", "agreement": "agr",
          "event": "evt", "place": "plc"}
SHARE = {"organization": 0.30, "person": 0.50, "agreement": 0.08,
         "event": 0.10, "place": 0.02}
ALPHA = {"organization": 0.9, "person": 0.5, "agreement": 0.8,
         "event": 0.7, "place": 1.0}
RELS = ["member_of", "observer_of", "heads", "works_for", "party_to",
        "signed", "participated_in", "organized", "held_in", "located_in",
        "partner_of"]
R = {r: i for i, r in enumerate(RELS)}
# (relation, source type, target type, probability) for non-spanning edges
MIX = [
    ("works_for", "person", "organization", 0.22),
    ("member_of", "person", "organization", 0.10),
    ("member_of", "organization", "organization", 0.04),
    ("heads", "person", "organization", 0.02),
    ("observer_of", "organization", "organization", 0.02),
    ("partner_of", "organization", "organization", 0.06),
    ("party_to", "organization", "agreement", 0.08),
    ("signed", "person", "agreement", 0.06),
    ("participated_in", "person", "event", 0.18),
    ("participated_in", "organization", "event", 0.06),
    ("organized", "organization", "event", 0.05),
    ("held_in", "event", "place", 0.05),
    ("held_in", "agreement", "place", 0.02),
    ("located_in", "organization", "place", 0.04),
]

# ---- name material -------------------------------------------------------
ORG_A = ["United", "Northern", "Southern", "Eastern", "Western", "Arab", "Gulf",
         "Coastal", "Federal", "National", "Regional", "Global", "Atlantic",
         "Pacific", "Central", "Maritime", "Desert", "Highland", "Continental",
         "Royal", "Free", "Joint", "Allied", "Independent"]
ORG_B = ["Trade", "Energy", "Water", "Health", "Security", "Development",
         "Cultural", "Scientific", "Labour", "Agricultural", "Financial",
         "Transport", "Education", "Fisheries", "Mining", "Telecom",
         "Humanitarian", "Defence", "Research", "Legal"]
ORG_C = ["Council", "League", "Union", "Organization", "Authority", "Agency",
         "Commission", "Forum", "Alliance", "Foundation", "Bank", "Institute",
         "Federation", "Association", "Company", "Ministry", "Fund", "Office"]
FIRST = ["Amina", "Omar", "Layla", "Yusuf", "Sara", "Karim", "Nadia", "Hassan",
         "Maria", "John", "Fatima", "Ali", "Elena", "Pierre", "Aisha", "Samir",
         "Chen", "Priya", "Ibrahim", "Hana", "Tariq", "Mona", "David", "Noor",
         "Rania", "Jamal", "Lucia", "Khalid", "Zainab", "Mehmet", "Anna", "Idris"]
LAST = ["Haddad", "Mansour", "Khoury", "Saleh", "Nasser", "Rahman", "Farouk",
        "Aziz", "Othman", "Smith", "Garcia", "Dubois", "Rossi", "Yilmaz", "Kim",
        "Hamdan", "Sayegh", "Barakat", "Jaber", "Qasim", "Darwish", "Bakr",
        "Suleiman", "Tahir", "Ward", "Novak", "Sato", "Musa", "Idris", "Karam"]
SYL = ["ba", "da", "ka", "la", "ma", "na", "ra", "sa", "ta", "za", "ha", "qa",
       "bi", "di", "ki", "li", "mi", "ni", "ri", "si", "ti", "zi", "bu", "du",
       "ku", "lu", "mu", "nu", "ru", "su", "tu", "al", "el", "or", "an", "ir"]
AGR = ["Accord", "Treaty", "Protocol", "Memorandum", "Charter", "Convention",
       "Agreement", "Declaration", "Pact"]
EVT = ["Summit", "Conference", "Forum", "Congress", "Meeting", "Symposium",
       "Session", "Assembly", "Workshop", "Expo"]
AR_ORG = ["منظمة", "مجلس", "اتحاد", "هيئة", "جامعة", "مؤسسة", "وكالة", "لجنة"]
AR_ADJ = ["العربية", "الخليجية", "الوطنية", "الإقليمية", "الدولية", "المتحدة",
          "الشمالية", "الجنوبية", "الساحلية", "المستقلة"]
AR_FIRST = ["أمينة", "عمر", "ليلى", "يوسف", "سارة", "كريم", "نادية", "حسن",
            "فاطمة", "علي", "عائشة", "سمير", "إبراهيم", "هناء", "طارق", "منى",
            "نور", "رانيا", "جمال", "خالد", "زينب", "إدريس"]
AR_LAST = ["حداد", "منصور", "خوري", "صالح", "ناصر", "رحمن", "فاروق", "عزيز",
           "عثمان", "حمدان", "صايغ", "بركات", "جابر", "قاسم", "درويش", "بكر",
           "سليمان", "طاهر", "موسى", "كرم"]
AR_AGR = ["اتفاقية", "معاهدة", "بروتوكول", "مذكرة تفاهم", "ميثاق", "إعلان"]
AR_EVT = ["قمة", "مؤتمر", "منتدى", "اجتماع", "ندوة", "دورة"]
AR_SYL = ["با", "دا", "كا", "لا", "ما", "نا", "را", "سا", "تا", "زا", "حا",
          "قا", "بي", "دي", "كي", "لي", "مي", "ني", "ري", "سي", "بو", "دو"]


def pick(rng, lst, n):
    return np.asarray(lst, dtype=object)[rng.randint(0, len(lst), size=n)]


def make_place_words(rng, n):
    k = rng.randint(2, 4, size=n)
    s = [pick(rng, SYL, n) for _ in range(3)]
    out = s[0] + s[1]
    out = np.where(k > 2, out + s[2], out)
    return np.array([w.capitalize() for w in out], dtype=object)


def make_names(rng, typ, n):
    if typ == "organization":
        return pick(rng, ORG_A, n) + " " + pick(rng, ORG_B, n) + " " + pick(rng, ORG_C, n)
    if typ == "person":
        return pick(rng, FIRST, n) + " " + pick(rng, LAST, n)
    if typ == "agreement":
        yrs = rng.randint(1950, 2025, size=n).astype(str).astype(object)
        return make_place_words(rng, n) + " " + pick(rng, AGR, n) + " " + yrs
    if typ == "event":
        yrs = rng.randint(1950, 2025, size=n).astype(str).astype(object)
        return make_place_words(rng, n) + " " + pick(rng, EVT, n) + " " + yrs
    return make_place_words(rng, n)


def make_alias(rng, typ, n):
    ar_word = pick(rng, AR_SYL, n) + pick(rng, AR_SYL, n)
    if typ == "organization":
        return pick(rng, AR_ORG, n) + " " + pick(rng, AR_ADJ, n) + " " + ar_word
    if typ == "person":
        return pick(rng, AR_FIRST, n) + " " + pick(rng, AR_LAST, n)
    if typ == "agreement":
        return pick(rng, AR_AGR, n) + " " + ar_word
    if typ == "event":
        return pick(rng, AR_EVT, n) + " " + ar_word
    return ar_word + pick(rng, AR_SYL, n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="S", choices=sorted(SIZES))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default=None)
    ap.add_argument("--queries", type=int, default=200)
    a = ap.parse_args()
    n_nodes, n_edges = SIZES[a.size]
    out = a.out or os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", a.size)
    os.makedirs(out, exist_ok=True)
    t0 = time.time()
    rng = np.random.RandomState(a.seed)

    # ---- entities: global ids grouped by type --------------------------
    counts = {t: int(round(n_nodes * SHARE[t])) for t in TYPES}
    counts["person"] += n_nodes - sum(counts.values())
    start = {}
    off = 0
    for t in TYPES:
        start[t] = off
        off += counts[t]
    N = off
    width = max(6, len(str(max(counts.values()) - 1)))
    ntype = np.empty(N, dtype=np.int8)
    for i, t in enumerate(TYPES):
        ntype[start[t]:start[t] + counts[t]] = i

    # Zipf weights with random rank permutation, per type
    weight = {}
    for t in TYPES:
        ranks = rng.permutation(counts[t]) + 1
        weight[t] = ranks.astype(np.float64) ** -ALPHA[t]

    # ---- islands (disconnected components) built from tail entities ----
    n_isl = max(5, N // 2000)
    island_of = np.full(N, -1, dtype=np.int32)
    isl_src, isl_dst, isl_rel = [], [], []
    tail = {t: list(np.argsort(weight[t])) for t in TYPES}  # lightest first
    islands = []
    for k in range(n_isl):
        org = start["organization"] + tail["organization"].pop(0)
        npers = 2 + rng.randint(0, 5)
        pers = [start["person"] + tail["person"].pop(0) for _ in range(npers)]
        members = [org] + pers
        for j, p in enumerate(pers):
            isl_src.append(p); isl_dst.append(org)
            isl_rel.append(R["heads"] if j == 0 else R["works_for"])
        if rng.rand() < 0.6:
            ev = start["event"] + tail["event"].pop(0)
            members.append(ev)
            isl_src.append(org); isl_dst.append(ev); isl_rel.append(R["organized"])
            for p in pers[: 1 + rng.randint(0, len(pers))]:
                isl_src.append(p); isl_dst.append(ev); isl_rel.append(R["participated_in"])
        for m in members:
            island_of[m] = k
            t = TYPES[ntype[m]]
            weight[t][m - start[t]] = 0.0
        islands.append(members)

    # ---- spanning pass: connect every main entity --------------------
    sp_src, sp_dst, sp_rel = [], [], []
    w_org = weight["organization"]
    org_main = np.nonzero(w_org > 0)[0]
    order = org_main[np.argsort(-w_org[org_main], kind="stable")]
    cw = np.cumsum(w_org[order])
    # org at position i attaches to an earlier org, prob. proportional to weight
    u = rng.rand(len(order) - 1) * cw[:-1]
    parent = np.searchsorted(cw, u, side="right")
    parent = np.minimum(parent, np.arange(len(order) - 1))
    choice = rng.rand(len(order) - 1)
    rel = np.where(choice < 0.6, R["member_of"],
                   np.where(choice < 0.85, R["partner_of"], R["observer_of"]))
    sp_src.append(start["organization"] + order[1:])
    sp_dst.append(start["organization"] + order[parent])
    sp_rel.append(rel)
    p_org = w_org / w_org.sum()

    def orgs(n):
        return start["organization"] + rng.choice(counts["organization"], size=n, p=p_org)

    for t in ["person", "agreement", "event", "place"]:
        ids = start[t] + np.nonzero(weight[t] > 0)[0]
        o = orgs(len(ids))
        c = rng.rand(len(ids))
        if t == "person":
            rel = np.where(c < 0.6, R["works_for"], np.where(c < 0.95, R["member_of"], R["heads"]))
            sp_src.append(ids); sp_dst.append(o)
        elif t == "agreement":
            rel = np.full(len(ids), R["party_to"]); sp_src.append(o); sp_dst.append(ids)
        elif t == "event":
            rel = np.where(c < 0.5, R["organized"], R["participated_in"])
            sp_src.append(o); sp_dst.append(ids)
        else:
            rel = np.full(len(ids), R["located_in"]); sp_src.append(o); sp_dst.append(ids)
        sp_rel.append(rel)
    sp_src = np.concatenate(sp_src); sp_dst = np.concatenate(sp_dst)
    sp_rel = np.concatenate(sp_rel)
    isl_src = np.asarray(isl_src, dtype=np.int64)
    isl_dst = np.asarray(isl_dst, dtype=np.int64)
    isl_rel = np.asarray(isl_rel, dtype=np.int64)

    # ---- extra edges: Chung-Lu sampling per relation pattern ---------
    n_extra = n_edges - len(sp_src) - len(isl_src)
    assert n_extra > 0, "edge budget too small"
    probs = {t: weight[t] / weight[t].sum() for t in TYPES}
    src_parts, dst_parts, rel_parts = [sp_src, isl_src], [sp_dst, isl_dst], [sp_rel, isl_rel]
    mixp = np.array([m[3] for m in MIX]); mixp /= mixp.sum()
    base_s = np.concatenate(src_parts).astype(np.int64)
    base_d = np.concatenate(dst_parts).astype(np.int64)
    base_r = np.concatenate(rel_parts).astype(np.int64)
    ex_s = np.zeros(0, np.int64); ex_d = ex_s.copy(); ex_r = ex_s.copy()
    want = int(n_extra * 1.04) + 100
    while True:  # sample, drop self-loops and duplicate (src,rel,dst), top up
        ks = rng.multinomial(want, mixp)
        ps, pd, pr = [ex_s], [ex_d], [ex_r]
        for (r, st, dt, _), k in zip(MIX, ks):
            ps.append(start[st] + rng.choice(counts[st], size=k, p=probs[st]))
            pd.append(start[dt] + rng.choice(counts[dt], size=k, p=probs[dt]))
            pr.append(np.full(k, R[r]))
        bs, bd, br = np.concatenate(ps[1:]), np.concatenate(pd[1:]), np.concatenate(pr[1:])
        bp = rng.permutation(len(bs))  # shuffle so the truncation below is unbiased
        ex_s = np.concatenate([ex_s, bs[bp]]); ex_d = np.concatenate([ex_d, bd[bp]])
        ex_r = np.concatenate([ex_r, br[bp]])
        src = np.concatenate([base_s, ex_s]); dst = np.concatenate([base_d, ex_d])
        rel = np.concatenate([base_r, ex_r])
        code = (src * N + dst) * 16 + rel
        code[src == dst] = -1
        _, first = np.unique(code, return_index=True)
        first = np.sort(first[_ >= 0])
        if len(first) >= n_edges:
            break
        want = int((n_edges - len(first)) * 1.5) + 100
    keep = first[:n_edges]
    src, dst, rel = src[keep], dst[keep], rel[keep]
    E = len(src)
    perm = rng.permutation(E)  # shuffle file order
    src, dst, rel = src[perm], dst[perm], rel[perm]

    # ---- dates ---------------------------------------------------------
    base = np.datetime64("1950-01-01")
    span = (np.datetime64("2024-12-31") - base).astype(int)
    has_start = rng.rand(E) < 0.7
    sday = rng.randint(0, span, size=E)
    has_end = has_start & (rng.rand(E) < 0.35)
    eday = np.minimum(sday + rng.randint(30, 20 * 365, size=E), span)
    sstr = np.datetime_as_string(base + sday, unit="D").astype(object)
    estr = np.datetime_as_string(base + eday, unit="D").astype(object)
    sstr[~has_start] = ""
    estr[~has_end] = ""

    # ---- keys, names, aliases -----------------------------------------
    keys = np.empty(N, dtype=object)
    names = np.empty(N, dtype=object)
    alias = np.full(N, "", dtype=object)
    for t in TYPES:
        s, n = start[t], counts[t]
        keys[s:s + n] = [f"{PREFIX[t]}-{i:0{width}d}" for i in range(n)]
        names[s:s + n] = make_names(rng, t, n)
        has = rng.rand(n) < 0.2
        al = make_alias(rng, t, n)
        alias[s:s + n] = np.where(has, al, "")

    node_order = rng.permutation(N)
    with open(os.path.join(out, "nodes.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "type", "name", "alias_ar"])
        tnames = np.asarray(TYPES, dtype=object)[ntype]
        w.writerows(zip(keys[node_order], tnames[node_order], names[node_order], alias[node_order]))
    relnames = np.asarray(RELS, dtype=object)[rel]
    with open(os.path.join(out, "edges.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "type", "target", "start", "end"])
        w.writerows(zip(keys[src], relnames, keys[dst], sstr, estr))

    # ---- queries ---------------------------------------------------------
    nq = a.queries
    main_nodes = np.nonzero(island_of < 0)[0]
    n_island_pairs = max(1, nq // 20)
    n_disc = max(2, nq // 10)
    n_main = nq - n_island_pairs - n_disc
    rows = []
    for _ in range(n_main):
        s, t = rng.choice(main_nodes, size=2, replace=False)
        rows.append((keys[s], keys[t], "main", 1))
    for _ in range(n_island_pairs):
        isl = islands[rng.randint(0, len(islands))]
        s, t = rng.choice(isl, size=2, replace=False)
        rows.append((keys[s], keys[t], "island", 1))
    for j in range(n_disc):
        isl = islands[rng.randint(0, len(islands))]
        s = rng.choice(isl)
        if j % 3 == 2:   # island <-> other island
            k2 = (island_of[s] + 1 + rng.randint(0, len(islands) - 1)) % len(islands)
            t = rng.choice(islands[k2])
        else:            # island <-> main component
            t = rng.choice(main_nodes)
        if rng.rand() < 0.5:
            s, t = t, s
        rows.append((keys[s], keys[t], "disconnected", 0))
    qperm = rng.permutation(len(rows))
    with open(os.path.join(out, "queries.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "kind", "connected"])
        for i in qperm:
            w.writerow(rows[i])

    # ---- stats -------------------------------------------------------------
    deg = np.bincount(src, minlength=N) + np.bincount(dst, minlength=N)
    top = np.argsort(-deg)[:10]
    meta = {
        "size": a.size, "seed": a.seed, "nodes": int(N), "edges": int(E),
        "type_counts": counts, "islands": n_isl,
        "island_nodes": int((island_of >= 0).sum()),
        "rel_counts": {RELS[i]: int(c) for i, c in enumerate(np.bincount(rel, minlength=len(RELS)))},
        "degree": {"max": int(deg.max()), "mean": float(deg.mean()),
                   "median": float(np.median(deg)), "p99": float(np.percentile(deg, 99)),
                   "isolated": int((deg == 0).sum()),
                   "nodes_deg_ge_1000": int((deg >= 1000).sum()),
                   "nodes_deg_ge_10000": int((deg >= 10000).sum())},
        "top10": [[keys[i], int(deg[i])] for i in top],
        "gen_seconds": round(time.time() - t0, 2),
    }
    with open(os.path.join(out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(json.dumps({k: meta[k] for k in ("size", "nodes", "edges", "degree", "gen_seconds")}))


if __name__ == "__main__":
    main()
