"""The English reader of titled officials: a title head, then the name before or after it.

"Heilongjiang provincial party secretary Xu Qin", "Chief of the General Staff of the Chinese PLA Liu
Zhenli", "Igor Krasnov, Prosecutor General of the Russian Federation,", "the mayor of Shanghai, Ying Yong,":
the sentence is read as tokens around each title head, and a capitalised phrase counts as a name only when
it looks like one: one to three words, none of them a title, rank, organisation, place, month or weekday.
The country comes from the title, failing that from the name itself (pinyin with a Chinese family name, a
Russian surname ending). Kept apart from the Russian reader, which finds names with a language model and
puts them back in the nominative: the two share no step but the value they return.
"""

from __future__ import annotations

import re

from extraction import palladius
from extraction.lexicon import COUNTRY_ADJECTIVES
from extraction.titles import EN_TITLE_HEAD, RANKS, country_in_english, is_title_word
from extraction.types import Official

_TOKEN = re.compile(r"[A-Z][A-Za-z]*(?:['’-][A-Za-z]+)*|[a-z][\w'’-]*|[,;:()\"“”.!?]|\S")
_CONNECTORS = frozenset(["of", "the", "for", "and", "on", "to", "in", "de", "-in-", "at"])
# Lower-case words that belong to a title ("Russian deputy prime minister", "provincial party secretary")
_PRE_MODIFIERS = palladius.word_set(
    """provincial municipal regional party city state acting deputy vice first prime foreign defence defense trade
    commerce finance economic economy energy agriculture agricultural transport justice interior emergency
    emergencies industry natural resources ecology education health culture sports science technology
    presidential special senior chief executive general secretary minister assistant""")
_NOT_NAME = palladius.word_set(
    """The A An Of And In On At For With By To From Foreign Affairs Ministry Ministers Council Security Party Committee
    Commission Office State Central General Federation Republic People's Peoples Liberation Army Navy Air Force
    Forces Staff Defense Defence Military Commission Government Congress Assembly Standing Duma Province Region
    Krai Kray Oblast Territory Autonomous City Municipal Bank Corporation Company Group Fund Agency Service Bureau
    Department Administration Affairs Trade Commerce Economic Economy Development Energy Finance Justice Interior
    Public People Emergency Emergencies Situations National International Supreme Court Procuratorate Prosecutor's
    Prosecutors Border Guard Customs Railways Union Russia China Russian Chinese Beijing Moscow Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October
    November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mr Mrs Ms Dr Said Says Told Xinhua TASS
    Reuters Communist Socialist Democratic Liberal Vice Deputy First Executive Officer Chief CPC CCP PLA NPC
    CPPCC PRC NATO BRICS SCO Harbin Vladivostok Russia's China's Sino Asia Pacific Eurasian Far East Northeast
    Arctic Siberia Siberian Kremlin Premier President Minister Secretary Chairman Governor Mayor Ambassador Envoy
    Also Both Then Meanwhile However Earlier Later During After Before While District Federal Eastern Western
    Northern Southern Central North South East West Baikal Amur Volga Ural Urals Caucasus Sea Ocean River Lake
    Institute University Academy School Center Centre Forum Summit Conference Organization Organisation
    Cooperation Partnership Initiative Belt Road Silk Fund Exchange Association Society Chamber Council's
    Meeting Meetings Regular Session Sessions Talks Dialogue Mechanism Consultations Side"""
)
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?$")
_RUSSIAN_SURNAME = re.compile(r"(?:ov|ova|ev|eva|yev|yeva|in|ina|sky|skiy|skaya|enko|ko|uk|yuk|vich)$")


def english_officials(text: str, places: frozenset[str]) -> tuple[Official, ...]:
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[Official] = []
    reach = -1
    for head in EN_TITLE_HEAD.finditer(text):
        if head.start() < reach:
            continue  # a head inside a title already read ("Minister" of "Prime Minister")
        found = (_name_after(text, tokens, head, places) or _name_before(text, tokens, head, places)
                 or _name_after_comma(text, tokens, head, places))
        if found is None:
            continue
        out.append(found)
        reach = max(head.end(), found.end)
    return tuple(out)


