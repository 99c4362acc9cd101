#!/usr/bin/env python3
"""Statement benchmark (issue 14): each statement of the README's query
reference, run by `claimgraph query` in a new process on synthetic databases
of 10k, 100k and 1M claims; the median wall time of 5 runs and the largest
peak resident memory (/usr/bin/time -v).

    cargo build --release --bin claimgraph --example statements_db
    python3 scripts/statement_bench.py [--bin target/release/claimgraph]
        [--builder target/release/examples/statements_db]
        [--sizes 10000,100000,1000000] [--dir /tmp/claimgraph-bench]
        [--runs 5] [--label after]

A database `DIR/claims-N.db` is written once by the `statements_db`
example (the generator of `src/synth`, imported with its findings) and
reused (`--builder` makes it). Names in the statements are taken from each database (its busiest
speaker, outlet, agency and place), so that every size answers the same
kind of question. The bars (issue 14, at 1M claims): a point or filtered
statement with a limit < 100 ms, `count` and `stats` < 300 ms, peak memory
< 200 MiB, time per statement < 2x from 10k to 1M. This is a benchmark,
not a test: run it on a quiet machine. Prints a Markdown table.
"""
import argparse, os, re, sqlite3, statistics, subprocess, sys


def names(db):
    """Busy names of the database, and ids that exist at every size."""
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    one = lambda sql: c.execute(sql).fetchone()
    speaker = one("SELECT e.name FROM claims c JOIN entities e ON e.id = c.claimant "
                  "GROUP BY c.claimant ORDER BY count(*) DESC LIMIT 1")
    outlets = c.execute("SELECT e.name FROM claims c JOIN entities e ON e.id = c.outlet "
                        "GROUP BY c.outlet ORDER BY count(*) DESC LIMIT 2").fetchall()
    agency = one("SELECT e.name FROM claim_via v JOIN entities e ON e.id = v.entity "
                 "GROUP BY v.entity ORDER BY count(*) DESC LIMIT 1")
    place = one("SELECT e.name FROM events v JOIN entities e ON e.id = v.place "
                "GROUP BY v.place ORDER BY count(*) DESC LIMIT 1")
    claims = one("SELECT max(id) FROM claims")[0] or 1
    c.close()
    q = lambda row: '"' + (row[0] if row else "x").replace('"', '\\"') + '"'
    return {
        "speaker": q(speaker), "outlet": q(outlets[0] if outlets else None),
        "outlet2": q(outlets[1] if len(outlets) > 1 else None), "agency": q(agency),
        "place": q(place), "claim": min(12345, claims),
    }


STATEMENTS = [
    # (kind, statement); kind: point, limit, count, stats, scan, traversal
    ("limit", "contradictions limit 10"),
    ("limit", "contradictions where measure = killed limit 10"),
    ("limit", "agreements where independent = false limit 10"),
    ("limit", "updates where measure in (killed, wounded) limit 10"),
    ("limit", "claims by {speaker} limit 10"),
    ("limit", "claims in {outlet} limit 10"),
    ("limit", "claims via {agency} limit 10"),
    ("limit", "claims where measure = killed and value >= 3 limit 10"),
    ("limit", "claims where quote contains \"soldats\" limit 10"),
    ("limit", "claims about {place} limit 10"),
    ("limit", "timeline {place} limit 10"),
    ("point", "provenance claim {claim}"),
    ("point", "provenance finding 1"),
    ("point", "entity {agency}"),
    ("count", "count claims"),
    ("count", "count contradictions"),
    ("count", "count claims where measure = killed"),
    ("count", "count claims by {speaker}"),
    ("stats", "stats"),
    ("scan", "entities where kind = person limit 10"),
    ("scan", "events at {place} limit 10"),
    ("scan", "documents in {outlet} limit 10"),
    ("traversal", "neighbours claim 12"),
    ("traversal", "path {speaker} to {place}"),
    ("scan", "compare {outlet} with {outlet2} limit 10"),
]


def measure(binary, db, statement, runs, timeout):
    """Median wall seconds, median CPU seconds (user + system: on a shared
    machine, wall time also measures the neighbours) and max peak RSS (MiB)
    of `runs` cold runs."""
    times, cpus, peaks = [], [], []
    for _ in range(runs):
        cmd = ["/usr/bin/time", "-v", binary, "--db", db, "query", statement]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", r.stderr)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
        user = re.search(r"User time \(seconds\): (\S+)", r.stderr)
        system = re.search(r"System time \(seconds\): (\S+)", r.stderr)
        if not wall or not rss or not user or not system:
            return None
        cpus.append(float(user.group(1)) + float(system.group(1)))
        parts = [float(p) for p in wall.group(1).split(":")]
        secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        times.append(secs)
        peaks.append(int(rss.group(1)) / 1024)
    return statistics.median(times), statistics.median(cpus), max(peaks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/claimgraph")
    ap.add_argument("--builder", default="target/release/examples/statements_db")
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--dir", default="/tmp/claimgraph-bench")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--only", default="", help="comma-separated statement numbers")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    dbs = {}
    for n in sizes:
        db = os.path.join(args.dir, f"claims-{n}.db")
        if not os.path.exists(db):
            subprocess.run([args.builder, str(n), db], check=True)
        dbs[n] = db
    picked = [int(i) for i in args.only.split(",") if i]
    head = " | ".join(f"{n // 1000}k" if n < 10 ** 6 else f"{n // 10 ** 6}M" for n in sizes)
    print(f"| # | statement | {head} | growth |")
    print("|---|---|" + "---|" * len(sizes) + "---|")
    for i, (kind, template) in enumerate(STATEMENTS, 1):
        if picked and i not in picked:
            continue
        cells, times = [], []
        shown = None
        for n in sizes:
            statement = template.format(**names(dbs[n]))
            shown = shown or statement
            m = measure(args.bin, dbs[n], statement, args.runs, args.timeout)
            if m is None:
                cells.append("timeout/error")
                continue
            secs, cpu, mib = m
            times.append(secs)
            cells.append(f"{secs * 1000:.0f} ms ({cpu * 1000:.0f} cpu), {mib:.0f} MiB")
        growth = f"{times[-1] / times[0]:.1f}x" if len(times) == len(sizes) and times[0] > 0 else ""
        print(f"| {i} | `{template}` | " + " | ".join(cells) + f" | {growth} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
