"""`python -m bot` does what `briefing run` does."""

from bot.cli import cli

cli(["run"], prog_name="briefing")
