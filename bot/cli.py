"""The `briefing` command line: a thin layer over the command core, ingestion and export."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click
from sqlalchemy import Engine

import extraction  # extraction.extract, not a from-import: the pipeline loads on first use
from bot.cli_common import read_settings
from bot.cli_store import backup_command, check, restore_command
from bot.console import Console, run_chat
from bot.core.commands import CommandCore
from bot.core.export import CHUNKS, CalendarTally
from bot.core.plural import counted
from bot.services.config import SQLITE_EXAMPLE, Settings
from bot.services.ingest import (
    ARTICLE_SUFFIXES,
    Ingestor,
    IngestResult,
    Prepared,
    load_seeds,
    reextract_all,
    store_is_empty,
)
from bot.services.logs import configure_logging
from bot.services.parallel import in_order
from extraction.explain import explain
from extraction.formats import UnreadableArticle, article_text
from knowledge import default_knowledge
from storage import queries
from storage.bootstrap import open_store, sqlite_file, store_location
from storage.db import session_scope
from storage.errors import DuplicateArticle, StoreUnavailable

log = logging.getLogger("briefing")


def _configure_logging(settings: Settings) -> None:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else None
    configure_logging(settings.log_level, token)


def _store(settings: Settings, *, seed_if_empty: bool = False) -> Engine:
    try:
        engine = open_store(settings.database_url)
    except StoreUnavailable as error:
        raise click.ClickException(f"DATABASE_URL: {error}; fix that, or set DATABASE_URL to another SQLite "
                                   f"file such as {SQLITE_EXAMPLE}") from None
    if seed_if_empty and store_is_empty(engine):
        added, _ = load_seeds(engine)
        log.info("store was empty: loaded %d seed articles", added)
    return engine


def _core(settings: Settings, engine: Engine) -> CommandCore:
    return CommandCore(engine, default_knowledge(), digest_time=settings.digest_time,
                       timezone=settings.default_timezone)


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date as YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Briefing Bot: meetings between Russian and Chinese officials, extracted from news.

    Settings come from the environment or a .env file (see .env.example).
    """


@cli.command()
def run() -> None:
    """Start the bot: Telegram with TELEGRAM_BOT_TOKEN, else the console chat.

    Loads the seed articles into an empty store first. Until Telegram answers (a server that boots before
    its network) it tries again after 1, 2, 4... up to 60 seconds; a token Telegram refuses stops it at once.
    """
    settings = read_settings()
    if settings.telegram_bot_token is None:
        if not _stdin_is_a_terminal():
            # a detached container or a service: a console chat there would read end of input and exit 0
            raise click.ClickException("TELEGRAM_BOT_TOKEN is not set, and the console chat needs a terminal "
                                       "(standard input is not one): set the token to run the bot on Telegram")
        click.echo("TELEGRAM_BOT_TOKEN is not set: starting the console chat instead.", err=True)
        _chat(settings)
        return
    _configure_logging(settings)
    from bot.telegram.app import build_application
    from bot.telegram.startup import TelegramRefused, run_application

    engine = _store(settings, seed_if_empty=True)
    try:
        run_application(build_application(settings, engine, _core(settings, engine)), settings)
    except TelegramRefused as error:
        raise click.ClickException(str(error)) from None


def _stdin_is_a_terminal() -> bool:
    return sys.stdin.isatty()


@cli.command()
def chat() -> None:
    """Talk to the bot in the terminal (no token needed). Ctrl-D leaves.

    Buttons are shown as [1], [2]...: type the number to press one. Words without a slash are looked
    up; /add PATH or URL adds an article; /export writes its file here. Up recalls earlier lines.
    """
    _chat(read_settings())


def _chat(settings: Settings) -> None:
    _configure_logging(settings)
    run_chat(Console(_core(settings, _store(settings, seed_if_empty=True)), settings))


@cli.command()
@click.argument("command_line")
def ask(command_line: str) -> None:
    """Print the bot's reply to one command as plain text, e.g. briefing ask "/who Shoigu".

    It answers as the console chat does: words without a slash are looked up, /export writes a file
    here. Asking creates no store: where there is none, it says how to make one.
    """
    settings = read_settings()
    where = store_location(settings.database_url)
    if (path := sqlite_file(settings.database_url)) is not None and not path.exists():
        raise click.ClickException(f"there is no store at {where}. `briefing seed` creates it with the seed "
                                   "articles; or set DATABASE_URL to the store you mean.")
    engine = _store(settings)
    if store_is_empty(engine):
        click.echo(f"The store at {where} holds no articles. `briefing seed` loads the seed articles; "
                   "or set DATABASE_URL to the store you mean.", err=True)
    console = Console(_core(settings, engine), settings)
    console.show(console.answer(command_line))


@cli.command()
def seed() -> None:
    """Load the seed articles (seeds/); running it again adds nothing."""
    settings = read_settings()
    added, present = load_seeds(_store(settings))
    click.echo(f"seed articles: {added} added, {present} already stored")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) when the text lacks one.")
