"""The folders say who may import whom, and this test keeps them honest.

`bot/core` answers commands without knowing Telegram, so the console chat and `briefing ask` share it;
`bot/services` (ingest, fetch, settings) serve every front end and know none; `extraction` is pure and
`knowledge` is read by all; only `bot/telegram` speaks to python-telegram-bot.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# folder → module prefixes nothing in it may import (every import, also those inside functions)
FORBIDDEN = {
    "bot/core": ("telegram", "bot.telegram", "bot.cli", "bot.console"),
    "bot/services": ("telegram", "bot.telegram", "bot.core", "bot.cli", "bot.console"),
    "storage": ("telegram", "bot"),
    "extraction": ("telegram", "bot", "storage", "httpx", "sqlmodel", "sqlalchemy"),
    "knowledge": ("telegram", "bot", "storage", "extraction"),
}


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_each_folder_imports_only_what_its_layer_may(folder: str) -> None:
    files = sorted((ROOT / folder).rglob("*.py"))
    assert files, folder
    broken = {str(path.relative_to(ROOT)): sorted(m for m in imported_modules(path)
                                                  if any(_under(m, prefix) for prefix in FORBIDDEN[folder]))
              for path in files if "migrations" not in path.parts}
    assert {file: modules for file, modules in broken.items() if modules} == {}


def test_the_check_sees_an_import_inside_a_function(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def later():\n    from telegram import Bot\n    import bot.telegram.app\n")
    assert {"telegram", "telegram.Bot", "bot.telegram.app"} <= imported_modules(sample)