def _index_at(tokens: list[tuple[str, int, int]], position: int) -> int:
    return next((i for i, (_, start, _) in enumerate(tokens) if start >= position), len(tokens))


def _name_after(text: str, tokens: list[tuple[str, int, int]], head: re.Match[str],
                places: frozenset[str]) -> Official | None:
    """"Chief of the General Staff of the Chinese PLA Liu Zhenli": the title's run, then the name ending it."""
    i = _index_at(tokens, head.end())
    run: list[tuple[str, int, int]] = []
    while i < len(tokens):
        word = tokens[i][0]
        if word in _CONNECTORS or (word[:1].isupper() and word != "I"):
            run.append(tokens[i])
            i += 1
            continue
        if word == "-" or word in ("'s", "’s") or (word in ("'", "’") and run and run[-1][0].endswith("s")) \
                or (word == "side" and run and run[-1][0] in ("Russian", "Chinese")):
            run.append(tokens[i])  # "... of the Prime Ministers' Regular Meeting on the Russian side Dmitry Rogozin"
            i += 1
            continue
        break
    if i < len(tokens) and tokens[i][0] in ("'s", "’s"):
        return None
    picked = _first_name_group(run, places)
    if picked is None:
        return None
    before, name = run[:picked[0]], run[picked[0] : picked[1]]
    if len(name) == 1 and (before or len(name[0][0]) < 4):
        return None  # "Minister Lavrov" is for the knowledge base; "of the Navy Smith" is too loose
    if len(name) == 3 and palladius.looks_chinese_latin(_join(name[1:])):
        before, name = [*before, name[0]], name[1:]  # "Minister of Ecology Huang Runqiu"
    if before and before[-1][0] in _CONNECTORS:
        return None  # "Minister of Wang Yi": no title ends in "of"
    title_end = before[-1][2] if before else head.end()
    while before and before[-1][0] in RANKS:
        before.pop()
        title_end = before[-1][2] if before else head.end()
    pre_start = _pre_title(tokens, head.start())
    country = country_in_english(text[pre_start:title_end]) or _country_of_latin(_join(name))
    return Official(pre_start, name[-1][2], _join(name), country, _title_words(text[pre_start:title_end]),
                    name_start=name[0][1])


def _name_after_comma(text: str, tokens: list[tuple[str, int, int]], head: re.Match[str],
                      places: frozenset[str]) -> Official | None:
    """"the mayor of Shanghai, Ying Yong, said": the title, a comma, then the name in apposition, ending there
    (a comma, a full stop or a lower-case word follows it; "Harbin, Shenyang and Dalian" is no name)."""
    i = _index_at(tokens, head.end())
    while i < len(tokens) and (tokens[i][0] in _CONNECTORS or tokens[i][0][:1].isupper()):
        i += 1
    if i >= len(tokens) or tokens[i][0] != ",":
        return None
    name: list[tuple[str, int, int]] = []
    k = i + 1
    while k < len(tokens) and len(name) < 4 and _name_like(tokens[k][0], places):
        name.append(tokens[k])
        k += 1
    after = tokens[k][0] if k < len(tokens) else "."
    if not 2 <= len(name) <= 3 or not (after in (",", ".", ";", ")") or after[:1].islower()):
        return None
    pre_start = _pre_title(tokens, head.start())
    title_end = tokens[i - 1][2]
    country = country_in_english(text[pre_start:title_end]) or _country_of_latin(_join(name))
    return Official(pre_start, name[-1][2], _join(name), country, _title_words(text[pre_start:title_end]),
                    name_start=name[0][1])


