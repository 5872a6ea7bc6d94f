#!/usr/bin/env python3
"""Generate Sift's sample Slack workspace export: one week at "Northwind Partners".

Northwind Partners is a fictional 40-person professional-services firm (consulting plus a small
engineering team that runs a client portal). This script writes one working week of its Slack,
Mon 2026-03-02 .. Sun 2026-03-08, in the shape of a standard Slack workspace export:

    northwind-week/channels.json
    northwind-week/users.json
    northwind-week/<channel>/<YYYY-MM-DD>.json
    northwind-week.zip            (the same files, at the root of the archive)

Everything is invented: people, clients, URLs (under the reserved ``.example`` domain) and ids.
The output is deterministic: the same script always writes byte-identical files.

Standard library only.  Usage:  python3 make_sample_export.py

How it is organised:
  1. ids, people and channels
  2. a tiny markup used by the content tables, rendered to Slack mrkdwn ("text") and rich_text
     "blocks":  @tom  @here  #eng  [label](https://...)  https://...  :fire:  *bold*  `code`,
     and at line level  "- " bullets, "1. " numbered items, "> " quotes, ``` fenced code
  3. the Export builder (messages, threads, files, joins, bot posts)
  4. the content: the Wednesday outage, the Friday billing incident, monitoring alerts, Jira
     posts and a table of everyday traffic per channel
  5. scheduling, writing, zipping, validation and a summary

Each message is tagged with the category a triage bot should give it (incident, bug, request,
question, announcement, chatter); the tag only feeds the summary and is not written out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
import shutil
import sys
import uuid
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

SEED = 20260302
HERE = Path(__file__).resolve().parent
OUT_DIR = HERE / "northwind-week"
OUT_ZIP = HERE / "northwind-week.zip"

UTC = dt.timezone.utc
WEEK_START = dt.date(2026, 3, 2)  # a Monday
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS = DAYS[:5]
SLACK_DOMAIN = "northwind-partners"  # <domain>.slack.com, used for permalinks only
ZIP_TIME = (2026, 3, 9, 6, 0, 0)  # fixed entry time so the zip is reproducible

# Categories a triage bot should assign (summary only).
INC, BUG, REQ, ASK, ANN, CHAT = "incident", "bug", "request", "question", "announcement", "chatter"
CATEGORIES = [INC, BUG, REQ, ASK, ANN, CHAT]

rng = random.Random(SEED)


# =============================================================================================
# 1. Ids, people, channels
# =============================================================================================

_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def stable_id(prefix: str, key: str, length: int = 11) -> str:
    """A Slack-looking id ("U0…", "C0…") derived from a name, so ids never shift between runs."""
    digest = hashlib.sha256(f"{prefix}:{key}".encode()).digest()
    body = "".join(_ID_ALPHABET[b % len(_ID_ALPHABET)] for b in digest)
    return (prefix + "0" + body)[:length]


TEAM_ID = stable_id("T", "northwind")

TIMEZONES = {
    "Europe/London": ("Greenwich Mean Time", 0),
    "Europe/Berlin": ("Central European Time", 3600),
    "Europe/Lisbon": ("Western European Time", 0),
}

# key (used in the content tables), username, real name, display name ("" = not set), title, tz
PEOPLE = [
    ("maya", "maya.okafor", "Maya Okafor", "Maya", "Managing Partner", "Europe/London"),
    ("daniel", "daniel.reyes", "Daniel Reyes", "Dan", "Chief Operating Officer", "Europe/London"),
    ("priya", "priya.raman", "Priya Raman", "Priya", "Engineering Lead", "Europe/London"),
    ("tom", "tom.becker", "Tom Becker", "tom", "Senior Backend Engineer", "Europe/Berlin"),
    ("lena", "lena.fischer", "Lena Fischer", "Lena F", "Frontend Engineer", "Europe/Berlin"),
    ("kenji", "kenji.watanabe", "Kenji Watanabe", "kenji", "Site Reliability Engineer", "Europe/London"),
    ("sofia", "sofia.marquez", "Sofía Márquez", "Sofía", "Product Designer", "Europe/London"),
    ("arjun", "arjun.mehta", "Arjun Mehta", "arjun", "Backend Engineer", "Europe/London"),
    ("hannah", "hannah.kowalski", "Hannah Kowalski", "Hannah K", "QA Engineer", "Europe/London"),
    ("marcus", "marcus.bell", "Marcus Bell", "Marcus", "Account Director (Acme)", "Europe/London"),
    ("chloe", "chloe.dubois", "Chloé Dubois", "Chloé", "Engagement Manager (Globex)", "Europe/London"),
    ("samir", "samir.haddad", "Samir Haddad", "Samir", "Senior Consultant", "Europe/London"),
    ("grace", "grace.liu", "Grace Liu", "grace", "Consultant", "Europe/London"),
    ("ollie", "oliver.grant", "Oliver Grant", "Ollie", "Consultant", "Europe/London"),
    ("fatima", "fatima.noor", "Fatima Noor", "Fatima", "Support Lead", "Europe/London"),
    ("ben", "ben.carter", "Ben Carter", "Ben", "Support Specialist", "Europe/London"),
    ("isabel", "isabel.costa", "Isabel Costa", "Isa", "Support Specialist", "Europe/Lisbon"),
    ("ravi", "ravi.shah", "Ravi Shah", "Ravi (IT)", "IT & Security Admin", "Europe/London"),
    ("emma", "emma.lindqvist", "Emma Lindqvist", "Emma", "People & Culture Lead", "Europe/London"),
    ("jonah", "jonah.feld", "Jonah Feld", "Jonah", "Finance Manager", "Europe/London"),
    ("aisha", "aisha.bello", "Aisha Bello", "Aisha", "Office Manager", "Europe/London"),
    ("lucas", "lucas.moreau", "Lucas Moreau", "Lucas", "Project Manager, Portal v3", "Europe/London"),
    ("nadia", "nadia.petrova", "Nadia Petrova", "", "Data Analyst", "Europe/London"),
    ("felix", "felix.wagner", "Felix Wagner", "Felix", "Junior Consultant", "Europe/Berlin"),
    ("zoe", "zoe.adams", "Zoe Adams", "Zoe", "Marketing Manager", "Europe/London"),
]
OWNERS = {"maya"}
ADMINS = {"maya", "daniel", "ravi"}

# key, username, real name, kind.  PulseCheck posts as a legacy webhook (subtype bot_message,
# no "user"); Jira posts as an app (bot_id + app_id + "user", no subtype).
BOTS = [
    ("pulsecheck", "pulsecheck", "PulseCheck", "webhook"),
    ("jira", "jira", "Jira", "app"),
]

USER_ID = {p[0]: stable_id("U", p[1]) for p in PEOPLE}
USER_ID.update({b[0]: stable_id("U", "bot:" + b[1]) for b in BOTS})
BOT_ID = {b[0]: stable_id("B", b[1]) for b in BOTS}
APP_ID = {b[0]: stable_id("A", b[1]) for b in BOTS}
PERSON = {p[0]: p for p in PEOPLE}
HUMANS = [p[0] for p in PEOPLE]

EVERYONE = list(HUMANS)
# name, created, creator, members (state at export time), purpose, topic
CHANNELS = [
    ("general", "2019-04-01", "maya", EVERYONE,
     "Company-wide chat and work matters that concern everyone at Northwind.",
     "Harbor St office open 08:00-19:00 | IT help: ask Ravi | Wi-Fi details pinned"),
    ("random", "2019-04-01", "maya", [h for h in HUMANS if h not in ("daniel", "jonah")],
     "Non-work banter, lunch plans, pet photos.",
     "Lunch train leaves at 12:30 sharp"),
    ("announcements", "2019-06-12", "emma", EVERYONE,
     "Official announcements from the partners, People & Culture, IT and the office. "
     "Please reply in threads.",
     "Q1 all-hands: Thu 12 March 16:00 UTC"),
    ("client-acme", "2023-02-20", "marcus",
     ["marcus", "samir", "felix", "grace", "priya", "maya", "lucas", "fatima", "daniel",
      "nadia", "jonah", "kenji", "aisha"],
     "Internal channel for the Acme Corp account. Not shared with the client.",
     "Phase 2 extension | weekly sync Tue 15:00 UTC | account plan pinned"),
    ("client-globex", "2024-05-07", "chloe",
     ["chloe", "grace", "ollie", "samir", "nadia", "lucas", "priya", "hannah", "jonah",
      "fatima", "daniel", "arjun", "maya", "lena"],
     "Internal channel for the Globex account. Not shared with the client.",
     "Q1 steering committee Thu 5 March 14:00 UTC"),
    ("support", "2021-09-01", "fatima",
     ["fatima", "ben", "isabel", "kenji", "priya", "tom", "lena", "hannah", "arjun", "marcus",
      "chloe", "lucas", "ravi", "samir", "nadia"],
     "Client portal support: tickets, escalations, access requests.",
     "On call this week: Kenji | rota + macros pinned"),
    ("ops-alerts", "2021-09-14", "kenji",
     ["kenji", "priya", "tom", "arjun", "lena", "hannah", "ravi", "fatima", "pulsecheck"],
     "Automated monitoring alerts for the client portal. Humans: reply in threads.",
     "Runbooks: wiki/eng/runbooks"),
    ("proj-portal-redesign", "2025-11-03", "lucas",
     ["lucas", "sofia", "lena", "hannah", "priya", "tom", "marcus", "chloe", "zoe", "maya",
      "arjun", "jira"],
     "Portal v3 redesign: design, build and launch.",
     "Launch target 31 March | Sprint 14 | board: PORT"),
    ("eng", "2020-01-15", "priya",
     ["priya", "tom", "lena", "kenji", "arjun", "hannah", "sofia", "nadia", "ravi", "lucas",
      "jira"],
     "Engineering: reviews, deploys, architecture, on-call.",
     "2.14 ships Wed | freeze for 2.15 next Fri | on-call: Kenji"),
]
CHANNEL_ID = {c[0]: stable_id("C", c[0]) for c in CHANNELS}
CHANNEL_MEMBERS = {c[0]: list(c[3]) for c in CHANNELS}
# people who were members during the week but left before the export
FORMER_MEMBERS = {"proj-portal-redesign": ["ollie"]}


def display_name(key: str) -> str:
    return PERSON[key][3] or PERSON[key][2]


# =============================================================================================
# 2. Markup -> Slack mrkdwn text + rich_text blocks
# =============================================================================================

EMOJI_UNICODE = {
    "+1": "1f44d", "-1": "1f44e", "fire": "1f525", "tada": "1f389", "pray": "1f64f",
    "eyes": "1f440", "white_check_mark": "2705", "rotating_light": "1f6a8",
    "grimacing": "1f62c", "joy": "1f602", "birthday": "1f382", "coffee": "2615",
    "pizza": "1f355", "wave": "1f44b", "heart": "2764-fe0f", "raised_hands": "1f64c",
    "sweat_smile": "1f605", "thinking_face": "1f914", "sob": "1f62d", "rocket": "1f680",
    "sunny": "2600-fe0f", "warning": "26a0-fe0f", "point_up": "261d-fe0f", "clap": "1f44f",
    "100": "1f4af", "muscle": "1f4aa", "see_no_evil": "1f648", "dog": "1f415",
    "heart_eyes": "1f60d", "beers": "1f37b", "sunglasses": "1f60e", "construction": "1f6a7",
    "crossed_fingers": "1f91e", "slightly_smiling_face": "1f642", "skull": "1f480",
    "seedling": "1f331", "cake": "1f370", "headphones": "1f3a7", "mountain": "26f0-fe0f",
    "rugby_football": "1f3c9", "bread": "1f35e", "cat": "1f408", "sparkles": "2728",
    "hugging_face": "1f917", "upside_down_face": "1f643", "face_palm": "1f926",
    "partying_face": "1f973", "red_circle": "1f534", "hourglass": "231b", "ok_hand": "1f44c",
    "running": "1f3c3", "umbrella": "2614", "books": "1f4da", "memo": "1f4dd",
    "snowflake": "2744-fe0f", "blush": "1f60a",
    # custom workspace emoji (e.g. :shipit:) have no unicode, as in real exports
}

INLINE = re.compile(
    r"""
      \[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^)\s]+)\)         # [label](url)
    | (?P<bare>https?://[^\s<>()]*[^\s<>().,;:!?'"])                # bare url
    | (?<![\w.@/])@(?P<handle>[a-z][a-z0-9._-]*[a-z0-9]|[a-z])      # @person, @here
    | (?<![\w&/])\#(?P<chan>[a-z][a-z0-9_-]*[a-z0-9])               # #channel
    | (?<!\w):(?P<emoji>[a-z][a-z0-9_+-]*|\+1|-1|100):(?!\w)        # :emoji:
    | `(?P<code>[^`\n]+)`                                           # `code`
    | (?<![\w*])\*(?P<bold>[^*\n]+?)\*(?![\w*])                     # *bold*
    """,
    re.X,
)
BROADCASTS = {"here", "channel", "everyone"}


def escape(text: str) -> str:
    """Slack escapes these three characters in a message's "text"."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def random_block_id() -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(rng.choice(alphabet) for _ in range(5))


def render_inline(src: str) -> tuple[str, list[dict]]:
    """One paragraph of markup -> (mrkdwn, rich_text elements)."""
    out: list[str] = []
    elements: list[dict] = []

    def add_text(text: str, style: dict | None = None) -> None:
        if not text:
            return
        if style == {"bold": True}:
            out.append("*" + escape(text) + "*")
        elif style == {"code": True}:
            out.append("`" + escape(text) + "`")
        else:
            out.append(escape(text))
        last = elements[-1] if elements else None
        if last and last["type"] == "text" and last.get("style") == style:
            last["text"] += text
        else:
            element = {"type": "text", "text": text}
            if style:
                element["style"] = style
            elements.append(element)

    pos = 0
    for m in INLINE.finditer(src):
        add_text(src[pos:m.start()])
        pos = m.end()
        if m.group("url"):
            out.append(f"<{m.group('url')}|{escape(m.group('label'))}>")
            elements.append({"type": "link", "url": m.group("url"), "text": m.group("label")})
        elif m.group("bare"):
            out.append(f"<{m.group('bare')}>")
            elements.append({"type": "link", "url": m.group("bare")})
        elif m.group("handle"):
            handle = m.group("handle")
            if handle in BROADCASTS:
                out.append(f"<!{handle}>")
                elements.append({"type": "broadcast", "range": handle})
            elif handle in USER_ID:
                out.append(f"<@{USER_ID[handle]}>")
                elements.append({"type": "user", "user_id": USER_ID[handle]})
            else:
                add_text(m.group(0))
        elif m.group("chan"):
            name = m.group("chan")
            if name in CHANNEL_ID:
                out.append(f"<#{CHANNEL_ID[name]}|{name}>")
                elements.append({"type": "channel", "channel_id": CHANNEL_ID[name]})
            else:
                add_text(m.group(0))
        elif m.group("emoji"):
            name = m.group("emoji")
            out.append(f":{name}:")
            element = {"type": "emoji", "name": name}
            if name in EMOJI_UNICODE:
                element["unicode"] = EMOJI_UNICODE[name]
            elements.append(element)
        elif m.group("code"):
            add_text(m.group("code"), {"code": True})
        elif m.group("bold"):
            add_text(m.group("bold"), {"bold": True})
    add_text(src[pos:])
    return "".join(out), elements


def render(src: str) -> tuple[str, list[dict]]:
    """A whole message of markup -> (mrkdwn "text", [rich_text block])."""
    lines = src.strip("\n").split("\n")
    texts: list[str] = []
    elements: list[dict] = []
    para: list[str] = []

    def flush_para() -> None:
        if para:
            text, els = render_inline("\n".join(para))
            texts.append(text)
            elements.append({"type": "rich_text_section", "elements": els})
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush_para()
            code: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                code.append(lines[i])
                i += 1
            i += 1  # closing fence
            body = "\n".join(code)
            texts.append("```" + escape(body) + "```")
            elements.append({"type": "rich_text_preformatted",
                             "elements": [{"type": "text", "text": body}], "border": 0})
            continue
        bullet = re.match(r"(- |\d+\. )", line)
        if bullet:
            flush_para()
            style = "bullet" if bullet.group(1) == "- " else "ordered"
            items = []
            while i < len(lines) and re.match(r"(- |\d+\. )", lines[i]):
                items.append(re.sub(r"^(- |\d+\. )", "", lines[i]))
                i += 1
            sections = []
            for n, item in enumerate(items, 1):
                text, els = render_inline(item)
                texts.append(("• " if style == "bullet" else f"{n}. ") + text)
                sections.append({"type": "rich_text_section", "elements": els})
            elements.append({"type": "rich_text_list", "elements": sections, "style": style,
                             "indent": 0, "border": 0})
            continue
        if line.startswith("> "):
            flush_para()
            quoted = []
            while i < len(lines) and lines[i].startswith("> "):
                quoted.append(lines[i][2:])
                i += 1
            text, els = render_inline("\n".join(quoted))
            texts.append("\n".join("&gt; " + q for q in text.split("\n")))
            elements.append({"type": "rich_text_quote", "elements": els})
            continue
        para.append(line)
        i += 1
    flush_para()
    block = {"type": "rich_text", "block_id": random_block_id(), "elements": elements}
    return "\n".join(texts), [block]


# =============================================================================================
# 3. The export builder
# =============================================================================================

MIME = {
    "png": ("image/png", "PNG"),
    "jpg": ("image/jpeg", "JPEG"),
    "pdf": ("application/pdf", "PDF"),
    "csv": ("text/csv", "CSV"),
    "txt": ("text/plain", "Plain Text"),
    "log": ("text/plain", "Plain Text"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word Document"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel Spreadsheet"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint Presentation"),
}


def file(name: str, title: str | None = None) -> dict:
    """A file to attach to a message (see Export.file_object)."""
    return {"name": name, "title": title or name.rsplit(".", 1)[0].replace("_", " ")}


def epoch(when: dt.datetime) -> int:
    return int(when.timestamp())


def ts_key(ts: str) -> tuple[int, int]:
    secs, micros = ts.split(".")
    return int(secs), int(micros)


class Export:
    def __init__(self) -> None:
        self.messages: dict[str, list[dict]] = {c[0]: [] for c in CHANNELS}
        self.used_ts: dict[str, set[str]] = defaultdict(set)
        self.category: dict[tuple[str, str], str] = {}
        self.replies: dict[tuple[str, str], list[dict]] = defaultdict(list)
        self.warnings: list[str] = []

    # -- basics ------------------------------------------------------------------------------
    def new_ts(self, channel: str, when: dt.datetime) -> str:
        while True:
            ts = f"{epoch(when)}.{rng.randrange(1, 1_000_000):06d}"
            if ts not in self.used_ts[channel]:
                self.used_ts[channel].add(ts)
                return ts

    def add(self, channel: str, msg: dict, category: str) -> dict:
        self.messages[channel].append(msg)
        self.category[(channel, msg["ts"])] = category
        return msg

    def check_member(self, channel: str, who: str) -> None:
        if who not in CHANNEL_MEMBERS[channel] and who not in FORMER_MEMBERS.get(channel, []):
            self.warnings.append(f"{who} posts in #{channel} but is not a member")

    def file_object(self, spec: dict, who: str, when: dt.datetime) -> dict:
        name = spec["name"]
        ext = name.rsplit(".", 1)[-1].lower()
        mimetype, pretty = MIME[ext]
        fid = stable_id("F", f"{name}:{epoch(when)}")
        slug = re.sub(r"[^a-z0-9]+", "_", name.rsplit(".", 1)[0].lower()).strip("_")
        obj = {
            "id": fid,
            "created": epoch(when),
            "timestamp": epoch(when),
            "name": name,
            "title": spec["title"],
            "mimetype": mimetype,
            "filetype": ext,
            "pretty_type": pretty,
            "user": USER_ID[who],
            "user_team": TEAM_ID,
            "editable": False,
            "size": rng.randrange(18_000, 2_400_000),
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": True,
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": f"https://files.slack.com/files-pri/{TEAM_ID}-{fid}/{name}",
            "url_private_download":
                f"https://files.slack.com/files-pri/{TEAM_ID}-{fid}/download/{name}",
            "permalink": f"https://{SLACK_DOMAIN}.slack.com/files/{USER_ID[who]}/{fid}/{slug}",
            "is_starred": False,
            "has_rich_preview": False,
            "file_access": "visible",
        }
        if ext in ("png", "jpg"):
            obj["original_w"], obj["original_h"] = rng.choice([(1440, 900), (1170, 2532), (4032, 3024)])
        return obj

    def user_profile(self, who: str) -> dict:
        p = PERSON[who]
        return {
            "avatar_hash": hashlib.md5(p[1].encode()).hexdigest()[:12],
            "first_name": p[2].split()[0],
            "real_name": p[2],
            "display_name": p[3],
            "team": TEAM_ID,
            "name": p[1],
            "is_restricted": False,
            "is_ultra_restricted": False,
        }

    # -- human messages ----------------------------------------------------------------------
    def post(self, channel: str, when: dt.datetime, who: str, src: str, category: str, *,
             parent: dict | None = None, legacy: bool = False, files: list | None = None,
             edited: bool = False, reactions: list | None = None, broadcast: bool = False,
             legacy_file: dict | None = None) -> dict:
        """A message written by a person. `legacy` drops the modern fields (blocks, client_msg_id,
        team, user_profile), as in messages from older clients or integrations."""
        self.check_member(channel, who)
        ts = self.new_ts(channel, when)
        uid = USER_ID[who]
        text, blocks = render(src) if src else ("", None)
        msg: dict = {"type": "message"}
        if broadcast:
            msg["subtype"] = "thread_broadcast"
        if legacy_file:
            fobj = self.file_object(legacy_file, who, when)
            msg["subtype"] = "file_share"
            text = f"<@{uid}|{PERSON[who][1]}> uploaded a file: <{fobj['permalink']}|{fobj['title']}>" + (
                f" and commented: {text}" if text else "")
            legacy = True
        msg["text"] = text
        if legacy_file:
            msg["file"] = fobj
            msg["upload"] = True
            msg["display_as_bot"] = False
            msg["username"] = f"<@{uid}|{PERSON[who][1]}>"
        if files:
            msg["files"] = [self.file_object(f, who, when) for f in files]
            msg["upload"] = True
            msg["display_as_bot"] = False
        msg["user"] = uid
        msg["ts"] = ts
        if not legacy:
            msg["client_msg_id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            if blocks:
                msg["blocks"] = blocks
            msg["team"] = TEAM_ID
            msg["user_team"] = TEAM_ID
            msg["source_team"] = TEAM_ID
            msg["user_profile"] = self.user_profile(who)
        if edited:
            msg["edited"] = {"user": uid, "ts": f"{epoch(when) + rng.randrange(30, 900)}.000000"}
        if parent is not None:
            msg["thread_ts"] = parent["ts"]
            msg["parent_user_id"] = parent.get("user") or USER_ID["pulsecheck"]
            self.replies[(channel, parent["ts"])].append(msg)
        if reactions:
            msg["reactions"] = self.reactions(channel, who, reactions)
        return self.add(channel, msg, category)

    def reactions(self, channel: str, author: str, spec: list) -> list:
        pool = [m for m in CHANNEL_MEMBERS[channel] if m in PERSON and m != author]
        out = []
        for name, count in spec:
            users = rng.sample(pool, min(count, len(pool)))
            out.append({"name": name, "users": [USER_ID[u] for u in users], "count": len(users)})
        return out

    def join(self, channel: str, when: dt.datetime, who: str, inviter: str | None = None) -> dict:
        msg = {"type": "message", "subtype": "channel_join", "ts": self.new_ts(channel, when),
               "user": USER_ID[who], "text": f"<@{USER_ID[who]}> has joined the channel"}
        if inviter:
            msg["inviter"] = USER_ID[inviter]
        return self.add(channel, msg, CHAT)

    def leave(self, channel: str, when: dt.datetime, who: str) -> dict:
        msg = {"type": "message", "subtype": "channel_leave", "ts": self.new_ts(channel, when),
               "user": USER_ID[who], "text": f"<@{USER_ID[who]}> has left the channel"}
        return self.add(channel, msg, CHAT)

    # -- bots --------------------------------------------------------------------------------
    def pulsecheck(self, when: dt.datetime, state: str, title: str, body: str, *, monitor: int,
                   priority: str = "P3", text: str = "", category: str = INC) -> dict:
        """A monitoring alert from a legacy incoming webhook: bot_message + attachments."""
        color = {"Triggered": "danger", "Warning": "warning", "Recovered": "good",
                 "Info": "#439FE0"}[state]
        fields = [{"title": "Environment", "value": "prod", "short": True}]
        if state != "Info":
            fields.append({"title": "Priority", "value": priority, "short": True})
        msg = {
            "type": "message",
            "subtype": "bot_message",
            "text": text,
            "ts": self.new_ts("ops-alerts", when),
            "username": "PulseCheck",
            "bot_id": BOT_ID["pulsecheck"],
            "icons": {"emoji": ":satellite_antenna:"},
            "attachments": [{
                "id": 1,
                "color": color,
                "fallback": f"[{state}] {title}",
                "title": f"[{state}] {title}",
                "title_link": f"https://monitor.northwind.example/monitors/{monitor}",
                "text": body,
                "fields": fields,
                "footer": "PulseCheck",
                "ts": epoch(when),
                "mrkdwn_in": ["text"],
            }],
        }
        return self.add("ops-alerts", msg, category)

    def jira(self, channel: str, when: dt.datetime, actor: str, action: str, key: str,
             summary: str, *, kind: str = "Bug", priority: str = "Medium",
             assignee: str | None = None, status: str = "To Do", category: str = BUG) -> dict:
        """An issue notification from the Jira app: bot_id + app_id + user, no subtype."""
        url = f"https://jira.northwind.example/browse/{key}"
        msg = {
            "type": "message",
            "user": USER_ID["jira"],
            "bot_id": BOT_ID["jira"],
            "app_id": APP_ID["jira"],
            "text": f"{PERSON[actor][2]} {action} <{url}|{key}: {escape(summary)}>",
            "ts": self.new_ts(channel, when),
            "team": TEAM_ID,
            "bot_profile": {"id": BOT_ID["jira"], "deleted": False, "name": "Jira",
                            "updated": 1700000000, "app_id": APP_ID["jira"], "team_id": TEAM_ID},
            "attachments": [{
                "id": 1,
                "color": "2684FF",
                "fallback": f"{key}: {summary}",
                "title": f"{key}: {summary}",
                "title_link": url,
                "fields": [
                    {"title": "Type", "value": kind, "short": True},
                    {"title": "Priority", "value": priority, "short": True},
                    {"title": "Assignee",
                     "value": PERSON[assignee][2] if assignee else "Unassigned", "short": True},
                    {"title": "Status", "value": status, "short": True},
                ],
                "footer": "Jira | Portal (PORT)",
            }],
        }
        self.check_member(channel, "jira")
        return self.add(channel, msg, category)

    # -- threads -----------------------------------------------------------------------------
    def finish_threads(self) -> int:
        """Fill in the thread fields of parents, and the "root" of broadcast replies."""
        count = 0
        for channel, msgs in self.messages.items():
            by_ts = {m["ts"]: m for m in msgs}
            for m in msgs:
                replies = sorted(self.replies.get((channel, m["ts"]), []), key=lambda r: ts_key(r["ts"]))
                if not replies:
                    continue
                count += 1
                users: list[str] = []
                for r in replies:
                    if r["user"] not in users:
                        users.append(r["user"])
                m["thread_ts"] = m["ts"]
                m["reply_count"] = len(replies)
                m["reply_users_count"] = len(users)
                m["latest_reply"] = replies[-1]["ts"]
                m["reply_users"] = users
                m["replies"] = [{"user": r["user"], "ts": r["ts"]} for r in replies]
                m["is_locked"] = False
                m["subscribed"] = False
            for m in msgs:
                if m.get("subtype") == "thread_broadcast":
                    parent = by_ts[m["thread_ts"]]
                    root = {k: parent[k] for k in (
                        "type", "text", "user", "ts", "client_msg_id", "blocks", "team",
                        "thread_ts", "reply_count", "reply_users_count", "latest_reply",
                        "reply_users", "is_locked", "subscribed") if k in parent}
                    m["root"] = root
        return count


X = Export()


# =============================================================================================
# 4. Content
# =============================================================================================
# Each entry is a top-level message, optionally with thread replies:
#     req("marcus", "text", r("samir", "reply"), r("marcus", "{thanks}"), day="mon", at="09:20")
# Helpers are named after the category: inc, bug, req, ask, ann, chat.  Replies take the
# parent's category unless given cat=.  Unpinned entries (no day=) are spread over Mon-Fri.
# Options: day, at ("HH:MM"), legacy, edited, files=[file(...)], reactions=[(emoji, n)],
# legacy_file=file(...); for replies also gap (minutes after the previous message), broadcast.
# Reply texts may use {ack} {thanks} {lol} {cheer}: short stock replies picked at random.

STOCK = {
    "ack": ["ok", "ok :+1:", ":+1:", "got it", "sounds good", "kk", "noted", ":ok_hand:", "ok thanks"],
    "thanks": ["thanks!", "thank you!", "ty", "ty!", ":pray:", "thanks :slightly_smiling_face:",
               "legend, thanks", "amazing, thank you", "cheers!", "perfect, thanks"],
    "lol": ["lol", "haha", ":joy:", "hahaha", "lol :skull:", ":joy: :joy:"],
    "cheer": [":tada:", ":tada: :tada:", ":clap:", ":raised_hands:", "nice!", "woo!",
              "congrats!!", ":partying_face:"],
}


def r(who: str, text: str, **opts) -> dict:
    return {"who": who, "text": text, **opts}


def _entry(cat: str, who: str, text: str, replies: tuple, opts: dict) -> dict:
    return {"cat": cat, "who": who, "text": text,
            "replies": [x if isinstance(x, dict) else r(*x) for x in replies], **opts}


def inc(who, text, *replies, **opts): return _entry(INC, who, text, replies, opts)
def bug(who, text, *replies, **opts): return _entry(BUG, who, text, replies, opts)
def req(who, text, *replies, **opts): return _entry(REQ, who, text, replies, opts)
def ask(who, text, *replies, **opts): return _entry(ASK, who, text, replies, opts)
def ann(who, text, *replies, **opts): return _entry(ANN, who, text, replies, opts)
def chat(who, text, *replies, **opts): return _entry(CHAT, who, text, replies, opts)


# ---------------------------------------------------------------------------------------------
# 4a. Wednesday 4 March: the client portal goes down (login 502s), about 13:50-14:30 UTC.
#     auth-service v2.14.0, deployed at 13:40, runs out of memory while warming its new session
#     cache, so the load balancer has no healthy backends.  Priya rolls back to v2.13.3 and
#     logins work again from 14:29.  Nine people report it on their own, in five channels,
#     within 25 minutes; the incident thread is under the first report, in #support.
# ---------------------------------------------------------------------------------------------
WEDNESDAY_OUTAGE = [
    ("support", inc(
        "isabel",
        "@here portal is down for clients :rotating_light: the login page returns *502 Bad Gateway*. "
        "3 tickets in the last 5 minutes (Acme, Kestrel, Brightwater)",
        r("fatima", "Thanks Isa. @kenji @priya are you seeing this?", at="13:55"),
        r("kenji", "Yes, PulseCheck fired a couple of minutes ago. I'm on it and taking IC. Please keep "
                   "client comms in this thread so we have one timeline", at="13:56"),
        r("ben", "+4 more tickets, all login. Kestrel says their SSO users get the same error", at="13:58"),
        r("kenji", "@fatima can you put up a status page notice? 'Investigating login errors on the "
                   "client portal'", at="14:00"),
        r("fatima", "Done: [Investigating login errors](https://status.northwind.example/incidents/2026-03-04-login)",
          at="14:03"),
        r("kenji", "Update: auth-service pods have been crash-looping since the 13:40 deploy of v2.14.0. "
                   "They get OOMKilled on startup, looks like the new session cache warmup. The load "
                   "balancer has no healthy backends, hence the 502s", at="14:08"),
        r("priya", "Rolling auth-service back to v2.13.3 now", at="14:11"),
        r("marcus", "Acme is asking for an ETA, what can I tell them?", at="14:16"),
        r("kenji", "@marcus we've found the cause and are rolling back. Expect 15-20 minutes, but please "
                   "don't promise them a time to the minute :sweat_smile:", at="14:18"),
        r("ben", "Globex and two smaller tenants reporting too. Replying to everyone with the status page link",
          at="14:21"),
        r("priya", "Rollback complete, all pods healthy. Login works for me on prod", at="14:29"),
        r("hannah", "Confirmed from QA: password login, SSO login and password reset all OK. Also checked "
                    "with the Acme test account", at="14:34"),
        r("kenji", ":white_check_mark: *Resolved*: client portal login is working again since 14:29 UTC.\n"
                   "Root cause: auth-service v2.14.0 ran out of memory at startup while warming the new "
                   "session cache (it loaded the whole token table). Rolled back to v2.13.3.\n"
                   "Impact: about 40 minutes of failed logins for all tenants. Postmortem tomorrow, "
                   "owner @priya", at="14:46", broadcast=True,
          reactions=[("pray", 6), ("white_check_mark", 3)]),
        r("isabel", "Thank you! Closing the tickets with a link to the status page", at="14:48"),
        r("fatima", "Status page set to resolved", at="14:51"),
        r("marcus", "Acme confirmed they're back in. Their CIO wants a written RCA by Friday, I'll pick "
                    "that up in #client-acme", at="15:04"),
        day="wed", at="13:54", reactions=[("eyes", 5), ("rotating_light", 2)])),
    ("client-acme", inc(
        "marcus", "Acme says they can't log in to the portal :grimacing: their ops lead just called me. "
                  "Anyone know what's going on?",
        r("fatima", "Eng is on it, follow the thread in #support. I'll keep you posted here too", gap=3),
        r("marcus", "thanks, told them we're investigating", gap=2),
        day="wed", at="13:57")),
    ("eng", inc(
        "lena", "getting 502 on login on prod? staging is fine",
        r("hannah", "same here, Chrome and Firefox", gap=1),
        r("kenji", "yep, on it. auth-service is unhappy", gap=2),
        day="wed", at="13:59", legacy=True)),
    ("client-globex", inc(
        "chloe", "Heads up, the Globex team can't sign in to the portal, they just get an error page. "
                 "Is this on our side?",
        r("lucas", "Yes, it's us, sorry! Eng is on it, updates in the thread in #support", gap=4),
        r("chloe", "ok, relaying to Globex", gap=2),
        day="wed", at="14:02")),
    ("general", inc(
        "grace", "is the client portal down for anyone else? can't sign in to check the Acme dashboard",
        r("daniel", "Same here", gap=1),
        r("priya", "Yes, known. Eng is rolling back a bad deploy, updates in #support", gap=5),
        day="wed", at="14:04")),
    ("support", inc(
        "ben", "Also seeing login failures from Globex and Brightwater users, 'Bad Gateway' on the sign-in "
               "page. Screenshot from the Brightwater ticket:",
        r("fatima", "Thanks Ben, tracking it in Isa's thread above :point_up:", gap=2),
        day="wed", at="14:06", files=[file("bad_gateway_login.png", "Brightwater login error")])),
    ("eng", inc(
        "tom", "portal login is throwing 502s from the LB, auth-service pods keep restarting:\n"
               "```\n"
               "$ kubectl -n portal get pods -l app=auth-service\n"
               "NAME                           READY   STATUS             RESTARTS   AGE\n"
               "auth-service-7c9f6d5b8-2xkqp   0/1     CrashLoopBackOff   6          27m\n"
               "auth-service-7c9f6d5b8-9lm4t   0/1     OOMKilled          5          27m\n"
               "auth-service-7c9f6d5b8-tq8zr   0/1     CrashLoopBackOff   6          27m\n"
               "```",
        r("priya", "Kenji is IC, discussion is in the #support thread. I'm rolling back now", gap=2),
        r("arjun", "that's the session cache warmup from my PR #877 :see_no_evil: it reads the whole token "
                   "table into memory. staging has ~1/50th of prod's sessions so it never showed up", gap=4),
        r("priya", "No blame. Let's get it back up first and cover it in the postmortem", gap=2),
        r("tom", "I'll draft a fix that loads lazily and caps the cache size", gap=6),
        r("kenji", "and I want an alert for 'pods restarting right after a deploy'. we had it for ~10 min "
                   "before a human looked", gap=20),
        day="wed", at="14:09")),
    ("client-acme", inc(
        "samir", "I'm on site at Acme and their whole finance team is locked out of the portal right now. "
                 "This is in the middle of their month-end prep :( any ETA?",
        r("marcus", "Known, eng is rolling back. ETA ~20 min, I'll shout when it's back", gap=3),
        r("samir", "{ack}", gap=1),
        day="wed", at="14:12", edited=True)),
    ("general", inc(
        "felix", "Sorry if this is a silly question, is the portal supposed to show 'Bad Gateway'? I'm "
                 "trying to log in for my onboarding exercise",
        r("emma", "Not silly at all! The portal is having an outage and eng are fixing it. Try again in "
                  "half an hour", gap=4),
        r("felix", "{thanks}", gap=1),
        day="wed", at="14:15")),
    ("proj-portal-redesign", inc(
        "sofia", "Can't reach the portal login page, was something deployed? Our usability session at "
                 "15:00 runs against prod :grimacing:",
        r("lucas", "Outage, eng is on it (see #support). Let's push the sessions to 16:00 to be safe",
          gap=3, cat=REQ),
        r("sofia", "I'll email the participants", gap=2, cat=REQ),
        r("sofia", "Login is back, sessions are on for 16:00", at="14:52"),
        day="wed", at="14:18")),
    # after the storm
    ("client-acme", inc("marcus", "Acme confirms they can log in again :white_check_mark:",
                        day="wed", at="14:41")),
    ("client-globex", inc("chloe", "Globex confirm login is working again. Thanks all",
                          day="wed", at="14:50")),
    ("general", inc("priya", "Portal is back up :white_check_mark: Short summary in the #support thread, "
                             "postmortem tomorrow. Thanks for your patience everyone",
                    day="wed", at="14:53", reactions=[("pray", 5), ("+1", 3)])),
    ("eng", ann("priya", "Deploy freeze until the postmortem is done. No prod deploys without my OK please",
                r("tom", ":+1:", gap=2), r("arjun", "{ack}", gap=3),
                day="wed", at="15:25")),
    ("support", ann("fatima", "Post-incident housekeeping: please tag every ticket that came in between "
                              "13:50 and 14:35 with `incident-0304` so we can count the impact",
                    r("ben", "{ack}", gap=5),
                    r("isabel", "done for mine, 23 tickets", gap=40),
                    r("ben", "18 here", gap=10),
                    day="wed", at="15:30")),
    ("client-acme", req("marcus", "@priya Acme's CIO wants a written RCA *by Friday* for their vendor risk "
                                  "review. Can you own it? Happy to edit for tone",
                        r("priya", "Yes. I'll draft it from the postmortem and send it to you Thursday night",
                          gap=10),
                        r("marcus", "{thanks}", gap=2),
                        day="wed", at="15:20")),
    ("random", chat("lena", "is it just me or is everything on fire today :fire:",
                    r("tom", ":fire: :fire: :fire:", gap=2), r("kenji", "{lol}", gap=5),
                    r("aisha", "there's cake left over from the client workshop if that helps", gap=9),
                    day="wed", at="16:10")),
]


