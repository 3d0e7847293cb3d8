"""Settings: defaults that work on a laptop, and a clear message for each wrong value."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.config import Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no stray .env
    for name in ("TELEGRAM_BOT_TOKEN", "ADMIN_IDS", "DATABASE_URL", "DEFAULT_TIMEZONE", "DIGEST_TIME",
                 "TELEGRAM_API_BASE_URL", "TELEGRAM_FILE_BASE_URL", "MAX_UPLOAD_MB", "LOG_LEVEL", "WEBHOOK_SECRET"):
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
    ("ADMIN_IDS", "12,abc", "'abc' is not a Telegram user id"),
    ("DEFAULT_TIMEZONE", "Mars/Olympus", "not an IANA time zone"),
    ("DIGEST_TIME", "25:99", "not a time of day"),
    ("MAX_UPLOAD_MB", "-1", "greater than 0"),
    ("LOG_LEVEL", "LOUD", "not one of DEBUG"),
    ("WEBHOOK_SECRET", "has space!", "Telegram accepts no other secret"),
])
def test_a_wrong_value_is_refused_with_a_message_naming_it(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError, match=message):
        Settings()
