"""Decoding, debris removal, bylines and sentence splitting: the stages before any meeting is read."""

from __future__ import annotations

import datetime as dt

import pytest

from extraction.clean import clean, is_debris
from extraction.decode import decode
from extraction.published import find_edit_stamp, find_published
from extraction.sentences import split_sentences


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Шойгу встретился с Ван И".encode(), "Шойгу встретился с Ван И"),
        ("\ufeffWang Yi".encode(), "Wang Yi"),
        ("Ван И".encode("utf-16"), "Ван И"),
        ("Путин встретился с Си Цзиньпином".encode("cp1251"), "Путин встретился с Си Цзиньпином"),
        (b"one\r\ntwo\rthree", "one\ntwo\nthree"),
    ],
)
def test_decode_reads_the_encodings_outlets_use(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize(
    "line",
    ["Skip to main content", "Advertisement", "Live broadcast", "Main slide", "Beginning of the article",
     "Select important", "On", "Off", "Sign up now: Get insights on Asia's fast-moving developments",
     "PHOTO: REUTERS", "Google Preferred Source badge", "See more on", "Newsroom logo", "None",
     "Переведено сервисом «Яндекс Переводчик»", "Озвучить текст", "Share"],
)
def test_debris_lines_are_recognised(line: str) -> None:
    assert is_debris(line)


@pytest.mark.parametrize("line", ["Shoigu met Wang Yi.", "On Wednesday, Wang Yi met Putin.", "Moscow"])
def test_content_lines_are_kept(line: str) -> None:
    assert not is_debris(line)


def test_clean_rejoins_a_sentence_broken_over_lines_and_picks_the_headline() -> None:
    text = ("China tells Russia's security chief relations could break new ground\n\nSign up now: x\n\n"
            "The meeting in Beijing came as the US said it was close to\n\nbrokering a deal to end the conflict"
            "\n\n.\n\nNext paragraph.")
    cleaned = clean(text)
    assert cleaned.title == "China tells Russia's security chief relations could break new ground"
    assert ("The meeting in Beijing came as the US said it was close to brokering a deal to end the conflict."
            in cleaned.paragraphs)
    assert "Sign up now: x" not in cleaned.text


def test_clean_normalises_typographic_apostrophes() -> None:
    assert "Russia's security chief" in clean("Russia\u2019s security chief met Wang Yi.").text


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Last update: October 14, 2024 23:44", "Headline here", "By Vusala Abbasova December 6, 2019"],
         dt.date(2019, 12, 6)),
        (["Last update: October 14, 2024 23:44", "Headline here", "Body text without any date at all."], None),
        (["Headline", "March 22, 2023", "Body."], dt.date(2023, 3, 22)),
        (["Published: 10.09.2024", "Body."], dt.date(2024, 9, 10)),
        (["Посол вручил грамоты", "ТАСС 12.08.19 Слов: 101", "Текст."], dt.date(2019, 8, 12)),
        # a site's "today" above the headline, printed twice, and the story's own date under it
        (["Приамурская правда, город Благовещенск", "14 мая 2026, Четверг г. БЛАГОВЕЩЕНСК",
          "Делегация Хэйхэ побывала в Благовещенске", "03.04.2019", "Делегация Хэйхэ побывала в Благовещенске",
          "Губернатор встретился с мэром Хэйхэ."], dt.date(2019, 4, 3)),
        (["A long first paragraph that mentions December 2, 2025 somewhere inside a sentence of prose "
          "that is clearly not a byline at all."], None),
    ],
)
def test_publication_date_comes_from_a_byline_never_from_an_edit_stamp(lines: list[str],
                                                                       expected: dt.date | None) -> None:
    assert find_published(lines) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("Updated: 2024-05-16 10:23", dt.date(2024, 5, 16)),
    ("By Xinhua | chinadaily.com.cn | Updated: 2024-05-16 10:23", dt.date(2024, 5, 16)),
    ("Xinhua 2023-01-02 | Updated: 2024-05-16", dt.date(2024, 5, 16)),  # the stamp's date, not the one before
    ("Nothing was updated here on March 3, 2025 or later in this long line of body text, as it goes on", None),
])
def test_an_edit_stamp_is_found_inside_a_byline_when_nothing_better_is_there(line: str,
                                                                             expected: dt.date | None) -> None:
    assert find_edit_stamp(["Headline", line, "Body without a date."]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Wang met U.S. President Trump. Then he left.", ["Mr. Wang met U.S. President Trump.", "Then he left."]),
        ("It was Sept. 10 in St. Petersburg. Talks began.", ["It was Sept. 10 in St. Petersburg.", "Talks began."]),
        ('He said: "We are friends. We will meet." Then it ended.',
         ['He said: "We are friends. We will meet."', "Then it ended."]),
        ("“Key goals are clear. We plan more,” Patrushev added. Next.",
         ["“Key goals are clear. We plan more,” Patrushev added.", "Next."]),
        ("V. Putin met Xi. Done!", ["V. Putin met Xi.", "Done!"]),
        ("Губернатор О.Н. Петров встретился с послом. Потом уехал.",
         ["Губернатор О.Н. Петров встретился с послом.", "Потом уехал."]),
        ("Talks with J.R. Smith ended. Next.", ["Talks with J.R. Smith ended.", "Next."]),
        ("", []),
    ],
)
def test_sentence_splitting_respects_abbreviations_and_quotes(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_headline_printed_twice_is_the_title_not_the_sites_name_nor_its_date_widget() -> None:
    text = ("Приамурская правда, город Благовещенск\n14 мая 2026, Четверг\nг. БЛАГОВЕЩЕНСК\n\n"
            "Делегация Хэйхэ побывала в Благовещенске\n\n03.04.2019\n\nДелегация Хэйхэ побывала в Благовещенске\n\n"
            "Губернатор встретился с мэром Хэйхэ.")
    assert clean(text).title == "Делегация Хэйхэ побывала в Благовещенске"
