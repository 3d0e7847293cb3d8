"""The evaluation's scorer, `eval/score.py`, loaded as a module so the dev-set tests score exactly as the
evaluation does, from the one copy the project keeps."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SCRIPT = Path(__file__).resolve().parents[2] / "eval" / "score.py"
_spec = importlib.util.spec_from_file_location("briefing_eval_score", _SCRIPT)
assert _spec is not None
assert _spec.loader is not None
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)

score = _module.score
load_gold = _module.load_gold
