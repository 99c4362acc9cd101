"""Check a gold set DIR/NAME.gold.json (format claimgraph-gold/1) against the
articles in DIR/corpus/ (tests/data/dev, tests/data/real, tests/data/real2).

Proves that:
- every claim quote and alt_quote is an exact substring of its article;
- every entity listed for a document (required or optional) has at least one alias
  (or its name) written exactly in that article, and every alias of every entity is
  written exactly somewhere in the corpus (an outlet's own name, used as the documents'
  "outlet" metadata, is exempt);
- ids resolve: claim ids are unique, every claim id in contradictions / agreements /
  updates / compatible exists, claimants, events and document entities exist;
- values are in the allowed sets (measure, bound, polarity, kind, contradiction kind);
- each document's outlet is the name or an alias of an outlet entity, its date is a
  plain YYYY-MM-DD, and its sidecar corpus/NN_*.meta.json agrees with it;
- an update's earlier claim does not come from a later-published article.

Run: python3 tests/data/verify_gold.py tests/data/dev   (exit status 1 if anything fails)
"""
import json
import os
import re
import sys

if len(sys.argv) != 2:
    sys.exit("usage: verify_gold.py DIR   (DIR holds NAME.gold.json and corpus/)")
BASE = os.path.abspath(sys.argv[1])
CORPUS = os.path.join(BASE, "corpus")
GOLDS = [f for f in os.listdir(BASE) if f.endswith(".gold.json")]
if len(GOLDS) != 1:
    sys.exit(f"{BASE}: expected one *.gold.json, found {GOLDS}")
gold = json.load(open(os.path.join(BASE, GOLDS[0]), encoding="utf-8"))

MEASURES = {"killed", "wounded", "missing", "captured", "displaced", "troops", "strikes", "other"}
BOUNDS = {"exact", "at_least", "at_most", "approx"}
KINDS = {"person", "country", "place", "organization", "outlet", "weapon"}
CKINDS = {"numeric", "polarity", "disputed", "possible"}

bad = []
n = 0


def check(cond, *what):
    global n
    n += 1
    if not cond:
        bad.append(what)


check(gold.get("format") == "claimgraph-gold/1", "format", gold.get("format"))
ents = {}
for e in gold["entities"]:
    check(e["id"] not in ents, "duplicate entity id", e["id"])
    ents[e["id"]] = e
    check(e["kind"] in KINDS, "entity kind", e["id"], e["kind"])
events = {ev["id"] for ev in gold["events"]}

texts = {}
for d in gold["documents"]:
    path = os.path.join(CORPUS, d["file"])
    check(os.path.exists(path), "missing article", d["file"])
    texts[d["file"]] = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
on_disk = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt"))
check(on_disk == sorted(texts), "articles on disk vs gold documents", on_disk, sorted(texts))
corpus_text = "\n".join(texts.values())

# every alias of every entity is written somewhere in the corpus (an outlet's own name,
# given as the documents' "outlet" metadata, is exempt: it need not occur in the text)
outlet_names = {d["outlet"] for d in gold["documents"]}
for e in gold["entities"]:
    for a in e["aliases"]:
        check(a in corpus_text or (e["kind"] == "outlet" and a in outlet_names), "alias not in corpus", e["id"], a)

claims = {}
doc_of = {}
date_of = {}
for d in gold["documents"]:
    t = texts[d["file"]]
    stem = d["file"][:-4]
    # metadata
    check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["published"] or "") is not None, "published", d["file"], d["published"])
    check(d["language"] == "fr", "language", d["file"])
    outlets = [e for e in gold["entities"] if e["kind"] == "outlet" and (d["outlet"] == e["name"] or d["outlet"] in e["aliases"])]
    check(len(outlets) == 1, "outlet is not the name/alias of exactly one outlet entity", d["file"], d["outlet"])
    meta_path = os.path.join(CORPUS, stem + ".meta.json")
    check(os.path.exists(meta_path), "missing sidecar", meta_path)
    if os.path.exists(meta_path):
        meta = json.load(open(meta_path, encoding="utf-8"))
        check(meta.get("outlet") == d["outlet"] and meta.get("published") == d["published"]
              and meta.get("language") == d["language"] and meta.get("url") and meta.get("title"),
              "sidecar disagrees with gold", d["file"], meta)
    # entities
    for eid in d["entities"] + d.get("optional_entities", []):
        check(eid in ents, "unknown entity", d["file"], eid)
        if eid in ents:
            forms = ents[eid]["aliases"] + [ents[eid]["name"]]
            check(any(f in t for f in forms), "entity not written in article", d["file"], eid, forms)
    check(not set(d["entities"]) & set(d.get("optional_entities", [])), "entity both required and optional", d["file"])
    # claims
    for c in d["claims"]:
        check(c["id"] not in claims, "duplicate claim id", c["id"])
        claims[c["id"]] = c
        doc_of[c["id"]] = d["file"]
        date_of[c["id"]] = d["published"]
        for q in [c["quote"]] + c.get("alt_quotes", []):
            check(q in t, "quote not in article", d["file"], c["id"], q)
        check(c["claimant"] in ents, "unknown claimant", c["id"], c["claimant"])
        check(c["event"] in events, "unknown event", c["id"], c["event"])
        check(c["polarity"] in {"affirm", "deny"}, "polarity", c["id"])
        if c.get("measure"):
            check(c["polarity"] == "affirm", "numeric claim must affirm", c["id"])
            check(c["measure"] in MEASURES, "measure", c["id"], c["measure"])
            check(c.get("bound") in BOUNDS, "bound", c["id"], c.get("bound"))
            check(isinstance(c.get("value"), (int, float)), "value", c["id"], c.get("value"))
            check(bool(c.get("subject")), "subject", c["id"])
        if "date" in c:
            check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", c["date"]) is not None, "claim date", c["id"], c["date"])

for key in ["contradictions", "agreements", "updates", "compatible"]:
    seen = set()
    for p in gold.get(key, []):
        check(len(p["claims"]) == 2, key, "not a pair", p["claims"])
        for cid in p["claims"]:
            check(cid in claims, key, "unknown claim id", cid)
        check(bool(p.get("note")), key, "missing note", p["claims"])
        pair = tuple(p["claims"]) if key == "updates" else tuple(sorted(p["claims"]))
        check(pair not in seen, key, "duplicate pair", pair)
        seen.add(pair)
        if key == "contradictions":
            check(p.get("kind") in CKINDS, "contradiction kind", p["claims"], p.get("kind"))
        if key == "agreements" and all(c in claims for c in p["claims"]):
            a, b = (claims[c] for c in p["claims"])
            check(a.get("measure") == b.get("measure") and a.get("value") == b.get("value"),
                  "agreement with different measure/value", p["claims"])
        if key == "updates" and all(c in claims for c in p["claims"]):
            a, b = p["claims"]
            check(date_of[a] <= date_of[b], "update goes back in time", p["claims"], date_of[a], date_of[b])

print(f"checked {n} assertions: {len(gold['documents'])} articles, {len(claims)} claims, "
      f"{len(gold['entities'])} entities, {sum(len(gold.get(k, [])) for k in ['contradictions', 'agreements', 'updates', 'compatible'])} pairs: "
      f"{len(bad)} failures")
for b in bad:
    print("FAIL", *b)
sys.exit(1 if bad else 0)