# ---------------------------------------------------------------------------------------------
# 4b. Friday 6 March: the nightly billing export has been failing since 02:00.  The FX-rate
#     provider retired its v1 endpoint on 5 March; rates come back empty, so the export aborts on
#     EUR invoices and writes 0.00 totals for others.  Jonah, Nadia and Chloé notice it in three
#     channels; Arjun ships billing-export 1.8.2 and re-runs February.
# ---------------------------------------------------------------------------------------------
FRIDAY_BILLING = [
    ("general", inc(
        "jonah", "Is anyone else unable to run the invoice export from portal admin? I get 'Export failed, "
                 "try again later' every time, and the February invoices need to go out *today*",
        r("nadia", "Not just you, the overnight run failed too. Posting in #eng", gap=6),
        r("jonah", "{thanks}", gap=2),
        r("arjun", "@jonah the fix is deployed and February is re-exported, 214 invoices. Please use "
                   "today's files, not anything generated overnight", at="11:58"),
        r("jonah", "Got them, totals look right. Sending now. Thank you!", at="12:20"),
        day="fri", at="09:40")),
    ("eng", inc(
        "nadia", "Billing export has been failing since last night's 02:00 run and Jonah can't get the "
                 "February invoices out. From the job log:\n"
                 "```\n"
                 "02:00:14 billing-export[2291] INFO  fetching FX rates base=GBP\n"
                 "02:00:15 billing-export[2291] WARN  FX provider returned 404 Not Found (GET /v1/latest)\n"
                 "02:00:15 billing-export[2291] ERROR invoice INV-2026-0212 (Globex GmbH): KeyError: 'EUR'\n"
                 "02:00:15 billing-export[2291] ERROR export aborted after 61 of 214 invoices\n"
                 "```",
        r("arjun", "Looking", gap=6),
        r("arjun", "Found it: the FX provider retired their v1 endpoint yesterday. We get a 404, the rates "
                   "come back empty, EUR invoices blow up and the ones that got through have 0.00 totals",
          gap=18),
        r("priya", "@jonah FYI don't send anything generated overnight, the totals are wrong", gap=2),
        r("arjun", "Hotfix: [#903 billing-export: FX v2 endpoint, fail loudly on missing rates]"
                   "(https://git.northwind.example/portal/billing/pull/903) @tom review please, urgent",
          gap=28, cat=REQ),
        r("tom", "LGTM. Ship it", gap=8, cat=REQ),
        r("arjun", "Deployed billing-export 1.8.2, re-running February now", gap=40),
        r("arjun", "Export done: 214 invoices, totals reconcile with January within 2%. Jonah has them",
          gap=16, broadcast=True),
        r("kenji", "Also: billing-export failures weren't routed to on-call, they only went to "
                   "#ops-alerts at 2am. Fixed the routing so a failed export pages now", gap=9),
        r("nadia", "{thanks}", gap=3),
        day="fri", at="09:52", reactions=[("eyes", 3)])),
    ("client-globex", inc(
        "chloe", "Globex AP just emailed: the February invoice they downloaded from the portal this morning "
                 "totals 0.00. Is this the billing thing?",
        r("arjun", "Yes, same issue. The fix is going out now, I'll regenerate Globex's invoice first", gap=7),
        r("chloe", "thanks, I'll tell them to hold off paying :sweat_smile:", gap=3),
        r("arjun", "Regenerated: Globex's February invoice is £48,210.00 now. Safe to send", at="11:50"),
        r("chloe", "{thanks}", gap=4),
        day="fri", at="10:05")),
    ("eng", ann("hannah", "Added a billing export smoke test to the release checklist, so a provider change "
                          "shows up in staging before it shows up in Jonah's inbox",
                r("priya", ":100:", gap=5),
                day="fri", at="14:10", edited=True)),
]


