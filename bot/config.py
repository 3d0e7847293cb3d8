"""Typed settings from the environment or `.env`, checked once at start-up."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting of PRODUCT.md; a wrong value stops the bot with a message that names it."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_url: str = Field(default_factory=lambda: f"sqlite:///{Path.cwd() / 'data' / 'briefing.db'}")
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
    log_level: str = "INFO"

    @field_validator("telegram_bot_token", "webhook_secret", mode="before")
    @classmethod
    def _blank_token_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

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
                    f"{part!r} is not a Telegram user id; use comma-separated integers like 12345,67890"
                ) from None
        return frozenset(ids)

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone such as Europe/Moscow or UTC") from None
        return value

    @field_validator("digest_time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        try:
            return dt.datetime.strptime(value.strip(), "%H:%M").strftime("%H:%M")
        except ValueError:
            raise ValueError(f"{value!r} is not a time of day as HH:MM, e.g. 08:00") from None

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"{value!r} is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level


@cache
def get_settings() -> Settings:
    return Settings()
