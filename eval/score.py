#!/usr/bin/env python3
# Copied unchanged from the evaluation's shared/eval/score.py (and eval/gold.json from shared/seeds/gold.json),
# so that a clone can score its extraction; keep it in step with that file. ruff: noqa, as an external script.
# ruff: noqa
"""Score extracted meetings against gold annotations.

usage: score.py GOLD.json PREDICTED.json [--json] [--verbose]

GOLD is shared/seeds/gold.json (or a file of the same shape).
PREDICTED is what `briefing export --format json` prints:
  {"meetings": [{"date": "2025-12-02" | "2025-05" | "2025" | null,
                 "place": "Moscow" | null,
                 "kind": "meeting" | "call" | "planned",
                 "participants": [{"name": "Sergei Shoigu", ...}, ...],
                 "topics": [{"name": "Taiwan", ...}, ...], ...}, ...]}
(participants and topics may also be plain strings).

A predicted meeting is paired with a gold meeting when they share at least
two participants (one, when the gold meeting names only one); pairs with the
same date are preferred. Gold meetings that name nobody are not scored.
Standard library only, so it runs in any Python 3.9+.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from difflib import SequenceMatcher


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("-", " ").replace(".", " ").replace("'", "")
    return " ".join(text.split())


def similar(a: str, b: str, cutoff: float = 0.84) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b or SequenceMatcher(None, a, b).ratio() >= cutoff:
        return True
    # token-set view: "saint petersburg" ~ "st petersburg", "wang yi" in "foreign minister wang yi"
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) >= min(len(ta), len(tb)) and len(ta & tb) > 0 and (
        len(ta) > 1 and len(tb) > 1 or ta == tb)


PLACE_ALIASES = {"st petersburg": "saint petersburg", "st. petersburg": "saint petersburg"}


def same_place(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a, b = norm(a), norm(b)
    a, b = PLACE_ALIASES.get(a, a), PLACE_ALIASES.get(b, b)
    return similar(a, b) or a in b or b in a


def names(items) -> list[str]:
    out = []
    for item in items or []:
        out.append(item["name"] if isinstance(item, dict) else str(item))
    return out


def overlap(gold: list[str], pred: list[str]) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and similar(g, p):
                used.add(i)
                hits += 1
                break
    return hits


def load_gold(path: str) -> list[dict]:
    data = json.load(open(path, encoding="utf-8"))
    groups = data["articles"] if isinstance(data, dict) and "articles" in data else data
    if isinstance(groups, dict) and "cases" in groups:
        groups = groups["cases"]
    meetings: list[dict] = []
    for group in groups:
        for m in group.get("meetings", []):
            m = dict(m)
            m.setdefault("status", "required")
            if "topics_must" not in m:
                m["topics_must"] = list(m.get("topics", []))
                m["topics_may"] = None  # unknown: topic precision is not scored
            m["source"] = group.get("file") or group.get("id")
            meetings.append(m)
    # the same real meeting reported by two articles is one meeting
    merged: list[dict] = []
    for m in meetings:
        twin = next((k for k in merged if m["date"] and k["date"] == m["date"] and m["participants"]
                     and len(k["participants"]) == len(m["participants"])
                     and overlap(k["participants"], m["participants"]) == len(m["participants"])), None)
        if twin is None:
            merged.append(m)
            continue
        twin["topics_must"] = sorted(set(twin["topics_must"]) | set(m["topics_must"]))
        if twin["topics_may"] is not None and m["topics_may"] is not None:
            twin["topics_may"] = sorted(set(twin["topics_may"]) | set(m["topics_may"]))
        if m["status"] == "required":
            twin["status"] = "required"
        twin["place"] = twin.get("place") or m.get("place")
    return [m for m in merged if m["participants"]]


def date_ok(gold: str | None, pred: str | None) -> bool:
    if gold is None:
        return True
    return bool(pred) and pred[: len(gold)] == gold and len(pred) == len(gold)


def score(gold: list[dict], pred: list[dict]) -> dict:
    pairs = []
    for gi, g in enumerate(gold):
        need = min(2, len(g["participants"]))
        for pi, p in enumerate(pred):
            pn = names(p.get("participants"))
            hits = overlap(g["participants"], pn)
            if hits >= need:
                jac = hits / (len(g["participants"]) + len(pn) - hits)
                if g.get("date") is None:
                    when = 1.0  # an undated gold meeting pairs after the dated ones
                else:
                    when = 2.0 * date_ok(g["date"], p.get("date"))
                pairs.append((when + jac + 0.5 * (g["status"] == "required"), gi, pi))
    pairs.sort(reverse=True)
    g_to_p: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in g_to_p and pi not in taken:
            g_to_p[gi] = pi
            taken.add(pi)

    required = [i for i, g in enumerate(gold) if g["status"] == "required"]
    found = [i for i in required if i in g_to_p]
    s = {"gold_required": len(required), "predicted": len(pred), "found": len(found)}
    s["meeting_recall"] = len(found) / len(required) if required else 1.0
    s["meeting_precision"] = len(taken) / len(pred) if pred else 0.0
    s["meeting_f1"] = f1(s["meeting_precision"], s["meeting_recall"])

    dates = places = place_n = kinds = 0
    p_prec: list[float] = []
    p_rec: list[float] = []
    t_hit = t_must = t_ok = t_pred = 0
    misses = []
    for gi in required:
        g = gold[gi]
        if gi not in g_to_p:
            misses.append(f"MISSING  {g.get('date')} {', '.join(g['participants'])} ({g['source']})")
            continue
        p = pred[g_to_p[gi]]
        pn = names(p.get("participants"))
        dates += date_ok(g.get("date"), p.get("date"))
        if not date_ok(g.get("date"), p.get("date")):
            misses.append(f"DATE     gold {g.get('date')} got {p.get('date')}: {', '.join(g['participants'])}")
        if g.get("place"):
            place_n += 1
            places += same_place(g["place"], p.get("place"))
            if not same_place(g["place"], p.get("place")):
                misses.append(f"PLACE    gold {g['place']} got {p.get('place')}: {g.get('date')} {', '.join(g['participants'])}")
        kinds += (g.get("kind") or "meeting") == (p.get("kind") or "meeting")
        hits = overlap(g["participants"], pn)
        p_prec.append(hits / len(pn) if pn else 0.0)
        p_rec.append(hits / len(g["participants"]))
        if hits < len(pn):
            extra = [n for n in pn if not any(similar(n, x) for x in g["participants"])]
            misses.append(f"EXTRA    participants {extra}: {g.get('date')} {', '.join(g['participants'])}")
        pt = names(p.get("topics"))
        must_found = [t for t in g["topics_must"] if any(similar(t, x) for x in pt)]
        t_hit, t_must = t_hit + len(must_found), t_must + len(g["topics_must"])
        lost = [t for t in g["topics_must"] if t not in must_found]
        if lost:
            misses.append(f"TOPICS   missing {lost}: {g.get('date')} {', '.join(g['participants'])}")
        if g["topics_may"] is not None:
            allowed = g["topics_must"] + g["topics_may"]
            t_ok += sum(any(similar(x, a) for a in allowed) for x in pt)
            t_pred += len(pt)
    for pi, p in enumerate(pred):
        if pi not in taken:
            misses.append(f"SPURIOUS {p.get('date')} {', '.join(names(p.get('participants')))}")
    n = len(found) or 1
    s["date_accuracy"] = dates / n
    s["place_accuracy"] = places / place_n if place_n else 1.0
    s["kind_accuracy"] = kinds / n
    # averaged per meeting, so that one long delegation list does not outweigh the rest
    s["participant_precision"] = sum(p_prec) / len(p_prec) if p_prec else 0.0
    s["participant_recall"] = sum(p_rec) / len(p_rec) if p_rec else 0.0
    s["topic_recall"] = t_hit / t_must if t_must else 1.0
    s["topic_precision"] = t_ok / t_pred if t_pred else None
    parts = [s["meeting_f1"], s["date_accuracy"], s["place_accuracy"],
             f1(s["participant_precision"], s["participant_recall"]),
             s["topic_recall"] if s["topic_precision"] is None else f1(s["topic_precision"], s["topic_recall"])]
    s["quality"] = sum(parts) / len(parts)
    s["misses"] = misses
    return s


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold = load_gold(args[0])
    predicted = json.load(open(args[1], encoding="utf-8"))
    pred = predicted["meetings"] if isinstance(predicted, dict) else predicted
    s = score(gold, pred)
    if "--json" in argv:
        print(json.dumps(s, indent=2))
        return 0
    if "--verbose" in argv:
        for line in s["misses"]:
            print(line)
        print()
    for key, value in s.items():
        if key != "misses":
            print(f"{key:22} {value:.3f}" if isinstance(value, float) else f"{key:22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