# ---------------------------------------------------------------------------------------------
# 4c. PulseCheck alerts in #ops-alerts: routine noise all week, the outage on Wednesday, the
#     billing job on Friday, the VPN maintenance on Saturday night.
# ---------------------------------------------------------------------------------------------
def alert(day, at, state, title, body, monitor, priority="P3", *replies, text="", cat=INC):
    return {"day": day, "at": at, "state": state, "title": title, "body": body, "monitor": monitor,
            "priority": priority, "replies": list(replies), "text": text, "cat": cat}


ALERTS = [
    alert("mon", "03:12", "Warning", "db-replica-2: disk usage above 85%",
          "Disk usage on `/var/lib/postgresql` is *86.4%* (threshold 85%).", 2207, "P3",
          r("kenji", "Known: WAL archive is piling up, cleanup is scheduled for tonight", day="mon", at="09:05"),
          r("priya", "Can we shorten the retention so this stops firing at 3am?", gap=12, cat=REQ),
          r("kenji", "Yes, dropping it from 14 to 7 days in tonight's change", gap=6, cat=REQ)),
    alert("mon", "07:31", "Warning", "portal-web: p95 latency above 1.5s",
          "p95 latency is *1.72s* on `GET /dashboard` over 10m (threshold 1.5s).", 3101),
    alert("mon", "07:44", "Recovered", "portal-web: p95 latency above 1.5s",
          "p95 latency is back to 0.41s.", 3101),
    alert("mon", "14:22", "Warning", "synthetic: Portal dashboard slow from ap-south",
          "Step 3 'Load dashboard' took *8.2s* from ap-south (threshold 5s).", 5120),
    alert("mon", "14:34", "Recovered", "synthetic: Portal dashboard slow from ap-south",
          "All locations under 2s.", 5120),
    alert("mon", "23:38", "Recovered", "db-replica-2: disk usage above 85%",
          "Disk usage on `/var/lib/postgresql` is 61.0%.", 2207),
    alert("tue", "02:00", "Warning", "TLS certificate for api.northwind.example expires in 14 days",
          "Certificate `CN=api.northwind.example` expires on 2026-03-17.", 4410, "P3",
          r("kenji", "Auto-renew kicks in at 10 days, I'll keep an eye on it", day="tue", at="08:47"),
          r("priya", "Please just renew it by hand, the auto-renew didn't fire last year either", gap=15,
            cat=REQ),
          r("kenji", "Renewed. New expiry 2026-06-16", gap=50, cat=REQ)),
    alert("tue", "11:14", "Triggered", "worker-3: CPU above 90% for 10m",
          "CPU at *96%* on `worker-3` (report rendering).", 1188),
    alert("tue", "11:32", "Recovered", "worker-3: CPU above 90% for 10m", "CPU at 34% on `worker-3`.", 1188),
    alert("tue", "10:44", "Recovered", "TLS certificate for api.northwind.example expires in 14 days",
          "Certificate valid until 2026-06-16.", 4410),
    alert("tue", "16:48", "Warning", "email-relay: bounce rate above 3%",
          "Bounce rate *4.1%* over 1h; 38 of 41 deferrals from `mx.globex.example` (greylisting).", 3350,
          "P3",
          r("kenji", "That's Globex's mail gateway greylisting us. Allowlisting is in progress via Chloé",
            gap=22)),
    alert("wed", "10:02", "Recovered", "email-relay: bounce rate above 3%", "Bounce rate 0.3% over 1h.",
          3350),
    alert("wed", "13:41", "Info", "Deploy: auth-service v2.14.0 to prod",
          "Deployed by arjun.mehta via pipeline #3318. 3/3 pods updated.", 9001, cat=ANN),
    alert("wed", "13:50", "Warning", "portal-web: p95 latency above 1.5s",
          "p95 latency is *4.9s* on `POST /login` over 5m (threshold 1.5s).", 3101),
    alert("wed", "13:52", "Triggered", "portal-web: 5xx error rate above 5%",
          "5xx rate is *38.2%* on `POST /login` over 5m (threshold 5%).", 3102, "P1",
          r("kenji", "ack, looking", at="13:53"),
          r("kenji", "incident thread is in #support", at="14:09")),
    alert("wed", "13:53", "Triggered", "auth-service: more than 5 pod restarts in 5m",
          "3/3 pods restarting, last state `OOMKilled` (memory limit 512Mi).", 3205, "P1"),
    alert("wed", "13:56", "Triggered", "synthetic: Portal login failing",
          "Step 2 'Submit credentials' got *HTTP 502* (expected 302) from 3 of 3 locations.", 5101, "P1"),
    alert("wed", "14:06", "Triggered", "portal-web: 5xx error rate above 5% (escalated)",
          "5xx rate is *100%* on `POST /login`. Escalated to on-call: Kenji Watanabe.", 3102, "P1",
          text="<!here> P1 escalated: *portal-web 5xx on /login*"),
    alert("wed", "14:27", "Info", "Deploy: auth-service v2.13.3 to prod (rollback)",
          "Deployed by priya.raman via pipeline #3321. 3/3 pods updated.", 9001, cat=ANN),
    alert("wed", "14:31", "Recovered", "auth-service: more than 5 pod restarts in 5m",
          "0 restarts in the last 5m.", 3205, "P1"),
    alert("wed", "14:33", "Recovered", "portal-web: 5xx error rate above 5%",
          "5xx rate is 0.2% on `POST /login`.", 3102, "P1"),
    alert("wed", "14:36", "Recovered", "synthetic: Portal login failing", "Passing from 3 of 3 locations.",
          5101, "P1"),
    alert("wed", "14:44", "Recovered", "portal-web: p95 latency above 1.5s", "p95 latency is back to 0.38s.",
          3101),
    alert("thu", "04:02", "Warning", "nightly-backup: duration above 2h",
          "Backup of `portal-db` still running after 2h05m (usual: 1h10m).", 6002, "P3",
          r("kenji", "Expected: first full backup after Tuesday's new index", day="thu", at="08:40")),
    alert("thu", "04:51", "Recovered", "nightly-backup: duration above 2h", "Completed in 2h49m.", 6002),
    alert("thu", "14:35", "Info", "Monitor created: auth-service restarts within 15m of a deploy",
          "Created by kenji.watanabe. Notifies on-call (P2).", 3206, cat=ANN),
    alert("fri", "02:01", "Triggered", "billing-export-nightly: job failed (attempt 1/3)",
          "Exit code 1. Last log line: `export aborted after 61 of 214 invoices`", 7001, "P3"),
    alert("fri", "02:31", "Triggered", "billing-export-nightly: job failed (attempt 2/3)",
          "Exit code 1. Last log line: `export aborted after 61 of 214 invoices`", 7001, "P3"),
    alert("fri", "03:01", "Triggered", "billing-export-nightly: job failed (attempt 3/3, giving up)",
          "Exit code 1. No more retries; invoices for 2026-02 not exported.", 7001, "P2",
          r("kenji", "This sat here all night because P2 job alerts don't page anyone. Fixing the routing, "
                     "see #eng", day="fri", at="10:01")),
    alert("fri", "11:38", "Info", "Deploy: billing-export v1.8.2 to prod",
          "Deployed by arjun.mehta via pipeline #3340.", 9001, cat=ANN),
    alert("fri", "11:49", "Recovered", "billing-export-nightly: job failed",
          "Manual run succeeded: 214 invoices exported in 6m12s.", 7001, "P2"),
    alert("sat", "21:58", "Info", "Scheduled downtime: vpn-gateway, sso-internal",
          "22:00-02:00 UTC. Alerts for these monitors are muted.", 9100, cat=ANN),
    alert("sat", "22:14", "Warning", "vpn-gateway: unreachable (muted, scheduled downtime)",
          "No response from `vpn-gw-1` for 5m.", 9101),
    alert("sun", "01:33", "Recovered", "vpn-gateway: unreachable", "`vpn-gw-1` reachable, 42 sessions.", 9101),
    alert("sun", "14:40", "Warning", "db-replica-2: disk usage above 80%",
          "Disk usage on `/var/lib/postgresql` is *81.2%* (threshold 80%).", 2208),
]

OPS_ALERTS = [
    ann("kenji", "Muting the db-replica-2 disk warning until tonight's WAL cleanup has run", day="mon",
        at="09:07"),
    ask("priya", "Is the ap-south synthetic check flaky, or is the CDN really that slow there?",
        r("kenji", "CDN. Their ap-south PoP had a degraded status this afternoon, not us"),
        r("priya", "{thanks}"), day="mon", at="14:40"),
    req("kenji", "@tom on-call handover is Monday 09:00. Runbook changes from this week:\n"
                 "- new monitor: restarts within 15m of a deploy\n"
                 "- billing-export failures now page (P2)\n"
                 "- db-replica-2 WAL retention is 7 days",
        r("tom", "{ack}"), day="fri", at="16:40"),
    req("priya", "@kenji can you add the TLS expiry check for status.northwind.example too? It isn't covered",
        r("kenji", "Added"), day="tue", at="11:05"),
    ann("kenji", "The restart-after-deploy monitor is live. Thresholds are in the runbook", day="thu",
        at="14:42"),
]


