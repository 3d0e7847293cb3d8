"""Official titles in English and Russian, and the country a title's words give its holder.

"Chief of the General Staff of the Chinese People's Liberation Army", "Heilongjiang provincial party
secretary", "Gazprom CEO", "губернатор Приморского края", "секретарь парткома провинции Хэйлунцзян":
the country comes from a country adjective, an organisation ("of the CPC Central Committee", "Госдумы"),
a province or region, or a state company the title names. "to China" in "Russian Ambassador to China"
names where the holder serves, not whose they are, and is ignored.
"""

from __future__ import annotations

import re
from functools import cache

from extraction.lexicon import COUNTRY_ADJECTIVES, any_of

# English title heads: every title the recogniser reads contains one of these.
EN_TITLE_HEAD = re.compile(
    r"\b(?:(?:First\s+)?(?:Deputy|Vice|Acting|Executive)[\s-]+)?(?:Prime\s+Minister|Premier|President|Chancellor"
    r"|Minister|Envoy|Ambassador|State\s+Counci(?:l)?lor|Chairman|Chairwoman|Chairperson|Chair|Speaker"
    r"|Secretary(?:-General)?|Prosecutor[\s-]+General|Attorney[\s-]+General|Procurator[\s-]+General"
    r"|Governor|Mayor|Commander(?:-in-Chief)?|Chief(?:\s+of\s+(?:the\s+)?General\s+Staff|\s+Executive(?:\s+Officer)?)?"
    r"|CEO|Director(?:-General|\s+General)?|Head|Representative|Adviser|Advisor|Aide|Spokes(?:man|woman|person)"
    r"|Admiral|General|Marshal|Senator|Deputy|Vice[\s-]Chairman|Party\s+Secretary|party\s+secretary"
    r"|Member|Commissioner|King|Crown\s+Prince|Prince|Emir|Sultan|Sheikh|Queen"
    r"|party\s+chief|governor|mayor|ambassador|envoy|chairman|minister|head|chief"
    r"|(?<=Russian\s)counterpart|(?<=Chinese\s)counterpart)\b"
)
# A cheap first look: every English title head contains one of these
EN_TITLE_WORDS = any_of([
    "Minister", "Premier", "President", "Chancellor", "Envoy", "Ambassador", "Counci", "Chair", "Speaker", "Secretary",
    "Prosecutor", "Attorney", "Procurator", "Governor", "Mayor", "Commander", "Chief", "CEO", "Director", "Head",
    "Representative", "Advis", "Aide", "Spokes", "Admiral", "General", "Marshal", "Senator", "Deputy", "party",
    "governor", "mayor", "ambassador", "envoy", "chairman", "minister", "head", "chief", "King", "Prince", "Emir",
    "Sultan", "Sheikh", "Queen", "Member", "Commissioner", "counterpart",
])
# Military ranks that sit between a title and the name ("Commander-in-Chief of the Navy Admiral X")
RANKS = frozenset(["Admiral", "General", "Colonel", "Lieutenant", "Major", "Marshal", "Vice", "Rear",
                   "Captain", "Col.", "Gen.", "Adm.", "Lt."])

