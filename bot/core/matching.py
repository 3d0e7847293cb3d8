"""Fuzzy resolution of what a reader typed to the people or topics it most likely means.

Readers type surnames, typos, other transliterations and Cyrillic; the store holds every alias.
A query resolves to one target, to several close ones (the reader chooses), or to none (with the
nearest names as suggestions).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from bot.core.candidate_index import Strings, Words
from bot.core.spelling_similarity import ACROSS, SHORT, cyrillic, latin, nearness
from knowledge.spelling import spelling_key

ACCEPT = 80  # below this a spelling is a suggestion, not a match
CLOSE = 4  # targets within this many points of the best are offered as a choice
NEAR = 70  # a suggestion needs the query, or its typed words on average, this close to a spelling (`nearness`):
# about one wrong letter in four; gibberish, markup and unrelated words reach 50–67 by chance letters
HIGH = 86  # where `strong` looks first: a typo of a full name or a surname usually scores more
_SLACK = 1e-6  # candidate searches reach this far below a cutoff: float sums never lose a match


@dataclass(frozen=True)
class Entry:
    """One spelling of a target (a person id, a topic id, a role id)."""

    target: Hashable
    canonical: str
    spelling: str


@dataclass(frozen=True)
class Match:
    target: Hashable
    canonical: str
    score: float


@dataclass(frozen=True)
class Resolution:
    """`one`: a single match; `several`: close matches to choose from; `none`: suggestions only."""

    status: Literal["one", "several", "none"]
    matches: tuple[Match, ...]


class AliasIndex:
    """Every spelling of many targets, prepared once, so that a query scores a few of them, not all.

    Scores are `similarity`'s and the ranking is `resolve`'s, entry for entry. A spelling's score is the
    better of its whole-string ratio and the mean of each typed word's closest word in it (ACROSS less in a
    spelling of the other script): `forms.near` finds the first, `_word_scores` the second, from one word
    index per script, each returning the few spellings able to reach a bar. Only a query that matches nobody
    ("did you mean") scans every spelling for the nearest ones.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self.exact: dict[str, dict[Hashable, Entry]] = {}
        self.first: dict[Hashable, int] = {}  # a target's first entry: ties rank in entry order
        form_number: dict[tuple[str, bool], int] = {}
        forms: list[str] = []
        self.form_cyrillic: list[bool] = []
        self.form_words: list[list[str]] = []
        self.form_entries: list[list[int]] = []  # form -> entries spelt that way
        for i, entry in enumerate(self.entries):
            self.first.setdefault(entry.target, i)
            wanted = spelling_key(entry.spelling)
            if not wanted:
                continue
            self.exact.setdefault(wanted, {})[entry.target] = entry  # the last one, as `resolve` always did
            key = (latin(wanted), cyrillic(wanted))  # `шойгу` and `shoygu` are one string in two scripts
            number = form_number.get(key)
            if number is None:
                number = form_number[key] = len(forms)
                forms.append(key[0])
                self.form_cyrillic.append(key[1])
                self.form_words.append(key[0].split())
                self.form_entries.append([])
            self.form_entries[number].append(i)
        self.forms = Strings(forms)
        self.scripts = {script: Words({n: form for n, form in enumerate(forms) if self.form_cyrillic[n] == script})
                        for script in (False, True)}

    def resolve(self, query: str, *, limit: int | None = 8) -> Resolution:
        """The targets a query most likely means, best first (what `resolve` returns for these entries)."""
        return self.strong(query, limit=limit) or self.weak(query)

    def strong(self, query: str, *, limit: int | None = 8) -> Resolution | None:
        """The resolution when some target scores at least ACCEPT (or exactly one is spelt so); else None."""
        wanted = spelling_key(query)
        if not wanted:
            return None
        exact = self.exact.get(wanted, {})
        if len(exact) == 1:
            ((target, entry),) = exact.items()
            return Resolution("one", (Match(target, entry.canonical, 100.0),))
        q = latin(wanted)
        if not q:
            return None
        script = cyrillic(wanted)
        scores: dict[int, float] = {}
        for words_script, words in self.scripts.items():  # the two hold different forms
            penalty = ACROSS if words_script != script else 0.0
            if ACCEPT + penalty <= 100:  # else a word of the other script alone never makes a match
                scores.update(self._word_pass(q, words, penalty))
        best = max(scores.values(), default=0.0)
        for form, whole in self.forms.near(q, max(ACCEPT, best - CLOSE)):
            if whole > scores.get(form, -1.0):
                scores[form] = whole
        found: dict[Hashable, tuple[float, int]] = {}
        for form, score in scores.items():
            self._add(found, form, score, ACCEPT)
        if not found:
            return None
        best = max(score for score, _ in found.values())
        close = sorted((-score, self.entries[i].canonical, self.first[t], t) for t, (score, i) in found.items()
                       if score >= max(ACCEPT, best - CLOSE))[:limit]
        matches = tuple(Match(t, canonical, -score) for score, canonical, _, t in close)
        return Resolution("one" if len(matches) == 1 else "several", matches)

    def _word_pass(self, q: str, words: Words, penalty: float) -> dict[int, float]:
        """Forms of one script whose words score, less `penalty`, at least ACCEPT and within CLOSE of the best.

        Only those are answered, and the higher the bar, the fewer the indexes return: look at HIGH first,
        and lower the bar (to CLOSE below the best found) only when needed.
        """
        scores = self._word_scores(q, HIGH + penalty, words)
        best = max(scores.values(), default=0.0)
        if best < HIGH + penalty + CLOSE:
            scores = self._word_scores(q, max(ACCEPT + penalty, best - CLOSE), words)
        return {form: score - penalty for form, score in scores.items()} if penalty else scores

    def _word_scores(self, q: str, cutoff: float, words: Words) -> dict[int, float]:
        """Forms whose words alone score at least `cutoff`: the mean over typed words of each one's closest word.

        That is a form's score unless its whole spelling scores more (`strong` adds those from `forms.near`).
        Forms more than CLOSE below the best may be left out, and some below the cutoff may be in, too low.
        """
        q_words = q.split()
        if len(q) < SHORT:  # `similarity`: a whole word or nothing
            number = words.number.get(q)
            return dict.fromkeys(words.forms[number] if number is not None else (), 100.0)
        typed = list(dict.fromkeys(q_words))
        scores: dict[int, float] = {}
        if len(typed) == 1:  # the mean of one word, however often typed, is that word's score
            for w, score in words.index.near(typed[0], cutoff):
                for form in words.forms[w]:
                    if score > scores.get(form, -1.0):
                        scores[form] = score
            return scores
        # A mean reaches the bar only if its best typed word does. So go through the words w close to a typed
        # word and the forms of w in which that word scores best: there every other typed word scores at most
        # as much, and all of them must make up the rest. Those others are looked for among the words beside
        # w only, so that a common surname does not pull in hundreds of names, and best first, so that the
        # bar rises to CLOSE below the best mean found and what cannot reach it is never read.
        k, times = len(q_words), Counter(q_words)
        reaches = []  # (highest mean, typed word, w, its score, {other: {word beside w: ratio}}, other's most)
        for word in typed:
            for w, score in words.index.near(word, cutoff - _SLACK):
                rest = k * cutoff - times[word] * score - _SLACK
                close: dict[str, dict[int, float]] = {}
                for other in typed:
                    if other != word:  # at least what the rest leave when all the others score `score`
                        least = (rest - (k - times[word] - times[other]) * score) / times[other]
                        found = process.extract(other, words.beside_words[w], scorer=fuzz.ratio, limit=None,
                                                score_cutoff=max(0.0, least))
                        close[other] = {words.beside_ids[w][i]: ratio for _, ratio, i in found}
                most = {other: min(score, max(ratios.values(), default=0.0)) for other, ratios in close.items()}
                top = (times[word] * score + sum(times[other] * most[other] for other in close)) / k
                reaches.append((top, word, w, score, close, most))
        best = 0.0
        for top, word, w, score, close, most in sorted(reaches, key=lambda reach: -reach[0]):
            bar = max(cutoff, best - CLOSE) - _SLACK
            if top < bar:
                break
            # each other typed word needs what the rest, at their most beside w, leave to it; the one with the
            # fewest close words is read best first, so that the bar rises while it is read
            pivot = min(close.items(), key=lambda item: len(item[1]))[0]
            allowed: set[int] | None = None
            for other in close.keys() - {pivot}:
                need = most[other] - k * (top - bar) / times[other]
                hits = set().union(*(words.beside[w][u] for u, ratio in close[other].items() if ratio >= need))
                allowed = hits if allowed is None else allowed & hits
            for u, ratio in sorted(close[pivot].items(), key=lambda item: -item[1]):
                bar = max(cutoff, best - CLOSE) - _SLACK
                if ratio < most[pivot] - k * (top - bar) / times[pivot]:
                    break
                for form in words.beside[w][u]:
                    if allowed is not None and form not in allowed:
                        continue
                    ids = words.form_ids[form]
                    per_word = [score if typed_word == word else max(close[typed_word].get(i, 0.0) for i in ids)
                                for typed_word in q_words]
                    mean = sum(per_word) / len(per_word)  # as `similarity` adds them up, to the last bit
                    if mean > scores.get(form, -1.0):
                        scores[form] = mean
                        best = max(best, mean)
        return scores

    def weak(self, query: str, *, limit: int | None = 3) -> Resolution:
        """When nothing scores ACCEPT: the targets whose spellings come nearest, if they come NEAR, best first."""
        wanted = spelling_key(query)
        q = latin(wanted)
        if not q:
            return Resolution("none", ())
        script, q_words = cyrillic(wanted), q.split()
        found: dict[Hashable, tuple[float, int]] = {}
        kept: dict[Hashable, float] = {}  # `limit` targets scoring at least as much as any other found
        # score in order of an upper bound (the whole ratio or the best typed word's), stopping once `limit`
        # targets are known to beat every spelling not yet scored
        order = sorted(self._candidates(q, NEAR, script).items(), key=lambda item: -item[1])
        for position, (form, _) in enumerate(order):
            score = nearness(q, q_words, self.forms.strings[form], self.form_words[form],
                             across=self.form_cyrillic[form] != script)
            self._add(found, form, score, NEAR)
            for target in {self.entries[i].target for i in self.form_entries[form]} & found.keys():
                if limit is None:
                    continue
                if target in kept or len(kept) < limit or found[target][0] > min(kept.values()):
                    if target not in kept and len(kept) == limit:
                        del kept[min(kept, key=kept.__getitem__)]
                    kept[target] = found[target][0]
            following = order[position + 1][1] if position + 1 < len(order) else -1.0
            if limit is not None and len(kept) == limit and min(kept.values()) > following:
                break
        return Resolution("none", tuple(self._sorted(found)[:limit]))

    def _candidates(self, q: str, cutoff: float, script: bool) -> dict[int, float]:
        """Forms whose `nearness` may reach `cutoff`, each with an upper bound of it."""
        bounds: dict[int, float] = dict(self.forms.near(q, cutoff))
        for words_script, words in self.scripts.items():
            penalty = ACROSS if words_script != script else 0.0
            if len(q) < 3:
                number = words.number.get(q)
                for form in words.forms[number] if number is not None else ():
                    bounds[form] = max(bounds.get(form, -1.0), 100.0 - penalty)
                continue
            # a mean over typed words reaches the cutoff only if one of them does
            for typed in dict.fromkeys(w for w in q.split() if len(w) >= 3):
                for w, score in words.index.near(typed, cutoff + penalty):
                    for form in words.forms[w]:
                        if score - penalty > bounds.get(form, -1.0):
                            bounds[form] = score - penalty
        return bounds

    def _add(self, found: dict[Hashable, tuple[float, int]], form: int, score: float, cutoff: float) -> None:
        """Keep each target's best score and the first entry that has it, as `resolve` does."""
        if score < cutoff:
            return
        for i in self.form_entries[form]:
            target = self.entries[i].target
            old = found.get(target)
            if old is None or score > old[0] or (score == old[0] and i < old[1]):
                found[target] = (score, i)

    def _sorted(self, found: dict[Hashable, tuple[float, int]]) -> list[Match]:
        matches = [(Match(t, self.entries[i].canonical, score), self.first[t]) for t, (score, i) in found.items()]
        matches.sort(key=lambda pair: (-pair[0].score, pair[0].canonical, pair[1]))
        return [m for m, _ in matches]


def resolve(query: str, entries: Iterable[Entry], *, limit: int | None = 8) -> Resolution:
    """The targets a query most likely means, best first."""
    return AliasIndex(entries).resolve(query, limit=limit)
