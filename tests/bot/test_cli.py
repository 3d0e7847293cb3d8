"""The `briefing` command line through its entry point, on a fresh store per test."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from bot.services.config import get_settings
from bot.services.ingest import SEEDS_DIR
from storage import queries
from storage import subscriptions as subs
from storage.bootstrap import open_store
from storage.db import session_scope


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    get_settings.cache_clear()
    runner = CliRunner()
    yield lambda *args, **kw: runner.invoke(cli, list(args), catch_exceptions=False, **kw)
    get_settings.cache_clear()


def test_seed_loads_five_articles_once(run):
    assert "5 added, 0 already stored" in run("seed").output
    assert "0 added, 5 already stored" in run("seed").output


def test_export_json_lists_meetings_from_every_seed_article(run):
    run("seed")
    result = run("export", "--format", "json")
    meetings = json.loads(result.output)["meetings"]
    articles = {s["article_id"] for m in meetings for s in m["sources"]}
    assert len(articles) == 5
    for m in meetings:
        assert m["kind"] in {"meeting", "call", "planned"}
        assert m["date"] is None or len(m["date"]) in (4, 7, 10)
        assert all(set(p) == {"name", "role", "country"} for p in m["participants"])
        assert all(set(t) == {"name", "quote"} for t in m["topics"])


def test_export_never_seeds_an_empty_store(run):
    assert json.loads(run("export").output) == {"meetings": []}


@pytest.mark.parametrize("fmt", ["csv", "ics"])
def test_export_other_formats(run, fmt):
    run("seed")
    output = run("export", "--format", fmt).output
    assert output.startswith("id,date,place" if fmt == "csv" else "BEGIN:VCALENDAR")


def test_ask_prints_one_plain_text_reply(run):
    run("seed")
    output = run("ask", "/who shoygu").output
    assert "Sergei Shoigu" in output
    assert "<b>" not in output
    assert "1 Feb 2026" in output
    assert "10 Sep 2024" in output


_ASK_THEN_LIST_MODULES = """
import sys
from bot.cli import cli
cli.main(["ask", "/latest"], standalone_mode=False)
print("loaded:", *sorted(sys.modules))
"""


def test_ask_answers_without_loading_the_extraction_pipeline(run, tmp_path):
    """Start-up time is what a user of `briefing ask` waits for: answering reads the store and extracts
    nothing, so the pipeline must stay unloaded, and so must Alembic for a store that needs no migration
    (each takes a fifth to a third of a second to import)."""
    run("seed")
    done = subprocess.run([sys.executable, "-c", _ASK_THEN_LIST_MODULES], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, check=True,
                          env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"})
    reply, _, modules = done.stdout.partition("loaded:")
    assert "Latest meetings" in reply
    loaded = set(modules.split())
    assert "bot.cli" in loaded
    assert not {"extraction.pipeline", "extraction.meetings"} & loaded
    assert "alembic" not in loaded  # the store is at the newest revision: nothing to migrate
    assert "httpx" not in loaded  # only /add URL fetches


def test_ingest_adds_files_and_names_each_refused_one(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi "
                    "in Beijing on March 12, 2025. They discussed Taiwan.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    result = run("ingest", str(good), str(empty), str(tmp_path / "missing.txt"), "--published", "2025-03-13")
    assert result.exit_code != 0
    assert "good.txt: article #1" in result.output
    assert "empty.txt: refused: the file is empty" in result.output
    assert "missing.txt: refused: cannot read it" in result.output
    again = run("ingest", str(good))
    assert "good.txt: already stored as article #1" in again.output
    assert "1 file: 0 added (0 meetings, 0 new), 1 already stored, 0 refused" in again.output
    assert again.exit_code == 0  # nothing was refused


def test_ingest_run_twice_over_a_directory_succeeds_and_counts_what_was_there(run, tmp_path):
    _article(tmp_path / "archive" / "a.txt", "Foreign Minister Wang Yi")
    _article(tmp_path / "archive" / "b.txt", "Vice Premier Ding Xuexiang")
    assert run("ingest", str(tmp_path / "archive")).exit_code == 0
    _article(tmp_path / "archive" / "c.txt", "Premier Li Qiang")
    (tmp_path / "archive" / "d.txt").write_text("")
    again = run("ingest", str(tmp_path / "archive"))
    assert "4 files: 1 added (1 meeting, 1 new), 2 already stored, 1 refused" in again.output
    assert "1 of 4 files refused" in again.output
    assert again.exit_code == 1


def test_ingest_refuses_a_named_file_of_a_type_telegram_refuses(run, tmp_path):
    notes = tmp_path / "notes.docx"
    notes.write_text("Russian Foreign Minister Sergei Lavrov met Chinese Foreign Minister Wang Yi in Beijing.")
    result = run("ingest", str(notes))
    assert result.exit_code == 1
    assert "notes.docx: refused: I can read .txt, .md, .html and .pdf files, not .docx" in result.output
    assert json.loads(run("export").output) == {"meetings": []}


def test_ask_creates_no_store_where_there_is_none_and_says_how_to_make_one(run, tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL")
    get_settings.cache_clear()
    result = run("ask", "/latest")
    assert result.exit_code == 1
    assert f"there is no store at {tmp_path / 'data' / 'briefing.db'}" in result.output
    assert "`briefing seed`" in result.output
    assert "DATABASE_URL" in result.output
    assert not (tmp_path / "data").exists()


def test_ask_on_an_empty_store_names_it_and_how_to_load_the_seeds(run, tmp_path):
    open_store(f"sqlite:///{tmp_path / 'cli.db'}").dispose()
    result = run("ask", "/latest")
    assert result.exit_code == 0
    assert f"The store at {tmp_path / 'cli.db'} holds no articles. `briefing seed` loads" in result.stderr
    assert "No meetings stored yet" in result.stdout
    run("seed")
    assert "holds no articles" not in run("ask", "/latest").output


def _article(path, minister: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"Russian Foreign Minister Sergei Lavrov met Chinese {minister} in Beijing on March 12, 2025. "
                    "They discussed Taiwan.", encoding="utf-8")


def _queued_alerts(tmp_path) -> int:
    engine = open_store(f"sqlite:///{tmp_path / 'cli.db'}")
    with session_scope(engine) as session:
        subs.gather_round(session)
        return sum(len(r.article_ids) for r in subs.unfinished_rounds(session))


@pytest.mark.parametrize("jobs", ["1", "2"])  # extracted here, or in two worker processes
def test_ingest_of_a_directory_adds_its_article_files_in_name_order(run, tmp_path, jobs):
    archive = tmp_path / "archive"
    _article(archive / "b.txt", "Foreign Minister Wang Yi")
    _article(archive / "2025" / "a.md", "Vice Premier Ding Xuexiang")
    (archive / "notes.docx").write_bytes(b"PK\x03\x04")
    _article(archive / ".cache" / "c.txt", "Premier Li Qiang")
    (archive / "empty.txt").write_text("")
    result = run("ingest", str(archive), "--published", "2025-03-13", "--jobs", jobs)
    assert result.exit_code == 1, result.output
    assert "empty.txt: refused: the file is empty" in result.output
    assert "3 files: 2 added (2 meetings, 2 new), 1 refused" in result.output
    assert "1 of 3 files refused" in result.output
    lines = [line for line in result.output.splitlines() if ": article #" in line]
    assert [line.split(":")[0].rsplit("/", 1)[-1] for line in lines] == ["a.md", "b.txt"]  # 2025/a.md first
    assert "notes.docx" not in result.output
    assert "c.txt" not in result.output
    assert _queued_alerts(tmp_path) == 2


@pytest.mark.parametrize("flag", ["--no-alerts", "--no-push"])  # the older name still works
def test_ingest_with_no_alerts_stores_without_queueing_an_alert(run, tmp_path, flag):
    _article(tmp_path / "a.txt", "Foreign Minister Wang Yi")
    result = run("ingest", str(tmp_path / "a.txt"), flag)
    assert result.exit_code == 0, result.output
    assert "article #1" in result.output
    assert _queued_alerts(tmp_path) == 0


def test_ingest_of_a_folder_without_article_files_says_so(run, tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "photo.jpg").write_bytes(b"\xff\xd8")
    result = run("ingest", str(tmp_path / "archive"))
    assert result.exit_code == 1
    assert "no article files there (.htm, .html, .markdown, .md, .pdf, .txt)" in result.output


def test_ingest_rejects_a_malformed_published_date(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("text")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--published", "13/03/2025"])
    assert result.exit_code == 2
    assert "not a date as YYYY-MM-DD" in result.output


def test_chat_seeds_an_empty_store_answers_and_leaves_on_ctrl_d(run):
    result = run("chat", input="/who shoygu\n/latest 1\n1\n")
    assert "Sergei Shoigu (Russia)" in result.output
    assert "[1] Older" in result.output
    assert result.output.count("Latest meetings") == 2  # the button press showed the next page


def test_run_without_a_token_in_a_terminal_falls_back_to_the_console_chat(run, monkeypatch):
    monkeypatch.setattr("bot.cli._stdin_is_a_terminal", lambda: True)
    result = run("run", input="/help\n")
    assert "TELEGRAM_BOT_TOKEN is not set" in result.output
    assert "/latest" in result.output


def briefing(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`briefing ARGS` as a user runs it: its own process, no terminal, the environment given and nothing else."""
    keep = {k: v for k, v in os.environ.items()
            if not k.startswith(("TELEGRAM_", "ADMIN_IDS", "WEBHOOK_", "DATABASE_URL", "ALLOW_PRIVATE"))}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=cwd, env={**keep, **env},
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120, check=False)


