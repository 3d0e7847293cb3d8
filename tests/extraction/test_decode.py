"""Decoding uploads: every encoding an outlet may use reads back as the text, and garbage is refused."""

from __future__ import annotations

import random

import pytest

from extraction.decode import decode
from extraction.formats import UnreadableArticle, article_text

RUSSIAN = ("Министр иностранных дел России Сергей Лавров провел телефонный разговор с Ван И. "
           "Стороны обсудили ситуацию вокруг Украины и на Ближнем Востоке, а также подготовку к саммиту ШОС. ") * 4
FRENCH = ("Le ministre russe des Affaires étrangères a rencontré son homologue chinois à Pékin. "
          "Ils ont évoqué la coopération économique, l'énergie et la sécurité régionale. ") * 3
ENGLISH = "Russian Foreign Minister Sergei Lavrov met Wang Yi in Beijing on Tuesday. "


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "utf-8"), (RUSSIAN, "utf-8-sig"), (RUSSIAN, "utf-16"), (RUSSIAN, "utf-16-le"),
        (RUSSIAN, "utf-16-be"), (RUSSIAN, "cp1251"), (RUSSIAN, "koi8-r"), (RUSSIAN, "mac-cyrillic"),
        (FRENCH, "latin-1"), (FRENCH, "cp1252"), (FRENCH, "utf-16-le"), (ENGLISH, "utf-16-le"),
        (ENGLISH, "utf-16-be"), (ENGLISH, "ascii"),
    ],
)
def test_each_encoding_reads_back_as_the_text(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("text", ["Путин встретился с Си Цзиньпином", "Шойгу и Ван И", "Лавров: «Да»"])
def test_short_cyrillic_falls_back_to_windows_1251(text: str) -> None:
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bytes_in_no_encoding_are_refused_rather_than_shown_as_mojibake(seed: int) -> None:
    noise = random.Random(seed).randbytes(4000)
    with pytest.raises(UnreadableArticle, match="the text is in an encoding I cannot read"):
        decode(noise)


def test_an_upload_in_windows_1251_reads_as_russian() -> None:
    assert article_text(RUSSIAN.encode("cp1251"), filename="tass.txt") == RUSSIAN