# ---------------------------------------------------------------------------------------------
# 4d. Jira notifications and channel joins/leaves.
# ---------------------------------------------------------------------------------------------
# channel, day, at, actor, action, key, summary, type, priority, assignee, status
JIRA = [
    ("proj-portal-redesign", "mon", "11:02", "hannah", "created a Bug", "PORT-417",
     "'Remember me' checkbox does not persist on the new login page", "Bug", "Medium", "lena", "To Do"),
    ("proj-portal-redesign", "mon", "12:10", "hannah", "created a Bug", "PORT-421",
     "Reports CSV export is empty when the date range spans a month boundary", "Bug", "High", "tom", "To Do"),
    ("proj-portal-redesign", "tue", "09:31", "hannah", "created a Bug", "PORT-419",
     "Upload modal cannot be scrolled on Safari 17", "Bug", "Medium", "lena", "To Do"),
    ("proj-portal-redesign", "tue", "11:22", "hannah", "created a Bug", "PORT-418",
     "Enter in the password field submits the login form twice (Firefox)", "Bug", "High", "lena", "To Do"),
    ("eng", "tue", "12:30", "arjun", "created a Bug", "PORT-423",
     "Role permissions not migrated on plan change (invoice.approve missing)", "Bug", "High", "arjun",
     "In Progress"),
    ("proj-portal-redesign", "wed", "11:15", "hannah", "created a Bug", "PORT-426",
     "Dashboard chart legend overlaps the chart with more than 6 series", "Bug", "Low", "lena", "To Do"),
    ("proj-portal-redesign", "thu", "10:50", "hannah", "created a Bug", "PORT-425",
     "Bulk user import rejects CSV files that start with a UTF-8 BOM", "Bug", "Medium", "lena", "To Do"),
    ("eng", "thu", "12:20", "priya", "created a Bug", "PORT-431",
     "auth-service: session cache warmup loads the full token table", "Bug", "Highest", "tom", "To Do"),
    ("eng", "thu", "12:22", "priya", "created a Task", "PORT-432",
     "CI: memory limit test for auth-service startup", "Task", "High", "arjun", "To Do"),
    ("proj-portal-redesign", "thu", "16:20", "sofia", "created a Bug", "PORT-428",
     "Dark mode: Reports table headers are unreadable", "Bug", "Low", "lena", "To Do"),
    ("eng", "fri", "10:20", "arjun", "created a Bug", "PORT-433",
     "billing-export: FX provider v1 endpoint retired, export fails", "Bug", "Highest", "arjun",
     "In Progress"),
    ("proj-portal-redesign", "tue", "14:05", "hannah", "created a Bug", "PORT-429",
     "Report PDFs cut off the last column of tables wider than 8 columns", "Bug", "Medium", "lena", "To Do"),
    ("eng", "thu", "11:40", "tom", "created a Bug", "PORT-434",
     "Notifier retries on timeout after a successful send (duplicate emails)", "Bug", "High", "tom",
     "In Progress"),
    ("proj-portal-redesign", "fri", "15:40", "lena", "changed the status to Done on", "PORT-417",
     "'Remember me' checkbox does not persist on the new login page", "Bug", "Medium", "lena", "Done"),
]

# channel, day, at, who, "join"/"leave", inviter
MEMBERSHIP = [
    ("general", "mon", "08:58", "felix", "join", "emma"),
    ("announcements", "mon", "08:58", "felix", "join", "emma"),
    ("random", "mon", "08:59", "felix", "join", "emma"),
    ("client-acme", "mon", "10:05", "felix", "join", "marcus"),
    ("client-globex", "tue", "08:55", "grace", "join", "chloe"),
    ("proj-portal-redesign", "thu", "09:58", "zoe", "join", "lucas"),
    ("proj-portal-redesign", "fri", "15:52", "ollie", "leave", None),
]


# ---------------------------------------------------------------------------------------------
# 4e. Everyday traffic, per channel.  `then=[...]` adds follow-up messages in the channel itself
#     (not in a thread), the way many Slack conversations actually go.
# ---------------------------------------------------------------------------------------------
GENERAL = [
    ann("aisha", "Morning all :sunny: the 4th floor kitchen is being deep-cleaned today, please take your "
                 "things out of the fridge by 10:00", day="mon", at="08:41", reactions=[("+1", 4)]),
    chat("felix", "Hi everyone! First day today, really excited to be here :wave:",
         r("marcus", "Welcome Felix!"), r("grace", "welcome :wave:"),
         r("aisha", "Welcome! Come and find me at 10 for your badge and laptop"),
         r("felix", "{thanks}"), day="mon", at="09:12", reactions=[("wave", 11)]),
    ask("grace", "Does anyone have the latest SOW template? The one on the Drive still has the 2025 day rates",
        r("samir", "It's in [Templates > Contracts](https://drive.northwind.example/templates/contracts), "
                   "v7 has the 2026 rates"),
        r("grace", "{thanks}"), day="mon"),
    req("ollie", "Could someone with Finance access approve my expense report from the Globex workshop? It "
                 "needs to go in *before the 5th* for this month's run",
        r("jonah", "Approved :+1:"), r("ollie", "{thanks}"), day="tue", at="09:25"),
    ask("felix", "Quick one: how do I book a meeting room? The calendar won't let me add Harbor Room",
        r("aisha", "You need to be in the room booking group, adding you now"),
        r("aisha", "Done, try again?"), r("felix", "Works, thank you!"), day="tue", at="11:05"),
    ann("daniel", "Reminder: timesheets for this week close *Friday 17:00 UTC*. If you're missing a client "
                  "code, ping @jonah", day="thu", at="09:05"),
    ask("nadia", "Do we have a company account for the stock photo site or do I expense it?",
        r("zoe", "We have a team seat, I'll add you"), r("nadia", ":pray:")),
    chat("lena", "whoever brought the cinnamon buns this morning: thank you :heart:",
         r("aisha", "That was Samir!"),
         r("samir", "they're from the bakery by the station, highly recommend"), day="tue", at="09:50"),
    req("maya", "@daniel can you send me February utilisation by practice before the partners' meeting on "
                "Thursday?",
        r("daniel", "Yes, you'll have it by EOD Wednesday"),
        r("daniel", "Sent to your inbox. Consulting 78%, engineering 84%", day="wed", at="17:40"),
        day="tue", at="08:55"),
    ask("isabel", "Is the office open on Saturday? I want to come in and prep the support training",
        r("aisha", "Yes, badge access works 08:00-18:00 at weekends. Heads up, the VPN maintenance is "
                   "Saturday night though"),
        r("isabel", "{thanks}"), day="thu", at="10:40"),
    req("samir", "Can someone cover the Globex stand-up at 09:30 tomorrow? I'm at Acme all day",
        r("grace", "I can take it"), r("samir", "legend"), day="mon", at="15:10"),
    ann("ravi", "@channel reminder: VPN + SSO maintenance *tomorrow (Sat) 22:00-02:00 UTC*. The VPN will "
                "disconnect and internal SSO logins may fail during the window. Details in #announcements",
        day="fri", at="16:02"),
    ann("ravi", "Maintenance starting now :construction:", day="sat", at="22:01"),
    ann("ravi", "Maintenance complete, VPN and SSO are back. Shout if anything looks off", day="sun",
        at="01:44", legacy=True),
    ask("ollie", "Is the VPN working for anyone? I get 'certificate not trusted' since last night",
        r("ravi", "Reconnect once so the client downloads the new certificate profile. If that fails, "
                  "restart the VPN app", gap=26),
        r("ollie", "that did it, thanks Ravi", gap=8), day="sun", at="10:12"),
    chat("aisha", "It's @lena's birthday today :birthday: cake in the kitchen at 15:00!",
         r("maya", ":tada:"), r("tom", "happy birthday!!"), r("hannah", ":birthday: :birthday:"),
         r("lena", "aww thank you all :heart:"),
         day="thu", at="09:20", reactions=[("birthday", 8), ("tada", 5)]),
    req("emma", "If you haven't yet, please fill in the Q1 pulse survey *by Friday*, it takes 5 minutes: "
                "[Pulse survey](https://forms.northwind.example/pulse-q1)",
        r("emma", "42% done so far, thank you to everyone who's filled it in :pray:", day="thu", at="10:10"),
        day="tue", at="10:30"),
    ask("tom", "Anyone know where the spare HDMI adapters went? The Harbor Room one is missing again",
        r("aisha", "Box in the supply cupboard, top shelf. Please bring them back :upside_down_face:"),
        day="wed", at="09:35"),
    chat("zoe", "Friday drinks at the Anchor from 17:30, all welcome :beers:",
         r("samir", "in!"), r("kenji", "after the week we've had, absolutely"),
         r("isabel", "I'll be there by 6"), r("felix", ":beers:"), day="fri", at="12:30"),
    ask("felix", "What's the naming convention for client folders on the Drive? Client / Project / Year?",
        r("samir", "Client > Engagement > Year, e.g. `Acme/Phase 2/2026`. And never keep client data in "
                   "your personal drive"),
        r("felix", "{thanks}"), day="thu", at="11:15"),
    req("daniel", "Please make sure your calendars are up to date for next week's staffing review, I need "
                  "availability *by Thursday noon*",
        r("grace", "{ack}"), day="wed", at="10:00"),
    req("felix", "@ravi could I get access to the Acme folder on the Drive and the Acme vault in the "
                 "password manager? Marcus has approved",
        r("ravi", "Done. Log out and back in for the vault to show up"), r("felix", "{thanks}"),
        day="mon", at="13:20"),
    ann("aisha", "Fire alarm test Thursday at 10:30, no need to leave the building", day="wed", at="16:40"),
    ask("jonah", "Does anyone know if the Acme Phase 2 PO has been countersigned? I can't invoice without it",
        r("marcus", "Signed yesterday, it's in the Acme folder"), r("jonah", "{thanks}"),
        day="mon", at="10:20"),
    chat("kenji", "Thanks all for the patience yesterday. And a big thank you to the support team, who "
                  "handled 40+ tickets in half an hour :pray:",
         r("fatima", ":heart:"), r("isabel", ":hugging_face:"), day="thu", at="09:02",
         reactions=[("heart", 9)]),
    req("aisha", "If you ordered a standing desk, please confirm the delivery address (office or home) *by "
                 "Wednesday*. The form is in your inbox",
        r("lena", "done"), r("sofia", "done :+1:"), day="mon", at="11:30"),
    bug("grace", "Is anyone else's expense app crashing on Android when you take a photo of a receipt?",
        r("ollie", "Same. Uploading from the gallery works though"),
        r("ravi", "Known issue, the vendor has a fix in their next update. Use the web version for now"),
        day="tue", at="14:20"),
    chat("samir", "morning all :coffee:", day="wed", at="08:32", legacy=True),
    chat("maya", "Proud of this team this week. Wednesday was rough and you all handled it brilliantly. "
                 "Have a lovely weekend :heart:", day="fri", at="17:05",
         reactions=[("heart", 14), ("pray", 4)]),
    ask("zoe", "Who should I talk to about updating the team bios on the website? Several are out of date",
        r("emma", "Me! Send me a list and I'll chase people")),
    req("grace", "Can someone proofread the Globex training handout before 3pm *today*? It's 2 pages",
        r("ollie", "send it over"), r("grace", "{thanks}"), day="wed", at="11:40"),
    ann("emma", "Lunch & learn on Thursday 12:30: @nadia on 'dashboards clients actually read'. Pizza "
                "provided :pizza:",
        r("ben", "will it be recorded?", cat=ASK), r("emma", "Yes, link will go in here", cat=ASK),
        day="tue", at="12:05", reactions=[("pizza", 6)]),
    ask("ben", "Does anyone know if the parking permits were renewed? Mine says expired",
        r("aisha", "New ones are in the post room, pick yours up from the tray"), day="mon"),
    chat("felix", "ok, first week done. Thanks everyone for being so welcoming :pray:",
         r("maya", ":heart:"), r("samir", "you're doing great"), day="fri", at="17:20"),
    bug("emma", "The HR portal shows my holiday balance as -3 days. I promise I haven't taken 28 days :sweat_smile:",
        r("ravi", "It counted the Christmas closure twice, for everyone. The vendor is fixing it and balances "
                  "will be corrected by Monday"), day="tue", at="16:10"),
    bug("aisha", "The 4th floor printer prints everything twice since last night's update",
        r("ravi", "Known, rolling the driver back tonight"), r("aisha", "{thanks}"), day="wed", at="09:55"),
    req("jonah", "Everyone: please submit your February expenses *by Friday*. After that they roll into "
                 "April's payroll", r("ollie", "doing it now"), day="tue", at="09:00"),
    req("zoe", "I need 2 volunteers for a 10-minute video about what we do, filming next Tuesday. Anyone?",
        r("grace", "I'll do it"), r("felix", "me too, if a newbie is ok"), r("zoe", "perfect, thank you both!"),
        day="wed", at="11:15"),
    req("daniel", "@samir @marcus I need the Acme Phase 2 resourcing plan *before the 5th* for the board pack",
        r("marcus", "You'll have it Wednesday"), day="mon", at="14:05"),
    req("emma", "@felix please finish your onboarding checklist in the HR portal *by Friday* (just bank details "
                "and emergency contact left)", r("felix", "Done!"), day="wed", at="09:40"),
    ann("aisha", "Visitors: Globex's CFO and two of their team are in the office Thursday 13:00-16:00. Please "
                 "keep the Harbor Room tidy", day="wed", at="15:10"),
    ann("ravi", "Phishing alert: a fake 'document shared with you' email is going around using our logo. Don't "
                "click it, report it with the Phish button",
        r("samir", "got one this morning, reported", cat=CHAT), r("ravi", "{thanks}", cat=CHAT),
        day="thu", at="13:25", reactions=[("warning", 6)]),
    ann("emma", "Felix's onboarding buddy for the first month is @grace. Felix, she's your go-to for anything",
        day="mon", at="09:45"),
    ann("daniel", "April staffing is published: [Staffing April](https://drive.northwind.example/d/staffing-apr). "
                  "Shout by Wednesday if anything looks wrong",
        r("grace", "Am I really on both Acme and Globex the week of the 13th?", cat=ASK),
        r("daniel", "Yes, split days. Let's talk tomorrow", cat=ASK), day="mon", at="17:10"),
    ask("felix", "Is there a dress code for client sites? I'm at Acme on Thursday",
        r("samir", "Smart casual. Acme is jeans-friendly, Globex is not"), day="tue", at="15:45"),
    chat("isabel", "Thank you @aisha for sorting my desk move so fast :pray:", r("aisha", ":heart:"),
         day="mon", at="12:10"),
    ann("ravi", "Laptop updates install automatically tonight at 20:00. Please leave your laptop plugged in",
        day="mon", at="16:45"),
    ann("aisha", "The lifts are being serviced Saturday morning, use the stairs if you come in", day="fri",
        at="10:35"),
]

