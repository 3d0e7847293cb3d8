"""A meeting's agenda: the items a sentence says were discussed, in the article's own words.

Canonical topics (`extraction.topics`) feed /topic and /follow, but a list of a hundred names cannot hold
everything an article says was on the table ("the Blagoveshchensk–Heihe bridge", "preparations for
the SCO summit"). The agenda keeps those words: after "discussed", "exchanged views on", "обсудили",
"обменялись мнениями по" and the like, the object of the verb up to the end of its clause, split into
its items ("A, B and C"), each short. Scene-setting parts of the sentence (`extraction.background`)
are not read.
"""

from __future__ import annotations

import re

from extraction.background import discussed
from extraction.lexicon import Folded
from extraction.same_event import each_item_once

MAX_ITEMS = 8  # per meeting: an agenda longer than this is a paragraph, not a list
MAX_CHARS = 80  # per item
_MAX_OBJECT = 400  # characters read after a trigger

# What introduces the items. Each alternative ends where the object begins.
_TRIGGER = Folded(
    r"(?:\b(?:topics|issues|matters|questions|subjects)\s+(?:discussed|on\s+the\s+agenda|under\s+discussion)"
    r"\s+(?:included|include|were|covered|ranged\s+from)\s+"
    r"|\b(?:the\s+)?agenda\s+(?:included|includes|covered|featured)\s+"
    r"|\b(?:will\s+)?cover(?:ed|s)?\s+(?=(?:issues|topics|questions|matters)\s+(?:including|such\s+as)\b)"
    r"|\b(?:exchanged|exchange|exchanging)\s+(?:views|opinions|ideas)\s+(?:on|about|regarding|over)\s+"
    r"|\ban\s+exchange\s+of\s+(?:views|opinions)\s+(?:on|about|regarding)\s+"
    r"|\b(?:discussed|discuss|discusses|discussing)\s+"
    r"|\b(?:discussions?|consultations)\s+(?:on|of|about)\s+(?!the\s+sidelines\b)"
    r"|\b(?:talked|spoke)\s+about\s+"
    r"|\b(?:touched|touching)\s+(?:up)?on\s+"
    r"|\b(?:focused|focusing|focussed|centred|centered)\s+on\s+"
    r"|\bобменял[иа]сь\s+мнениями\s+(?:по|о|об|относительно)\s+"
    r"|\bобмен\w*\s+мнениями\s+(?:по|о|об|относительно)\s+"
    r"|\b(?:обсудил\w*|обсуждал\w*|обсудят|обсудить|обсуждение\w*|обсуждени[еия]|были\s+обсуждены|обсуждены)\s+"
    r"|\bконсультаци\w*\s+по\s+(?!телефону)"
    r"|\bзатронул[иа]?\s+|\bзатрагивал\w*\s+(?:(?:вопросы|темы|проблемы)\s+)?"
    r"|\bрассмотрел[иа]?\s+"
    r"|\bпосвящен[аы]?\s+"
    r"|\bречь\s+шла\s+о\s+"
    r"|\bв\s+центре\s+внимания\s+(?:был[иа]?\s+)?)",
    needs=("discuss", "agenda", "cover", "views", "opinions", "ideas", "consultations", "talked", "spoke", "touch",
           "focus", "centred", "centered", "консультаци", "обмен", "обсу", "затронул", "затрагивал", "рассмотрел",
           "посвящен", "речь", "в центре"))
# "... with Chinese Premier Li Qiang" / "... с китайским коллегой Ван И": the people, not an item
_WITH_PEOPLE_EN = re.compile(r"\s+with\s+(?=[A-Z]|(?:his|her|their|the\s+(?:Chinese|Russian))\b)")
_WITH_PEOPLE_RU = re.compile(r"\s+с(?:о)?\s+(?=[А-ЯЁ]|(?:китайск|российск|коллег|председател|президент|премьер"
                             r"|министр|главой|губернатор)\w*)")