_CHINA = (
    r"China|People's\s+Republic|PRC|CPC|CCP|Communist\s+Party\s+of\s+China|Chinese\s+Communist\s+Party"
    r"|People's\s+Liberation\s+Army|PLA|NPC|National\s+People's\s+Congress|CPPCC|State\s+Council"
    r"|Central\s+Military\s+Commission|Xinhua|Sinopec|CNPC|CNOOC|PetroChina|State\s+Grid|China\s+Railway|COSCO"
    r"|ICBC|Bank\s+of\s+China|China\s+Development\s+Bank|CITIC|Sinochem|ChemChina|Silk\s+Road\s+Fund|CNNC"
    r"|Huawei|Alibaba|provincial|municipal|Province|Autonomous\s+Region"
)
_CHINESE_PROVINCES = (
    "Heilongjiang", "Jilin", "Liaoning", "Inner Mongolia", "Xinjiang", "Hebei", "Henan", "Shandong", "Shanxi",
    "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Tibet", "Sichuan", "Yunnan", "Guizhou", "Hubei", "Hunan", "Jiangxi",
    "Anhui", "Jiangsu", "Zhejiang", "Fujian", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Tianjin", "Shanghai",
    "Beijing", "Hong Kong", "Macao", "Macau", "Harbin", "Shenzhen", "Dalian", "Qingdao", "Urumqi", "Changchun",
    "Shenyang", "Manzhouli", "Heihe", "Suifenhe", "Hunchun", "Wuhan", "Guangzhou", "Chengdu", "Xi'an",
)  # fmt: skip
_RUSSIA = (
    r"Russia|Russian\s+Federation|Kremlin|State\s+Duma|Duma|Federation\s+Council|United\s+Russia|Gazprom\w*"
    r"|Rosneft|Rosatom|Novatek|Sberbank|VTB|Russian\s+Railways|Roscosmos|Rostec|Transneft|Lukoil|Aeroflot"
    r"|Rusal|Norilsk\s+Nickel|RDIF|Russian\s+Direct\s+Investment\s+Fund|Rosoboronexport|Sovcomflot|Inter\s+RAO"
    r"|Krai|Kray|Oblast|Territory|Region"
)
_RUSSIAN_REGIONS = (
    "Primorye", "Primorsky", "Primorskiy", "Khabarovsk", "Amur", "Zabaykalsky", "Zabaikalsky", "Transbaikal",
    "Trans-Baikal", "Irkutsk", "Novosibirsk", "Sakhalin", "Jewish Autonomous", "Tatarstan", "Yakutia", "Sakha",
    "Buryatia", "Altai", "Krasnoyarsk", "Tomsk", "Omsk", "Kemerovo", "Kuzbass", "Chelyabinsk", "Sverdlovsk",
    "Tyumen", "Kamchatka", "Magadan", "Chukotka", "Leningrad", "Kaliningrad", "Nizhny Novgorod", "Samara",
    "Bashkortostan", "Chechnya", "Krasnodar", "Rostov", "Volgograd", "Murmansk", "Arkhangelsk", "Vladivostok",
    "Yekaterinburg", "Kazan", "Blagoveshchensk", "Chita", "Ulan-Ude", "Saint Petersburg", "St Petersburg",
    "St. Petersburg", "Moscow",
)  # fmt: skip
_ADJECTIVES = "|".join(sorted((re.escape(a) for a in COUNTRY_ADJECTIVES), key=len, reverse=True))
_EN_CLUES = re.compile(
    rf"(?P<adj>(?<![\w'-])(?:{_ADJECTIVES})(?![\w'-]))"
    rf"|(?P<cn>\b(?:{_CHINA}|{'|'.join(re.escape(p) for p in _CHINESE_PROVINCES)})\b)"
    rf"|(?P<ru>\b(?:{_RUSSIA}|{'|'.join(re.escape(r) for r in _RUSSIAN_REGIONS)})\b)"
)
# "Ambassador to China", "envoy for Russia": where they serve, not whose they are
_EN_POSTED = re.compile(r"\b(?:to|in|for|at)\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")


# "Chairman of the China-Russia Committee ... on the Russian side": the side a co-chair stands for says it all
_EN_SIDE = re.compile(r"\bon\s+the\s+(?P<side>Russian|Chinese)\s+side\s*$")


def country_in_english(phrase: str) -> str | None:
    """The country a title's words give its holder, the first clue winning; None when they give none."""
    if side := _EN_SIDE.search(phrase):
        return "Russia" if side.group("side") == "Russian" else "China"
    phrase = _EN_POSTED.sub(" ", phrase)
    for m in _EN_CLUES.finditer(phrase):
        if m.group("adj"):
            return COUNTRY_ADJECTIVES[m.group("adj")]
        return "China" if m.group("cn") else "Russia"
    return None


