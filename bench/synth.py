"""A synthetic world for benchmarks: people with aliases, and news articles about their meetings.

Everything comes from one `random.Random(seed)`, so a store built twice from the same seed is the
same store, and figures from two runs compare like for like. Names are built from syllables with a
Cyrillic twin, so every person has the spellings readers type: full name, a transliteration
variant, an initial with the surname, and Cyrillic.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from knowledge import KnowledgeBase

_RU_FIRST = [
    ("Sergei", "Sergey", "Сергей"), ("Nikolai", "Nikolay", "Николай"), ("Andrei", "Andrey", "Андрей"),
    ("Dmitri", "Dmitry", "Дмитрий"), ("Alexei", "Alexey", "Алексей"), ("Yuri", "Yury", "Юрий"),
    ("Mikhail", "Mihail", "Михаил"), ("Vasili", "Vasily", "Василий"), ("Anatoli", "Anatoly", "Анатолий"),
    ("Grigori", "Grigory", "Григорий"), ("Ivan", "Iwan", "Иван"), ("Pavel", "Pawel", "Павел"),
    ("Oleg", "Oleg", "Олег"), ("Igor", "Igor", "Игорь"), ("Viktor", "Victor", "Виктор"),
    ("Maxim", "Maksim", "Максим"), ("Roman", "Roman", "Роман"), ("Yevgeni", "Evgeny", "Евгений"),
    ("Konstantin", "Constantin", "Константин"), ("Boris", "Boris", "Борис"), ("Denis", "Denis", "Денис"),
    ("Gennadi", "Gennady", "Геннадий"), ("Valeri", "Valery", "Валерий"), ("Arkadi", "Arkady", "Аркадий"),
    ("Leonid", "Leonid", "Леонид"), ("Fyodor", "Fedor", "Фёдор"), ("Timofei", "Timofey", "Тимофей"),
    ("Anna", "Anna", "Анна"), ("Yelena", "Elena", "Елена"), ("Maria", "Mariya", "Мария"),
]
_RU_ROOT = [
    ("Vol", "Вол"), ("Sok", "Сок"), ("Mor", "Мор"), ("Lebed", "Лебед"), ("Kuz", "Куз"), ("Bel", "Бел"),
    ("Orl", "Орл"), ("Zaits", "Зайц"), ("Grom", "Гром"), ("Tikh", "Тих"), ("Step", "Степ"), ("Yar", "Яр"),
    ("Dub", "Дуб"), ("Kras", "Крас"), ("Glad", "Глад"), ("Rod", "Род"), ("Bor", "Бор"), ("Svet", "Свет"),
    ("Kozl", "Козл"), ("Medv", "Медв"), ("Zhuk", "Жук"), ("Shal", "Шал"), ("Chern", "Черн"), ("Gus", "Гус"),
    ("Nov", "Нов"), ("Pol", "Пол"), ("Ryab", "Рябь"), ("Sav", "Сав"), ("Tar", "Тар"), ("Fil", "Фил"),
    ("Vin", "Вин"), ("Lar", "Лар"), ("Mak", "Мак"), ("Nest", "Нест"), ("Pan", "Пан"), ("Rus", "Рус"),
    ("Sem", "Сем"), ("Trof", "Троф"), ("Ust", "Уст"), ("Khar", "Хар"), ("Ars", "Арс"), ("Bog", "Бог"),
]
_RU_MID = [("", ""), ("ar", "ар"), ("en", "ен"), ("il", "ил"), ("on", "он"), ("ush", "уш"), ("ash", "аш")]
_RU_END = [("ov", "ov", "ов"), ("in", "in", "ин"), ("sky", "skiy", "ский"), ("enko", "enko", "енко"),
           ("ev", "yev", "ев"), ("ykh", "ikh", "ых")]
_CN_FAMILY = [
    ("Wang", "Ван"), ("Li", "Ли"), ("Zhang", "Чжан"), ("Liu", "Лю"), ("Chen", "Чэнь"), ("Yang", "Ян"),
    ("Zhao", "Чжао"), ("Huang", "Хуан"), ("Zhou", "Чжоу"), ("Xu", "Сюй"), ("Sun", "Сунь"), ("Hu", "Ху"),
    ("Zhu", "Чжу"), ("Gao", "Гао"), ("Lin", "Линь"), ("Guo", "Го"), ("Ma", "Ма"), ("Luo", "Ло"),
    ("Song", "Сун"), ("Tang", "Тан"), ("Feng", "Фэн"), ("Deng", "Дэн"), ("Cao", "Цао"), ("Peng", "Пэн"),
]
_CN_SYLLABLE = [
    ("wei", "вэй"), ("jun", "цзюнь"), ("ming", "мин"), ("hua", "хуа"), ("qiang", "цян"), ("lei", "лэй"),
    ("jie", "цзе"), ("tao", "тао"), ("hong", "хун"), ("ping", "пин"), ("yong", "юн"), ("jian", "цзянь"),
    ("xin", "синь"), ("hai", "хай"), ("long", "лун"), ("bin", "бинь"), ("gang", "ган"), ("hui", "хуэй"),
    ("dong", "дун"), ("lan", "лань"), ("zhi", "чжи"), ("kai", "кай"), ("rui", "жуй"), ("shan", "шань"),
]
RU_TITLES = ["Deputy Foreign Minister", "Deputy Prime Minister", "Minister of Energy", "Ambassador",
             "Special Presidential Envoy", "First Deputy Prime Minister", "Minister of Economic Development",
             "Deputy Defence Minister", "Minister of Trade", "Presidential Aide"]
CN_TITLES = ["Vice Foreign Minister", "Vice Premier", "Ambassador", "Special Envoy", "Minister of Commerce",
             "State Councilor", "Vice Minister", "Vice Chairman", "Minister of Public Security",
             "Assistant Foreign Minister"]
CITIES = [("Moscow", "MOSCOW"), ("Beijing", "BEIJING"), ("Shanghai", "SHANGHAI"), ("St Petersburg", "ST PETERSBURG"),
          ("Vladivostok", "VLADIVOSTOK"), ("Harbin", "HARBIN"), ("Kazan", "KAZAN"), ("Astana", "ASTANA")]
OUTLETS = ["Xinhua", "TASS", "Interfax", "RIA Novosti", "Global Times", "Izvestia", "Kommersant"]
FIRST_YEAR, YEARS = 2011, 15


@dataclass(frozen=True)
class SynthPerson:
    name: str
    country: str  # Russia | China
    aliases: tuple[str, ...]  # the name first, then the variants a reader may type
    title: str


@dataclass(frozen=True)
class SynthMeeting:
    date: dt.date
    place: str
    kind: str  # meeting | call
    people: tuple[int, ...]  # indexes into the people list (negative: a knowledge-base person, see `known`)
    topics: tuple[str, ...]
    sentence: str  # the sentence that reports it
    topic_sentence: str


@dataclass(frozen=True)
class SynthArticle:
    title: str
    published: dt.date
    outlet: str
    paragraphs: tuple[tuple[str, ...], ...]  # sentences by paragraph
    meetings: tuple[SynthMeeting, ...]

    @property
    def text(self) -> str:
        return self.title + "\n\n" + "\n\n".join(" ".join(p) for p in self.paragraphs)

    @property
    def sentences(self) -> list[str]:
        return [self.title] + [s for p in self.paragraphs for s in p]


def make_people(rng: random.Random, count: int) -> list[SynthPerson]:
    """`count` distinct people, half Russian and half Chinese, each with four spellings."""
    people: list[SynthPerson] = []
    seen: set[str] = set()
    while len(people) < count:
        person = _russian(rng) if len(people) % 2 == 0 else _chinese(rng)
        key = person.name.casefold()
        if key in seen or any(a.casefold() in seen for a in person.aliases[1:]):
            continue
        seen.update(a.casefold() for a in person.aliases)
        people.append(person)
    return people


def _russian(rng: random.Random) -> SynthPerson:
    first, first_variant, first_cyr = rng.choice(_RU_FIRST)
    (root, root_cyr), (mid, mid_cyr) = rng.choice(_RU_ROOT), rng.choice(_RU_MID)
    end, end_variant, end_cyr = rng.choice(_RU_END)
    if first_cyr.endswith("а"):  # a woman: the feminine surname
        end, end_variant, end_cyr = end + "a", end_variant + "a", end_cyr + "а"
    surname, variant = root + mid + end, root + mid + end_variant
    aliases = (f"{first} {surname}", f"{first_variant} {variant}", f"{first[0]}. {surname}",
               f"{first_cyr} {root_cyr}{mid_cyr}{end_cyr}")
    return SynthPerson(aliases[0], "Russia", tuple(dict.fromkeys(aliases)), rng.choice(RU_TITLES))


def _chinese(rng: random.Random) -> SynthPerson:
    family, family_cyr = rng.choice(_CN_FAMILY)
    (a, a_cyr), (b, b_cyr) = rng.sample(_CN_SYLLABLE, 2)
    given = (a + b).capitalize()
    aliases = (f"{family} {given}", f"{family} {a.capitalize()}-{b}", f"{given} {family}",
               f"{family_cyr} {(a_cyr + b_cyr).capitalize()}")
    return SynthPerson(aliases[0], "China", aliases, rng.choice(CN_TITLES))


class ArticleWriter:
    """Writes ~600-word news articles about meetings between the given people, reproducibly."""

    def __init__(self, rng: random.Random, people: list[SynthPerson], knowledge: KnowledgeBase,
                 *, known_share: float = 0.25) -> None:
        self.rng, self.people, self.known_share = rng, people, known_share
        self.topics = [t.name for t in knowledge.topics]
        self.known = {c: [p for p in knowledge.people if p.country == c] for c in ("Russia", "China")}
        self.known_all = [*self.known["Russia"], *self.known["China"]]  # index -1 - i is known_all[i]
        self.by_country = {c: [i for i, p in enumerate(people) if p.country == c] for c in ("Russia", "China")}

    def _pick(self, country: str) -> tuple[int, str, str]:
        """A participant: (index, name as written, title); known people are negative indexes."""
        rng = self.rng
        if rng.random() < self.known_share and self.known[country]:
            kp = self.known[country][int(rng.paretovariate(1.2)) % len(self.known[country])]
            return -1 - self.known_all.index(kp), kp.name, ""
        pool = self.by_country[country]
        if rng.random() < 0.5:  # half the meetings spread over everyone, half over a busy few
            return self._synthetic(rng.choice(pool))
        return self._synthetic(pool[int(rng.paretovariate(0.9) * 7) % len(pool)])

    def _synthetic(self, index: int) -> tuple[int, str, str]:
        return index, self.people[index].name, self.people[index].title

    def article(self, *, meetings: int | None = None) -> SynthArticle:
        rng = self.rng
        published = dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=rng.randrange(YEARS * 365))
        outlet = rng.choice(OUTLETS)
        city, dateline = rng.choice(CITIES)
        paragraphs: list[tuple[str, ...]] = []
        found: list[SynthMeeting] = []
        for n in range(meetings or rng.randint(2, 4)):
            meeting, paragraph = self._meeting(published, city if n == 0 else rng.choice(CITIES)[0], first=n == 0)
            found.append(meeting)
            if n == 0:
                paragraph = (f"{dateline}, {published:%B} {published.day} ({outlet}) — {paragraph[0]}", *paragraph[1:])
            paragraphs.append(paragraph)
            paragraphs.append(self._background(4))
        while sum(len(s.split()) for p in paragraphs for s in p) < 560:
            paragraphs.append(self._background(rng.randint(3, 5)))
        ru, cn = found[0].people[0], found[0].people[1]
        title = f"{self._name(ru)} and {self._name(cn)} discuss {found[0].topics[0]}"
        return SynthArticle(title, published, outlet, tuple(paragraphs), tuple(found))

    def _name(self, index: int) -> str:
        return self.known_all[-1 - index].name if index < 0 else self.people[index].name

    def _meeting(self, published: dt.date, city: str, *, first: bool) -> tuple[SynthMeeting, tuple[str, ...]]:
        rng = self.rng
        day = published - dt.timedelta(days=rng.randrange(0 if first else 1, 30))
        ru_i, ru_name, ru_title = self._pick("Russia")
        cn_i, cn_name, cn_title = self._pick("China")
        ru = f"Russian {ru_title} {ru_name}" if ru_title else ru_name
        cn = f"Chinese {cn_title} {cn_name}" if cn_title else cn_name
        when = f"on {day:%B} {day.day}, {day.year}"
        kind = "call" if rng.random() < 0.2 else "meeting"
        if kind == "call":
            sentence = f"{ru} spoke by phone with {cn} {when}."
        else:
            sentence = rng.choice([
                f"{ru} held talks with {cn} in {city} {when}.",
                f"{ru} met {cn} in {city} {when}, the two sides said.",
                f"{cn} received {ru} in {city} {when} for consultations.",
            ])
        topics = tuple(rng.sample(self.topics, rng.randint(2, 4)))
        listed = ", ".join(topics[:-1]) + f" and {topics[-1]}"
        topic_sentence = rng.choice([f"The sides discussed {listed}.",
                                     f"The talks covered {listed}, according to a statement.",
                                     f"They exchanged views on {listed}."])
        quote = rng.choice([
            f"“Our positions on {topics[0]} are close or coincide,” {ru_name.split()[-1]} said after the talks.",
            f"{cn_name.split()[0]} said both countries would keep in close contact on {topics[-1]}.",
        ])
        extra = rng.choice(["The meeting lasted more than two hours.", "Delegations from both ministries attended.",
                            "It was their second contact this year.", "A joint statement was not released."])
        people = (ru_i, cn_i)
        meeting = SynthMeeting(day, city, kind, people, topics, sentence, topic_sentence)
        return meeting, (sentence, topic_sentence, quote, extra)

    def _background(self, count: int) -> tuple[str, ...]:
        rng = self.rng
        out = []
        for _ in range(count):
            t1, t2 = rng.sample(self.topics, 2)
            year = rng.randrange(FIRST_YEAR - 10, FIRST_YEAR + YEARS)
            out.append(rng.choice(_BACKGROUND).format(t1=t1, t2=t2, year=year, n=rng.randint(3, 40)))
        return tuple(out)


_BACKGROUND = [
    "Analysts in both capitals have long described {t1} as a test of how far the partnership can go.",
    "Trade between the two countries grew by {n} percent last year, customs data show.",
    "Observers noted that {t1} had featured in every joint statement since {year}.",
    "The relationship has deepened steadily since {year}, when the two sides signed a framework agreement.",
    "Officials declined to say whether {t2} would be on the agenda of the next round of contacts.",
    "Experts say the question of {t1} is closely linked to {t2} in the thinking of both governments.",
    "The foreign ministries of the two countries have held regular consultations on {t2} for years.",
    "Diplomats familiar with the preparations said the schedule had been agreed weeks in advance.",
    "Western governments have watched the growing coordination between the two countries with concern.",
    "Both sides stressed the importance of respecting each other's core interests in matters of {t1}.",
    "A new working group on {t2} is expected to present its first findings within {n} months.",
    "The exchange came amid intense diplomatic activity across the region, commentators said.",
    "In {year}, a similar dialogue produced a memorandum on {t1} that is still cited by officials.",
    "Independent researchers cautioned that public statements reveal little about the substance of the talks.",
    "State media in both countries gave the contacts prominent coverage in their evening bulletins.",
    "Neither side disclosed details of the documents that were signed, if any were.",
]