def test_run_without_a_token_and_without_a_terminal_stops_with_one_line(tmp_path):
    """A detached container or a service: no console chat reading end of input and exiting 0."""
    result = briefing("run", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Error: TELEGRAM_BOT_TOKEN is not set, and the console chat needs a terminal (standard input is not "
        "one): set the token to run the bot on Telegram"]
    assert not (tmp_path / "data").exists()  # it stopped before touching a store


def test_a_wrong_setting_stops_with_a_message_naming_it(run, monkeypatch):
    monkeypatch.setenv("ADMIN_IDS", "12,abc")
    get_settings.cache_clear()
    result = CliRunner().invoke(cli, ["seed"])
    assert result.exit_code == 1
    assert result.output == ("Error: ADMIN_IDS: “abc” is not a Telegram user id; "
                             "use comma-separated integers like 12345,67890\n")


STARTING = [("run",), ("chat",), ("seed",), ("ask", "/latest"), ("export",), ("reextract",),
            ("ingest", "article.txt")]  # every command that reads the settings and opens the store


@pytest.mark.parametrize("args", STARTING, ids=lambda args: args[0])
@pytest.mark.parametrize(("setting", "said"), [
    ("DATABASE_URL=postgresql://briefing:pw@db/briefing",
     "DATABASE_URL: PostgreSQL is not supported in this version; use an SQLite file such as "
     "sqlite:///data/briefing.db"),
    ("DATABASE_URL=postgres is here", "DATABASE_URL: “postgres is here” is not a database URL"),
    ("WEBHOOK_URL=http://bot.example.org/hook", "WEBHOOK_URL: “http://bot.example.org/hook” is not an https://"),
    ("ALLOW_PRIVATE_URLS=maybe", "ALLOW_PRIVATE_URLS: “maybe” is not true or false"),
], ids=["postgresql", "unparsable", "http-webhook", "not-a-boolean"])
def test_a_wrong_setting_stops_every_command_with_one_line(run, monkeypatch, tmp_path, args, setting, said):
    name, value = setting.split("=", 1)
    monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    result = run(*args, input="")  # catch_exceptions=False: a traceback fails the test
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {said}")
    assert result.output.count("\n") == 1


@pytest.mark.parametrize("args", STARTING, ids=lambda args: args[0])
@pytest.mark.parametrize("where", ["/proc/briefing/briefing.db", "/proc/briefing.db", "in-the-way/briefing.db"],
                         ids=["no-permission-to-create-its-folder", "no-permission-in-its-folder",
                              "a-file-where-its-folder-should-be"])
def test_a_store_that_cannot_be_opened_stops_every_command_with_one_line(run, monkeypatch, tmp_path, args, where):
    (tmp_path / "in-the-way").write_text("not a folder")
    (tmp_path / "article.txt").write_text("Lavrov met Wang Yi in Beijing on March 12, 2025.")
    path = where if where.startswith("/") else str(tmp_path / where)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setattr("bot.cli._stdin_is_a_terminal", lambda: True)
    get_settings.cache_clear()
    result = run(*args, input="")
    assert result.exit_code == 1
    line = result.output.splitlines()[-1]
    # `ask` only reads: a store that is not there is named as missing, and nothing is created
    expected = "Error: there is no store at " if args[0] == "ask" else "Error: DATABASE_URL: cannot "
    assert line.startswith(expected), result.output
    assert path in line
    assert "Traceback" not in result.output


def test_an_empty_database_url_means_the_default_store(run, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "")
    get_settings.cache_clear()
    assert "5 added" in run("seed").output
    assert (tmp_path / "data" / "briefing.db").exists()


def test_a_postgresql_url_is_refused_in_one_line_by_the_installed_command(tmp_path):
    result = briefing("seed", cwd=tmp_path, DATABASE_URL="postgresql://briefing:pw@db/briefing")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Error: DATABASE_URL: PostgreSQL is not supported in this version; use an SQLite file such as "
        "sqlite:///data/briefing.db"]