# words of a title after "с"/"with": "с главой минобороны Китая", "with his Chinese counterpart"
_IN_TITLES = frozenset({"his", "her", "their", "the", "counterpart", "counterparts", "and", "и", "минобороны", "мид",
                        "обороны", "иностранных", "дел", "государственного", "госсовета", "совета", "правительства",
                        "министерства", "цк", "кпк", "нпк", "всекитайского", "собрания", "народных", "представителей",
                        "постоянного", "комитета", "провинции", "края", "области", "партии", "генерального",
                        "штаба", "армии", "губернатора", "мэра", "главы", "председателя", "секретаря", "парткома",
                        "горкома", "посла", "министра", "заместителя", "народного", "города", "округа", "района",
                        "республики", "администрации", "посольства"})
_INSTRUMENTAL = re.compile(r"(?:ом|ем|ём|ым|им|ой|ей|ами|ями|ою)$")
# where the object ends: a full stop, a new clause, someone saying so
_END = re.compile(
    r"[.;!?:]\s|[.;!?]$|\s[—–]\s|[(\[]|\s-\s"
    r"|,?\s+(?i:and|while|but|as|after|before|during|where|which)\s+(?i:agreed|agreeing|signed|stressed|noted|expressed"
    r"|reaffirmed|pledged|vowed|called|decided|exchanged|said|added|emphasized|emphasised|underlined|welcomed"
    r"|confirmed|praised|hailed|the\s+two|both)\b"
    r"|,\s*(?i:agreeing|stressing|noting|saying|adding|emphasizing|emphasising|according|which|who|where|while|when"
    r"|reaffirming|expressing|pledging|calling)\b"
    r"|,[\"'”»]?\s*(?:(?i:the|a|an)\s+)?(?:[\w-]+\s+){1,4}(?:said|says|reported|added|noted|stated|told)\b"
    r"|,\s*(?i:with|along\s+with)\b"
    r"|\s+(?i:(?:were|was|will\s+be|are|is|have\s+been|has\s+been)\s+(?:held|conducted|organi[sz]ed|opened)"
    r"|took\s+place|take\s+place|состоял\w*|прош(?:ли|ла|ел|ёл)|пройд\w+|проходил\w*)\b"
    r"|\s+(?i:during|in\s+(?:a|the)\s+(?:phone|telephone)\s+(?:call|conversation)|by\s+(?:phone|telephone)"
    r"|on\s+the\s+(?:phone|telephone)|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|в\s+ходе|во\s+время|по\s+телефону|в\s+телефонном|на\s+встрече|на\s+переговорах)\b"
    r"|,?\s+(?i:и|а)\s+(?:договорил\w*|подписал\w*|подчеркнул\w*|отметил\w*|выразил\w*|обменял\w*|заявил\w*|согласил\w*"
    r"|условил\w*|констатировал\w*)\b"
    r"|,\s*(?:отметив|подчеркнув|заявив|выразив|договорившись|сообщ\w+|говорится|передает|передаёт|пишет|указал\w*"
    r"|заявил\w*|отметил\w*|котор\w+|где|когда)\b"
)
# how items are listed: "A, B and C", "A; B", "as well as", "including"
_COMMA = re.compile(r"\s*,\s*(?:(?i:including|such\s+as|in\s+particular|notably|в\s+том\s+числе|включая|в\s+частности"
                    r"|а\s+также|as\s+well\s+as)\s+)?|\s+(?i:as\s+well\s+as|а\s+также|including|включая)\s+")
_AND = re.compile(r"\s+(?:and|и)\s+")
_LEAD = re.compile(r"^(?i:and|as\s+well\s+as|also|further|и|а\s+также|также|including|включая|such\s+as"
                   r"|(?:issues|topics|questions|matters)\s+(?:including|such\s+as)"
                   r"|в\s+том\s+числе|в\s+частности|прежде\s+всего"
                   r"|a\s+(?:wide|broad|whole|number|range|array)\s+(?:range\s+|array\s+)?of\s+(?:issues|topics|questions"
                   r"|matters)(?=\s*(?:[,:]|including|such\s+as))"
                   r"|(?:широкий\s+круг|ряд)\s+вопросов(?=\s*(?:[,:]|включая|в\s+том\s+числе)))\b[\s,:]*")
