"""Which meetings an article reports, who was at each and of what kind: shapes seen on real pages.

Every sentence here is written for the test, in the shape of one a real article used.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extraction import extract
from extraction.types import Extraction, Meeting, PartialDate

PUBLISHED = dt.date(2024, 6, 12)  # a Wednesday


def read(text: str, published: dt.date = PUBLISHED) -> Extraction:
    return extract(text, published=published)


def people(meeting: Meeting) -> set[str]:
    return {p.name for p in meeting.participants}


def only(extraction: Extraction) -> Meeting:
    assert len(extraction.meetings) == 1, [(m.label, m.date) for m in extraction.meetings]
    return extraction.meetings[0]


def summary(extraction: Extraction) -> set[tuple[str | None, str | None, str, frozenset[str]]]:
    return {(m.date.iso() if m.date else None, m.place, m.kind, frozenset(people(m))) for m in extraction.meetings}


# ---------------------------------------------------------------- kind (item 6)


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Lavrov and Wang Yi held a virtual meeting on Tuesday.",
        "Vladimir Putin and Xi Jinping are holding talks via an encrypted video channel on Tuesday.",
        "Владимир Путин и Си Цзиньпин провели переговоры в режиме видеосвязи во вторник.",
        "Андрей Белоусов и Дун Цзюнь провели встречу в формате видеоконференции во вторник.",
        "Сергей Лавров и Ван И провели телефонный разговор во вторник.",
        "Vladimir Putin and Xi Jinping held video-conference talks on Tuesday.",
    ],
)
def test_a_meeting_held_over_video_or_phone_is_a_call(text: str) -> None:
    assert only(read(text)).kind == "call"


@pytest.mark.parametrize(
    "text",
    [
        "Премьер-министр Михаил Мишустин в четверг встретится с председателем КНР Си Цзиньпином.",
        "Президент России Владимир Путин в четверг проведёт переговоры с председателем КНР Си Цзиньпином.",
        "Владимиру Путину предстоит встреча с председателем КНР Си Цзиньпином в Пекине.",
        "Сергей Лавров посетит Пекин, где проведет переговоры с Ван И.",
        "Сергей Лавров планирует обсудить с Ван И ситуацию на Корейском полуострове в ходе встречи в Пекине.",
        "Vladimir Putin is getting ready for a meeting with Xi Jinping at the summit.",
    ],
)
def test_russian_future_and_plans_make_a_planned_meeting(text: str) -> None:
    assert only(read(text)).kind == "planned"


def test_an_arrival_for_talks_is_planned_until_the_talks_are_reported() -> None:
    arrived = "Russian Foreign Minister Sergei Lavrov arrived in Beijing on Wednesday for talks with Wang Yi."
    assert only(read(arrived)).kind == "planned"
    assert only(read("Сергей Лавров прибыл в Пекин с визитом в среду для переговоров с Ван И.")).kind == "planned"
    held = arrived + " Lavrov and Wang held talks in the Diaoyutai guest house later that day."
    assert only(read(held)).kind == "meeting"


def test_an_arrival_long_ago_is_a_visit_that_happened() -> None:
    text = "In March, at the invitation of Sergei Lavrov, Wang Yi arrived in Moscow. They discussed Ukraine."
    meeting = only(read(text))
    assert (meeting.kind, meeting.date.iso() if meeting.date else None) == ("meeting", "2024-03")


# ---------------------------------------------------------------- people the text does not report (item 4)


def test_a_visit_being_prepared_adds_nobody_and_is_no_meeting_of_its_own() -> None:
    text = ("Russian Foreign Minister Sergei Lavrov held talks with Wang Yi in Moscow on Tuesday. "
            "The ministers discussed preparations for the upcoming visit of President Vladimir Putin to China.")
    assert summary(read(text)) == {("2024-06-11", "Moscow", "meeting", frozenset({"Sergei Lavrov", "Wang Yi"}))}
    # that they discussed it is a contact of their own, but the summit lends it neither its city nor its month
    alone = "Lavrov and Wang Yi discussed preparations for the BRICS summit in Kazan in October."
    assert summary(read(alone)) == {(None, None, "meeting", frozenset({"Sergei Lavrov", "Wang Yi"}))}


def test_a_summit_being_prepared_lends_the_talks_neither_its_city_nor_its_month() -> None:
    text = ("At the talks in Beijing on Tuesday, Sergei Lavrov and Wang Yi discussed preparations for the "
            "BRICS summit in Kazan in October.")
    assert summary(read(text)) == {("2024-06-11", "Beijing", "meeting", frozenset({"Sergei Lavrov", "Wang Yi"}))}


def test_a_planned_summit_stated_for_itself_is_dated_in_the_coming_october() -> None:
    text = "Vladimir Putin will meet Xi Jinping at the BRICS summit in Kazan in October."
    assert summary(read(text, dt.date(2024, 1, 15))) == {
        ("2024-10", "Kazan", "planned", frozenset({"Vladimir Putin", "Xi Jinping"}))}


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Lavrov met Wang Yi in Beijing on Tuesday to implement the agreements reached by President "
        "Vladimir Putin and President Xi Jinping.",
        "Сергей Лавров встретился с Ван И в Пекине во вторник, во исполнение договоренностей глав государств.",
        "Дмитрий Медведев встретился с Ван И в Пекине во вторник и передал ему послание президента России "
        "Владимира Путина.",
        "Dmitry Medvedev met Wang Yi in Beijing on Tuesday and handed him a message from President Vladimir Putin.",
    ],
)
def test_agreements_and_messages_of_others_add_nobody(text: str) -> None:
    meeting = only(read(text))
    assert "Vladimir Putin" not in people(meeting)
    assert len(people(meeting)) == 2


def test_a_statement_signed_by_others_adds_nobody_to_the_consultations() -> None:
    text = ("Nikolai Patrushev and Wang Yi held consultations in Shanghai on Tuesday. At the consultations, Wang "
            "recalled that the joint statement signed in May by presidents Vladimir Putin and Xi Jinping set goals.")
    assert summary(read(text)) == {
        ("2024-06-11", "Shanghai", "meeting", frozenset({"Nikolai Patrushev", "Wang Yi"}))}


def test_what_someone_says_in_quotation_marks_at_a_meeting_is_not_that_meeting() -> None:
    text = ('"We are waiting for President Xi Jinping at the summit in Kazan," Vladimir Putin said at a meeting '
            "with Wang Yi in Vladivostok on Tuesday.")
    assert summary(read(text)) == {("2024-06-11", "Vladivostok", "meeting", frozenset({"Vladimir Putin", "Wang Yi"}))}


def test_a_speaker_telling_of_a_meeting_is_not_at_it() -> None:
    text = "Ван И отметил, что накануне Сергей Лавров и Дун Цзюнь провели в Пекине переговоры."
    assert people(only(read(text))) == {"Sergei Lavrov", "Dong Jun"}


def test_talks_whose_people_the_sentence_does_not_name_are_no_new_meeting() -> None:
    text = ("Wang Yi met Sergei Lavrov in Moscow on Tuesday. On his way, Wang stopped in Malta. "
            "The talks were candid and constructive, both sides said.")
    assert len(read(text).meetings) == 1


# ---------------------------------------------------------------- role phrases that name one person (item 4)


def role_names(text: str, on: dt.date) -> list[str]:
    from extraction.people import find_people
    from knowledge import default_knowledge

    kb = default_knowledge()
    context = frozenset(p.id for p in kb.people)  # everyone named in the article: the hardest case
    return [h.participant.name for h in find_people(text, kb, on, context=context)]


def test_a_role_phrase_before_a_strangers_name_is_that_strangers_title() -> None:
    text = "Sergei Lavrov met Chinese Vice Foreign Minister Zhou Mingyuan in Moscow."
    assert role_names(text, dt.date(2025, 5, 1)) == ["Sergei Lavrov", "Zhou Mingyuan"]


def test_an_office_several_people_hold_names_nobody() -> None:
    assert role_names("Sergei Lavrov met a Chinese Vice Foreign Minister in Moscow.", dt.date(2025, 5, 1)) == [
        "Sergei Lavrov"]
    assert role_names("Sergei Lavrov met a Russian Deputy Prime Minister.", dt.date(2025, 5, 1)) == [
        "Sergei Lavrov"]


def test_the_chinese_president_names_the_president_of_that_day() -> None:
    assert role_names("Sergei Lavrov met the Chinese President in Beijing.", dt.date(2019, 5, 1)) == [
        "Sergei Lavrov", "Xi Jinping"]


@pytest.mark.parametrize(
    "text",
    [
        "Li Keqiang said they co-chaired the regular meeting between Chinese Premier and Russian Prime Minister.",
        "The regular meetings between the Chinese premier and the Russian prime minister are an important mechanism.",
        "Стороны обсудили выполнение договоренностей глав государств.",
        "Встречи президентов России и Китая проходят ежегодно.",
    ],
)
def test_an_office_in_general_or_in_the_plural_names_nobody(text: str) -> None:
    assert set(role_names(text, dt.date(2019, 5, 1))) <= {"Li Keqiang"}


# ---------------------------------------------------------------- meetings that are there but missed (item 5)


def test_a_meeting_recalled_at_another_meeting_is_a_meeting_of_its_own() -> None:
    text = ("Premier Li Keqiang met Prime Minister Dmitry Medvedev of Russia in Tashkent on Tuesday. "
            "Li Keqiang said, we co-chaired the regular meeting between Chinese Premier and Russian Prime Minister "
            "in St. Petersburg not long ago.")
    found = summary(read(text, dt.date(2019, 11, 6)))
    pair = frozenset({"Li Keqiang", "Dmitry Medvedev"})
    # "not long ago" from 5 November: within the same year
    assert found == {("2019-11-05", "Tashkent", "meeting", pair), ("2019", "Saint Petersburg", "meeting", pair)}


@pytest.mark.parametrize(
    "recalled",
    [
        "Earlier this year the two men held talks in Urumqi.",
        "The two ministers last met in Urumqi in March.",
        "В марте министры уже провели переговоры в Урумчи.",
    ],
)
def test_a_past_meeting_recalled_in_passing(recalled: str) -> None:
    text = f"Sergei Lavrov met Wang Yi in Beijing on Tuesday. {recalled}"
    found = {(m.place, m.kind) for m in read(text).meetings}
    assert found == {("Beijing", "meeting"), ("Urumqi", "meeting")}


def test_a_list_of_occasions_is_a_meeting_each_with_its_month_and_city() -> None:
    text = ("Sergei Lavrov and Wang Yi have met three times this year: in February in Astana, in April in "
            "New York and in May in Beijing.")
    pair = frozenset({"Sergei Lavrov", "Wang Yi"})
    assert summary(read(text)) == {("2024-02", "Astana", "meeting", pair), ("2024-04", "New York", "meeting", pair),
                                   ("2024-05", "Beijing", "meeting", pair)}


def test_a_russian_list_of_occasions_is_a_meeting_each() -> None:
    text = "С Ван И Сергей Лавров встречался уже дважды в этом году: в феврале в Астане и затем в мае в Пекине."
    pair = frozenset({"Sergei Lavrov", "Wang Yi"})
    assert summary(read(text)) == {("2024-02", "Astana", "meeting", pair), ("2024-05", "Beijing", "meeting", pair)}


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin is scheduled to meet with Chinese leaders including Premier Li Qiang; Zhao Leji and "
        "Vice President Han Zheng.",
        "Владимир Путин встретится с премьером Госсовета КНР Ли Цяном, Чжао Лэцзи и Хань Чжэном.",
    ],
)
def test_one_visitor_and_several_hosts_named_one_by_one_is_a_meeting_with_each(text: str) -> None:
    found = {frozenset(people(m)) for m in read(text).meetings}
    assert found == {frozenset({"Vladimir Putin", host}) for host in ("Li Qiang", "Zhao Leji", "Han Zheng")}


def test_a_delegation_that_sat_together_is_one_meeting() -> None:
    text = "Vladimir Putin received Li Qiang and Zhao Leji together with their delegations in the Kremlin."
    assert people(only(read(text))) == {"Vladimir Putin", "Li Qiang", "Zhao Leji"}


def test_two_clauses_two_meetings() -> None:
    text = ("Ранее в Пекине Володина принял председатель КНР Си Цзиньпин, накануне состоялась встреча "
            "Вячеслава Володина с Чжао Лэцзи.")
    found = {frozenset(people(m)) for m in read(text).meetings}
    assert found == {frozenset({"Vyacheslav Volodin", "Xi Jinping"}), frozenset({"Vyacheslav Volodin", "Zhao Leji"})}


def test_a_meeting_said_to_have_happened_is_not_a_plan_whatever_date_it_reads() -> None:
    text = ("Президент России Владимир Путин в среду проведет встречу с Ли Цяном. "
            "Днем ранее Ли Цян провел переговоры с Михаилом Мишустиным.")
    found = {frozenset(people(m)): m.kind for m in read(text, dt.date(2024, 6, 10)).meetings}
    assert found == {frozenset({"Vladimir Putin", "Li Qiang"}): "planned",
                     frozenset({"Li Qiang", "Mikhail Mishustin"}): "meeting"}


# ---------------------------------------------------------------- delegation lists (item 5)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Also attending were Vice Foreign Minister Zhou Mingyuan and Ambassador Pan Lihua.",
         {"Zhou Mingyuan", "Pan Lihua"}),
        ("Zhou Mingyuan was present at the meeting.", {"Zhou Mingyuan"}),
        ("The Chinese delegation was led by Zhou Mingyuan, Vice President of Sinochem, Executive Director of "
         "its board.", {"Zhou Mingyuan"}),
        ("В переговорах также приняли участие посол России в Китае Игорь Моргулов и Андрей Руденко.",
         {"Igor Morgulov", "Andrei Rudenko"}),
        ("В делегацию входили первый вице-спикер Пётр Лаптев (КПРФ) и вице-спикер Олег Марьин.",
         {"Pyotr Laptev", "Oleg Maryin"}),
        ("В переговорах также приняли участие Пётр Лаптев и Олег Марьин.", {"Pyotr Laptev", "Oleg Maryin"}),
    ],
)
def test_a_readouts_delegation_list_gives_that_meetings_participants(sentence: str, expected: set[str]) -> None:
    text = f"Sergei Lavrov held talks with Wang Yi in Beijing on Tuesday. {sentence}"
    assert people(only(read(text))) == {"Sergei Lavrov", "Wang Yi"} | expected


@pytest.mark.parametrize("text", [
    "Deputy Prime Minister Dmitry Chernyshenko met Vice Premier He Lifeng on Tuesday as part of the visit of a "
    "Russian delegation led by Mikhail Mishustin.",
    "Вице-премьер Дмитрий Чернышенко встретился с вице-премьером Хэ Лифэном во вторник в рамках визита "
    "делегации во главе с Михаилом Мишустиным.",
])
def test_the_head_of_the_visit_a_meeting_is_part_of_is_not_at_it(text: str) -> None:
    assert people(only(read(text))) == {"Dmitry Chernyshenko", "He Lifeng"}


def test_a_delegation_list_joins_the_readouts_own_meeting_not_one_recalled() -> None:
    text = ("Li Qiang met Mikhail Mishustin in Astana on Tuesday. Li Qiang said, we co-chaired the regular meeting "
            "between Chinese Premier and Russian Prime Minister in Kazan not long ago. "
            "Zhou Mingyuan was present at the meeting.")
    found = {m.place: people(m) for m in read(text).meetings}
    assert found == {"Astana": {"Li Qiang", "Mikhail Mishustin", "Zhou Mingyuan"},
                     "Kazan": {"Li Qiang", "Mikhail Mishustin"}}


def test_a_meeting_told_of_in_a_quotation_takes_neither_the_summits_nor_the_plans_city() -> None:
    text = ("VLADIVOSTOK, June 12. /TASS/. Vladimir Putin will meet Xi Jinping on Friday at the BRICS summit in "
            "Kazan.\n\n\"As agreed, we are waiting for President Xi Jinping at the BRICS summit,\" Putin said at a "
            "meeting with Wang Yi.")
    found = {frozenset(people(m)): (m.place, m.kind) for m in read(text).meetings}
    assert found == {frozenset({"Vladimir Putin", "Xi Jinping"}): ("Kazan", "planned"),
                     frozenset({"Vladimir Putin", "Wang Yi"}): ("Vladivostok", "meeting")}


@pytest.mark.parametrize(
    "text",
    [
        '"Trade will keep growing this year," Alexander Novak told reporters after talks with Chinese Vice Premier '
        "Ding Xuexiang.",
        "Trade will keep growing this year, Alexander Novak told reporters in Beijing after talks with Ding Xuexiang.",
        "Товарооборот будет расти, заявил журналистам Александр Новак после переговоров с вице-премьером Госсовета "
        "КНР Дин Сюэсяном.",
    ],
)
def test_a_meeting_named_only_as_the_occasion_of_a_remark_took_place(text: str) -> None:
    meeting = only(read(text))
    assert (people(meeting), meeting.kind) == ({"Alexander Novak", "Ding Xuexiang"}, "meeting")
    assert meeting.date is None or meeting.date.precision != "year"  # "this year" dates the remark, not the talks


def test_a_plan_for_after_the_talks_is_still_a_plan() -> None:
    assert only(read("Vladimir Putin will hold a press conference after talks with Xi Jinping.")).kind == "planned"


def test_a_call_about_the_next_meeting_and_that_meeting_are_two_events() -> None:
    text = ("Li Qiang and his Russian counterpart Mikhail Mishustin had a telephone conversation on Monday. "
            "Mishustin said he is looking forward to visiting China and attending the regular meeting of Russian "
            "and Chinese heads of government by the end of this year.")
    pair = frozenset({"Li Qiang", "Mikhail Mishustin"})
    assert {(m.kind, frozenset(people(m))) for m in read(text).meetings} == {("call", pair), ("planned", pair)}


def test_a_russian_meeting_of_the_heads_of_government_of_the_two_countries_points_at_both() -> None:
    text = ("Премьер Госсовета КНР Ли Цян ранее высоко оценил торговлю с Россией. Во вторник Михаил Мишустин провел "
            "ежегодную встречу глав правительств двух стран.")
    meeting = only(read(text, dt.date(2023, 12, 20)))
    assert people(meeting) == {"Mikhail Mishustin", "Li Qiang"}


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Lavrov said that he had met Wang Yi in Beijing on Tuesday.",
        "Сергей Лавров сообщил, что провел переговоры с Ван И в Пекине во вторник.",
        '"I held very good talks with Wang Yi in Beijing on Tuesday," Sergei Lavrov told a meeting of diplomats.',
    ],
)
def test_someone_telling_of_their_own_meeting_is_at_it(text: str) -> None:
    assert people(only(read(text))) == {"Sergei Lavrov", "Wang Yi"}


def test_a_spokesperson_telling_of_the_meeting_is_not_at_it() -> None:
    text = ("Wang Yi will hold talks with Sergei Lavrov in Beijing on Friday, spokesperson Mao Ning said. "
            "Mao Ning said that China hopes the meeting will deepen mutual trust.")
    assert people(only(read(text))) == {"Wang Yi", "Sergei Lavrov"}


def test_a_stranger_called_by_family_name_after_the_first_mention_is_still_that_person() -> None:
    """"Chinese Vice Premier Zhou Mingde arrived ... Zhou is expected to ... He is scheduled to meet ..."."""
    text = ("Chinese Vice Premier Zhou Mingde arrived in Kazan on Monday for a three-day visit.\n\n"
            "Zhou's trip follows the summit of the two presidents in March.\n\n"
            "During his stay, Zhou is expected to visit a chemical plant. He is scheduled to meet with Russian"
            " First Deputy Prime Minister Pavel Sorokin and Deputy Prime Minister Anton Belkevich, who co-chairs"
            " the China-Russia energy commission.")
    assert sorted(sorted(people(m)) for m in read(text).meetings) == [
        ["Anton Belkevich", "Zhou Mingde"], ["Pavel Sorokin", "Zhou Mingde"]]


def test_a_spokesperson_telling_of_a_meeting_is_no_side_of_it() -> None:
    """The spokesperson the article names most is not the Chinese side that "heads of government" points at."""
    text = ("Russian PM to come to China for regular meeting between Chinese, Russian heads of government\n\n"
            "At the invitation of Chinese Premier Li Qiang, Russian Prime Minister Mikhail Mishustin will travel to"
            " China next week for the regular meeting of the heads of government, spokesperson Guo Jiakun said on"
            " Wednesday.\n\n"
            "Guo said the meeting would review cooperation. Guo added that trade had grown.")
    found = read(text, published=dt.date(2025, 10, 29)).meetings
    assert [sorted(people(m)) for m in found] == [["Li Qiang", "Mikhail Mishustin"]]


def test_a_commissioner_named_before_his_title_meets_an_ambassador() -> None:
    text = ("Zhou Mingde, Commissioner for Security Affairs at China's foreign ministry, met with Russia's ambassador"
            " Andrei Denisov on Monday to exchange views on counter-terrorism.")
    assert people(only(read(text))) == {"Zhou Mingde", "Andrei Denisov"}


@pytest.mark.parametrize("text", [
    "Lavrov and Wang Yi praised the results of the March 5, 2024 talks between Vladimir Putin and Xi Jinping.",
    "Лавров и Ван И высоко оценили итоги переговоров между Владимиром Путиным и Си Цзиньпином 5 марта 2024 года.",
    # the trigger is a modifier of the noun the phrase goes on with
    "Lavrov and Wang Yi praised the March 5, 2024 video-conference talks between Vladimir Putin and Xi Jinping.",
    "Лавров и Ван И высоко оценили телефонный разговор между Владимиром Путиным и Си Цзиньпином 5 марта 2024 года.",
])
def test_talks_between_two_people_are_theirs_not_those_who_speak_of_them(text: str) -> None:
    assert [sorted(people(m)) for m in read(text).meetings] == [["Vladimir Putin", "Xi Jinping"]]


@pytest.mark.parametrize("text", [
    "Rosneft CEO Igor Sechin held a meeting with representatives of China National Petroleum Corporation as"
    " part of the state visit to Russia by Chinese President Xi Jinping on Tuesday.\n\n"
    "The Chinese delegation was led by Zhou Mingde, Vice President of CNPC.",
    "Глава «Роснефти» Игорь Сечин провел во вторник встречу с представителями Китайской национальной"
    " нефтегазовой корпорации в рамках государственного визита председателя КНР Си Цзиньпина.\n\n"
    "Китайскую делегацию возглавлял вице-президент CNPC Чжоу Минхуа.",
])
def test_the_visitor_whose_visit_was_the_occasion_is_no_party_to_the_meeting(text: str) -> None:
    found = read(text).meetings
    assert found
    assert all("Xi Jinping" not in people(m) for m in found)
    assert [m.participants[0].name for m in found] == ["Igor Sechin"]


@pytest.mark.parametrize("text", [
    "Lavrov arrived in Beijing on Monday. On Tuesday he met Wang Yi.",
    "Лавров прибыл в Пекин в понедельник. Во вторник он встретился с Ван И.",
])
def test_he_after_a_time_without_a_comma_is_the_person_of_the_sentence_before(text: str) -> None:
    meeting = only(read(text))
    assert (people(meeting), meeting.place, meeting.date.iso()) == ({"Sergei Lavrov", "Wang Yi"}, "Beijing",
                                                                      "2024-06-11")


def test_a_spokesperson_telling_of_a_planned_visit_is_not_at_it() -> None:
    assert read("Xi is expected to visit Moscow in May, Peskov told reporters on Tuesday.").meetings == ()


def test_a_russian_passive_reception_is_a_meeting() -> None:
    text = "Посол России в КНР Игорь Моргулов был принят министром иностранных дел КНР Ван И во вторник."
    assert people(only(read(text))) == {"Igor Morgulov", "Wang Yi"}


def test_a_russian_future_of_two_who_will_meet_is_a_planned_meeting() -> None:
    meeting = only(read("Ожидается, что Путин и Си Цзиньпин встретятся в Казани в октябре."))
    assert (meeting.kind, meeting.place, people(meeting)) == ("planned", "Kazan", {"Vladimir Putin", "Xi Jinping"})


@pytest.mark.parametrize("text", [
    "Volodin arrived in Changchun on Tuesday at the head of a Duma delegation.\n\n"
    "Earlier, in Beijing, Volodin was received by Xi Jinping.",
    "Володин во вторник прибыл в Чанчунь во главе делегации Госдумы.\n\nРанее в Пекине Володина принял Си Цзиньпин.",
])
def test_a_meeting_said_to_be_earlier_does_not_take_the_day_of_the_next_event(text: str) -> None:
    """At most the month of the visit it belongs to: never the arrival's day, nor the day of the article."""
    meeting = only(read(text))
    assert (meeting.place, meeting.date) == ("Beijing", PartialDate(2024, 6))


