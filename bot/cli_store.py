"""`briefing check`, `backup` and `restore`: looking after the store itself, beside a running bot or not."""

from __future__ import annotations

from pathlib import Path

import click

from bot.cli_common import read_settings
from storage.backup import BackupProblem, backup, restore
from storage.bootstrap import check_store, open_store, store_location
from storage.errors import StoreUnavailable


@click.command()
def check() -> None:
    """Exit 0 if the store opens and answers, else say why and exit 1 (the Docker image's health check).

    It reads the store without changing it, so it can run beside the bot.
    """
    url = read_settings().database_url
    try:
        articles = check_store(url)
    except StoreUnavailable as error:
        raise click.ClickException(f"DATABASE_URL: {error}") from None
    click.echo(f"store ok: {store_location(url)}, {articles} articles")


@click.command("backup")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def backup_command(file: Path) -> None:
    """Copy the SQLite store into FILE, a new file, while the bot runs; the copy is checked before it is kept.

    The copy is one consistent state of the store (SQLite's online backup), with every article, meeting,
    subscriber, follow and delivery in it. An existing FILE is never overwritten.
    """
    try:
        copy = backup(read_settings().database_url, file)
    except BackupProblem as problem:
        raise click.ClickException(str(problem)) from None
    click.echo(f"backed up to {copy.path}: {copy.summary()}")


@click.command("restore")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
def restore_command(file: Path) -> None:
    """Put the backup FILE back as the store, after checking it; stop the bot first.

    The store it replaces is kept beside it (briefing.db.before-restore-DATE), so a restore loses nothing.
    A backup from an older version is upgraded; one from a newer version is refused.
    """
    url = read_settings().database_url
    try:
        copy, kept = restore(url, file)
        open_store(url).dispose()  # the schema upgraded now, not at the bot's next start
    except (BackupProblem, StoreUnavailable) as problem:
        raise click.ClickException(str(problem)) from None
    if kept is not None:
        click.echo(f"the store it replaces is kept as {kept}")
    click.echo(f"restored {store_location(url)} from {copy.path}: {copy.summary()}")
