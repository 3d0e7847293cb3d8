"""A tiny hand-built text PDF (Helvetica, one column), so the dev set has a PDF without a new dependency.

`python -m tests.extraction.pdfmaker` rewrites devset/10_mfa_wang_lavrov.pdf from `PRESS_RELEASE`;
test_devset checks that the committed file is exactly what this script makes.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

DEVSET_PDF = Path(__file__).with_name("devset") / "10_mfa_wang_lavrov.pdf"
PRESS_RELEASE = (
    "Ministry of Foreign Affairs of the People's Republic of China",
    "Wang Yi Meets with Russian Foreign Minister Sergey Lavrov",
    "2025-07-10 23:10",
    "On July 10, 2025, Member of the Political Bureau of the CPC Central Committee and Foreign Minister Wang Yi "
    "met with Russian Foreign Minister Sergey Lavrov in Kuala Lumpur on the sidelines of the foreign ministers' "
    "meetings on East Asia cooperation.",
    "Wang Yi said that China and Russia should firmly support each other and jointly uphold multilateralism. "
    "The two sides should make the Tianjin summit of the Shanghai Cooperation Organization a success.",
    "Lavrov said that Russia is willing to strengthen coordination with China on ASEAN affairs and the Korean "
    "Peninsula. The two sides also exchanged views on the Ukraine crisis.",
    "Lavrov will travel to Tianjin next week to attend the meeting of the SCO Council of Foreign Ministers.",
)
_LINE = 88  # characters per line at 10 pt Helvetica on an A4 page
_LINES_PER_PAGE = 60


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_stream(lines: list[str]) -> bytes:
    body = ["BT", "/F1 10 Tf", "12 TL", "56 790 Td"]
    body += [f"({_escape(line)}) Tj T*" for line in lines]
    body.append("ET")
    return "\n".join(body).encode("latin-1")


def make_pdf(paragraphs: tuple[str, ...] | list[str]) -> bytes:
    """A valid PDF whose text layer is the paragraphs, wrapped, with a blank line between them."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, _LINE), ""]
    pages = [lines[i : i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)] or [[]]
    font = 3 + 2 * len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               (f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(len(pages)))}] "
                f"/Count {len(pages)} >>").encode()]
    for i, page in enumerate(pages):
        stream = _page_stream(page)
        objects.append((f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
                        f"/Resources << /Font << /F1 {font} 0 R >> >> >>").encode())
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


if __name__ == "__main__":
    DEVSET_PDF.write_bytes(make_pdf(PRESS_RELEASE))
