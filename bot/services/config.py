"""Typed settings from the environment or `.env`, checked once at start-up."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from functools import cache
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

SQLITE_EXAMPLE = "sqlite:///data/briefing.db"  # the store messages suggest: the default, as a relative URL


def default_database_url() -> str:
    """An SQLite file data/briefing.db in the working directory (in the Docker image: /data/briefing.db)."""
    return f"sqlite:///{Path.cwd() / 'data' / 'briefing.db'}"


class Settings(BaseSettings):
    """Every setting of PRODUCT.md; a wrong value stops the bot with a message that names it."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_url: str = Field(default_factory=default_database_url)
    default_timezone: str = "UTC"
    digest_time: str = "08:00"
    telegram_api_base_url: str | None = None
    telegram_file_base_url: str | None = None
    webhook_url: str | None = None  # e.g. https://bot.example.org/telegram; empty: long polling
    webhook_listen: str = "0.0.0.0"  # a webhook server must accept Telegram's connections
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    # what Telegram must send with each update (X-Telegram-Bot-Api-Secret-Token); empty: a new random one at
    # each start. Without it anyone who learns the URL could post updates as an admin.
    webhook_secret: SecretStr | None = None
    allow_private_urls: bool = False  # let /add fetch from private and loopback addresses (tests, intranets)
    max_upload_mb: float = Field(default=10, gt=0, le=2000)
    # alerts and digests as paid broadcasts: up to 1,000 messages a second instead of 30, 0.1 Telegram Star each
    paid_broadcast: bool = False
    log_level: str = "INFO"

    @field_validator("telegram_bot_token", "webhook_secret", "webhook_url", "telegram_api_base_url",
                     "telegram_file_base_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("database_url", mode="before")
    @classmethod
    def _blank_database_is_the_default(cls, value: object) -> object:
        # `.env.example` copied as it is, or `DATABASE_URL=` in a Docker env file, means "the default"
        return default_database_url() if isinstance(value, str) and not value.strip() else value

    @field_validator("database_url")
    @classmethod
    def _sqlite_store(cls, value: str) -> str:
        value = value.strip()
        try:
            url = make_url(value)
        except ArgumentError:
            raise ValueError(f"“{_hide_password(value)}” is not a database URL; use an SQLite file such as "
                             f"{SQLITE_EXAMPLE}") from None
        if url.get_backend_name() == "postgresql":
            raise ValueError(f"PostgreSQL is not supported in this version; use an SQLite file such as "
                             f"{SQLITE_EXAMPLE}")
        if url.drivername not in {"sqlite", "sqlite+pysqlite"}:
            raise ValueError(f"{url.get_backend_name()} databases are not supported; use an SQLite file such as "
                             f"{SQLITE_EXAMPLE}")
        return value

    @field_validator("webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.hostname:
            raise ValueError(f"“{value}” is not an https:// address; Telegram sends webhook updates only to "
                             "https, e.g. https://bot.example.org/telegram (leave it empty for long polling)")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_accepts_the_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()):
            raise ValueError("use 1 to 256 letters, digits, '_' or '-': Telegram accepts no other secret")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        ids = []
        for part in value.replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                ids.append(int(part))
            except ValueError:
                raise ValueError(
                    f"“{part}” is not a Telegram user id; use comma-separated integers like 12345,67890"
                ) from None
        return frozenset(ids)

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"“{value}” is not an IANA time zone such as Europe/Moscow or UTC") from None
        return value

    @field_validator("digest_time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        try:
            return dt.datetime.strptime(value.strip(), "%H:%M").strftime("%H:%M")
        except ValueError:
            raise ValueError(f"“{value}” is not a time of day as HH:MM, e.g. 08:00") from None

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"“{value}” is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level


@cache
def get_settings() -> Settings:
    return Settings()


# pydantic's own wording for the checks it makes itself, said the way the rest of the bot speaks
_OUR_WORDS = {
    "bool_parsing": "“{input}” is not true or false",
    "bool_type": "“{input}” is not true or false",
    "int_parsing": "“{input}” is not a whole number",
    "int_from_float": "“{input}” is not a whole number",
    "float_parsing": "“{input}” is not a number",
    "greater_than": "“{input}” is too small: it must be more than {gt}",
    "greater_than_equal": "“{input}” is too small: it must be at least {ge}",
    "less_than": "“{input}” is too large: it must be less than {lt}",
    "less_than_equal": "“{input}” is too large: it must be at most {le}",
}


def settings_problem(error: ValidationError) -> str:
    """Every wrong setting as `NAME: what is wrong`, on one line, in our words rather than pydantic's."""
    problems = []
    for item in error.errors(include_url=False):
        name = ".".join(map(str, item["loc"])).upper() or "settings"
        context = {key: f"{value:g}" if isinstance(value, float) else value
                   for key, value in (item.get("ctx") or {}).items()}
        if item["type"] == "value_error":
            message = str(context.get("error", item["msg"]))
        elif item["type"] in _OUR_WORDS:
            message = _OUR_WORDS[item["type"]].format(input=item.get("input"), **context)
        else:
            message = item["msg"][0].lower() + item["msg"][1:]
        problems.append(f"{name}: {message}")
    return "; ".join(problems)


def _hide_password(url: str) -> str:
    """A URL fit for an error message: a password in it is replaced."""
    return re.sub(r"(//[^/:@]*:)[^/@]*@", r"\1***@", url)