@pytest.mark.parametrize("text", [
    "Новый посол Китая в России Чжао Лунхай вручил заместителю министра иностранных дел РФ Андрею Руденко копии"
    " верительных грамот во вторник.",
    "China's new ambassador Zhao Longhai presented copies of his credentials to Russian Deputy Foreign Minister"
    " Andrei Rudenko on Tuesday.",
])
def test_an_ambassador_presenting_credentials_is_a_meeting(text: str) -> None:
    assert people(only(read(text))) == {"Zhao Longhai", "Andrei Rudenko"}


@pytest.mark.parametrize("text", [
    "Responding to a question about reports that Russian Security Council Secretary Sergei Shoigu arrived in"
    " Beijing on Tuesday for talks with the Chinese side, Chinese Foreign Ministry spokesperson Mao Ning said on"
    " Tuesday that China and Russia maintain close exchanges.",
    "Отвечая на вопрос о переговорах секретаря Совбеза РФ Сергея Шойгу с китайской стороной, официальный"
    " представитель МИД КНР Мао Нин заявила во вторник, что стороны поддерживают тесные контакты.",
])
def test_a_spokesperson_answering_about_talks_is_not_their_other_side(text: str) -> None:
    assert all("Mao Ning" not in people(m) for m in read(text).meetings)