RANDOM = [
    chat("tom", "Monday. :coffee: :coffee: :coffee:", r("lena", "{lol}"), r("arjun", "same"),
         day="mon", at="08:48"),
    chat("kenji", "Lunch at the Thai place? leaving at 12:30",
         r("arjun", "me!", gap=2), r("lena", "count me in", gap=3), r("hannah", ":raised_hands:", gap=4),
         r("felix", "can I tag along?", gap=12), r("kenji", "of course!", gap=2), day="mon", at="11:55"),
    chat("isabel", "New foster pup, meet Biscuit :dog:",
         r("sofia", ":heart_eyes:"), r("ben", "BISCUIT"), r("emma", "10/10 would pet"),
         r("isabel", "she's coming to the office on Friday if that's ok @aisha"),
         r("aisha", "dogs are always welcome :dog:"),
         day="tue", at="12:40", files=[file("biscuit.jpg", "Biscuit")],
         reactions=[("heart_eyes", 9), ("dog", 4)]),
    ask("grace", "Does anyone have a USB-C charger I can borrow for an hour?",
        r("ben", "desk 14, help yourself"), r("grace", "{thanks}")),
    chat("tom", "The coffee machine is making The Noise again",
         r("lena", "it's possessed"), r("aisha", "Reported to the building, an engineer is coming Thursday"),
         r("tom", ":pray:"), day="mon", at="14:50"),
    chat("arjun", "I passed my cloud architect cert this morning!",
         r("priya", "{cheer}"), r("kenji", "{cheer}"), r("lena", "{cheer}"), r("tom", "nice one :muscle:"),
         day="mon", at="16:20", reactions=[("tada", 7)]),
    chat("hannah", "Daily word puzzle in 3 today, feeling smug",
         r("lena", "2 :sunglasses:"), r("grace", "X. don't talk to me"), r("hannah", "{lol}"),
         day="tue", at="08:51"),
    chat("chloe", "Leftover sandwiches and pizza from the Globex workshop in the 4th floor kitchen, come and "
                  "get it :pizza:",
         then=[r("ben", "on my way"), r("felix", ":pizza: :pizza:")], day="thu", at="13:45"),
    chat("aisha", "ok who parked in the loading bay, the building manager is on the warpath",
         r("ollie", "...might have been me. moving it now"), r("aisha", "{lol}"), day="tue", at="10:05"),
    chat("emma", "Weekend plans, anyone?",
         r("samir", "hiking if the rain holds off"), r("lena", "sleeping. mostly sleeping"),
         r("kenji", "repotting plants and not looking at dashboards"), r("isabel", "puppy training :dog:"),
         day="fri", at="16:15"),
    chat("samir", "Made it to the top :mountain:", r("ollie", "stunning", day="sun", at="09:40"),
         day="sat", at="14:22", legacy_file=file("ridge_walk.jpg", "Ridge walk")),
    chat("ollie", "anyone watching the rugby this afternoon?",
         r("tom", "yes, and I regret it already"), r("ollie", "{lol}"), day="sat", at="13:05"),
    chat("lena", "Still thinking about that birthday cake. Who made it??",
         r("aisha", "My sister's bakery :bread: I'll pass on the compliments"), r("lena", "please do!!"),
         day="fri", at="09:30"),
    ask("sofia", "The plant by my desk is dying, does anyone know plants?",
        r("kenji", "Overwatering, 9 times out of 10. Let it dry out"),
        r("sofia", "I have been watering it every day :see_no_evil:"),
        r("kenji", "there's your problem :seedling:"), day="tue", at="15:30"),
    chat("zoe", "what's everyone listening to this week? need new focus music :headphones:",
         r("arjun", "lo-fi beats, forever"), r("hannah", "film soundtracks, nothing with lyrics"),
         r("tom", "the sound of the coffee machine dying"), r("zoe", "{lol}"), day="wed", at="10:25"),
    chat("ben", "Running club: 5k along the river Thursday 12:15, all paces welcome :running:",
         r("samir", "in"), r("grace", "I'll walk it :sweat_smile:"), r("emma", "in!"),
         day="tue", at="13:10"),
    chat("felix", "Is it normal that the lift only plays music on the 3rd floor?",
         r("aisha", "yes, nobody knows why"), r("tom", "it's a feature"), day="wed", at="09:10"),
    chat("aisha", "The coffee machine is fixed :coffee:",
         then=[r("tom", ":tada:"), r("lena", ":raised_hands:"), r("ben", "the noise is gone. I miss it already")],
         day="thu", at="14:05"),
    chat("kenji", "Burrito place, 12:45, who's in?",
         then=[r("arjun", "yes"), r("tom", ":+1:"), r("kenji", "meet at the lifts")], day="thu", at="12:20"),
    chat("hannah", "Found a blue beanie in the Harbor Room, yours?", then=[r("felix", "mine! thank you")],
         day="wed", at="15:40"),
    chat("tom", "Today's puzzle was evil",
         then=[r("hannah", "agreed"), r("lena", "got it in 2 again, sorry")], day="thu", at="08:57"),
    chat("isabel", "Biscuit is in the office today, she's under my desk, come and say hi :dog:",
         then=[r("ben", "she stole my sock"), r("isabel", "{lol}")], day="fri", at="10:20",
         reactions=[("dog", 8)]),
    chat("sofia", "it's snowing?? in March??",
         then=[r("grace", "sleet. it's sleet"), r("samir", ":umbrella:")], day="thu", at="15:15"),
    chat("arjun", "Who has the good stapler", then=[r("aisha", "there is no good stapler. there is only the stapler")],
         day="mon", at="10:40"),
    ask("nadia", "Anyone up for a board game night next week?",
        r("lena", "yes!"), r("tom", "I'll bring the one with the trains"), r("nadia", "Thursday?"),
        r("hannah", "Thursday works"), day="tue", at="17:05"),
    chat("ben", "Sunday roast recommendations near the office?",
         then=[r("ollie", "The Anchor does a decent one"), r("ben", ":+1:")], day="sun", at="12:10"),
    chat("zoe", "Photos from Friday drinks :beers:",
         r("samir", "{lol}"), r("kenji", "delete the one of me please"), day="sat", at="11:40",
         files=[file("anchor_friday_1.jpg", "Friday drinks"), file("anchor_friday_2.jpg", "Friday drinks 2")]),
    chat("grace", "Anyone else's train stuck outside the station? :sob:",
         then=[r("samir", "yep, 20 minutes and counting"), r("grace", "lol great")], day="mon", at="08:37"),
    chat("emma", "Book club reminder: Tuesday 18:00, we're discussing 'The Salt Roads of Marrow Bay' :books:",
         r("hannah", "halfway through, no spoilers please"), day="wed", at="13:30"),
    chat("lena", "lol the building wifi is called 'Harbor-Guest-DO-NOT-USE' now",
         then=[r("ravi", "please do not use it"), r("lena", "{lol}")], day="tue", at="11:50"),
    chat("samir", "Happy Friday :sunny:", then=[r("isabel", ":sunny:"), r("grace", ":tada:")],
         day="fri", at="08:45"),
    chat("tom", "Does anyone want the last slice of birthday cake? going once...",
         then=[r("felix", "yes please"), r("tom", "it's yours")], day="thu", at="17:10"),
    ask("ollie", "Recommendations for a dentist near the office?",
        r("ben", "The one on Quay St is good, they do early appointments"), r("ollie", "{thanks}"),
        day="wed", at="12:55"),
    chat("kenji", "Sunday. Not looking at dashboards. Not looking at dashboards.",
         then=[r("priya", "{lol}")], day="sun", at="15:20"),
    req("aisha", "Could whoever borrowed the Harbor Room speakerphone bring it back? Client call at 2",
        then=[r("ollie", "sorry! bringing it now")], day="thu", at="13:20"),
    ask("hannah", "Does anyone know a good bike repair shop near the office?",
        r("kenji", "Spokes on Quay St. Quick and not too pricey"), r("hannah", "{thanks}"), day="mon", at="17:20"),
    chat("ben", ":coffee:?", then=[r("tom", "yes"), r("isabel", "always")], day="wed", at="10:02"),
    chat("arjun", "Someone has labelled the fridge shelves by team. Engineering got the bottom one :upside_down_face:",
         then=[r("grace", "lol"), r("tom", "as it should be")], day="tue", at="14:35"),
    chat("felix", "Is there a secret to the coffee machine? It only gives me hot water",
         then=[r("aisha", "Hold the button for 3 seconds. Don't ask"), r("felix", "ok"), r("felix", "it worked :joy:")],
         day="mon", at="10:15"),
]

ANNOUNCEMENTS = [
    ann("emma", "Please welcome *Felix Wagner*, who joins us today as a Junior Consultant on the Acme team "
                ":wave:\nFelix comes to us from a data analytics boutique in Hamburg and will be working with "
                "@marcus and @samir. Say hi in #general!",
        r("maya", "Welcome Felix!", cat=CHAT), r("marcus", "Great to have you on the team", cat=CHAT),
        r("felix", "Thank you all, very happy to be here!", cat=CHAT),
        day="mon", at="09:15", reactions=[("wave", 14), ("tada", 6)]),
    ann("ravi", "*Scheduled maintenance: VPN and SSO upgrade*\nSaturday 7 March, 22:00-02:00 UTC. During "
                "the window:\n- the VPN will disconnect\n- internal SSO logins may fail\n- the client portal "
                "is *not* affected\nQuestions in the thread please",
        r("chloe", "Does this affect Globex's SSO into the portal?", cat=ASK),
        r("ravi", "No, portal SSO is a separate system. Only our internal apps", cat=ASK),
        r("chloe", "{thanks}", cat=CHAT),
        day="mon", at="11:00", reactions=[("+1", 6)]),
    ann("aisha", "*Office closure*: the Harbor St office is *closed Friday 13 March* for electrical work in the "
                 "building. Please work from home that day; the post room will be closed too.",
        r("grace", "Does that include the weekend before? I have a client parcel to collect", cat=ASK),
        r("aisha", "Only the Friday. Collect it by Thursday at the latest", cat=ASK),
        day="tue", at="10:30", reactions=[("+1", 9)]),
    ann("zoe", "Our new case study is live: how we helped Acme cut month-end close from 9 days to 4 :rocket: "
               "[Read it](https://northwind.example/work/acme-month-end)\nIf you can, please share it on "
               "your socials this week :pray:",
        r("marcus", "Acme's CFO shared it too!", cat=CHAT), day="wed", at="09:00",
        reactions=[("rocket", 7)]),
    ann("priya", "Summary of Wednesday's portal outage, for everyone:\n> Between 13:50 and 14:29 UTC clients "
                 "could not log in to the portal. A release of our login service ran out of memory and we "
                 "rolled it back. No data was lost or exposed.\nThe full postmortem is "
                 "[PM-2026-03-04](https://docs.northwind.example/postmortems/2026-03-04-login-502). "
                 "Client-facing RCAs go out through the account leads.",
        day="thu", at="16:30", reactions=[("pray", 8)]),
    ann("maya", "@channel Q1 all-hands: *Thursday 12 March, 16:00 UTC*, in the Harbor Room and online. "
                "Agenda:\n1. Q1 numbers\n2. Portal v3 launch plan\n3. Hiring for Q2\nDrinks afterwards :beers:",
        day="thu", at="12:00", reactions=[("tada", 5), ("beers", 6)]),
    ann("emma", "Benefits enrolment closes *15 March*. If you want to add dependants or change your pension "
                "contribution, do it in the [HR portal](https://hr.northwind.example/benefits) before then.",
        r("ben", "Is the dental plan change effective from April?", cat=ASK),
        r("emma", "Yes, from 1 April", cat=ASK), day="fri", at="11:00"),
    ann("daniel", "Updated expense policy: client meals up to £60 per head without pre-approval (was £45). "
                  "Full policy: [Expense policy v4](https://docs.northwind.example/policies/expenses)",
        r("samir", ":tada:", cat=CHAT), r("ollie", "does this apply to February expenses?", cat=ASK),
        r("daniel", "From 1 March onwards", cat=ASK), r("ollie", "{ack}", cat=CHAT),
        day="fri", at="15:00"),
    ann("kenji", "Portal maintenance window: *Tuesday 10 March, 06:00-06:30 UTC*, database minor version "
                 "upgrade. Expect about 2 minutes of read-only mode. Account leads, please give your clients "
                 "a heads-up.",
        r("marcus", "Will tell Acme", cat=CHAT), r("chloe", "Same for Globex :+1:", cat=CHAT),
        day="thu", at="15:10"),
    ann("emma", "Reminder: *International Women's Day* lunch is on Monday (the 9th) at 12:30 in the Harbor "
                "Room. Everyone welcome, food provided. Please RSVP in the form by Friday",
        day="wed", at="11:30", reactions=[("sparkles", 7)]),
    ann("ravi", "Password manager: please move any shared client passwords out of personal vaults into the "
                "client vaults *by 31 March*. Guide: [Vault guide](https://wiki.northwind.example/it/vaults)",
        day="tue", at="14:15"),
    ann("maya", "We've signed a 12-month extension with Globex :tada: Thank you @chloe and the whole team",
        r("daniel", "{cheer}", cat=CHAT), r("samir", "{cheer}", cat=CHAT), r("ollie", "{cheer}", cat=CHAT),
        r("chloe", "Team effort! Thanks everyone :heart:", cat=CHAT),
        day="fri", at="09:20", reactions=[("tada", 15), ("raised_hands", 6)]),
    ann("emma", "Applications for our summer intern programme open on Monday. Referrals welcome, details on the "
                "[careers wiki](https://wiki.northwind.example/people/interns-2026)", day="thu", at="11:00"),
    ann("zoe", "We're sponsoring the Harbor District charity 10k on the 22nd :running: Want a team shirt? Add "
               "your size to the sheet by Friday",
        r("ben", "in!", cat=CHAT), r("samir", "L please", cat=CHAT), day="tue", at="11:45"),
    ann("emma", "Reminder: our first aiders are Aisha, Ben and Kenji. The list is also on the kitchen door",
        day="wed", at="10:15"),
]

CLIENT_ACME = [
    req("marcus", "Acme's CFO wants the updated SOW for the Phase 2 extension *ASAP*. @samir can you turn the "
                  "redlines around *today*?",
        r("samir", "On it, v3 by 4pm"),
        r("samir", "Sent to their CFO, cc'd you", at="15:55", files=[file("Acme_SOW_Phase2_v3.docx")]),
        r("marcus", ":pray:"), day="mon", at="09:20"),
    chat("marcus", "Welcome @felix! This is the internal Acme channel, nothing here is shared with the client. "
                   "Account plan, contacts and the SOW are pinned",
         r("felix", "{thanks}"), day="mon", at="10:10"),
    req("samir", "Need someone to sit in on the Acme finance workshop Thursday 10:00-12:00 and take notes. "
                 "@felix good first one?",
        r("felix", "Happy to!"), day="mon", at="11:40"),
    ask("samir", "Does anyone know who owns the Acme SSO config on our side? Their IT asked whether we "
                 "support SCIM provisioning",
        r("priya", "We support SAML SSO today; SCIM is on the roadmap for Q2. @kenji owns the config"),
        r("samir", "Thanks, I'll tell them Q2 with no firm date"),
        r("marcus", "Good, please don't commit to a date"), day="mon", at="14:30"),
    ask("grace", "Does anyone have the Acme org chart? Trying to work out who 'Jordan in procurement' is",
        r("marcus", "Jordan Pike, Head of Procurement. Org chart is pinned here"), day="mon", at="16:00"),
    req("marcus", "Acme wants a custom export of portal user activity (logins per user, last 90 days) *by "
                  "Friday* for their licence true-up. @nadia can you pull it?",
        r("nadia", "Yes. CSV, or do they want it in their template?"),
        r("marcus", "Their template, I'll forward it"),
        r("nadia", "Got it. Draft on Thursday"),
        r("nadia", "Draft attached. Numbers reconcile with billing", day="thu", at="11:05",
          files=[file("Acme_portal_activity_90d.xlsx")]),
        r("marcus", "perfect, sending", day="thu", at="11:30"),
        day="tue", at="09:10"),
    ask("felix", "Sorry, newbie question: what does 'true-up' mean in a licence context?",
        r("samir", "Once a year the client counts how many users they actually have versus what they paid "
                   "for, and pays the difference. Acme's is at the end of March"),
        r("felix", "makes sense, thanks!"), day="tue", at="09:40"),
    ask("grace", "What's Acme's PO number for the March invoice? The one in the tracker is for Phase 1",
        r("jonah", "PO-88413-B for Phase 2. I'll fix the tracker"), r("grace", "{thanks}"),
        day="tue", at="11:00"),
    bug("marcus", "Acme reports that the 'Last login' column in the admin user list says 'Never' for all "
                  "their SSO users",
        r("priya", "SSO logins don't update that field. Known, it's on the backlog"),
        r("marcus", "Can we bump it? It feeds straight into their true-up", cat=REQ),
        r("priya", "I'll raise it at planning on Monday", cat=REQ), day="tue", at="13:15"),
    req("samir", "@priya Acme's IT needs the list of IP ranges the portal sends webhooks from. They're "
                 "updating their firewall *before the 5th*",
        r("priya", "Emailed to you, and it's in the integration docs: "
                   "[Webhook IP ranges](https://docs.northwind.example/portal/webhooks#ip-ranges)"),
        r("samir", "ty"), day="tue", at="15:20"),
    ann("marcus", "Notes from today's weekly sync with Acme:\n"
                  "- happy with the dashboard pilot, want it for all business units\n"
                  "- SSO for 40 more users by end of March\n"
                  "- open question on data retention (who owns it?)\n"
                  "Action items are in the tracker, please check yours",
        day="tue", at="15:55", reactions=[("+1", 3)]),
    ask("marcus", "Anyone heard back from Acme legal on the DPA?",
        r("samir", "Not yet, chasing today"), day="wed", at="09:15"),
    ask("felix", "For Thursday's workshop, are we presenting from Acme's laptop or ours?",
        r("samir", "Ours. Bring the adapter, their rooms are USB-C only"), r("felix", ":+1:"),
        day="wed", at="10:20"),
    ask("maya", "@marcus how is the relationship after yesterday? Do I need to call their COO?",
        r("marcus", "They were frustrated but it was handled fast. A call from you would land well though, "
                    "maybe Friday after the RCA goes out?"),
        r("maya", "Let's do that. @aisha can you find 20 minutes with their COO on Friday afternoon?", cat=REQ),
        r("aisha", "Friday 15:30 UTC works for them, invite sent", cat=REQ), day="thu", at="09:30"),
    req("samir", "Can someone review the workshop deck before I send it to Acme? Especially the data "
                 "retention slides: [Acme workshop deck](https://drive.northwind.example/d/acme-ws-apr)",
        r("grace", "Left comments. Slide 7 numbers don't match the SOW"),
        r("samir", "good catch, fixed"), day="wed", at="16:30"),
    chat("samir", "Workshop done, Acme's finance team were great. @felix took excellent notes :clap:",
         r("felix", ":blush:"), r("marcus", "{cheer}"), day="thu", at="12:20"),
    req("nadia", "@marcus Acme has 14 accounts with no login in 90 days. Do they want them in the true-up "
                 "or flagged separately?",
        r("marcus", "Flag separately please, they'll decide"), day="thu", at="10:30"),
    req("marcus", "Acme is asking whether we can add two extra workshop days in April. I need a quote *by EOD "
                  "tomorrow*. @daniel who's available?",
        r("daniel", "Grace and Felix are free the week of 13 April"),
        r("marcus", "Great, drafting the quote"), day="thu", at="14:00"),
    ann("marcus", "fyi Acme's office is closed next Monday for their offsite", day="thu", at="16:45",
        legacy=True),
    ann("priya", "RCA for Acme attached, reviewed by Kenji and Marcus",
        r("marcus", "Sent to their CIO. Thanks for the quick turnaround"),
        r("maya", "Thanks Priya, that's a good document", cat=CHAT),
        day="fri", at="10:15", files=[file("Northwind_RCA_2026-03-04_portal-login.pdf",
                                            "RCA: portal login outage 2026-03-04")]),
    bug("samir", "Acme users say the portal dashboard shows times in UTC instead of their local time "
                 "(they're in Chicago)",
        r("priya", "Known, PORT-402. The fix ships with 2.15 next week"), r("samir", "{thanks}"),
        day="fri", at="12:00"),
    chat("marcus", "Good week despite Wednesday. Thanks all :pray:",
         r("samir", ":raised_hands:"), r("felix", ":raised_hands:"), day="fri", at="16:40"),
    bug("samir", "Acme says the audit log CSV export has its columns in a different order than the screen",
        r("priya", "By design, but admittedly confusing. I'll ask Lena whether we can align them"),
        day="mon", at="12:25"),
    req("marcus", "@jonah Acme asked for a breakdown of the Phase 1 invoice by workstream. Can you send it *by "
                  "Thursday*?",
        r("jonah", "Yes, Wednesday"), r("jonah", "Sent, cc'd you", day="wed", at="11:45"),
        day="tue", at="10:20"),
    req("grace", "Could someone share the Acme data retention policy doc with me? I can't find it on the Drive",
        r("samir", "Shared"), day="wed", at="13:05"),
    ann("marcus", "Acme's new CIO starts on the 16th. I'll set up an intro with Maya", day="fri", at="11:10"),
    ask("felix", "Where do I log hours for the workshop prep, Acme Phase 2 or internal?",
        r("samir", "Phase 2, code `ACM-P2-WS`"), day="wed", at="17:05"),
    ann("marcus", "Acme QBR is confirmed for 26 March. Maya and I will present, deck owner @samir", day="wed",
        at="10:05"),
]