def test_the_seed_manifest_names_every_seed_file():
    from bot.services.ingest import seed_manifest

    entries = seed_manifest()
    assert len(entries) == 5
    assert all(e.path.exists() and e.published for e in entries)
    assert {p.name for p in SEEDS_DIR.glob("*.txt")} == {e.path.name for e in entries}


def test_reextract_keeps_article_ids_and_alerts_nothing_new(run):
    run("seed")
    engine = open_store(get_settings().database_url)
    with session_scope(engine) as session:
        before = [(m.date or "", tuple(p.name for p in m.participants), tuple(s.article_id for s in m.sources))
                  for m in queries.all_meetings(session)]
        subs.subscribe(session, chat_id=5, digest_time="08:00", timezone="UTC")
        subs.mark_digest_sent(session, chat_id=5, at=dt.datetime.now(dt.UTC))
    result = run("reextract")
    assert "re-extracted 5 articles" in result.output
    with session_scope(engine) as session:
        after = [(m.date or "", tuple(p.name for p in m.participants), tuple(s.article_id for s in m.sources))
                 for m in queries.all_meetings(session)]
        assert sorted(after) == sorted(before)
        assert subs.get_subscriber(session, chat_id=5).active
        assert subs.meetings_added_since(session, since=subs.get_subscriber(session, chat_id=5).last_digest_at) == []


