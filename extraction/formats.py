"""Article files → plain text: PDF (pypdf), HTML (trafilatura strips navigation and ads), else text.

Pure: bytes in, text out. A file that holds no readable article raises `UnreadableArticle` with a
reason a person can act on.
"""

from __future__ import annotations

import io
import logging
from pathlib import PurePath

from extraction.decode import decode

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body")


class UnreadableArticle(ValueError):
    """The bytes hold no article text; the message says why."""


def article_text(data: bytes, *, filename: str | None = None, content_type: str | None = None) -> str:
    """The readable text of an uploaded or fetched article, title first."""
    suffix = PurePath(filename).suffix.lower() if filename else ""
    kind = (content_type or "").split(";")[0].strip().lower()
    head = data[:512].lstrip().lower()
    if suffix == ".pdf" or kind == "application/pdf" or data.startswith(b"%PDF"):
        return _pdf_text(data)
    if suffix in HTML_SUFFIXES or kind in {"text/html", "application/xhtml+xml"} or head.startswith(_HTML_START):
        return _html_text(data)
    return decode(data)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed PDFs are reported to the admin instead
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadableArticle("the PDF is encrypted")
        text = "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        if isinstance(error, UnreadableArticle):
            raise
        raise UnreadableArticle("the PDF is damaged or not a PDF") from None
    if not text.strip():
        raise UnreadableArticle("the PDF has no text layer (a scan?)")
    return text


def _html_text(data: bytes) -> str:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    document = trafilatura.bare_extraction(decode(data), include_comments=False, include_tables=False,
                                           with_metadata=True)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise UnreadableArticle("the page has no article text (only scripts or navigation?)")
    title = getattr(document, "title", None)
    return f"{title}\n\n{text}" if title and title not in text[:300] else text