# ---------------------------------------------------------------- a side named only as a body


@pytest.mark.parametrize(("text", "kind", "words"), [
    ("Security Council Secretary Sergei Shoigu arrived in Beijing on Monday for talks with the Chinese side.",
     "meeting", "the Chinese side"),
    ("Governor Oleg Kozhemyako held talks with the leadership of Jilin Province on Tuesday.",
     "meeting", "the leadership of Jilin Province"),
    ("Губернатор Приморского края Олег Кожемяко во вторник встретился с руководством провинции Цзилинь.",
     "meeting", "руководством провинции Цзилинь"),
    ("Губернатор Амурской области Василий Орлов обсудил с китайскими товарищами строительство моста.",
     "meeting", "китайскими товарищами"),
])
def test_a_side_named_only_as_a_body_still_makes_a_meeting(text: str, kind: str, words: str) -> None:
    meeting = only(read(text))
    assert (meeting.kind, meeting.counterpart.words if meeting.counterpart else None) == (kind, words)
    assert meeting.counterpart.country == "China"
    assert "Chinese officials" in meeting.label


@pytest.mark.parametrize("text", [
    "Governor Oleg Kozhemyako met Chinese students on Tuesday.",  # not officials
    "Governor Oleg Kozhemyako met the leadership of the Amur Region on Tuesday.",  # his own side
    "Li Qiang is the first Chinese premier to visit Russia since 2019.",  # where a visit goes is no body
    "Speaker Vyacheslav Volodin will visit Beijing next week.",
])
def test_no_unnamed_side_where_the_text_gives_none_or_names_the_meeting_fully(text: str) -> None:
    assert all(m.counterpart is None for m in read(text).meetings)


