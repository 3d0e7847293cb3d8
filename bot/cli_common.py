"""What every `briefing` command does first: read the settings, or stop with one line saying what is wrong."""

from __future__ import annotations

import click
from pydantic import ValidationError

from bot.services.config import Settings, get_settings, settings_problem


def read_settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as exc:
        raise click.ClickException(settings_problem(exc)) from None
