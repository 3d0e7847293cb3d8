"""`python -m bench [--quick] [--json FILE]`: every benchmark, a table, and JSON to compare runs over time.

Nothing here asserts a time: the figures are printed beside their targets for a person to judge.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench import answers, backup, delivery_faults, due, fanout, footprint, fuzzy, ingest
from bench.store import OUT, build_store, world


@dataclass(frozen=True)
class Plan:
    """How much of each benchmark to run: `--quick` keeps CI under two minutes on two cores."""

    stores: tuple[int, ...]
    ingest: int
    length_articles: int  # articles of each length in the linearity measure
    cli_ingest: int
    repeat: int
    fuzzy_people: int
    subscribers: int
    fault_chats: int  # chats served through 5xx and late answers, and through kills
    kills: int


QUICK = Plan(stores=(10_000,), ingest=100, length_articles=3, cli_ingest=200, repeat=5, fuzzy_people=60,
             subscribers=300, fault_chats=30, kills=2)
FULL = Plan(stores=(10_000, 100_000), ingest=1_000, length_articles=20, cli_ingest=10_000, repeat=10,
            fuzzy_people=400, subscribers=10_000, fault_chats=200, kills=10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a 10,000-article store and small samples (< 2 min)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures as JSON")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {message}", file=sys.stderr, flush=True)

    results: dict[str, object] = {}
    rows: list[tuple[str, str, str]] = []
    stores = {}
    for size in plan.stores:
        say(f"store of {size:,} articles")
        stores[size] = build_store(size, seed=args.seed, log=say)
    biggest = stores[max(stores)]
    for size, store in stores.items():
        say(f"answers at {size:,} articles")
        figures = answers.measure(store, repeat=plan.repeat)
        for kind in answers.KINDS:
            p, floor = figures.p95_ms[kind], figures.floor_p95_ms[kind]
            rows.append((f"/{kind.replace('_', ' ')} p95 @ {size:,} (floor, ratio)",
                         f"{p:.1f} ms ({floor:.2f} ms, {p / floor if floor else 0:.1f}x)", "≤ 10 ms @ 100k"))
        if store is biggest:
            results.update(articles=size, answer_p95_ms=_round(figures.p95_ms),
                           answer_floor_p95_ms=_round(figures.floor_p95_ms))
    say("fuzzy resolution")
    resolve_ms, aliases, build_s = fuzzy.resolve_p95_ms(biggest, queries_count=plan.fuzzy_people, seed=args.seed)
    rows.append((f"fuzzy resolve p95 among {aliases:,} aliases", f"{resolve_ms:.2f} ms (index {build_s:.1f} s)",
                 "≤ 1 ms"))
    results["fuzzy_resolve_p95_ms"] = round(resolve_ms, 3)
    say(f"ingest of {plan.ingest:,} articles through the pipeline")
    _, people = world(args.seed)
    rate, meetings = ingest.articles_per_second(people, plan.ingest, seed=args.seed, out=OUT)
    rows.append((f"ingest ({plan.ingest:,} articles, {meetings:,} meetings)", f"{rate:.1f} articles/s", "≥ 100/s"))
    results["ingest_articles_per_s"] = round(rate, 2)
    say(f"ingest of {plan.ingest:,} Russian articles (real pages) through the pipeline")
    ru_rate, ru_cpu_rate, ru_chars = ingest.russian_articles_per_second(plan.ingest, out=OUT)
    rows.append((f"ingest of Russian articles ({plan.ingest:,}, {ru_chars:,} characters each on average)",
                 f"{ru_rate:.1f} articles/s ({ru_cpu_rate:.1f}/s of CPU time)", "≥ 20/s"))
    results["ingest_russian_articles_per_s"] = round(ru_rate, 2)
    say("ingest time against article length")
    per_kword = ingest.ms_per_thousand_words(people, (1, 4, 16), plan.length_articles, seed=args.seed, out=OUT)
    rows.append(("ingest time per 1,000 words at " + " / ".join(f"{w:,}" for w, _ in per_kword) + " words",
                 " / ".join(f"{ms:.1f}" for _, ms in per_kword) + " ms", "linear: about equal"))
    results["ingest_ms_per_kword"] = {str(words): round(ms, 2) for words, ms in per_kword}
    say(f"`briefing ingest` of {plan.cli_ingest:,} files")
    cli_s = ingest.cli_ingest_seconds(people, plan.cli_ingest, seed=args.seed, out=OUT)
    rows.append((f"`briefing ingest` of {plan.cli_ingest:,} files (start-up included)",
                 f"{cli_s:.1f} s ({plan.cli_ingest / cli_s:.0f} files/s)", "10,000 in ≤ 120 s"))
    results.update(cli_ingest_files=plan.cli_ingest, cli_ingest_s=round(cli_s, 2))
    say(f"fan-out to {plan.subscribers:,} subscribers")
    fan = fanout.measure(people, plan.subscribers, out=OUT)
    rows.append((f"fan-out to {fan.subscribers:,} (dup/missing/unretried 429, 429s)",
                 f"{fan.msgs_per_s:.1f} msg/s ({fan.duplicates}/{fan.missing}/{fan.unretried_429}, {fan.refused_429})",
                 "≥ 28 msg/s, 0/0/0"))
    results.update(fanout_subscribers=fan.subscribers, fanout_msgs_per_s=round(fan.msgs_per_s, 2),
                   fanout_duplicates=fan.duplicates, fanout_missing=fan.missing,
                   fanout_unretried_429=fan.unretried_429)
    say(f"paid fan-out to {plan.subscribers:,} subscribers")
    paid = fanout.measure(people, plan.subscribers, out=OUT, paid=True)
    rows.append((f"paid fan-out to {paid.subscribers:,} (dup/missing/unretried 429, 429s), server allowing 1,000/s",
                 f"{paid.msgs_per_s:.1f} msg/s ({paid.duplicates}/{paid.missing}/{paid.unretried_429}, "
                 f"{paid.refused_429})", "≥ 800 msg/s, 0/0/0"))
    results.update(paid_fanout_msgs_per_s=round(paid.msgs_per_s, 2), paid_fanout_duplicates=paid.duplicates,
                   paid_fanout_missing=paid.missing)
    say(f"who is due a digest among {plan.subscribers:,} subscribers")
    looks = due.measure(plan.subscribers, out=OUT)
    rows.append((f"who is due a digest among {looks.subscribers:,} subscribers: all due / none due / 24 zones "
                 "(median)", f"{looks.all_due_ms:.0f} / {looks.all_served_ms:.0f} / {looks.spread_ms:.0f} ms",
                 "≪ 60 s (one look a minute)"))
    results["due_digests_ms"] = {"subscribers": looks.subscribers, "all_due": round(looks.all_due_ms, 1),
                                 "none_due": round(looks.all_served_ms, 1), "spread": round(looks.spread_ms, 1)}
    say(f"replies and an alert to {plan.fault_chats} chats through 5xx and late answers")
    faults = delivery_faults.measure_faults(people, plan.fault_chats, seed=args.seed, out=OUT)
    for name, count in (("replies", faults.replies), ("alerts", faults.alerts)):
        dup, miss = count.per_thousand()
        rows.append((f"{name} to {faults.chats} chats, {delivery_faults.SERVER_ERRORS:.0%} 5xx and "
                     f"{delivery_faults.LATE_ANSWERS:.0%} late answers: duplicates / missed per 1,000",
                     f"{dup:.1f} / {miss:.1f} ({faults.server_errors} 5xx, {faults.late_answers} late)", "0 / 0"))
        results[f"faults_{name}_per_1000"] = {"duplicates": round(dup, 2), "missing": round(miss, 2)}
    say(f"an alert to {plan.fault_chats} chats with kill -9 at {plan.kills} random points")
    kills = delivery_faults.measure_kills(people, plan.fault_chats, plan.kills, seed=args.seed, out=OUT)
    dup, miss = kills.alerts.per_thousand()
    rows.append((f"alert to {kills.chats} chats, kill -9 at {kills.kills} random points: duplicates / missed "
                 "per 1,000", f"{dup:.1f} / {miss:.1f}", "0 / in flight at a kill"))
    results["kills_alerts_per_1000"] = {"kills": kills.kills, "duplicates": round(dup, 2), "missing": round(miss, 2)}
    say(f"backup of the {biggest.articles:,}-article store while subscriptions are saved")
    copy = backup.measure(biggest, out=OUT)
    rows.append((f"`briefing backup` @ {copy.articles:,} ({copy.megabytes:,.0f} MB); a write's p95 during / without",
                 f"{copy.seconds:.1f} s; {copy.write_p95_ms_during:.1f} / {copy.write_p95_ms_alone:.1f} ms "
                 f"({copy.writes_during} writes during)", "writes go on"))
    results["backup"] = {"articles": copy.articles, "megabytes": round(copy.megabytes, 1),
                         "seconds": round(copy.seconds, 2), "writes_during": copy.writes_during,
                         "write_p95_ms_during": round(copy.write_p95_ms_during, 2),
                         "write_p95_ms_alone": round(copy.write_p95_ms_alone, 2)}
    say("footprint")
    rss, startup = footprint.peak_rss_mb(biggest), footprint.startup_s(biggest)
    rows.append((f"peak RSS answering @ {biggest.articles:,}", f"{rss:.0f} MB", "≤ 250 MB"))
    rows.append((f"start-up to first answer @ {biggest.articles:,}", f"{startup:.2f} s", "≤ 2 s"))
    results.update(peak_rss_mb=round(rss, 1), startup_s=round(startup, 3))
    print(_table(rows))
    say("done")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


def _round(figures: dict[str, float]) -> dict[str, float]:
    return {kind: round(value, 3) for kind, value in figures.items()}


def _table(rows: list[tuple[str, str, str]]) -> str:
    head = ("measure", "this machine", "target")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(3)]
    line = "| " + " | ".join("-" * w for w in widths) + " |"
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |", line]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