def test_an_arrival_told_with_less_yields_to_the_talks_the_article_names() -> None:
    text = ("Security Council Secretary Sergei Shoigu arrived in Beijing on Monday for talks with the Chinese side. "
            "On Monday Shoigu held talks with Foreign Minister Wang Yi.")
    assert summary(read(text)) == {("2024-06-10", "Beijing", "meeting", frozenset({"Sergei Shoigu", "Wang Yi"}))}


def test_meetings_one_sentence_announces_together_share_the_month_one_of_them_is_dated_to() -> None:
    text = ("KAZAN, May 12 (Wire) -- Chinese Vice Premier Ding Xuexiang arrived here Monday for a three-day stay, "
            "with trade high on the agenda.\n\n"
            "During his stay, Ding is scheduled to meet Putin, Prime Minister Mikhail Mishustin and Deputy Prime "
            "Minister Alexander Novak.")
    found = read(text, published=dt.date(2025, 5, 13)).meetings
    assert {(m.kind, m.date.iso() if m.date else None) for m in found} == {("planned", "2025-05")}
    assert len(found) == 3


@pytest.mark.parametrize(("text", "expected"), [
    ("Wang to visit Russia\n\nChinese Foreign Minister Wang Yi will visit Russia from July 1 to 5, the ministry "
     "said. Spokesperson Lin Jian told reporters on Wednesday that the trip to Moscow will take place at the "
     "invitation of Russian Foreign Minister Sergei Lavrov.",
     {("2024-07", "Moscow", "planned", frozenset({"Wang Yi", "Sergei Lavrov"}))}),
    ("Ван И посетит Россию\n\nМинистр иностранных дел КНР Ван И с 1 по 5 июля посетит Россию. Об этом заявил в "
     "среду официальный представитель МИД КНР Линь Цзянь. По его словам, поездка в Москву состоится по "
     "приглашению министра иностранных дел России Сергея Лаврова.",
     {("2024-07", "Moscow", "planned", frozenset({"Wang Yi", "Sergei Lavrov"}))}),
])
def test_a_visit_at_the_invitation_of_someone_is_a_meeting_with_who_invited(text, expected) -> None:
    assert summary(read(text)) == expected