@click.option("--url", help="Where the article was published.")
@click.option("--outlet", help="The outlet's name.")
@click.option("--alerts/--no-alerts", "--push/--no-push", "alerts", default=True, show_default=True,
              help="Queue the new meetings for subscribers' alerts; --no-alerts (or the older --no-push) for "
                   "loading an archive.")
@click.option("--jobs", type=click.IntRange(min=1), default=lambda: len(os.sched_getaffinity(0)),
              show_default="the CPUs available", help="Processes reading and extracting files in parallel.")
def ingest(paths: tuple[Path, ...], published: dt.date | None, url: str | None, outlet: str | None,
           alerts: bool, jobs: int) -> None:
    """Add article files (a directory adds its .txt, .md, .html and .pdf files); each refused one is named
    with its reason and the rest still go in. One already stored is skipped, which is no failure.

    Files are read and extracted in `--jobs` processes; this one stores them in order, each in its own
    transaction, so an interrupted run keeps every article it finished and a rerun adds the rest.
    """
    files = _article_files(paths)
    if not files:
        raise click.ClickException("no article files there (" + ", ".join(sorted(ARTICLE_SUFFIXES)) + ")")
    ingestor = Ingestor(_store(read_settings()), alert=alerts, describe=False)
    prepare = functools.partial(ingestor.reader.prepare_file, published=published, url=url, outlet=outlet)
    stored: list[IngestResult] = []
    present = 0
    say = functools.partial(_above_the_bar, sys.stderr.isatty())
    with click.progressbar(length=len(files), label="ingesting", file=sys.stderr, show_pos=True) as bar:
        for path, prepared in zip(files, in_order(prepare, files, jobs=jobs), strict=True):
            result = _store_one(ingestor, path, prepared, say=say)
            if isinstance(result, IngestResult):
                stored.append(result)
            elif result == ALREADY_STORED:
                present += 1
            bar.update(1)
    refused = len(files) - len(stored) - present
    meetings = sum(len(r.stored.meeting_ids) for r in stored)
    click.echo(f"{counted(len(files), 'file')}: {len(stored)} added ({counted(meetings, 'meeting')}, "
               f"{sum(len(r.stored.new_meeting_ids) for r in stored)} new), "
               + (f"{present} already stored, " if present else "") + f"{refused} refused")
    if refused:
        raise click.ClickException(f"{refused} of {counted(len(files), 'file')} refused")


def _article_files(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; a directory stands for its article files, found recursively, in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            files.append(path)
    return files


ALREADY_STORED = "already stored"


def _store_one(ingestor: Ingestor, path: Path, prepared: Prepared | str, *,
               say: Callable[..., None]) -> IngestResult | str | None:
    """Store one prepared file and say what became of it: its result, ALREADY_STORED, or None when refused."""
    if isinstance(prepared, str):
        say(f"{path}: refused: {prepared}", err=True)
        return None
    try:
        result = ingestor.store(prepared)
    except DuplicateArticle as exc:
        say(f"{path}: {exc}, skipped")
        return ALREADY_STORED
    stored = result.stored
    when = stored.published.isoformat() if stored.published else "unknown date"
    say(f"{path}: article #{stored.article_id} ({when}, {stored.published_source}): "
        f"{counted(len(stored.meeting_ids), 'meeting')}, {len(stored.new_meeting_ids)} new")
    for warning in result.warnings:
        say(f"  warning: {warning}")
    return result


def _above_the_bar(live: bool, line: str, *, err: bool = False) -> None:
    """Print a line where a live progress bar is drawn, not onto its end; the bar's next update redraws it."""
    if live:
        click.echo("\r\033[K", nl=False, err=True)
    click.echo(line, err=err)


@cli.command("extract")
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) when the text lacks one.")
def extract_command(path: Path, published: dt.date | None) -> None:
    """Show what the pipeline finds in one file, and why; stores nothing.

    Every meeting comes with the sentences behind its date, place, people and topics.
    """
    try:
        text = article_text(path.read_bytes(), filename=path.name)
    except UnreadableArticle as error:
        raise click.ClickException(f"{path}: {error}") from None
    click.echo(explain(extraction.extract(text, published=published, today=dt.date.today())))


@cli.command()
def reextract() -> None:
    """Run the current extraction over every stored article (after the rules or knowledge change).

    Article ids, subscriptions and follows are kept; no alert goes to subscribers again.
    """
    settings = read_settings()
    report = reextract_all(_store(settings))
    click.echo(f"re-extracted {counted(report.articles, 'article')}: "
               f"{counted(report.meetings_before, 'meeting')} before, {report.meetings_after} after")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "ics"]), default="json", show_default=True)
def export(fmt: str) -> None:
    """Print every meeting to stdout (json is the shape eval/score.py reads), a meeting at a time.

    An ICS calendar holds the meetings dated to the day; stderr says how many and why the rest are not in it.
    """
    settings = read_settings()
    tally = CalendarTally()
    with session_scope(_store(settings)) as session:
        for chunk in CHUNKS[fmt](tally.count(queries.each_meeting(session))):
            click.echo(chunk, nl=False)
    if fmt == "json":
        click.echo()
    if fmt == "ics":
        click.echo(tally.summary(), err=True)


for command in (check, backup_command, restore_command):
    cli.add_command(command)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