CLIENT_GLOBEX = [
    req("chloe", "Globex needs the Q1 steering committee deck *by Thursday*. @ollie can you draft the "
                 "delivery section?",
        r("ollie", "Yep, draft by Wednesday EOD"),
        r("ollie", "Draft is in the Globex folder", day="wed", at="17:15"),
        r("chloe", "thanks, looks great", day="wed", at="17:40"), day="mon", at="09:40"),
    bug("chloe", "Globex report: 'Export to CSV' on the Reports page downloads an *empty file* when the date "
                 "range crosses a month boundary. Reproduced with their account",
        r("hannah", "Reproduced on staging too, filing it"), r("hannah", "PORT-421"),
        r("chloe", ":pray:"), day="mon", at="11:20"),
    bug("chloe", "Globex says the logo in portal notification emails has been broken since the weekend",
        r("lena", "The CDN path changed in the last deploy, fixing"),
        r("lena", "Fixed, new emails have the logo again"), day="mon", at="14:10"),
    chat("chloe", "Welcome @grace! You'll be covering the data workstream while Ollie is busy with the deck",
         r("grace", "Thanks! Reading up on the backlog now"), day="tue", at="09:05"),
    ask("ollie", "Does Globex pay in EUR or GBP? Their new PO says EUR but the contract says GBP",
        r("jonah", "Contract wins: GBP. I'll ask their AP to reissue the PO"), r("ollie", "{thanks}"),
        day="tue", at="10:45"),
    req("ollie", "Can someone review the Globex delivery timeline before it goes in the deck? Especially the "
                 "April milestones",
        r("grace", "Comments left, April looks tight but doable"), day="tue", at="12:15"),
    req("chloe", "Globex would like a 30-minute portal training for their new AP team. Could someone from "
                 "support run it next week?",
        r("fatima", "Isa or Ben can. Tuesday or Wednesday afternoon?"),
        r("chloe", "Wednesday 11 March 14:00 UTC"), r("fatima", "Booked Isa :+1:"),
        day="tue", at="14:00"),
    ask("samir", "Is there a way to bulk-invite users to a tenant? Globex has 60 new starters",
        r("fatima", "Yes: Admin > Users > Import, CSV with up to 500 rows"), day="tue", at="16:20"),
    req("chloe", "@nadia can you refresh the Globex KPI dashboard before tomorrow's steering? It still shows "
                 "January",
        r("nadia", "Refreshed :+1:"), day="wed", at="10:30"),
    ann("chloe", "Reminder: Globex steering is Thursday 14:00 UTC, Harbor Room is booked", day="wed",
        at="12:10", legacy=True),
    ask("grace", "Where do we keep the Globex data dictionary? Nadia mentioned a spreadsheet",
        r("nadia", "[Globex data dictionary](https://drive.northwind.example/d/globex-dd), tab 2 is current"),
        r("grace", "{thanks}"), day="thu", at="10:00"),
    bug("grace", "The Globex dashboard shows 0 active users for February, but they definitely used it. "
                 "Data pipeline issue?",
        r("nadia", "The February partition didn't load. Re-running"),
        r("nadia", "Fixed: 1,204 active users in February"), r("grace", "phew, thanks"),
        day="thu", at="11:20"),
    req("chloe", "Globex wants their new subsidiary (Globex Iberia) as a separate tenant in the portal, by "
                 "20 March. Who do I ask?",
        r("priya", "Tenant creation is a support task, @fatima's team. Two days' lead time"),
        r("chloe", "{thanks}"), day="thu", at="13:30"),
    req("jonah", "@chloe Globex still owes the January invoice (now 30 days overdue). Could you nudge their "
                 "AP when you see them?",
        r("chloe", "Will raise it after steering"), day="thu", at="13:50"),
    chat("ollie", "Steering went well, they loved the delivery timeline :tada:",
         r("chloe", "{cheer}"), r("maya", "Great work both"), day="thu", at="16:10"),
    req("lucas", "Has Globex confirmed who joins the portal v3 beta? I need names *by Friday*",
        r("chloe", "Three names, emailing them to you now"), day="wed", at="15:45"),
    chat("chloe", "Good week all, enjoy the weekend :wave:", r("grace", ":wave:"), day="fri", at="16:50"),
    bug("chloe", "Globex admins can't remove a user who has pending approvals, the button does nothing",
        r("hannah", "Reproduced. It fails silently because of the pending items. Filing as High"),
        r("chloe", "{thanks}"), day="tue", at="15:05"),
    req("chloe", "@samir can you join the Globex steering on Thursday for the Q2 scope discussion? 30 minutes",
        r("samir", "yes, I'll dial in from Acme"), day="mon", at="16:15"),
    req("grace", "Need someone with portal admin to reset MFA for Globex's finance lead *ASAP*, she's locked out "
                 "before a board meeting",
        r("fatima", "On it, I need their portal admin's approval first"),
        r("chloe", "Their admin approved by email, forwarding now"),
        r("fatima", "Done, she's in"), day="wed", at="09:25"),
    ann("chloe", "Globex has signed the 12-month extension :tada:",
        r("ollie", ":tada:", cat=CHAT), r("grace", "{cheer}", cat=CHAT), day="fri", at="09:05"),
    ask("ollie", "Who's the Globex contact for security questionnaires?",
        r("chloe", "Their CISO's office, the generic address is in the pinned contacts"), day="fri", at="11:40"),
    ann("chloe", "Steering notes are in the Globex folder. Key points:\n- extension signed for 12 months\n"
                 "- Q2 scope: Iberia tenant and SSO\n- next steering on 2 April", day="thu", at="16:30"),
]

SUPPORT = [
    ann("ben", "Morning team. Weekend queue: 7 tickets, all password resets except one billing question",
        day="mon", at="08:35"),
    chat("fatima", "Morning :coffee: 11 open, 3 waiting on clients", day="mon", at="08:50", legacy=True),
    ask("isabel", "How do we handle a request to change the email on an account when the old address no "
                  "longer exists? An Acme user left the company",
        r("fatima", "We need the request from the client's portal admin, then change it in Admin. Use the "
                    "'Email change - admin approval' macro"),
        r("isabel", "{ack}"), day="mon", at="09:10"),
    bug("ben", "Password reset emails are arriving ~20 minutes late for Globex users. Checked 3 tickets, all "
               "on the same mail provider",
        r("kenji", "Our relay queue looks fine, checking the bounce logs"),
        r("kenji", "Their mail gateway is greylisting us. Asked Chloé to get Globex IT to allowlist our "
                   "sending IPs"),
        r("ben", ":+1:"), day="mon", at="10:30"),
    ann("fatima", "The new macro for *2FA reset* requests is live. Please use it instead of the old one, it "
                  "includes the identity checks:\n- confirm with the client's portal admin\n- check the last "
                  "login location\n- log both in the ticket",
        day="mon", at="11:45", reactions=[("white_check_mark", 4)]),
    req("isabel", "@ravi could you give me admin on the staging portal? I need to reproduce a permissions bug",
        r("ravi", "Done, staging admin until Friday"), r("isabel", "{thanks}"), day="mon", at="14:20"),
    ask("ben", "Is there a limit on users per tenant? Kestrel Logistics wants to add 300",
        r("fatima", "Soft limit is 500 per tenant on the Standard plan. Above that it goes to sales"),
        day="mon", at="15:40"),
    bug("hannah", "Heads up: on Safari 17 the upload modal on Documents can't be scrolled, so the 'Upload' "
                  "button is off-screen on small laptops. Workaround: zoom out. Ticket from Brightwater",
        r("lena", "I can see it. One-line fix, will ship with 2.15"), r("hannah", "thanks, filing it"),
        day="tue", at="09:00"),
    bug("isabel", "Kestrel says the audit log timestamps are an hour off. Their users are in CET",
        r("tom", "The audit log renders in server time. Known issue, PORT-402"),
        r("isabel", "ok, I'll give them the workaround"), day="tue", at="10:15"),
    req("ben", "Can someone from eng look at ticket #4821 *today*? Brightwater can't approve invoices, the "
               "button is greyed out for their approver role",
        r("arjun", "Looking"),
        r("arjun", "The role lost the `invoice.approve` permission when they changed plan. Fixed for them, "
                   "filing a bug for the root cause"),
        r("ben", "you're a star"), day="tue", at="11:40"),
    ask("fatima", "Who's on call for the portal this week? The rota page still shows last week",
        r("kenji", "Me until Monday 09:00, then Tom. I'll fix the page"), r("fatima", ":+1:"),
        day="tue", at="13:30"),
    chat("isabel", "Queue is at zero :tada: first time this year",
         then=[r("ben", ":tada:"), r("fatima", "well done team")], day="tue", at="16:00"),
    req("ben", "Reminder I'm out Thursday afternoon (dentist). @isabel can you cover the 14:00-17:00 queue?",
        r("isabel", "yep, covered"), day="wed", at="09:20"),
    ask("fatima", "Are we still sending the monthly usage report to clients on the 5th? Acme is asking",
        r("nadia", "Yes, it's scheduled for Thursday 06:00 UTC"), day="wed", at="11:00"),
    ask("isabel", "What do we tell clients who ask for a credit because of yesterday? Acme hinted at it",
        r("fatima", "Don't promise anything. Route it to Marcus or Chloé, the account team decides"),
        r("isabel", "{ack}"), day="thu", at="09:45"),
    bug("ben", "Bulk user import fails with 'Row 1: invalid email' when the CSV starts with a BOM (Excel "
               "does that). Kestrel hit it twice",
        r("hannah", "Confirmed, filing it"), r("ben", "{thanks}"), day="thu", at="10:30"),
    bug("ben", "Brightwater says 'Remember me' doesn't stick on the new login page",
        r("lena", "PORT-417, fix is in review"), day="thu", at="11:50"),
    ask("hannah", "Do we have a test tenant with SSO enabled? I want to retest yesterday's fix",
        r("kenji", "`qa-sso-1` on staging, credentials are in the vault"), r("hannah", "{thanks}"),
        day="thu", at="14:00"),
    req("isabel", "Can someone create a new tenant for Globex Iberia? Chloé has the details. Needed *by "
                  "Friday*",
        r("fatima", "I'll do it today"),
        r("fatima", "Tenant created: `globex-iberia`. Admin invite sent to their IT lead", day="fri",
          at="09:30"),
        r("isabel", ":pray:", day="fri", at="09:36"), day="thu", at="15:20"),
    ann("fatima", "From next week support hours are 07:00-19:00 UTC (was 08:00-18:00). Rota updated",
        day="thu", at="16:20", reactions=[("+1", 5)]),
    ask("marcus", "Do we have a standard answer for 'is my data encrypted at rest'? Acme's security team asks "
                  "every quarter",
        r("fatima", "Yes, the 'Security FAQ' macro, plus the security whitepaper in the pinned docs"),
        r("marcus", "{thanks}"), day="wed", at="10:15"),
    req("chloe", "Could support send Globex a list of their tenant admins? They lost track after a reorg. "
                 "*Today* if possible",
        r("ben", "Sent to their IT lead, cc'd you"), day="wed", at="16:05"),
    req("isabel", "@lena can you look at ticket #4860 before EOD? Kestrel's logo upload is rejected as "
                  "'unsupported', but it's a PNG",
        r("lena", "It's a 16-bit PNG and the resizer chokes on it. Workaround: export as 8-bit. Bug filed"),
        r("isabel", "{thanks}"), day="thu", at="13:10"),
    bug("isabel", "A Kestrel user gets 'Something went wrong' when switching the portal language to "
                  "Portuguese",
        r("lena", "A missing translation key crashes the settings page. Trivial fix, next release"),
        r("isabel", "{thanks}"), day="mon", at="16:30"),
    ask("ben", "Is there a way to see which agent last changed a tenant's settings?",
        r("tom", "Audit log, filter by actor type 'support'"), day="tue", at="15:05"),
    req("fatima", "Can anyone swap weekend cover? Ben has Saturday but needs the morning off",
        r("isabel", "I'll take Saturday, Ben can have Sunday"), r("ben", "deal, thank you!"),
        day="fri", at="11:00"),
    chat("ben", "Have a good weekend all :wave:", then=[r("isabel", ":wave:")], day="fri", at="16:30"),
    ask("isabel", "Kestrel user locked out after too many attempts. Can I unlock on a weekend without the "
                  "admin approval?",
        r("fatima", "Yes for lockouts (not for 2FA). Use the unlock macro", gap=25),
        r("isabel", "{thanks}"), day="sat", at="10:15"),
    ann("ben", "Quiet Sunday: 2 tickets, both Kestrel admins mixing up our VPN maintenance with theirs. "
               "Answered", day="sun", at="11:20"),
    bug("ben", "Kestrel: the password strength meter says 'strong' for `Password1!` and then the server "
               "rejects it as too weak",
        r("lena", "Client and server rules have drifted apart. Filing"), r("ben", ":+1:"), day="mon", at="13:35"),
    bug("isabel", "Brightwater's report PDFs cut off the last column when a table has more than 8 columns",
        r("hannah", "Reproduced. Landscape would fix it, filing as PORT-429"), day="tue", at="13:50"),
    bug("fatima", "Two clients say notification emails arrive twice since Tuesday. Did anyone change the notifier?",
        r("tom", "Yes: the retry change retries on a timeout even when the send succeeded. The fix is small"),
        r("fatima", "Can it go out before the weekend?", cat=REQ),
        r("tom", "Friday morning, once Priya lifts the freeze", cat=REQ), day="thu", at="11:10"),
    bug("ben", "Search in Documents doesn't find files with accents in the name, e.g. 'Relatório'",
        r("lena", "We normalise the query but not the index. Filing"), day="fri", at="10:45"),
    req("marcus", "Acme wants the audit log for one of their users (last 30 days) for an internal review. Can "
                  "support pull it *by tomorrow*?",
        r("isabel", "I'll export it and send it to you rather than to them directly"),
        r("marcus", "Right, I'll forward it"), day="mon", at="12:40"),
    req("fatima", "@kenji could the support team get read access to the PulseCheck dashboards? It would help us "
                  "answer 'is it down?' faster",
        r("kenji", "Yes, added the support group as viewers"), r("fatima", ":pray:"), day="thu", at="09:15"),
    req("ben", "Could someone update the 'Known issues' page with the Safari upload bug and the audit log "
               "time zone? Clients keep asking",
        r("hannah", "Done"), day="wed", at="10:40"),
    ask("ben", "What's the SLA for P2 tickets again, 4 business hours or 8?",
        r("fatima", "4 for Premium tenants, 8 for Standard"), day="fri", at="09:10"),
    ann("fatima", "Weekly numbers: 212 tickets (130 of them on Wednesday), median first response 9 minutes. "
                  "Great work team :clap:",
        r("isabel", ":muscle:", cat=CHAT), r("ben", ":clap:", cat=CHAT), day="fri", at="15:45"),
    ann("isabel", "Updated the 'Known issues' page with this week's bugs", day="thu", at="16:50"),
    ann("fatima", "The incident template for the status page now uses the wording from Wednesday. Please use it "
                  "next time", day="thu", at="10:05"),
]