_PREPOSITIONS = frozenset({"around", "in", "on", "of", "over", "between", "with", "regarding", "concerning", "вокруг",
                           "в", "во", "на", "по", "о", "об", "между", "с", "со", "относительно", "для"})
_EMPTY = frozenset({"it", "this", "that", "them", "these", "those", "these issues", "the issue", "the matter",
                    "the issues", "это", "этот вопрос", "эти вопросы", "их", "его"})


def agenda_items(text: str) -> list[str]:
    """What the sentence says was (or will be) discussed, item by item, verbatim; [] when it says nothing so."""
    if not _TRIGGER.search(text):
        return []
    scene = discussed(text)
    found: list[str] = []
    for trigger in _TRIGGER.finditer(text):
        if scene[trigger.start()] == " " and text[trigger.start()] != " ":
            continue  # "... amid talks that discussed X": the backdrop, not this meeting
        found += _items(_object(text, scene, trigger.end()))
    return list(each_item_once(found)[:MAX_ITEMS])


def discussion_start(text: str) -> int | None:
    """Where the first thing the sentence says was discussed begins ("discussed |bilateral relations"), if any."""
    found = _TRIGGER.search(text)
    return found.end() if found else None


def says_discussed(text: str) -> bool:
    """Whether the sentence says something was (or will be) discussed."""
    return discussion_start(text) is not None


def merge_agenda(*lists: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """One agenda from several sentences' of an article: first spelling kept, at most `MAX_ITEMS`."""
    return each_item_once(*lists)[:MAX_ITEMS]


def _object(text: str, scene: str, start: int) -> str:
    """The object of the verb: from `start` to the end of its clause or of the scene the text sets."""
    body = text[start : start + _MAX_OBJECT]
    for i, char in enumerate(body):
        if scene[start + i] == " " and char != " ":  # a scene-setting part begins
            body = body[:i]
            break
    body = _skip_people(body)
    end = _END.search(body)
    body = body[: end.start()] if end else body
    with_people = _WITH_PEOPLE_EN.search(body) or _WITH_PEOPLE_RU.search(body)
    return body[: with_people.start()] if with_people else body


def _skip_people(body: str) -> str:
    """"с китайским коллегой Ван И ситуацию на Украине": the people talked with come before the object."""
    words = body.split(" ")
    if not words or words[0] not in ("с", "со", "with"):
        return body
    for n, word in enumerate(words[1:], start=1):
        bare = word.strip(",")
        if bare and bare[0].islower() and not _INSTRUMENTAL.search(bare) and bare not in _IN_TITLES:
            return " ".join(words[n:])
    return ""


def _items(obj: str) -> list[str]:
    obj = _bare(obj)
    pieces = [p for p in _COMMA.split(obj) if p and p.strip()]
    if len(halves := _AND.split(pieces[-1])) == 2 and _two_items(*halves):
        pieces = pieces[:-1] + halves  # "A, B and C": only the last piece joins two items with "and"
    out = []
    for piece in pieces:
        item = _bare(piece)
        if len(item) < 3 or item.casefold() in _EMPTY:
            continue
        out.append(_clip(item))
    return out


def _two_items(first: str, second: str) -> bool:
    """"A and B" lists two items, unless they share a word: "trade and economic cooperation" (one noun),
    "events around Venezuela and Iran", "ситуация вокруг Сирии и Ливии" (one preposition)."""
    head, tail = first.split(), second.split()
    if len(tail) == 1:
        return not _PREPOSITIONS.intersection(w.casefold() for w in head[1:])
    return len(head) > 1


def _bare(text: str) -> str:
    """Without the words that lead into a list: "and also …", "в том числе и …", "a range of issues, including"."""
    text = text.strip(" ,:\"'«»“”")
    while (bare := _LEAD.sub("", text).strip(" ,:\"'«»“”")) != text:
        text = bare
    return text


def _clip(item: str) -> str:
    item = " ".join(item.split())
    if len(item) <= MAX_CHARS:
        return item
    return item[: MAX_CHARS - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
