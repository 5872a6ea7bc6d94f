"""Builds data.jsonl from GitBugs' SeaMonkey files (see README.md for the source and the rules).

Usage: python3 make.py SeaMonkey_bugs.csv SeaMonkey_bugs-combined.csv > data.jsonl
"""
import csv
import json
import re
import sys

PRIORITY = {"P1": "P1", "P2": "P2", "P3": "P3", "P4": "P4", "P5": "P4"}  # "--" is no label
BOILERPLATE = re.compile(r"^(user agent:|build id:|\+\+\+ this bug was initially created)", re.I)
MAX_CHARS = 400


def text_of(row):
    lines = [l for l in row["Description"].splitlines() if not BOILERPLATE.match(l.strip())]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(body) > MAX_CHARS:
        body = body[:MAX_CHARS].rsplit(" ", 1)[0] + " ..."
    return (row["Summary"].strip() + "\n" + body).strip()


def main(reports, duplicates):
    rows = list(csv.DictReader(open(reports, encoding="utf-8")))
    ids = {r["Issue id"].strip() for r in rows}
    parent = {i: i for i in ids}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for d in csv.DictReader(open(duplicates, encoding="utf-8")):
        a = d["Issue id"].strip()
        for b in (x.strip() for x in d["Duplicate id"].split(",")):
            if a in ids and b in ids:
                parent[find(a)] = find(b)
    for r in rows:
        i = r["Issue id"].strip()
        out = {"text": text_of(r), "group": "sm-" + min(
            (j for j in ids if find(j) == find(i)), key=int)}
        p = PRIORITY.get(r["Priority"].strip())
        if p:
            out["priority"] = p
        out["channel"] = "seamonkey-bugs"
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