# Russian title heads in any case ("губернатором", "секретаря", "послу"): stems, matched case-insensitively
RU_TITLE_HEAD = re.compile(
    r"(?<![\w-])(?:губернатор|глав[аеуоы]|мэр|посл[аеуо]м?|посол|послом|министр|замминистр|заместител|зам|вице-"
    r"|председател|секретар|генпрокурор|прокурор|директор|гендиректор|руководител|командующ|главнокомандующ"
    r"|начальник|спикер|президент|премьер|полпред|сенатор|депутат|советник|помощник|адмирал|генерал|маршал"
    r"|управляющ|уполномоченн|представител|член|лидер|мэри|партсекретар|губернатор)\w*",
    re.IGNORECASE,
)
_RU_CHINA = re.compile(
    r"(?<![\w-])(?:КНР|Кита\w*|китайск\w*|КПК|Компарти\w+\s+Китая|провинци\w*|ВСНП|НПКСК|НОАК|Госсовет\w*"
    r"|Поднебесн\w*|автономн\w+\s+район\w*|парткома?\w*|горкома?\w*|Хэйлунцзян\w*|Цзилин\w*|Ляонин\w*"
    r"|Внутренн\w+\s+Монголи\w*|Синьцзян\w*|Харбин\w*|Шанха\w*|Пекин\w*|Тяньцзин\w*|Чунцин\w*"
    r"|Даля\w*|Циндао|Шэньян\w*|Чанчун\w*|Маньчжури\w*|Хэйхэ|Суйфэньхэ|Хуньчун\w*|Синопек|CNPC|Sinopec)",
    re.IGNORECASE,
)
_RU_RUSSIA = re.compile(
    r"(?<![\w-])(?:России|Россия|Россией|РФ|российск\w*|Российской\s+Федерации|кра[яюей]\w*|област\w*"
    r"|Госдум\w*|Государственной\s+[Дд]ум\w*|Совета?\s+Федерации|Совфед\w*|Минобороны|Приморь\w*|Примор\w*"
    r"|Хабаровск\w*|Амурск\w*|Забайкал\w*|Иркутск\w*|Сахалин\w*|Якути\w*|Бурят\w*|Татарстан\w*|Москв\w*"
    r"|Газпром\w*|Роснефт\w*|Росатом\w*|РЖД|Роскосмос\w*|Ростех\w*|Новатэк\w*|Сбербанк\w*|ВТБ|Транснефт\w*"
    r"|Единой\s+России|Кремл\w*)",
    re.IGNORECASE,
)
# "посол России в Китае", "посла КНР в России": the country after "в" is where the holder serves
_RU_POSTED = re.compile(r"(?<![\w-])(?:в|во|на|при)\s+[А-ЯЁA-Z][\w-]*(?:\s+[А-ЯЁA-Z][\w-]*)*")


def country_in_russian(phrase: str) -> str | None:
    """The country a Russian title's words give its holder ("губернатор Приморского края" → Russia)."""
    phrase = _RU_POSTED.sub(" ", phrase)
    china, russia = _RU_CHINA.search(phrase), _RU_RUSSIA.search(phrase)
    if china and russia:
        return "China" if china.start() < russia.start() else "Russia"
    if china:
        return "China"
    return "Russia" if russia else None


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w.lower() for w in (
        "Minister", "Premier", "President", "Chancellor", "Envoy", "Ambassador", "Councilor", "Councillor",
        "Chairman", "Chairwoman", "Chair", "Speaker", "Secretary", "Prosecutor", "Governor", "Mayor", "Commander",
        "Chief", "CEO", "Director", "Head", "Representative", "Adviser", "Advisor", "Aide", "Deputy", "Vice",
        "Senator", "General", "Admiral", "Marshal", "Spokesman", "Spokeswoman", "Spokesperson", "Prime",
        "Executive", "Officer", "Acting", "First", "State", "Party", "King", "Prince", "Emir", "Sultan", "Queen",
        "Sheikh", "Crown", "Member",
    ))


def is_title_word(word: str) -> bool:
    """A word of a title ("Minister", "Deputy"), never part of a name."""
    return word.lower().strip(".,") in _title_words()