def test_an_invitation_to_something_else_is_no_meeting() -> None:
    text = ("Lavrov in Beijing\n\nRussian Foreign Minister Sergei Lavrov arrived in Beijing on Tuesday. At the "
            "invitation of the Russian embassy, students will tour the exhibition next week.")
    assert read(text).meetings == ()


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Медведев в Пекине\n\nПЕКИН, 1 ноября. /ТАСС/. Премьер-министр России Дмитрий Медведев провел встречу с "
     "председателем ПК ВСНП Чжан Дэцзяном. Он напомнил, что в среду состоялась 22-я регулярная встреча глав "
     "правительств РФ и Китая.", dt.date(2017, 11, 1),
     {("2017-11-01", "Dmitry Medvedev", "Zhang Dejiang"), ("2017-11-01", "Dmitry Medvedev", "Li Keqiang")}),
    ("Vice premiers meet\n\nBEIJING, Dec. 18 (Xinhua) -- Chinese Vice Premier He Lifeng held talks with Russian "
     "Deputy Prime Minister Dmitry Chernyshenko in Beijing on Monday. He said China would work with Russia to "
     "prepare for the regular meeting between Chinese and Russian heads of government next week.",
     dt.date(2023, 12, 18),
     {("2023-12-18", "Dmitry Chernyshenko", "He Lifeng"), ("2023-12", "Li Qiang", "Mikhail Mishustin")}),
])
def test_both_sides_named_by_their_office_are_who_held_it_that_day(text, published, expected) -> None:
    found = {(m.date.iso() if m.date else None, *sorted(people(m))) for m in read(text, published).meetings}
    assert found == expected


def test_a_committee_named_after_the_heads_of_government_keeps_the_co_chairs_the_sentence_names() -> None:
    text = ("Vice premiers meet\n\nBEIJING, Dec. 18 (Xinhua) -- Chinese Vice Premier He Lifeng co-chaired the 27th "
            "session of the committee for regular meetings between Chinese and Russian heads of government with "
            "Russian Deputy Prime Minister Dmitry Chernyshenko in Beijing on Monday.")
    assert {frozenset(people(m)) for m in read(text, dt.date(2023, 12, 18)).meetings} == {
        frozenset({"He Lifeng", "Dmitry Chernyshenko"})}


def test_offices_on_a_page_whose_day_is_a_guess_name_nobody() -> None:
    text = "Premiers\n\nThe regular meeting of the heads of government of Russia and China took place on Wednesday."
    assert extract(text, today=dt.date(2026, 12, 3)).meetings == ()