PROJ_PORTAL = [
    ann("lucas", "Sprint 14 starts today. Goals:\n- finish the new login and dashboard flows\n- usability test "
                 "with 5 client users (Wednesday)\n- freeze the design tokens\nBoard: "
                 "[PORT board](https://jira.northwind.example/boards/PORT)",
        day="mon", at="09:30", reactions=[("rocket", 4)]),
    req("sofia", "Updated dashboard mocks are in [Dashboard v3](https://design.northwind.example/f/dash-v3). "
                 "@lena @marcus please review *by Tuesday EOD*, especially the empty states",
        r("lena", "Looks great. One thing: the empty state button fails contrast (AA) on the grey background"),
        r("sofia", "good catch, will fix"),
        r("marcus", "Acme will love the usage chart. Approved from my side", day="tue", at="10:40"),
        day="mon", at="10:15"),
    bug("hannah", "Login page: the 'Remember me' checkbox is ignored, you're logged out when you close the "
                  "browser", r("lena", "yep, filing"), day="mon", at="10:55"),
    bug("hannah", "New login page: pressing Enter in the password field submits twice on Firefox, and the "
                  "second request fails with 'session expired'",
        r("lena", "Ugh, the submit handler is bound twice. Fixing"),
        r("lena", "PR is up: [#884](https://git.northwind.example/portal/web/pull/884)"),
        r("hannah", "Verified on staging :white_check_mark:", day="wed", at="10:05"),
        day="tue", at="11:00"),
    req("lucas", "@hannah can you do a full regression pass on staging before Thursday's demo?",
        r("hannah", "Yes, starting Wednesday morning"), day="mon", at="14:45"),
    ask("lucas", "@sofia are we keeping the old sidebar for admins, or is it the new top nav for everyone?",
        r("sofia", "New top nav for everyone, admins get an extra 'Admin' menu. Decision log updated"),
        r("lucas", "thx"), day="tue", at="14:00"),
    req("marcus", "Acme would like a preview of v3 for their admins. Could we give them staging access for a "
                  "week?",
        r("lucas", "After the pen test, so from the 23rd"), r("marcus", "{ack}"), day="tue", at="15:30"),
    ann("lucas", "Usability sessions today 15:00-17:00, observers welcome (cameras off please). Link is in "
                 "the calendar invite", day="wed", at="09:30"),
    bug("hannah", "Dashboard: the chart legend overlaps the chart when there are more than 6 series",
        r("lena", "I'll wrap the legend under the chart"), day="wed", at="11:05"),
    chat("lucas", "Sessions done, 4 of 5 made it. Thanks Sofía for rescheduling so fast",
         r("sofia", ":pray:"), day="wed", at="17:30"),
    ann("sofia", "Usability results from yesterday (4 of 5 participants):\n- 4/4 found the new dashboard "
                 "faster\n- 3/4 missed the export button, we should move it up\n- nobody understood the "
                 "'workspace' label\nFull notes: [UX round 2](https://docs.northwind.example/portal-v3/ux-round-2)",
        r("lucas", "Great summary. Rename 'workspace' to 'team'?", cat=ASK),
        r("sofia", "Yes, I'll update the copy", cat=ASK),
        r("marcus", "Acme calls it 'business unit' fwiw", cat=ASK),
        r("sofia", "hmm, let's settle it at Friday's design review", cat=ASK),
        day="thu", at="09:00", reactions=[("eyes", 3)]),
    ask("zoe", "Hi all, I've joined to plan the launch comms. Is 31 March still the launch date?",
        r("lucas", "Yes, pending the pen test results on the 20th"),
        r("zoe", "great, I'll draft the email sequence"), day="thu", at="10:05"),
    ann("sofia", "Design tokens are frozen :snowflake: anything new goes through me please",
        day="thu", at="11:30"),
    req("lucas", "I need estimates for PORT-425 and PORT-431 *by Friday* so we can decide whether they go in "
                 "2.15",
        r("tom", "431 is ~2 days (lazy loading + the memory test)"), r("lena", "425 is half a day"),
        day="thu", at="15:00"),
    bug("sofia", "Dark mode: the table headers in Reports are dark grey on black, unreadable",
        r("lena", "Design tokens again, I'll fix it with the freeze"), r("sofia", "I'll file it"),
        day="thu", at="16:05"),
    req("sofia", "@maya could you join Friday's design review for the nav decision? 15 minutes",
        r("maya", "Yes, I'll be there"), day="thu", at="16:40"),
    ask("tom", "Is the new dashboard flag per tenant or global?",
        r("priya", "Per tenant: `dash_v3_enabled`")),
    ask("lena", "Do we have final copy for the empty states, or should I keep the placeholders?",
        r("sofia", "Final copy is in the design file, page 'Copy v2'")),
    bug("lena", "Login page: no focus ring on the SSO button (accessibility)",
        r("sofia", "oops, that's mine. Component updated")),
    ask("hannah", "Which browsers are we officially supporting at launch? Safari 16 too?",
        r("lucas", "Last two versions of Chrome, Edge, Firefox and Safari. So Safari 17 and 18"),
        r("hannah", "{thanks}")),
    ask("lucas", "Design review at 14:00, who's presenting the nav changes?",
        r("sofia", "me"), day="fri", at="10:00"),
    ask("chloe", "Will Globex users get a heads-up before the new nav switches on? Their admins hate surprises",
        r("zoe", "Yes: an in-app banner two weeks before, plus an email to admins"), day="fri", at="11:25"),
    chat("ollie", "I'm rolling off the redesign to focus on Globex. Thanks all, it's been fun :wave:",
         r("lucas", "Thanks Ollie, you'll be missed"), r("sofia", ":wave: :heart:"),
         day="fri", at="15:30"),
    ann("lucas", "Sprint 14 status: 21 of 26 points done. PORT-431 pulled in after Wednesday; launch is still "
                 "on track for 31 March", day="fri", at="16:05"),
    bug("hannah", "New dashboard: numbers in the KPI tiles aren't localised. Acme's German unit sees 1,204.5 "
                  "instead of 1.204,5",
        r("lena", "We pass the tenant locale but the tile ignores it. Fixing"), day="tue", at="16:20"),
    bug("sofia", "Mobile: the top nav overflows on screens narrower than 360px",
        r("lena", "I'll collapse it into the menu below 400px"), day="wed", at="12:30"),
    bug("hannah", "Keyboard users can't close the filter panel, Escape does nothing",
        r("lena", "Filing as an accessibility blocker for launch"),
        r("lucas", "Agreed, must fix before launch"), day="thu", at="13:40"),
    req("lucas", "@zoe please draft the launch email for admins *by next Wednesday* so legal can review it",
        r("zoe", "On it"), day="fri", at="11:50"),
    req("sofia", "Could someone record the new login on an iPhone? I don't have one",
        r("hannah", "Sent you a video"), r("sofia", "{thanks}"), day="tue", at="10:05"),
    req("lena", "I need a decision *today* on the dashboard date format: '4 Mar 2026' or '04/03/2026'?",
        r("lucas", "'4 Mar 2026'. Unambiguous for US clients too"), day="mon", at="15:50"),
    ann("lucas", "The pen test is booked for 16-20 March. Staging is frozen that week", day="tue", at="09:15"),
    ann("sofia", "The new icon set is in the design library; the old icons go next sprint", day="mon",
        at="16:40"),
    ask("zoe", "Do we have screenshots of the new dashboard with realistic (fake) data for the launch page?",
        r("sofia", "Yes, the 'marketing' page in the design file"), day="fri", at="14:20"),
    ann("lucas", "The sprint demo moves to next Thursday 15:00 so we can include the usability fixes", day="thu",
        at="17:05"),
]

ENG = [
    ann("priya", "Morning! This week: 2.14 goes out Wednesday (auth-service session cache, dashboard API "
                 "pagination), on call is @kenji. Code freeze for 2.15 is next Friday",
        day="mon", at="09:05"),
    req("tom", "PR [#871 dashboard API pagination](https://git.northwind.example/portal/api/pull/871) needs a "
               "review *by EOD* to make Wednesday's release. @arjun?",
        r("arjun", "looking after standup"),
        r("arjun", "Left 3 comments, mostly naming. One real issue: the cursor isn't URL-safe"),
        r("tom", "fixed, PTAL"), r("arjun", "LGTM :shipit:"), day="mon", at="09:40"),
    ask("arjun", "Do we have a convention for feature flag names? I've seen both `dash_v3` and `dashboardV3`",
        r("priya", "snake_case, prefixed with the area, ending in `_enabled`: `dash_v3_enabled`. I'll add it "
                   "to the handbook"),
        r("arjun", "ty"), day="mon", at="11:20"),
    ask("lena", "Is anyone else getting `EACCES` on `npm install` since the laptop update?",
        r("kenji", "The update reset the npm prefix. Run `npm config set prefix ~/.npm-global`"),
        r("lena", "that fixed it, thank you"), day="mon", at="13:00"),
    ann("kenji", "The new on-call rota is up: [On-call rota](https://wiki.northwind.example/eng/on-call). Swaps "
                 "via the usual form please", day="mon", at="15:10"),
    req("arjun", "Can someone review PR #877 (auth-service session cache warmup)? It's the last thing for 2.14 "
                 "and needs to go in *today*",
        r("tom", "Reviewed, looks fine. Did you load test it?"),
        r("arjun", "Ran it against staging, memory looks flat"),
        r("tom", "ok :+1:"), day="mon", at="16:30"),
    req("ravi", "@priya I need the list of everyone with prod DB access for the quarterly access review *by "
                "Friday*",
        r("priya", "Will send it Thursday"),
        r("priya", "Sent. Removed two stale accounts while I was at it", day="thu", at="17:05"),
        r("ravi", ":+1:", day="thu", at="17:20"), day="tue", at="10:00"),
    ask("nadia", "Is there a read replica I can point the analytics notebooks at? I don't want to hammer the "
                 "primary",
        r("kenji", "db-replica-2, credentials in the vault under 'analytics-ro'. It's a bit full right now, "
                   "cleanup tonight"),
        r("nadia", "perfect"), day="tue", at="11:30"),
    bug("hannah", "Staging: the dashboard API returns 500 when a tenant has zero projects",
        r("tom", "my bad, missing null check. Fix as a follow-up to #871"),
        r("hannah", "verified"), day="tue", at="14:45"),
    chat("lena", "who broke the build AND the coffee machine, be honest",
         then=[r("tom", "the coffee machine was already broken"), r("arjun", "build was me, fixed")],
         day="tue", at="15:20"),
    ask("tom", "Anyone know why this is slow on prod but fine on staging?\n"
               "```\n"
               "SELECT u.id, count(l.id)\n"
               "FROM users u JOIN logins l ON l.user_id = u.id\n"
               "WHERE l.created_at > now() - interval '90 days'\n"
               "GROUP BY u.id;\n"
               "```",
        r("kenji", "No index on logins(created_at) in prod. It was added in a migration that never ran there"),
        r("tom", "oh no. Can we add it tonight?"),
        r("kenji", "Yes, I'll create it concurrently tonight"), day="tue", at="16:00"),
    ann("priya", "2.14 goes out today at 13:30 UTC. Changes:\n- auth-service: session cache warmup\n- dashboard "
                 "API pagination\n- 12 bug fixes\nRelease notes: "
                 "[2.14](https://wiki.northwind.example/eng/releases/2-14)",
        day="wed", at="09:00", reactions=[("rocket", 3)]),
    ask("nadia", "What's the right way to get a new Python package into the analytics image? Just a PR to the "
                 "Dockerfile?",
        r("kenji", "Yes, and pin the version please"), day="wed", at="10:40"),
    ann("arjun", "Deploying 2.14 to prod now :rocket:", day="wed", at="13:36"),
    ann("arjun", "2.14 is out, smoke tests green", day="wed", at="13:47", edited=True),
    ann("priya", "Postmortem for yesterday's login outage at 11:00 in the Harbor Room and online. Draft: "
                 "[PM-2026-03-04](https://docs.northwind.example/postmortems/2026-03-04-login-502). Please "
                 "add your bits of the timeline before then",
        r("kenji", "Added the alert timeline"),
        r("arjun", "Added the cache details and why staging didn't catch it"),
        r("priya", "Action items:\n- PORT-431: load the session cache lazily (@tom)\n- PORT-432: memory "
                   "limit test in CI (@arjun)\n- staging data volume closer to prod (@kenji)\n- alert when "
                   "pods restart right after a deploy (@kenji)", at="12:15"),
        day="thu", at="10:00"),
    req("kenji", "Need a second pair of eyes on the alert routing change: "
                 "[#512](https://git.northwind.example/infra/pulsecheck-config/pull/512). Adds the "
                 "restart-after-deploy monitor. *Today* if possible",
        r("priya", "Approved"), day="thu", at="14:00"),
    ask("lena", "When does 2.15 branch off? I want to get the Safari fixes in",
        r("priya", "Next Thursday"), day="thu", at="15:30"),
    bug("lena", "Storybook build fails on main since this morning: `Cannot find module './tokens.json'`",
        r("sofia", "That's the token freeze rename, my bad. Pushing a fix"), r("lena", ":+1:"),
        day="thu", at="11:50"),
    req("priya", "@tom please have the PORT-431 PR up by Monday so it can make 2.15",
        r("tom", "It'll be up Friday"), day="thu", at="17:00"),
    bug("hannah", "Flaky test: `test_session_expiry` fails about 1 run in 10 on CI",
        r("arjun", "It uses the real clock. I'll freeze time in it"), r("arjun", "Fixed in #889")),
    ask("arjun", "What's the max payload size on the webhook endpoint?",
        r("tom", "1 MB, enforced at the load balancer")),
    req("lena", "Could someone pair with me on the SAML metadata refresh tomorrow morning?",
        r("kenji", "I'm free at 10")),
    ask("sofia", "Can I see the new nav on staging without toggling the flag in the admin UI?",
        r("lena", "Add `?ff=dash_v3_enabled` to the URL")),
    req("arjun", "Can someone review #905 (PORT-423, migrate permissions on plan change)? Not urgent, Monday "
                 "is fine",
        r("tom", "I'll take it Monday"), day="fri", at="14:30"),
    ask("hannah", "Are we still doing the Friday demo after this morning's billing fire?",
        r("priya", "Skipping this week, double demo next Friday"), day="fri", at="13:40"),
    chat("tom", "TGIF. PORT-431 PR is up, reviews Monday, no weekend heroics please",
         r("priya", ":100:"), day="fri", at="15:00"),
    chat("kenji", "Handing on-call to @tom on Monday 09:00. Quiet weekend hopefully :crossed_fingers:",
         r("tom", "{lol}"), day="fri", at="16:45"),
    ann("kenji", "VPN maintenance tonight doesn't touch prod, but I'll be around in case", day="sat",
        at="09:30"),
    bug("arjun", "The `reports` worker leaks file handles; worker-3 hit the ulimit twice this week",
        r("kenji", "That explains Tuesday's CPU alert. I'll raise the limit as a stopgap"),
        r("arjun", "and I'll fix the leak properly"), day="wed", at="11:20"),
    bug("tom", "Heads up: `make test` fails on a fresh clone because the fixtures download needs the VPN",
        r("kenji", "Vendor the fixtures into the repo? They're 4 MB"), r("priya", "Yes please"),
        day="mon", at="14:25"),
    bug("hannah", "The password reset link in staging emails points to prod",
        r("arjun", "Typo in the staging config, fixed"), day="thu", at="09:35"),
    req("nadia", "Could I get read access to the billing schema on db-replica-2? Jonah wants a revenue-by-tenant "
                 "dashboard",
        r("kenji", "Needs Priya's OK"), r("priya", "OK: read-only, no PII columns"), r("kenji", "Granted"),
        day="tue", at="13:10"),
    req("hannah", "Please don't merge to `main` between 12:00 and 13:00 today, I'm running the full regression "
                  "suite on staging", r("tom", ":+1:"), day="wed", at="11:45"),
    req("priya", "Everyone: please put your 2.15 items on the release board *by Thursday EOD*, otherwise they "
                 "wait for 2.16", r("lena", "done"), r("arjun", "done"), day="tue", at="09:20"),
    req("tom", "Someone needs to rotate the SMTP relay credentials before they expire on the 10th. @kenji?",
        r("kenji", "Tuesday morning, together with the DB maintenance"), day="thu", at="16:05"),
    ann("priya", "Draft 2.15 release notes: [2.15](https://wiki.northwind.example/eng/releases/2-15). "
                 "Highlights:\n- Safari upload fix\n- audit log in the user's time zone\n- lazy session cache "
                 "(PORT-431)", day="fri", at="16:20"),
    ann("kenji", "Staging will be down Thursday 07:00-07:30 UTC while I resize its DB to prod-like data volume "
                 "(postmortem action)", day="wed", at="17:15"),
    ann("tom", "Heads up: I upgraded the Postgres client library on main. Run `make deps` after pulling",
        day="tue", at="10:50"),
    ask("lena", "Does anyone know why the e2e tests need Chrome 121 specifically?",
        r("hannah", "They don't any more, we can unpin. I'll do it"), day="mon", at="10:35"),
    ann("priya", "Deploy freeze lifted. Normal process again, but every prod deploy now needs a second person "
                 "watching the dashboards for 15 minutes", day="thu", at="13:30", reactions=[("+1", 5)]),
    ann("arjun", "PORT-432 is merged: CI now starts auth-service with a 512Mi limit against a prod-sized "
                 "session table", day="fri", at="15:35"),
]

EVERYDAY = {
    "general": GENERAL,
    "random": RANDOM,
    "announcements": ANNOUNCEMENTS,
    "client-acme": CLIENT_ACME,
    "client-globex": CLIENT_GLOBEX,
    "support": SUPPORT,
    "ops-alerts": OPS_ALERTS,
    "proj-portal-redesign": PROJ_PORTAL,
    "eng": ENG,
}


# =============================================================================================
# 5. Scheduling, writing, validation
# =============================================================================================

# Unpinned messages mostly land in business hours (UTC), with a mid-morning and an afternoon peak.
HOUR_WEIGHTS = {8: 4, 9: 9, 10: 10, 11: 10, 12: 6, 13: 7, 14: 9, 15: 9, 16: 7, 17: 3}
REPLY_GAPS = [1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 35, 50]  # minutes
FOLLOW_GAPS = [0.5, 1, 1, 2, 3, 4]  # minutes, for un-threaded follow-ups
STOCK_REACTIONS = ["+1", "eyes", "pray", "white_check_mark", "joy", "heart", "raised_hands", "100"]


