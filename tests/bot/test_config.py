"""Settings: defaults that work on a laptop, and a clear message for each wrong value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.services.config import Settings, settings_problem


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "DATABASE_URL", "DEFAULT_TIMEZONE", "DIGEST_TIME",
                 "TELEGRAM_API_BASE_URL", "TELEGRAM_FILE_BASE_URL", "MAX_UPLOAD_MB", "LOG_LEVEL", "WEBHOOK_SECRET",
                 "WEBHOOK_URL", "WEBHOOK_PORT", "ALLOW_PRIVATE_URLS"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_need_no_configuration(tmp_path):
    settings = Settings()
    assert settings.telegram_bot_token is None
    assert settings.admin_ids == frozenset()
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'briefing.db'}"
    assert (settings.default_timezone, settings.digest_time, settings.max_upload_mb) == ("UTC", "08:00", 10)


def test_values_come_from_the_environment_and_dotenv(monkeypatch, tmp_path):
    (tmp_path / ".env").write_text("ADMIN_IDS=12, 34\nDIGEST_TIME=7:30\nTELEGRAM_BOT_TOKEN=123:abc\n")
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Europe/Moscow")
    settings = Settings()
    assert settings.admin_ids == frozenset({12, 34})
    assert settings.digest_time == "07:30"
    assert settings.default_timezone == "Europe/Moscow"
    assert settings.telegram_bot_token.get_secret_value() == "123:abc"
    assert "123:abc" not in repr(settings)


@pytest.mark.parametrize(("name", "value", "message"), [
    ("ADMIN_IDS", "12,abc", "ADMIN_IDS: “abc” is not a Telegram user id"),
    ("DEFAULT_TIMEZONE", "Mars/Olympus", "DEFAULT_TIMEZONE: “Mars/Olympus” is not an IANA time zone"),
    ("DIGEST_TIME", "25:99", "DIGEST_TIME: “25:99” is not a time of day as HH:MM"),
    ("MAX_UPLOAD_MB", "-1", "MAX_UPLOAD_MB: “-1” is too small: it must be more than 0"),
    ("MAX_UPLOAD_MB", "ten", "MAX_UPLOAD_MB: “ten” is not a number"),
    ("WEBHOOK_PORT", "99999", "WEBHOOK_PORT: “99999” is too large: it must be at most 65535"),
    ("WEBHOOK_PORT", "port", "WEBHOOK_PORT: “port” is not a whole number"),
    ("LOG_LEVEL", "LOUD", "LOG_LEVEL: “LOUD” is not one of DEBUG"),
    ("WEBHOOK_SECRET", "has space!", "WEBHOOK_SECRET: use 1 to 256 letters"),
    ("ALLOW_PRIVATE_URLS", "maybe", "ALLOW_PRIVATE_URLS: “maybe” is not true or false"),
    ("WEBHOOK_URL", "notaurl", "WEBHOOK_URL: “notaurl” is not an https:// address"),
    ("WEBHOOK_URL", "http://bot.example.org/telegram", "Telegram sends webhook updates only to https"),
    ("DATABASE_URL", "postgresql://briefing:secret@db/briefing",
     "DATABASE_URL: PostgreSQL is not supported in this version; use an SQLite file such as sqlite:///"),
    ("DATABASE_URL", "mysql://db/briefing", "DATABASE_URL: mysql databases are not supported"),
    ("DATABASE_URL", "not a url", "DATABASE_URL: “not a url” is not a database URL"),
])
def test_a_wrong_value_is_refused_in_our_words_naming_it(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError) as refused:
        Settings()
    said = settings_problem(refused.value)
    assert said.startswith(f"{name}: ")
    assert message in said
    assert "\n" not in said
    assert "Value error" not in said
    assert "Input should" not in said
    assert "briefing:secret" not in said  # a password in a database URL is never repeated


def test_every_wrong_value_is_named_on_one_line(monkeypatch):
    monkeypatch.setenv("ALLOW_PRIVATE_URLS", "maybe")
    monkeypatch.setenv("DIGEST_TIME", "noon")
    with pytest.raises(ValidationError) as refused:
        Settings()
    assert settings_problem(refused.value) == ("DIGEST_TIME: “noon” is not a time of day as HH:MM, e.g. 08:00; "
                                               "ALLOW_PRIVATE_URLS: “maybe” is not true or false")


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_database_url_means_the_default_store(monkeypatch, tmp_path, value):
    (tmp_path / ".env").write_text(f"DATABASE_URL={value}\n")  # .env.example copied without editing
    assert Settings().database_url == f"sqlite:///{tmp_path / 'data' / 'briefing.db'}"


def test_empty_optional_addresses_mean_none(monkeypatch):
    monkeypatch.setenv("WEBHOOK_URL", "")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", " ")
    settings = Settings()
    assert (settings.webhook_url, settings.telegram_api_base_url) == (None, None)


def test_an_https_webhook_url_is_accepted(monkeypatch):
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/telegram")
    assert Settings().webhook_url == "https://bot.example.org/telegram"


def test_env_example_as_copied_gives_a_working_configuration(monkeypatch, tmp_path):
    """`cp .env.example .env` must start: every value in it is valid, and the store is the default one."""
    example = Path(__file__).parents[2] / ".env.example"
    (tmp_path / ".env").write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings()
    assert settings.database_url == f"sqlite:///{tmp_path / 'data' / 'briefing.db'}"
    assert settings.telegram_bot_token is None
    assert "DATABASE_URL=" not in [line.split("=")[0] + "=" for line in example.read_text().splitlines()
                                   if not line.startswith("#")]  # so Docker's DATABASE_URL is not overridden


def test_env_example_promises_only_commands_there_are():
    """It told admins they could "fix" articles, which no command does."""
    from bot.core.registry import BY_NAME

    example = (Path(__file__).parents[2] / ".env.example").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w:/])/([a-z]+)(?=[\s),;])", example))  # /delete, not /data/briefing.db
    assert named
    assert named <= set(BY_NAME)
    assert "fix" not in example.split("ADMIN_IDS")[0].rsplit("\n\n", 1)[-1]