def _first_name_group(run: list[tuple[str, int, int]], places: frozenset[str]) -> tuple[int, int] | None:
    """The first run of capitalised words ending in a name ("... Liberation Army Liu Zhenli"): where the name
    (the name-like words at its end, at most three) starts and ends in `run`."""
    i = 0
    while i < len(run):
        if not run[i][0][:1].isupper():
            i += 1
            continue
        j = i
        while j < len(run) and run[j][0][:1].isupper():
            j += 1
        k = j
        while k > i and j - k < 3 and _name_like(run[k - 1][0], places):
            k -= 1
        followed = run[j][0] if j < len(run) else ""
        if k < j and followed not in ("of", "'s", "’s"):  # "the Far Eastern Federal District of Russia"
            return k, j
        i = j
    return None


def _title_words(phrase: str) -> str:
    """The title as a role: "Russian Deputy Prime Minister" → "Deputy Prime Minister"; none for "his Russian
    counterpart", which gives a side, not an office."""
    words = phrase.split()
    while words and (words[0] in COUNTRY_ADJECTIVES or words[0] in ("the", "The")):
        words.pop(0)
    return "" if words == ["counterpart"] else " ".join(words)


def _name_before(text: str, tokens: list[tuple[str, int, int]], head: re.Match[str],
                 places: frozenset[str]) -> Official | None:
    """"Igor Krasnov, Prosecutor General of the Russian Federation,": a name, a comma, then the title."""
    i = _index_at(tokens, head.start())
    j = i - 1
    while j >= 0 and (tokens[j][0] in ("the", "The") or tokens[j][0][:1].isupper()
                      or tokens[j][0] in _PRE_MODIFIERS) and tokens[j][0] != ",":
        j -= 1  # "Igor Krasnov, the Russian Prosecutor General": the title's own capitalised words
    if j < 1 or tokens[j][0] != ",":
        return None
    name: list[tuple[str, int, int]] = []
    k = j - 1
    while k >= 0 and len(name) < 4 and _name_like(tokens[k][0], places):
        name.insert(0, tokens[k])
        k -= 1
    if not 2 <= len(name) <= 3 or (k >= 0 and tokens[k][0][:1].isupper()):
        return None
    end = head.end()
    m = _TITLE_TAIL.match(text, end)
    if m is not None:
        end = m.end()
        while text[:end].rstrip().endswith((" of", " the", " and", " for", " on")):
            end = text[:end].rstrip().rfind(" ")
    title = text[tokens[j + 1][1] : end]
    country = country_in_english(title) or _country_of_latin(_join(name))
    return Official(name[0][1], name[-1][2], _join(name), country, _title_words(title), name_start=name[0][1])


# What a title after a name may go on with: "of the Russian Federation", "of Heilongjiang province"
_TITLE_TAIL = re.compile(r"(?:\s+(?:of|for|and|the|on|province|region|city|municipality|autonomous)|\s+[A-Z][\w'’-]*)*")


def _pre_title(tokens: list[tuple[str, int, int]], start: int) -> int:
    """Where the words that qualify a title begin: "Russian", "Heilongjiang provincial party", "Gazprom"."""
    i = _index_at(tokens, start) - 1
    begin = start
    while i >= 0 and len(tokens[i][0]) > 1 and (tokens[i][0][:1].isupper() or tokens[i][0] in _PRE_MODIFIERS):
        begin = tokens[i][1]
        i -= 1
    return begin


def _name_like(word: str, places: frozenset[str]) -> bool:
    word = _POSSESSIVE.sub("", word)  # "Premier Ding Xuexiang's visit": the name is Ding Xuexiang
    return bool(_NAME_WORD.match(word)) and word not in _NOT_NAME and not is_title_word(word) \
        and word not in RANKS and word not in places


_POSSESSIVE = re.compile(r"['’]s$")


def _join(tokens: list[tuple[str, int, int]]) -> str:
    return _POSSESSIVE.sub("", " ".join(t[0] for t in tokens))


def _country_of_latin(name: str) -> str | None:
    """The country a name alone suggests: pinyin with a Chinese family name, or a Russian surname ending."""
    if palladius.looks_chinese_latin(name):
        return "China"
    words = name.split()
    if len(words) >= 2 and _RUSSIAN_SURNAME.search(words[-1]) and len(words[-1]) > 4:
        return "Russia"
    return None
