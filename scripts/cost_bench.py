#!/usr/bin/env python3
"""Cost benchmark (issue 12): time and peak memory of ingesting one article
of each adversarial shape at 256 KiB, 1 MiB and 4 MiB, each into a fresh
database, with the growth factor per doubling of the input.

    cargo build [--release]
    python3 scripts/cost_bench.py [--bin target/release/claimgraph]
        [--shapes names,repeated,...] [--sizes 256K,1M,4M] [--timeout 600]

Peak memory is the child's maximum resident set (getrusage), time is wall
clock. A shape passes when time and memory grow at most 2.3x per doubling
(linear is 2x) and 4 MiB ingests in under 10 s with under 1 GiB. This is a
benchmark, not a test: run it on a quiet machine.
"""
import argparse, math, os, resource, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cost_shapes import gen  # noqa: E402

SHAPES = ["names", "repeated", "fragments", "places", "quotes"]


def parse_size(s):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(s[:-1]) * units[s[-1].upper()] if s[-1].upper() in units else int(s)


def run(binary, path, timeout):
    """Wall seconds and peak RSS (MiB) of one ingest, or None on timeout."""
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "cost.db")
        start = time.monotonic()
        proc = subprocess.Popen([binary, "--db", db, "ingest", path],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return None
        wall = time.monotonic() - start
        # ru_maxrss of waited-for children is the largest single child: one
        # child per call, so take it from a fresh wait4 when available.
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            sys.stderr.write(err.decode(errors="replace"))
        return wall, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/debug/claimgraph")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--sizes", default="256K,1M,4M")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    print("| shape | size | time (s) | peak RSS (MiB) | time growth / doubling | memory growth / doubling |")
    print("|---|---|---|---|---|---|")
    ok = True
    with tempfile.TemporaryDirectory() as d:
        for shape in args.shapes.split(","):
            prev = None
            for size in sizes:
                path = os.path.join(d, f"{shape}-{size}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(gen(shape, size))
                # each measure in its own python child, so that ru_maxrss is
                # this ingest's alone
                r = subprocess.run([sys.executable, __file__, "--one", args.bin, path,
                                    str(args.timeout)], capture_output=True, text=True)
                label = f"{size // 1024} KiB" if size < 1 << 20 else f"{size >> 20} MiB"
                if r.returncode != 0 or not r.stdout.strip():
                    print(f"| {shape} | {label} | > {args.timeout:.0f} (stopped) | | | |")
                    ok = False
                    break
                wall, rss = map(float, r.stdout.split())
                growth = ("", "")
                if prev:
                    doublings = math.log2(size / prev[0])
                    gt = (wall / max(prev[1], 1e-3)) ** (1 / doublings)
                    gm = (rss / max(prev[2], 1e-3)) ** (1 / doublings)
                    growth = (f"{gt:.2f}x", f"{gm:.2f}x")
                    ok &= gt <= 2.3 and gm <= 2.3
                if size >= 4 << 20:
                    ok &= wall < 10 and rss < 1024
                print(f"| {shape} | {label} | {wall:.2f} | {rss:.0f} | {growth[0]} | {growth[1]} |",
                      flush=True)
                prev = (size, wall, rss)
    print("\nbars met" if ok else "\nbars NOT met")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--one":
        res = run(sys.argv[2], sys.argv[3], float(sys.argv[4]))
        if res:
            print(f"{res[0]:.3f} {res[1]:.1f}")
        sys.exit(0)
    main()
