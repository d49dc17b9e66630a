"""A character n-gram language model: how plausible a stretch of text is, letter by letter.

What it is for. The OCR finder must decide between a word as the witness has it and a reading that a
typical OCR confusion would turn into it, when *both* are words of the language (еткен/өткен, сана/ғана):
a dictionary cannot decide, the surrounding letters often can. This model gives the log-probability of
each character given the few characters before it, across word boundaries, so the letters of the next
word and the end of the previous one take part in the judgement.

How it works. Counts of every n-gram up to `order` characters in the training text (the reading text of a
proofread edition, plus optional word lists at a lower weight), smoothed by interpolated Witten-Bell:

    P(c | h) = (C(h c) + T(h) · P(c | h')) / (C(h) + T(h))

where h' is h without its first character, C counts (weighted) occurrences and T(h) the number of distinct
characters seen after h; below the empty history a uniform distribution over the alphabet. Text is
normalised one character for one character (lower case, digits to "0", white space to a space) so offsets
in the scored text stay those of the input. `delta` compares two readings of one span in the same context
and only scores the characters whose history differs, so a comparison costs a few dozen dictionary
look-ups; probabilities are memoised per (history, character).

    lm = CharLM.train(["бір мәтін …"], order=6)
    lm.delta(text, start, end, "өткен")   # log P(text with the span replaced) - log P(text)
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s")


def normalise(text: str) -> str:
    """One character for one character: lower case, every digit "0", every white space " "."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer (İ): keep such letters as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _SPACE.sub(" ", _DIGIT.sub("0", low))


class CharLM:
    def __init__(self, order: int = 6):
        self.order = order
        self.count: dict[str, float] = defaultdict(float)     # n-gram (history + char) -> weighted count
        self.total: dict[str, float] = defaultdict(float)     # history -> weighted count of what follows it
        self.types: dict[str, int] = defaultdict(int)         # history -> distinct characters after it
        self.alphabet: set[str] = set()
        self._p: dict[tuple[str, str], float] = {}

    @classmethod
    def train(cls, texts, order: int = 6, words=(), word_weight: float = 0.2) -> "CharLM":
        """A model of `texts` (running text: each is padded with a space at both ends) and `words` (single
        words, each counted as " word " with `word_weight`)."""
        lm = cls(order)
        for t in texts:
            lm.add(" " + " ".join(normalise(t).split()) + " ", 1.0)
        for w in words:
            lm.add(" " + normalise(w) + " ", word_weight)
        return lm

    def add(self, text: str, weight: float) -> None:
        n = self.order
        self.alphabet.update(text)
        count, total, types = self.count, self.total, self.types
        for i in range(1, len(text)):
            c = text[i]
            for k in range(0, min(n - 1, i) + 1):
                h = text[i - k:i]
                g = h + c
                if g not in count:
                    types[h] += 1
                count[g] += weight
                total[h] += weight
        self._p.clear()

    def prob(self, h: str, c: str) -> float:
        """P(c | h), h at most order-1 characters (longer ones are cut from the left)."""
        if len(h) >= self.order:
            h = h[len(h) - self.order + 1:]
        key = (h, c)
        p = self._p.get(key)
        if p is not None:
            return p
        if h == "":
            base = 1.0 / (len(self.alphabet) + 1)
        else:
            base = self.prob(h[1:], c)
        t = self.types.get(h, 0)
        if t:
            p = (self.count.get(h + c, 0.0) + t * base) / (self.total[h] + t)
        else:
            p = base
        self._p[key] = p
        return p

    def logprob(self, text: str, start: int, end: int) -> float:
        """Sum of log P over the characters text[start:end], each given what precedes it in `text`."""
        n1 = self.order - 1
        memo, prob, log = self._p, self.prob, math.log
        s = 0.0
        for i in range(start, end):
            h = text[i - n1 if i > n1 else 0:i]
            p = memo.get((h, text[i]))
            s += log(p if p is not None else prob(h, text[i]))
        return s

    def delta(self, text: str, start: int, end: int, replacement: str, right: int | None = None) -> float:
        """log P(text with text[start:end] replaced) - log P(text), `text` already normalised. Only the span
        and the order-1 characters after it are scored (further on, both readings give the same histories);
        `right` caps how far (default: the end of the text)."""
        n1 = self.order - 1
        stop = len(text) if right is None else right
        tail = min(stop, end + n1)
        a = text[max(0, start - n1):tail]
        b = text[max(0, start - n1):start] + replacement + text[end:tail]
        off = min(start, n1)
        return self.logprob(b, off, len(b)) - self.logprob(a, off, len(a))