def test_extract_explains_a_file_without_storing_it(run):
    output = run("extract", str(SEEDS_DIR / "002_6c811d297400b394.txt")).output
    assert "Published: 2019-12-06" in output
    assert "Nikolai Patrushev" in output
    assert "Shanghai" in output
    assert json.loads(run("export").output) == {"meetings": []}


def test_extract_names_an_unreadable_file(run, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4 broken")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1
    assert "the PDF is damaged" in result.output


def test_check_says_the_store_answers_without_changing_it(run, tmp_path):
    run("seed")
    before = (tmp_path / "cli.db").stat().st_mtime_ns
    result = run("check")
    assert result.exit_code == 0
    assert result.output == f"store ok: {tmp_path / 'cli.db'}, 5 articles\n"
    assert (tmp_path / "cli.db").stat().st_mtime_ns == before


@pytest.mark.parametrize(("where", "said"), [
    ("never-started.db", "has no tables yet: has the bot started?"),
    ("/proc/briefing/briefing.db", "cannot reach the store /proc/briefing/briefing.db"),
])
def test_check_fails_in_one_line_when_the_store_does_not_answer(run, monkeypatch, tmp_path, where, said):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / where if not where.startswith('/') else where}")
    get_settings.cache_clear()
    result = run("check")
    assert result.exit_code == 1
    assert result.output.startswith("Error: DATABASE_URL: ")
    assert said in result.output
    assert result.output.count("\n") == 1


