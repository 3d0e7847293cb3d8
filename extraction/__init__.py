"""Pure extraction: article text in, meetings with evidence out. No I/O, no database, no Telegram.

`extract` is the one way into the pipeline, and the one place it is imported: on first use, not with the
package. Importing the pipeline compiles its rules and loads the people, places and dates they need
(about 0.3 s); storing and answering use only light modules of this package (`types`, `triggers`,
`formats`), so `briefing ask`, the console chat and the bot start without that cost, and the first
article read or re-extracted pays it once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extraction.decode import decode

if TYPE_CHECKING:
    from extraction.pipeline import extract

__all__ = ["decode", "extract"]


def __getattr__(name: str) -> Any:
    if name == "extract":
        from extraction.pipeline import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