def day_date(day: str) -> dt.date:
    return WEEK_START + dt.timedelta(days=DAYS.index(day))


def moment(day: str, at: str | None = None) -> dt.datetime:
    d = day_date(day)
    if at:
        hour, minute = map(int, at.split(":"))
    else:
        hour = rng.choices(list(HOUR_WEIGHTS), weights=list(HOUR_WEIGHTS.values()))[0]
        minute = rng.randrange(60)
    return dt.datetime(d.year, d.month, d.day, hour, minute, rng.randrange(60), tzinfo=UTC)


def next_moment(day: str, prev: dt.datetime, spec: dict, gaps: list) -> dt.datetime:
    """When a reply or follow-up is posted: at its own day/at, or a short gap after `prev`."""
    if "at" in spec or "day" in spec:
        when = moment(spec.get("day", day), spec.get("at"))
    else:
        minutes = spec.get("gap", rng.choice(gaps))
        when = prev + dt.timedelta(minutes=minutes, seconds=rng.randrange(5, 50))
    if when <= prev:  # never before what it answers
        when = prev + dt.timedelta(seconds=rng.randrange(20, 90))
    return when


def expand(text: str) -> str:
    return re.sub(r"\{(ack|thanks|lol|cheer)\}", lambda m: rng.choice(STOCK[m.group(1)]), text)


def message_options(spec: dict, top_level: bool, legacy_rate: float = 0.10) -> dict:
    """Per-message variety: a few old-style (text only) messages, edits and reactions."""
    modern_only = spec.get("files") or spec.get("broadcast") or spec.get("legacy_file")
    legacy = spec.get("legacy", False if modern_only else rng.random() < legacy_rate)
    edited = spec.get("edited", len(spec["text"]) > 30 and rng.random() < 0.05)
    reactions = spec.get("reactions")
    if reactions is None and top_level and rng.random() < 0.10:
        reactions = [(rng.choice(STOCK_REACTIONS), rng.randint(1, 4))]
    return {"legacy": legacy, "edited": edited, "reactions": reactions, "files": spec.get("files"),
            "legacy_file": spec.get("legacy_file")}


def post_entry(channel: str, e: dict, legacy_rate: float = 0.10) -> None:
    when = moment(e["day"], e.get("at"))
    parent = X.post(channel, when, e["who"], expand(e["text"]), e["cat"],
                    **message_options(e, True, legacy_rate))
    prev = when
    for rep in e["replies"]:
        prev = next_moment(e["day"], prev, rep, REPLY_GAPS)
        X.post(channel, prev, rep["who"], expand(rep["text"]), rep.get("cat", e["cat"]), parent=parent,
               broadcast=rep.get("broadcast", False), **message_options(rep, False, legacy_rate))
    prev = when
    for follow in e.get("then", []):
        prev = next_moment(e["day"], prev, follow, FOLLOW_GAPS)
        X.post(channel, prev, follow["who"], expand(follow["text"]), follow.get("cat", e["cat"]),
               **message_options(follow, True, legacy_rate))


def build() -> int:
    for channel, entry in WEDNESDAY_OUTAGE + FRIDAY_BILLING:
        post_entry(channel, entry, legacy_rate=0)  # old-style only where the story says so
    for a in ALERTS:
        parent = X.pulsecheck(moment(a["day"], a["at"]), a["state"], a["title"], a["body"],
                              monitor=a["monitor"], priority=a["priority"], text=a["text"],
                              category=a["cat"])
        prev = moment(a["day"], a["at"])
        for rep in a["replies"]:
            prev = next_moment(a["day"], prev, rep, REPLY_GAPS)
            X.post("ops-alerts", prev, rep["who"], expand(rep["text"]), rep.get("cat", INC),
                   parent=parent, **message_options(rep, False))
    for channel, day, at, actor, action, key, summary, kind, prio, assignee, status in JIRA:
        X.jira(channel, moment(day, at), actor, action, key, summary, kind=kind, priority=prio,
               assignee=assignee, status=status, category=BUG if kind == "Bug" else REQ)
    for channel, day, at, who, what, inviter in MEMBERSHIP:
        if what == "join":
            X.join(channel, moment(day, at), who, inviter)
        else:
            X.leave(channel, moment(day, at), who)
    for channel, entries in EVERYDAY.items():
        unpinned = [e for e in entries if "day" not in e]
        rng.shuffle(unpinned)
        for i, e in enumerate(unpinned):  # spread evenly over the working days
            e["day"] = WEEKDAYS[i % len(WEEKDAYS)]
        for e in entries:
            post_entry(channel, e)
    return X.finish_threads()


def ascii_fold(text: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


STATUSES = {"kenji": ("On call", ":pager:"), "felix": ("First week!", ":wave:"),
            "samir": ("On site at Acme", ":office:")}


def users_json() -> list:
    users = []
    updated = epoch(dt.datetime(2026, 2, 27, 9, 0, tzinfo=UTC))
    for key, username, real, disp, title, tz in PEOPLE:
        status_text, status_emoji = STATUSES.get(key, ("", ""))
        first, last = real.split(" ", 1)
        users.append({
            "id": USER_ID[key],
            "team_id": TEAM_ID,
            "name": username,
            "deleted": False,
            "color": hashlib.md5(username.encode()).hexdigest()[:6],
            "real_name": real,
            "tz": tz,
            "tz_label": TIMEZONES[tz][0],
            "tz_offset": TIMEZONES[tz][1],
            "profile": {
                "title": title,
                "phone": "",
                "skype": "",
                "real_name": real,
                "real_name_normalized": ascii_fold(real),
                "display_name": disp,
                "display_name_normalized": ascii_fold(disp),
                "fields": None,
                "status_text": status_text,
                "status_emoji": status_emoji,
                "status_expiration": 0,
                "avatar_hash": hashlib.md5(username.encode()).hexdigest()[:12],
                "email": f"{username}@northwind.example",
                "first_name": first,
                "last_name": last,
                "team": TEAM_ID,
            },
            "is_admin": key in ADMINS,
            "is_owner": key in OWNERS,
            "is_primary_owner": key in OWNERS,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": False,
            "is_app_user": False,
            "updated": updated,
            "is_email_confirmed": True,
            "who_can_share_contact_card": "EVERYONE",
        })
    for key, username, real, kind in BOTS:
        users.append({
            "id": USER_ID[key],
            "team_id": TEAM_ID,
            "name": username,
            "deleted": False,
            "color": hashlib.md5(username.encode()).hexdigest()[:6],
            "real_name": real,
            "tz": "America/Los_Angeles",
            "tz_label": "Pacific Standard Time",
            "tz_offset": -28800,
            "profile": {
                "title": "",
                "phone": "",
                "skype": "",
                "real_name": real,
                "real_name_normalized": real,
                "display_name": "",
                "display_name_normalized": "",
                "fields": None,
                "status_text": "",
                "status_emoji": "",
                "status_expiration": 0,
                "avatar_hash": hashlib.md5(username.encode()).hexdigest()[:12],
                "api_app_id": APP_ID[key],
                "always_active": kind == "app",
                "bot_id": BOT_ID[key],
                "first_name": real,
                "last_name": "",
                "team": TEAM_ID,
            },
            "is_admin": False,
            "is_owner": False,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": True,
            "is_app_user": False,
            "updated": updated,
        })
    return users


def channels_json() -> list:
    out = []
    topic_set = epoch(dt.datetime(2026, 2, 23, 10, 0, tzinfo=UTC))
    for name, created, creator, members, purpose, topic in CHANNELS:
        created_at = epoch(dt.datetime.fromisoformat(created + "T09:00:00+00:00"))
        out.append({
            "id": CHANNEL_ID[name],
            "name": name,
            "created": created_at,
            "creator": USER_ID[creator],
            "is_archived": False,
            "is_general": name == "general",
            "members": [USER_ID[m] for m in members],
            "topic": {"value": topic, "creator": USER_ID[creator], "last_set": topic_set},
            "purpose": {"value": purpose, "creator": USER_ID[creator], "last_set": created_at},
        })
    return out


def dumps(obj) -> bytes:
    return (json.dumps(obj, indent=4, ensure_ascii=False) + "\n").encode("utf-8")


def utc_day(ts: str) -> str:
    return dt.datetime.fromtimestamp(ts_key(ts)[0], UTC).strftime("%Y-%m-%d")


def strip_internal(msg: dict) -> dict:
    return {k: v for k, v in msg.items() if not k.startswith("_")}


def export_files() -> dict[str, bytes]:
    """Relative path -> content, in the order the zip lists them."""
    files = {"channels.json": dumps(channels_json()), "users.json": dumps(users_json())}
    for channel in sorted(X.messages):
        by_day: dict[str, list] = defaultdict(list)
        for m in X.messages[channel]:
            by_day[utc_day(m["ts"])].append(strip_internal(m))
        for day in sorted(by_day):
            msgs = sorted(by_day[day], key=lambda m: ts_key(m["ts"]))
            files[f"{channel}/{day}.json"] = dumps(msgs)
    return files


def write(files: dict[str, bytes]) -> None:
    if OUT_DIR.exists():
        shutil.rmtree(OUT_DIR)
    for rel, data in files.items():
        path = OUT_DIR / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if OUT_ZIP.exists():
        OUT_ZIP.unlink()
    with zipfile.ZipFile(OUT_ZIP, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for rel, data in files.items():
            info = zipfile.ZipInfo(rel, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so the archive is the same on every platform
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


TS_RE = re.compile(r"^\d{10}\.\d{6}$")


def validate() -> list[str]:
    """Re-read everything from disk (directory and zip) and check it hangs together."""
    errors: list[str] = []
    loaded: dict[str, object] = {}
    for path in sorted(OUT_DIR.rglob("*.json")):
        rel = path.relative_to(OUT_DIR).as_posix()
        try:
            loaded[rel] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            errors.append(f"{rel}: invalid JSON: {e}")
    with zipfile.ZipFile(OUT_ZIP) as z:
        names = z.namelist()
        if sorted(names) != sorted(loaded):
            errors.append("zip entries differ from the directory")
        for name in names:
            if name.startswith("northwind-week/"):
                errors.append(f"zip entry not at the root: {name}")
            json.loads(z.read(name).decode("utf-8"))
            if z.read(name) != (OUT_DIR / name).read_bytes():
                errors.append(f"zip entry {name} differs from the file")

    users = {u["id"]: u for u in loaded["users.json"]}
    channels = {c["id"]: c for c in loaded["channels.json"]}
    for uid, u in users.items():
        if not re.fullmatch(r"U0[0-9A-Z]{9}", uid):
            errors.append(f"bad user id {uid}")
    names = {c["name"] for c in channels.values()}
    for rel in loaded:
        if "/" in rel and rel.split("/")[0] not in names:
            errors.append(f"{rel}: no such channel in channels.json")

    for channel in sorted(names):
        msgs = []
        for rel in sorted(k for k in loaded if k.startswith(channel + "/")):
            day_msgs = loaded[rel]
            keys = [ts_key(m["ts"]) for m in day_msgs]
            if keys != sorted(keys):
                errors.append(f"{rel}: not sorted by ts")
            for m in day_msgs:
                if utc_day(m["ts"]) != rel.split("/")[1][:-5]:
                    errors.append(f"{rel}: {m['ts']} is on another day")
            msgs += day_msgs
        seen = Counter(m["ts"] for m in msgs)
        errors += [f"#{channel}: duplicate ts {ts}" for ts, n in seen.items() if n > 1]
        by_ts = {m["ts"]: m for m in msgs}
        found_replies: dict[str, list] = defaultdict(list)
        for m in msgs:
            where = f"#{channel} {m['ts']}"
            if m.get("type") != "message" or not TS_RE.match(m["ts"]):
                errors.append(f"{where}: bad type or ts")
            if "user" in m and m["user"] not in users:
                errors.append(f"{where}: unknown user {m['user']}")
            if "user" not in m and "bot_id" not in m:
                errors.append(f"{where}: neither user nor bot_id")
            for uid in re.findall(r"<@(U[0-9A-Z]+)(?:\|[^>]*)?>", m.get("text", "")):
                if uid not in users:
                    errors.append(f"{where}: mention of unknown user {uid}")
            for cid, cname in re.findall(r"<#(C[0-9A-Z]+)\|([^>]*)>", m.get("text", "")):
                if cid not in channels or channels[cid]["name"] != cname:
                    errors.append(f"{where}: bad channel link {cid}|{cname}")
            if "edited" in m and ts_key(m["edited"]["ts"]) <= ts_key(m["ts"]):
                errors.append(f"{where}: edited before it was posted")
            thread_ts = m.get("thread_ts")
            if thread_ts and thread_ts != m["ts"]:
                parent = by_ts.get(thread_ts)
                if parent is None or parent.get("thread_ts") != thread_ts:
                    errors.append(f"{where}: reply to a missing parent {thread_ts}")
                elif ts_key(m["ts"]) <= ts_key(thread_ts):
                    errors.append(f"{where}: reply older than its parent")
                found_replies[thread_ts].append({"user": m["user"], "ts": m["ts"]})
                if m.get("subtype") == "thread_broadcast" and m.get("root", {}).get("ts") != thread_ts:
                    errors.append(f"{where}: broadcast without a matching root")
        for m in msgs:
            if m.get("thread_ts") == m["ts"]:
                expected = sorted(found_replies[m["ts"]], key=lambda x: ts_key(x["ts"]))
                if m.get("replies") != expected or m.get("reply_count") != len(expected):
                    errors.append(f"#{channel} {m['ts']}: thread fields don't match its replies")
                if m.get("latest_reply") != expected[-1]["ts"]:
                    errors.append(f"#{channel} {m['ts']}: wrong latest_reply")
    return errors


def summary(thread_count: int) -> None:
    all_msgs = [(c, m) for c, ms in X.messages.items() for m in ms]
    dates = [(WEEK_START + dt.timedelta(days=i)).isoformat() for i in range(7)]
    table: dict[str, Counter] = {c: Counter(utc_day(m["ts"]) for m in ms) for c, ms in X.messages.items()}
    width = max(len(c) for c in table) + 1
    print(f"\nMessages per channel and day (UTC) in {OUT_DIR.relative_to(HERE.parent)}/")
    print("#" + "channel".ljust(width - 1) + "".join(f"{DAYS[i]} {d[8:]}".rjust(8) for i, d in enumerate(dates))
          + "   total")
    for c, _ in [(c[0], 0) for c in CHANNELS]:
        row = table[c]
        print(("#" + c).ljust(width) + "".join(str(row[d]).rjust(8) for d in dates) + str(sum(row.values())).rjust(8))
    per_day = Counter(utc_day(m["ts"]) for _, m in all_msgs)
    print("total".ljust(width) + "".join(str(per_day[d]).rjust(8) for d in dates) + str(len(all_msgs)).rjust(8))

    cats = Counter(X.category[(c, m["ts"])] for c, m in all_msgs)
    print("\nIntended triage categories (not written to the export):")
    for cat in CATEGORIES:
        print(f"  {cat:<13}{cats[cat]:>5}  {100 * cats[cat] / len(all_msgs):5.1f}%")

    def count(pred):
        return sum(1 for _, m in all_msgs if pred(m))

    print("\nShapes:")
    print(f"  threads {thread_count}, replies {count(lambda m: m.get('thread_ts', m['ts']) != m['ts'])}, "
          f"thread_broadcast {count(lambda m: m.get('subtype') == 'thread_broadcast')}")
    print(f"  rich_text blocks {count(lambda m: 'blocks' in m)}, text-only user messages "
          f"{count(lambda m: 'blocks' not in m and 'bot_id' not in m and 'subtype' not in m)}, "
          f"edited {count(lambda m: 'edited' in m)}, with reactions {count(lambda m: 'reactions' in m)}")
    print(f"  file uploads {count(lambda m: 'files' in m)} (+ legacy file_share "
          f"{count(lambda m: m.get('subtype') == 'file_share')}), bot posts {count(lambda m: 'bot_id' in m)}, "
          f"joins/leaves {count(lambda m: m.get('subtype') in ('channel_join', 'channel_leave'))}")
    start = dt.datetime(2026, 3, 4, 13, 50, tzinfo=UTC)
    reports = [(c, m) for c, m in all_msgs
               if X.category[(c, m["ts"])] == INC and "bot_id" not in m
               and m.get("thread_ts", m["ts"]) == m["ts"]
               and start <= dt.datetime.fromtimestamp(ts_key(m["ts"])[0], UTC) <= start + dt.timedelta(minutes=30)]
    print(f"  Wednesday outage: {len(reports)} independent reports by "
          f"{len({m['user'] for _, m in reports})} people in {len({c for c, _ in reports})} channels "
          f"between 13:50 and 14:20 UTC")


def main() -> int:
    threads = build()
    files = export_files()
    write(files)
    for warning in X.warnings:
        print("warning:", warning, file=sys.stderr)
    errors = validate()
    summary(threads)
    print(f"\nWrote {len(files)} files to {OUT_DIR} and {OUT_ZIP}")
    if errors:
        print(f"\n{len(errors)} validation errors:", file=sys.stderr)
        for e in errors[:50]:
            print("  " + e, file=sys.stderr)
        return 1
    print(f"Validation OK: all {len(files)} files load as JSON; zip matches the directory; ids, "
          "threads and ordering check out.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