def test_backup_and_restore_bring_a_store_back_and_keep_what_they_replace(run, tmp_path):
    run("seed")
    saved = run("backup", "saved.db")
    assert saved.exit_code == 0
    assert saved.output.startswith(f"backed up to {tmp_path / 'saved.db'}: 5 articles, 11 meetings, 0 subscribers (")
    engine = open_store(f"sqlite:///{tmp_path / 'cli.db'}")
    with session_scope(engine) as session:
        subs.subscribe(session, chat_id=7, digest_time="08:00", timezone="UTC")
    engine.dispose()

    again = run("backup", "saved.db")
    assert again.exit_code == 1
    assert again.output == (f"Error: {tmp_path / 'saved.db'} already exists: nothing is overwritten, "
                            "choose another name\n")

    restored = run("restore", "saved.db")
    assert restored.exit_code == 0
    kept, said = restored.output.splitlines()
    assert kept.startswith(f"the store it replaces is kept as {tmp_path / 'cli.db'}.before-restore-")
    assert said.startswith(f"restored {tmp_path / 'cli.db'} from {tmp_path / 'saved.db'}: 5 articles, 11 meetings, "
                           "0 subscribers (")
    for store_file, subscribed in ((tmp_path / "cli.db", False), (Path(kept.rsplit(" ", 1)[1]), True)):
        engine = open_store(f"sqlite:///{store_file}")
        with session_scope(engine) as session:
            assert (subs.get_subscriber(session, chat_id=7) is not None) == subscribed
        engine.dispose()


def test_restore_of_a_file_that_is_no_store_says_so_in_one_line_and_changes_nothing(run, tmp_path):
    run("seed")
    (tmp_path / "notes.db").write_text("not a database at all" * 100)
    before = (tmp_path / "cli.db").read_bytes()
    result = run("restore", "notes.db")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'notes.db'} is not a SQLite database Briefing Bot can read")
    assert result.output.count("\n") == 1
    assert (tmp_path / "cli.db").read_bytes() == before


def test_run_without_a_token_in_a_real_terminal_starts_the_console_chat(tmp_path):
    import pty

    controller, terminal = pty.openpty()
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "DATABASE_URL"))}
    bot = subprocess.Popen([sys.executable, "-m", "bot.cli", "run"], cwd=tmp_path, env=keep,
                           stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    seen = b""
    try:
        while b"you> " not in seen:
            seen += os.read(controller, 4096)
        os.write(controller, b"/latest 1\n\x04")  # a command, then Ctrl-D
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed: the chat left
                break
            if not chunk:
                break
            seen += chunk
        assert bot.wait(timeout=60) == 0
    finally:
        if bot.poll() is None:
            bot.kill()
        os.close(controller)
    text = seen.decode(errors="replace")
    assert "TELEGRAM_BOT_TOKEN is not set: starting the console chat instead." in text
    assert "Latest meetings" in text


def _children(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds processes through /proc")
def test_killing_ingest_outright_takes_its_worker_processes_with_it(tmp_path):
    for i in range(400):
        _article(tmp_path / "archive" / f"{i:03}.txt", f"Foreign Minister Wang Yi number {i}")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'kill.db'}", "PYTHONUNBUFFERED": "1"}
    ingest = subprocess.Popen([sys.executable, "-m", "bot.cli", "ingest", str(tmp_path / "archive"), "--jobs", "2",
                               "--no-push"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path)
    assert b": article #" in ingest.stdout.readline()  # the workers are up and extracting
    workers = _children(ingest.pid)
    ingest.kill()
    ingest.wait()
    deadline = time.monotonic() + 5
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # so that a failing run leaves nothing behind
        os.kill(pid, signal.SIGKILL)
    assert len(workers) >= 2
    assert left == []


@pytest.mark.parametrize("args", [("run",), ("seed",), ("export",), ("reextract",)], ids=lambda args: args[0])
def test_a_store_a_newer_version_upgraded_stops_every_command_with_one_line(run, monkeypatch, tmp_path, args):
    """A store migrated by a newer release (a revision this one lacks) is refused, not half-read."""
    store = tmp_path / "newer.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{store}")
    get_settings.cache_clear()
    engine = open_store(f"sqlite:///{store}")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    engine.dispose()
    monkeypatch.setattr("bot.cli._stdin_is_a_terminal", lambda: True)
    result = run(*args, input="")
    assert result.exit_code == 1
    line = result.output.splitlines()[-1]
    assert "a newer version of Briefing Bot has upgraded it (schema 0099" in line, result.output
    assert "Traceback" not in result.output
