"""Builds dev.jsonl and test.jsonl from #ubuntu IRC logs (see README.md for the source and rules).

Usage: python3 make.py DATA_DIR   (DATA_DIR holds the dev/ and test/ folders of *.raw.txt files)
"""
import json
import os
import re
import sys

LINE = re.compile(r"^\[\d\d:\d\d\] <([^>]+)> (.+)$")
BOTS = {"ubottu", "ubotu", "ubotwo"}
PER_FILE = 400  # the first 400 people's messages of each hour-long log


def messages(path):
    out = []
    for raw in open(path, encoding="utf-8", errors="replace"):
        m = LINE.match(raw.rstrip("\n"))
        if m and m.group(1).lower() not in BOTS and m.group(2).strip():
            out.append({"text": m.group(2).strip(), "priority": "P4", "channel": "ubuntu",
                        "user": m.group(1)})
        if len(out) == PER_FILE:
            break
    return out


def main(data_dir):
    for part in ("dev", "test"):
        folder = os.path.join(data_dir, part)
        with open(part + ".jsonl", "w", encoding="utf-8") as f:
            for name in sorted(os.listdir(folder)):
                if name.endswith(".raw.txt"):
                    for row in messages(os.path.join(folder, name)):
                        f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
