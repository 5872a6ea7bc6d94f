#!/usr/bin/env python3
"""Builds a large export for benchmarks by repeating the bundled sample week.

Each copy of the nine channels gets its own channel ids and names (general-007, ...) and is
shifted forward by whole weeks, so threads, reporters and duplicates behave as in the sample.

    python3 samples/make_large_export.py 100000 /tmp/northwind-100k
"""
import json
import os
import sys

src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "northwind-week")
target_count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/northwind-large"
channels = json.load(open(os.path.join(src, "channels.json")))
week = 7 * 24 * 3600
os.makedirs(out, exist_ok=True)
with open(os.path.join(src, "users.json")) as f:
    users = f.read()
with open(os.path.join(out, "users.json"), "w") as f:
    f.write(users)


def shift(ts, k):
    sec, frac = ts.split(".")
    return f"{int(sec) + k * week}.{frac}"


all_channels, count, k = [], 0, 0
while count < target_count:
    for ch in channels:
        c = dict(ch, id=f"{ch['id'][:-3]}{k:03d}", name=f"{ch['name']}-{k:03d}")
        all_channels.append(c)
        os.makedirs(os.path.join(out, c["name"]), exist_ok=True)
        for day in sorted(os.listdir(os.path.join(src, ch["name"]))):
            msgs = json.load(open(os.path.join(src, ch["name"], day)))
            for m in msgs:
                for key in ("ts", "thread_ts", "latest_reply"):
                    if key in m:
                        m[key] = shift(m[key], k)
                if "root" in m:
                    for key in ("ts", "thread_ts"):
                        if key in m["root"]:
                            m["root"][key] = shift(m["root"][key], k)
            count += len(msgs)
            y, mo, d = day[:-5].split("-")
            import datetime as dt
            new_day = (dt.date(int(y), int(mo), int(d)) + dt.timedelta(days=7 * k)).isoformat()
            json.dump(msgs, open(os.path.join(out, c["name"], new_day + ".json"), "w"))
    k += 1
json.dump(all_channels, open(os.path.join(out, "channels.json"), "w"))
print(f"{count} messages in {len(all_channels)} channels at {out}")
