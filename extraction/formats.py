"""Article files → plain text: PDF (pypdf), HTML (trafilatura strips navigation and ads), else text.

Pure: bytes in, text out. A file that holds no readable article raises `UnreadableArticle` with a
reason a person can act on.
"""

from __future__ import annotations

import io
import logging
from pathlib import PurePath

from extraction.decode import UnreadableArticle, decode

__all__ = ["HTML_SUFFIXES", "UnreadableArticle", "article_text"]

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_ENDS = (".", "!", "?", ":", "\"", "”", "»")
_HTML_START = (b"<!doctype html", b"<html", b"<head", b"<body")
_BINARY_MAGIC = {  # what people send by mistake, by their first bytes
    b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word/Excel file)", b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7-Zip archive", b"\x7fELF": "a program", b"MZ": "a program",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
_TEXT_CONTROLS = set(b"\t\n\r\f\x1b")
MIN_HTML_WORDS = 12  # fewer words than this after boilerplate removal is a menu, not an article


def article_text(data: bytes, *, filename: str | None = None, content_type: str | None = None) -> str:
    """The readable text of an uploaded or fetched article, title first."""
    suffix = PurePath(filename).suffix.lower() if filename else ""
    kind = (content_type or "").split(";")[0].strip().lower()
    head = data[:512].lstrip().lower()
    if suffix == ".pdf" or kind == "application/pdf" or data.startswith(b"%PDF"):
        return _pdf_text(data)
    _refuse_binary(data)
    if suffix in HTML_SUFFIXES or kind in {"text/html", "application/xhtml+xml"} or head.startswith(_HTML_START):
        return _html_text(data)
    return decode(data)


def _refuse_binary(data: bytes) -> None:
    """Images and archives renamed .txt are refused from their bytes, before any decoding guesses."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnreadableArticle(f"the file is binary ({what}), not text")
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(head):
        return
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    if controls > len(head) / 100:
        raise UnreadableArticle("the file is binary (an image or an archive?), not text")


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of Latin or Cyrillic text is NUL or 0x04."""
    odd, even = head[1::2], head[0::2]
    return len(head) >= 16 and (odd.count(0) + odd.count(4) > 0.8 * len(odd)
                                or even.count(0) + even.count(4) > 0.8 * len(even))


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
    return reflow(text)


def reflow(text: str) -> str:
    """PDF lines are layout, not paragraphs: a full-width line not ending a sentence runs on into the next."""
    lines = text.split("\n")
    width = sorted(len(line) for line in lines if line.strip())[len([x for x in lines if x.strip()]) * 3 // 4 :][:1]
    full = 0.8 * width[0] if width else 0
    out: list[str] = []
    for line in lines:
        if out and out[-1] and line.strip() and len(out[-1]) >= full and not out[-1].rstrip().endswith(_ENDS):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _html_text(data: bytes) -> str:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    # the page's own date markup (meta tags, <time>, a byline) but no guessing: a broad search takes
    # "© 2024" for 1 January 2024
    document = trafilatura.bare_extraction(decode(data), include_comments=False, include_tables=False,
                                           with_metadata=True,
                                           date_extraction_params={"extensive_search": False, "original_date": True})
    text = getattr(document, "text", None) if document is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise UnreadableArticle("the page has no article text (only scripts or navigation?)")
    title = getattr(document, "title", None)
    # the byline with the date is boilerplate to trafilatura, so the date it read from it goes back in
    dated = f"Published: {date}\n\n{text}" if (date := getattr(document, "date", None)) else text
    return f"{title}\n\n{dated}" if title and title not in text[:300] else dated
