#!/usr/bin/env python3
"""Builds the clinc150-10shot eval set from CLINC150 (Larson et al., EMNLP 2019).

Source: github.com/clinc/oos-eval @ 828f809, data/data_full.json (CC BY 3.0, see LICENSE).
Rows: the 4,500 in-scope test queries (30 for each of 150 intents); out-of-scope rows are left
out, since sift eval scores a closed set of categories. Examples: the first 10 training queries
of each intent (the train split is disjoint from the test split), a few-shot setting like
banking77-10shot. Descriptions: the intent name with underscores as spaces.

Usage: python3 build.py path/to/data_full.json   (writes taxonomy.yml and data.jsonl here)
"""
import json
import sys
from collections import OrderedDict

SHOTS = 10


def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)


def main(path):
    full = json.load(open(path, encoding="utf-8"))
    examples = OrderedDict()
    for text, intent in full["train"]:
        examples.setdefault(intent, [])
        if len(examples[intent]) < SHOTS:
            examples[intent].append(text)
    with open("taxonomy.yml", "w", encoding="utf-8") as out:
        out.write("categories:\n")
        for intent in sorted(examples):
            out.write(f"  - name: {intent}\n")
            out.write(f"    description: {yaml_str(intent.replace('_', ' '))}\n")
            out.write("    examples:\n")
            for e in examples[intent]:
                out.write(f"      - {yaml_str(e)}\n")
    with open("data.jsonl", "w", encoding="utf-8") as out:
        for text, intent in full["test"]:
            out.write(json.dumps({"text": text, "category": intent}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
