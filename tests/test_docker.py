"""The Docker image as its Dockerfile describes it: the store in the volume whatever .env says, a small build
context without secrets, dependencies cached apart from the code, a health check and the webhook port.

The engine is not needed: the Dockerfile is read, and the bot's own settings resolve the store from the
image's working directory as they would inside it.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.services.config import Settings

ROOT = Path(__file__).parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")


def instructions(name: str) -> list[str]:
    """The arguments of every NAME instruction, continuation lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(maxsplit=1)[1] for line in joined.splitlines() if line.startswith(f"{name} ")]


def image_env() -> dict[str, str]:
    return dict(pair.split("=", 1) for args in instructions("ENV") for pair in shlex.split(args))


@pytest.mark.parametrize("from_env_file", [
    None,  # .env copied from .env.example: DATABASE_URL is not set, the image's ENV holds
    "",  # DATABASE_URL= (an env file overrides the image's ENV, with nothing)
    "sqlite:///data/briefing.db",  # the relative default an older .env.example carried
])
def test_the_store_stays_in_the_volume_whatever_the_env_file_says(monkeypatch, from_env_file):
    volume = Path(re.findall(r'"([^"]+)"', instructions("VOLUME")[-1])[0])
    monkeypatch.chdir(instructions("WORKDIR")[-1])  # where `briefing run` starts in the container
    value = image_env()["DATABASE_URL"] if from_env_file is None else from_env_file
    monkeypatch.setenv("DATABASE_URL", value)
    database = Path(make_url(Settings(_env_file=None).database_url).database).absolute()
    assert database == volume / "briefing.db"


def test_the_build_context_leaves_out_secrets_stores_and_environments():
    ignored = {line.strip().rstrip("/") for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".env", ".venv", "data", "bench/out", ".git", "**/__pycache__"} <= ignored


def test_dependencies_are_installed_before_the_code_is_copied():
    steps = [line.split()[0] + " " + line.split()[1] for line in DOCKERFILE.splitlines()
             if line.startswith(("COPY ", "RUN "))]
    first_code = steps.index("COPY bot")
    assert steps.index("COPY pyproject.toml") < steps.index("RUN python") < first_code
    assert "pip install --no-deps -e ." in DOCKERFILE.split("COPY bot", 1)[1]


def test_the_image_checks_its_health_and_exposes_the_webhook_port():
    assert instructions("EXPOSE") == [str(Settings.model_fields["webhook_port"].default)]
    health = instructions("HEALTHCHECK")[0]
    assert health.endswith('CMD ["briefing", "check"]')
