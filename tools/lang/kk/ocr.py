"""OCR- and keying-error finder for Kazakh Cyrillic text.

How it works. Each word of the text is a *suspect* when the evidence that it is a real word is weak:
the hunspell-kk dictionary (Debian, via pyhunspell) rejects it, the project word list
(`tools/lang/kk/data/kk-extra.txt`) and a light Kazakh suffix stripper do not explain it, it occurs only once in
the text, and it breaks vowel harmony although it looks native. For a suspect we generate the readings
that the typical confusions of Kazakh OCR and keying would have produced it from (`CONFUSIONS`:
ү/у, ө/о/е, қ/к, ң/н, ұ/у, ғ/г/р, ә/а, н/п, ш/ж, л/д/я, и/н …; a doubled letter; `ІІ` for `П`; Latin
homoglyphs; a word split by a space) and score each reading by the same evidence: dictionary, suffix
rules, frequency in the text itself, vowel harmony. A word the dictionary accepts is still suspect when
a one-letter confusion turns it into a clearly more frequent word of the same text ("кун" beside many
"күн…"), but with a low score.

Shape rules that need no candidate to be suspicious (`_Finder.flaw`, `consonants_ok`): a suffix whose
first consonant does not fit the stem's last sound (жұмысшы+дар, орын+лар), a native word ending in a
voiced stop, ң written for н before a velar as it is pronounced (бұрыңғы), a converb -п after a plural,
and қ/ғ in a front-vowel word or к/г in a back-vowel one (a weak, ranking-only hint). The text's own
usage counts for whole inflection families: a dictionary word used once whose one-letter neighbour is
used five times as often with its endings ("кун" beside күні, күнге, күндер) is reported; so are an
inserted or swapped letter and two-letter changes towards words of the text. Context rules: a space
after a hyphen or around a parenthesis of an abbreviation ("СССР- де", "РК (б) П"), a split-off ending
that was misread as well ("адам га"), and a genitive without a possessive head ("ұлттың
мемлекеттілікті", where the -қ adjective the text uses is meant).

What a proofread edition teaches (`learn_from_edition`): its words join the lexicon, its corrections of
non-words are proposed again where the non-word recurs, and its reading text trains a character n-gram
model (`tools.assist.charlm`, `char_model`). The model does two things (`LM_*` below): a candidate reading
whose letters it finds unlikely as a word loses evidence (a veto only: as a vote for candidates it raised
false alarms more than recall on the development half), and a dictionary word whose one-confusion
neighbour, also a word of the text, reads better in the letters around it is listed as a real-word hint
(`real_words`), with a confidence capped below the operating threshold.

Names, abbreviations and Russian loanwords are protected by the same evidence rather than by lists:
a capitalised word or an abbreviation is only reported when its correction occurs elsewhere in the
text, and loanword-looking words (Russian letters, о/ө after the first syllable, initial consonant
clusters) are exempt from the vowel-harmony argument.

    from tools.lang.kk.ocr import suggest_ocr
    items = suggest_ocr("tei/witness/000_2a7645c052e16c4f.txt", min_confidence=0.3)
    for it in items: it.line, it.column, it.text, it.suggestion, it.confidence, it.reason
"""
from __future__ import annotations

import itertools
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tools.core.errors import EXIT_USAGE, ToolError
from tools.assist.textsource import Block, Source, load

HUNSPELL_DIC = Path(os.environ.get("KK_HUNSPELL_DIC", "/usr/share/hunspell/kk_KZ.dic"))
HUNSPELL_AFF = HUNSPELL_DIC.with_suffix(".aff")
ASPELL_CWL = Path(os.environ.get("KK_ASPELL_CWL", "/usr/share/aspell/kk.cwl.gz"))
EXTRA_WORDS = Path(__file__).resolve().parent / "data" / "kk-extra.txt"

# OCR/keying confusions: (letter seen, letter meant) -> prior weight of that confusion (0..1).
CONFUSIONS: dict[tuple[str, str], float] = {
    ("у", "ү"): 0.95, ("у", "ұ"): 0.8, ("ү", "у"): 0.5, ("ұ", "у"): 0.5, ("ұ", "ү"): 0.7, ("ү", "ұ"): 0.7,
    ("о", "ө"): 0.95, ("ө", "о"): 0.6, ("е", "ө"): 0.75, ("ө", "е"): 0.4, ("о", "ә"): 0.35,
    ("к", "қ"): 0.85, ("қ", "к"): 0.8, ("н", "ң"): 0.8, ("ң", "н"): 0.85, ("қ", "ң"): 0.4, ("ң", "қ"): 0.5,
    ("г", "ғ"): 0.8, ("ғ", "г"): 0.6, ("р", "ғ"): 0.5, ("г", "р"): 0.3, ("ғ", "р"): 0.3,
    ("а", "ә"): 0.6, ("ә", "а"): 0.5, ("н", "п"): 0.5, ("п", "н"): 0.9, ("и", "н"): 0.6, ("н", "и"): 0.4,
    ("ш", "ж"): 0.6, ("ж", "ш"): 0.6, ("д", "л"): 0.75, ("л", "д"): 0.6, ("я", "л"): 0.75, ("л", "я"): 0.4,
    ("н", "й"): 0.5,  # й is и with a breve: the breve lost, и is read as н (пайда → панда)
    ("д", "ң"): 0.3, ("о", "б"): 0.3, ("і", "ы"): 0.2, ("ы", "і"): 0.2, ("е", "о"): 0.3,
}
_BY_SEEN: dict[str, list[tuple[str, float]]] = {}
for (_seen, _meant), _w in CONFUSIONS.items():
    _BY_SEEN.setdefault(_seen, []).append((_meant, _w))

# Latin letters that look like Cyrillic ones.
HOMOGLYPHS = dict(zip("AaBCcEeHIiKMOoPpTXxYy", "АаВСсЕеНІіКМОоРрТХхУу"))

BACK, FRONT = set("аоұы"), set("әөүіе")
VOWELS = set("аоұыәөүіеиуэюяё")
RUSSIAN_ONLY = set("вфцчщъьёэю")
CYR = re.compile(r"[а-яёәіңғүұқөһ]", re.I)
LAT = re.compile(r"[a-z]", re.I)
WORD = re.compile(r"[^\W\d_]+")

# Kazakh inflectional and common derivational suffixes, for the stripper (longest first when tried).
SUFFIXES = sorted(set("""
лар лер дар дер тар тер
ым ім м ың ің ң ы і сы сі ымыз іміз мыз міз ыңыз іңіз ңыз ңіз
ның нің дың дің тың тің ға ге қа ке ғә на не ны ні ды ді ты ті н да де та те нда нде
дан ден тан тен нан нен мен бен пен ша ше дай дей тай тей ғы гі қы кі дағы дегі тағы тегі
лық лік дық дік тық тік шы ші шыл шіл лы лі сыз сіз ла ле сын сін
у ю ыс іс с ыл іл л ын ін ған ген қан кен ар ер р атын етін йтын йтін ушы уші
ып іп п а е й са се ма ме ба бе па пе мақ мек пақ пек бақ бек ғалы гелі қалы келі
ды ді ты ті дық дік тық тік шылық шілік лан лен дан ден тан тен лас лес дас дес тас тес
т ыр ір дыр дір тыр тір ғыз гіз қыз кіз ушылық ушілік
""".split()), key=len, reverse=True)
_SUFFIX_SET = set(SUFFIXES)
INVARIANT_ENDINGS = {"мен", "бен", "пен"}
# Suffixes that make verb forms: they cannot follow a plural (шаруашылықтар+ып is not a word).
VERBAL = set("ып іп п у ю ған ген қан кен атын етін йтын йтін ушы уші а е й ар ер р".split())
PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
_MAX_SUF = max(map(len, SUFFIXES))
# Word-final pieces that are never separate words: a space before them splits a word ("совет тік").
SPLIT_SUFFIXES = set("ның нің дың дің тың тің ға ге қа ке на не ны ні ды ді ты ті да де та те нда нде "
                    "дан ден тан тен нан нен дағы дегі тағы тегі лық лік дық дік тық тік "
                     "лар лер дар дер тар тер дың дің шы ші шылық шілік сыз сіз ғы гі қы кі".split()) - {"не", "да", "де", "та", "те"}


@dataclass
class OcrItem:
    line: int
    column: int
    text: str
    suggestion: str
    confidence: float
    reason: str
    start: int = field(default=0, repr=False)  # offsets in the decoded file, for --apply
    end: int = field(default=0, repr=False)

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "text": self.text, "suggestion": self.suggestion,
                "confidence": self.confidence, "reason": self.reason}


# ---------------------------------------------------------------- lexicon

class Lexicon:
    """hunspell-kk + project word list + suffix stripping; every lookup cached."""

    def __init__(self, dic: Path = HUNSPELL_DIC, aff: Path = HUNSPELL_AFF, extra: Path = EXTRA_WORDS):
        try:
            import hunspell  # pyhunspell, binding to libhunspell
        except ImportError as exc:
            raise ToolError(f"the OCR assistant needs pyhunspell: pip install hunspell ({exc})", EXIT_USAGE)
        if not dic.exists() or not aff.exists():
            raise ToolError(f"{dic}: error: Kazakh hunspell dictionary not found; install Debian hunspell-kk "
                            "or set KK_HUNSPELL_DIC", EXIT_USAGE)
        self._h = hunspell.HunSpell(str(dic), str(aff))
        self.extra = set()
        if extra.exists():
            for ln in extra.read_text(encoding="utf-8").splitlines():
                ln = ln.split("#", 1)[0].strip().lower()
                if ln:
                    self.extra.add(ln)
        self.aspell = aspell_words()
        self.grown: frozenset[str] = frozenset()
        self._spell: dict[str, bool] = {}
        self._morph: dict[str, bool] = {}

    def grow(self, words) -> None:
        """Add the words of a proofread text (lower case) to what the lexicon knows (the caches survive when
        the words are the same as last time: the lexicon is shared by the whole process)."""
        words = frozenset(words)
        if words != self.grown:
            self.grown = words
            self._spell.clear()
            self._morph.clear()

    def spell(self, word: str) -> bool:
        r = self._spell.get(word)
        if r is None:
            lw = word.lower()
            try:
                r = (bool(self._h.spell(word)) or lw in self.extra or lw in self.grown
                     or word == lw and lw in self.aspell)
            except UnicodeError:
                r = False
            self._spell[word] = r
        return r

    def stem_ok(self, stem: str) -> bool:
        if len(stem) < 2:
            return False
        if self.spell(stem):
            return True
        # consonant alternation before a vowel-initial suffix: ғ<қ, г<к, б<п (шаруашылығы < шаруашылық)
        alt = {"ғ": "қ", "г": "к", "б": "п"}.get(stem[-1])
        if alt and self.spell(stem[:-1] + alt):
            return True
        if stem[-1] in "яю" and self.spell(stem[:-1] + "й"):  # нығай+а = нығая, нығай+у = нығаю
            return True
        if stem.endswith("и") and self.spell(stem + "я"):  # конференци-ясы, territori-ясы
            return True
        return False

    def morph(self, word: str) -> bool:
        """True when `word` is a known stem followed by Kazakh suffixes."""
        r = self._morph.get(word)
        if r is None:
            r = self._strip(word, 0)
            self._morph[word] = r
        return r

    def _strip(self, word: str, depth: int) -> bool:
        if depth > 5:
            return False
        for k in range(min(_MAX_SUF, len(word) - 2), 0, -1):
            suf = word[-k:]
            if suf not in _SUFFIX_SET:
                continue
            stem = word[:-k]
            if not _suffix_fits(stem, suf):
                continue
            if self.stem_ok(stem):
                return True
            if suf in VERBAL and stem.endswith(PLURAL):
                continue
            r = self._morph.get(stem)
            if r is None:
                r = self._strip(stem, depth + 1)
                self._morph[stem] = r
            if r:
                return True
        return False

    def loan_stem(self, word: str) -> bool:
        """Does `word` begin with a loan stem of the project word list (комитет-ін, орден-імен)?"""
        return any(word[:k] in self.extra for k in range(4, len(word) + 1))

    def known(self, word: str) -> int:
        """2 = dictionary word, 1 = explained by suffix rules, 0 = unknown."""
        if self.spell(word):
            return 2
        if self.morph(word) or (word[-1] in "яю" and self.stem_ok(word)):
            return 1
        return 0


def _suffix_fits(stem: str, suf: str) -> bool:
    """Phonotactics of a suffix boundary: vowel-initial suffixes after consonants, a lone consonant
    after a vowel, and the suffix's vowel in harmony with the stem's last vowel."""
    if suf[0] in VOWELS and stem[-1] in VOWELS and stem[-1] not in "уи":
        return False
    if len(suf) == 1 and suf not in VOWELS and stem[-1] not in VOWELS:
        return False
    last = next((c for c in reversed(stem) if c in BACK or c in FRONT), None)
    sv = next((c for c in suf if c in BACK or c in FRONT), None)
    if (last and sv and ((last in BACK) != (sv in BACK)) and not looks_loan(stem)
            and suf not in INVARIANT_ENDINGS):
        return False
    return True


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The process-wide lexicon (hunspell loads once)."""
    return Lexicon()


@lru_cache(maxsize=1)
def aspell_words() -> frozenset[str]:
    """The word list of Debian's aspell-kk (53,000 plain word forms, no affixes), or nothing when it is not
    installed. It is a prezip-compressed list: `precat` (aspell's own tool) expands it; the result is cached
    in ~/.cache/tei-tools/ so that later runs read a plain file."""
    import subprocess

    if not ASPELL_CWL.exists():
        return frozenset()
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "tei-tools" / "aspell-kk.txt"
    try:
        if cache.exists() and cache.stat().st_mtime >= ASPELL_CWL.stat().st_mtime:
            return frozenset(cache.read_text(encoding="utf-8").split())
        import gzip
        raw = gzip.decompress(ASPELL_CWL.read_bytes())
        out = subprocess.run(["precat"], input=raw, capture_output=True, timeout=30, check=True).stdout
        words = out.decode("utf-8").split()
    except (OSError, subprocess.SubprocessError, UnicodeError, EOFError):
        return frozenset()  # no precat or an unreadable list: hunspell alone
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(words), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        pass
    return frozenset(words)


# ---------------------------------------------------------------- the character model

# How the character n-gram model takes part. Chosen on the development half, cross-fitted (bench/): each of
# its folds judged by a model of the other; what did not help there is not here (a positive word-level
# vote raised false alarms more than recall; aspell-kk's words as extra training text changed nothing).
LM_ORDER = 5          # 4 characters of history
LM_VETO = 0.3         # evidence lost per nat by which the model disfavours a candidate as a word ...
LM_VETO_CAP = 4.0     # ... counting at most this many nats (a small model overrates its surprises)
LM_HINT_CAP = 0.2     # a real-word reading's confidence is at most this: on the development half about one
                      # in five of those the model prefers is right, so they are hints below the threshold
# A one-letter slip of any kind, undone only towards a dictionary word the text itself writes this often
# (`common_neighbours`); its prior is that of a middling confusion of the table.
COMMON_NEIGHBOUR_MINFREQ = 3
COMMON_NEIGHBOUR_PRIOR = 0.45
LM_HINT_MAXFREQ = 2   # a word written the same way more often than this is taken as meant


@lru_cache(maxsize=4)
def char_model(texts: tuple[str, ...]):
    """The character n-gram model of the reading text of a proofread edition (None without one)."""
    from tools.assist.charlm import CharLM

    if not texts:
        return None
    return CharLM.train(texts, LM_ORDER)


# ---------------------------------------------------------------- what a proofread edition teaches

@dataclass
class EditionKnowledge:
    """Words of the reading text of a proofread edition (corrections applied) and the corrections it made
    (sic -> corr, for errors that are not words), from some or all of its paragraphs."""
    words: frozenset[str] = frozenset()
    corrections: dict[str, str] = field(default_factory=dict)
    texts: tuple[str, ...] = ()  # the reading text of each paragraph learned from: the language model's


def learn_from_edition(path: Path | str, keep=None) -> EditionKnowledge:
    """What the edition at `path` teaches: `keep(p)` picks its <p> elements (default: every one of <text>)."""
    from tools.core.xmlsafe import parse_file

    tei = "{http://www.tei-c.org/ns/1.0}"
    text_el = parse_file(Path(path)).find(f".//{tei}text")
    words: set[str] = set()
    fixes: dict[str, str] = {}
    texts: list[str] = []
    for p in text_el.iter(tei + "p") if text_el is not None else ():
        if keep is not None and not keep(p):
            continue
        for choice in p.iter(tei + "choice"):
            sic, corr = choice.find(tei + "sic"), choice.find(tei + "corr")
            if sic is None or corr is None or corr.get("cert") not in (None, "high", "medium"):
                continue
            a, b = "".join(sic.itertext()).strip(), "".join(corr.itertext()).strip()
            if WORD.fullmatch(a) and WORD.fullmatch(b) and a.lower() != b.lower():  # not a mended capital
                fixes[a.lower()] = b.lower()
        reading = " ".join("".join(_reading_of(p)).split())
        texts.append(reading)
        words.update(w.lower() for w in WORD.findall(reading))
    return EditionKnowledge(frozenset(words), fixes, tuple(texts))


def _reading_of(el):
    """The reading text of an element: corrections, regularisations and expansions, no notes."""
    from lxml import etree

    for node in [el]:
        if node.text:
            yield node.text
        for c in node:
            if isinstance(c.tag, str):
                name = etree.QName(c).localname
                if name not in ("sic", "orig", "abbr", "note"):
                    yield from _reading_of(c)
            if c.tail:
                yield c.tail


# ---------------------------------------------------------------- word features

def looks_loan(w: str) -> bool:
    """Russian loanword or name: Russian-only letters, о/ө after the first syllable, initial cluster."""
    w = w.lower()
    if set(w) & RUSSIAN_ONLY:
        return True
    vowels = [c for c in w if c in VOWELS]
    if any(c in "оө" for c in vowels[1:]):
        return True
    if len(w) > 2 and w[0] not in VOWELS and w[1] not in VOWELS and w[1] not in "уиы":
        return True
    return False


def harmony_ok(w: str) -> bool:
    """Front/back vowel harmony of a native Kazakh word (и, у, я, ю are neutral; the instrumental
    -мен/-бен/-пен has no back variant, so it is left out)."""
    w = w.lower()
    if len(w) > 5 and w[-3:] in INVARIANT_ENDINGS:
        w = w[:-3]
    vs = [c for c in w if c in BACK or c in FRONT]
    return not (any(c in BACK for c in vs) and any(c in FRONT for c in vs))


def consonants_ok(w: str) -> bool:
    """Consonant harmony of a native word: қ, ғ go with back vowels, к, г with front ones (қазак, қөбейді
    break it). Loanwords break it freely (кулак, орган), so this is weak evidence and used only to rank."""
    w = w.lower()
    vs = [c for c in w if c in BACK or c in FRONT]
    if not vs or not harmony_ok(w):
        return True
    if vs[0] in BACK:
        return not any(c in "кг" for c in w)
    return not any(c in "қғ" for c in w)


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    out = []
    for i, ch in enumerate(word):
        out.append(ch.upper() if i < len(model) and model[i].isupper() else ch)
    return "".join(out)


def _edits(w: str, max_edits: int, starts: set[str] | None = None) -> dict[str, tuple[float, str]]:
    """Readings that `w` (lower case) may stand for: candidate -> (prior, description). With `starts`
    (the beginnings of the words of a text), the two-change and structural readings are limited to
    ones that begin like a word of that text."""
    out: dict[str, tuple[float, str]] = {}

    def put(c: str, p: float, why: str) -> None:
        if c != w and (c not in out or out[c][0] < p):
            out[c] = (p, why)

    singles = []
    for i, ch in enumerate(w):
        for meant, p in _BY_SEEN.get(ch, ()):
            c = w[:i] + meant + w[i + 1:]
            put(c, p, f"{ch}→{meant}")
            singles.append((i, c, p, f"{ch}→{meant}"))
        if i > 0 and w[i - 1] == ch:  # doubled letter
            put(w[:i] + w[i + 1:], 0.75 if ch in VOWELS else 0.5, f"doubled {ch}")
    if max_edits > 1:
        for i in range(1, len(w)):
            if w[i] != w[i - 1] and i < len(w) - 2:  # doubled letters are handled above; endings are grammar
                c = w[:i] + w[i + 1:]
                if starts is None or c in starts:
                    put(c, 0.4 if w[i] in VOWELS else 0.3, f"extra {w[i]}")
            if i < len(w) - 1 and w[i] != w[i + 1]:
                c = w[:i] + w[i + 1] + w[i] + w[i + 2:]
                if starts is None or c in starts:
                    put(c, 0.4, f"{w[i]}{w[i + 1]} transposed")
        for i, c1, p1, d1 in singles:
            if p1 < 0.5 or starts is not None and c1[:i + 1] not in starts:
                continue
            for j in range(i + 1, len(c1)):
                for meant, p2 in _BY_SEEN.get(c1[j], ()):
                    if p2 < 0.5:
                        continue
                    c2 = c1[:j] + meant + c1[j + 1:]
                    if starts is None or c2 in starts:
                        put(c2, p1 * p2 * 0.8, f"{d1}, {c1[j]}→{meant}")
    return out


@lru_cache(maxsize=65536)
def _edits1(w: str) -> dict[str, tuple[float, str]]:
    """The one-change readings of `w`, memoised (the judge and the real-word pass ask for them often; the
    dict is shared: callers only read it)."""
    return _edits(w, 1)


# Endings that Kazakh morphology hardly produces: the -п converb after a dative-like -ке/-ға syllable
# (шеккеп, біріккеп are -кен participles with н read as п).
GRAMMATICAL_FINALS = [set("нп"), set("нң"), set("ңқ"), set("ңк"), set("пң")]
_UP = "А-ЯӘІҢҒҮҰҚӨҺЁ"
_PAREN_ABBR = re.compile(rf"(?<![\w(])[{_UP}]{{1,6}} ?\([а-яәіңғүұқөһ]{{1,3}}\) ?[{_UP}]{{1,3}}(?![\w)])")
# A word with a 3rd-person possessive ending (мәселесі, мүшелерінің, жерінде): what a genitive needs.
_POSSESSED = re.compile(r"(?:[^дтн][ыі]|[ыі]н|[ыі]ң|[ыі]н[аеы]|[ыі]н[дт][ае]|[ыі]н[ае]н|[ыі]ның|[ыі]нің"
                        r"|[ыі]мен|[ыі]н[дт][ае]ғы|[ыі]н[дт]егі|[ыі]на|[ыі]не)$")
# A finite or participial passive in -ыл/-іл (құрылды, берілген, жүргізіледі); the root before it is checked.
_PASSIVE = re.compile(r"(?:ыл|іл)(?:ды|ді|ған|ген|ады|еді|ып|іп)$")
# A participle (-атын/-етін/-йтын/-йтін, -ған/-ген/-қан/-кен) with the 2nd-person possessive -ың/-ің.
_PARTICIPLE_2SG = re.compile(r"(?:[аеыі]тын|[аеыі]тін|(?<=[аеыі])йтын|(?<=[аеыі])йтін|[ғқ]ан|[гк]ен)[ыі]ң$")
# The familiar singular "you", whose possessive -ың/-ің is (polite сіз takes -ыңыз, plural сендер -ларың).
_SECOND_PERSON = {"сен", "сенің", "саған", "сені", "сенде", "сенен", "сенімен", "сендегі"}
_NEGATIVE = {"ма", "ме", "ба", "бе", "па", "пе"}  # the negative of a verb root (бол-ма-йтын)
# Finite forms of the light verb ет- ("do"); a 3rd-person possessive ending; an accusative ending.
_LIGHT_FINITE = {"етті", "етеді", "етпеді", "етпейді"}
_POSSESSIVE_3 = re.compile(r"(?:[аеыіәөүұо]с[ыі]|[^аоұыәөүіеиуэюяёдтн][ыі])$")
# The accusative after a consonant (-ды/-ді after a voiced one, -ты/-ті after a voiceless one: жерді, комитетті);
# after a vowel it is -ны/-ні, after a possessive -н.
_ACCUSATIVE_DT = re.compile(r"(?<=[^аоұыәөүіеиуэюяё])[дт][ыі]$")
_ACCUSATIVE = re.compile(r"(?:н[ыі]|[ыі]н|(?<=[^аоұыәөүіеиуэюяё])[дт][ыі])$")
LIGHT_VERB_CONF = 0.35
PASSIVE_OBJECT_CONF = 0.4
SECOND_PERSON_CONF = 0.4
# Two consonants at the start of a word: no native Kazakh syllable begins so (loanwords do: станция, трест;
# a loanword's slip towards a common word of the text is still a slip)
_ONSET_CLUSTER = re.compile(r"[бвгғджзйкқлмнңпрстфхһцчшщ]{2}")
IMPLAUSIBLE_END = re.compile(r"(?:[гкғқ][еа]п|[ыі]ңың|[ыі]ңің)$")


# Which consonant opens a suffix after a given stem-final letter (Kazakh suffix allomorphy):
# plural -лар/-дар/-тар and abstract -лық/-дық/-тық take л after vowels, р, у, й; д after the other voiced
# consonants; т after voiceless ones. The genitive takes н after vowels, д after voiced consonants (р, у, й
# included), т after voiceless ones; м, н, ң behave like vowels for it (адамның). Letters of loanwords (б в г д ғ at a stem end) allow either.
_VOICELESS = set("пкқстшфхцчщ")
_LOOSE = set("бвгдғ")
_ALLOMORPHS = (
    (("лар", "лер", "дар", "дер", "тар", "тер", "лық", "лік", "дық", "дік", "тық", "тік"), "л", "рйу"),
    (("ның", "нің", "дың", "дің", "тың", "тің"), "н", "мнң"),
)


def _allomorph_wanted(prev: str, after_vowel: str, sonorant_like_vowel: str) -> str:
    if prev in VOWELS and prev not in "уи" or prev in sonorant_like_vowel:
        return after_vowel
    if prev in _VOICELESS:
        return "т"
    return "д"


def _diff_pos(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


# ---------------------------------------------------------------- the finder

@dataclass
class _Tok:
    block: int
    i: int  # start in block text
    j: int  # end in block text
    text: str


def _tokens(blocks: list[Block]) -> list[_Tok]:
    toks = []
    for bi, b in enumerate(blocks):
        for m in WORD.finditer(b.text):
            toks.append(_Tok(bi, m.start(), m.end(), m.group()))
    return toks


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


class _Finder:
    def __init__(self, src: Source, knowledge: EditionKnowledge | None = None):
        self.src = src
        self.lex = lexicon()
        self.known = knowledge or EditionKnowledge()
        self.lex.grow(self.known.words - set(self.known.corrections))
        self.toks = _tokens(src.blocks)
        self.freq = Counter(t.text.lower() for t in self.toks)
        self._chain: dict[str, bool] = {}
        self._flaw: dict[str, str | None] = {}
        # stems present in the text: a word's first 5+ letters seen at least twice supports it
        self.prefixes = Counter()
        self.by_prefix: dict[str, list[tuple[str, int]]] = {}
        self.starts: set[str] = set()  # every beginning of a word of the text
        for w, n in self.freq.items():
            for k in range(5, len(w) + 1):
                self.prefixes[w[:k]] += n
            self.by_prefix.setdefault(w[:3], []).append((w, n))
            self.starts.update(w[:k] for k in range(2, len(w) + 1))
        self._family: dict[str, int] = {}
        self.lm = char_model(self.known.texts)
        self._norm: dict[int, str] = {}
        self._wdelta: dict[tuple[str, str], float] = {}
        self._wild: dict[tuple[str, str], list[str]] | None = None

    def suffix_chain(self, rest: str) -> bool:
        """Can `rest` be read as a sequence of suffixes (or nothing)?"""
        r = self._chain.get(rest)
        if r is None:
            r = rest == "" or any(rest[:k] in _SUFFIX_SET and self.suffix_chain(rest[k:])
                                   for k in range(min(_MAX_SUF, len(rest)), 0, -1))
            self._chain[rest] = r
        return r

    def flaw(self, w: str) -> str | None:
        """A shape Kazakh spelling does not produce: a suffix with the wrong initial consonant after a
        known stem (жұмысшы+дар, орын+лар), a native word ending in a voiced stop (әйелдердід), ң written
        for н before a velar as it is pronounced (бұрыңғы), a converb -п after a plural (…тарып)."""
        r = self._flaw.get(w, 0)
        if r != 0:
            return r
        r = None
        loan = looks_loan(w) or self.lex.loan_stem(w)
        if not loan and len(w) > 3 and w[-1] in "бгдғ" and not self.lex.spell(w):
            r = f"final {w[-1]}"
        for sufs, after_vowel, like_vowel in () if loan else _ALLOMORPHS:
            if r:
                break
            for k in range(2, len(w) - 2):
                suf = w[k:k + 3]
                if suf not in sufs or not self.suffix_chain(w[k + 3:]):
                    continue
                prev = w[k - 1]
                if prev in _LOOSE:
                    continue
                want = _allomorph_wanted(prev, after_vowel, like_vowel)
                if suf[0] != want and k >= 4 and self.lex.stem_ok(w[:k]):
                    r = f"-{suf} after {prev}"
                    break
        m = re.search("ң[гғкқ]", w)
        if m and not self.lex.spell(w) and self.lex.spell(w[:m.start()] + "н" + w[m.start() + 1:]):
            r = "ң before a velar, as pronounced"  # бұрыңғы for бұрынғы
        m = re.search(r"[лдт][ае]р[ыі]?п$", w)
        if m and not self.lex.spell(w) and self.lex.known(w[:-1] + "н"):
            r = "-п after a noun ending"  # шаруашылықтарып: a converb cannot follow a plural
        self._flaw[w] = r
        return r

    def frozen(self, t: _Tok) -> bool:
        b = self.src.blocks[t.block]
        return any(b.frozen[t.i:t.j])

    def evidence(self, w: str) -> float:
        """How much the text and the lexicon vouch for `w` (lower case) as a real word."""
        e = {2: 2.0, 1: 1.5, 0: 0.0}[self.lex.known(w)]
        f = self.freq.get(w, 0)
        if e == 1.5 and not f:
            e = 0.9  # explained by suffix rules only, and not in the text: weak for a candidate
        if f:
            e += 0.8 + 0.4 * min(f - 1, 4)
        elif len(w) >= 6 and self.prefixes.get(w[: max(5, len(w) - 3)], 0) >= 2:
            e += 0.4  # its stem occurs in the text with other endings
        return e

    def item(self, t: _Tok, i: int, j: int, text: str, sugg: str, conf: float, why: str) -> OcrItem:
        b = self.src.blocks[t.block]
        s, e = b.span(i, j)
        line, col = self.src.line_col(s)
        return OcrItem(line, col, text, sugg, round(conf, 2), why, s, e)

    def run(self) -> list[OcrItem]:
        items: list[OcrItem] = []
        cache: dict[tuple[str, bool, bool], tuple[str, float, str] | None] = {}
        for k, t in enumerate(self.toks):
            if self.frozen(t):
                continue
            b = self.src.blocks[t.block]
            special = self.special(t, b)
            if special:
                items.append(special)
                continue
            fix = self.known.corrections.get(t.text.lower())
            if fix and not self.lex.spell(t.text.lower()):
                items.append(self.item(t, t.i, t.j, t.text, _match_case(t.text, fix), 0.9,
                                       "corrected so in the proofread edition"))
                continue
            if len(t.text) < 2 or not CYR.search(t.text):
                continue
            if (b.text[t.j:t.j + 1] == "." and len(t.text) <= 4 and t.text.islower()
                    and not re.match(r"\.\s*(?:[А-ЯӘІҢҒҮҰҚӨҺЁA-Z«]|$)", b.text[t.j:])):
                continue  # an abbreviation (сент., млн., т. б.); before a capital it ends a sentence
            if t.i > 1 and b.text[t.i - 1] == "-" and len(t.text) <= 5 and t.text.islower() and (
                    not b.text[t.i - 2].islower() or t.text in _SUFFIX_SET
                    or k > 0 and self.toks[k - 1].j == t.i - 1 and len(self.toks[k - 1].text) <= 3):
                continue  # a case ending after a hyphen (ОК-інің, км-лік), not a compound (азық-түлік)
            initial = self.sentence_initial(b, t.i)
            key = (t.text, initial, t.j < len(b.text) and b.text[t.j] in "-(")
            if key not in cache:
                cache[key] = self.judge(t.text, initial, key[2])
            res = cache[key]
            if res:
                sugg, conf, why = res
                items.append(self.item(t, t.i, t.j, t.text, sugg, conf, why))
        if self.lm is not None:
            # places already judged at least as surely as a hint can be (a weaker judgement, such as a
            # dictionary word's unlikely neighbour, does not stop the context from proposing a better one)
            done = {(it.start, it.end) for it in items if it.confidence >= LM_HINT_CAP}
            items.extend(self.real_words(done))
        items.extend(self.splits())
        items.extend(self.headless_genitives())
        items.extend(self.objects_of_passives())
        items.extend(self.second_person_endings())
        items.extend(self.light_verbs_without_nominal())
        items.extend(self.digits_in_words())
        items.sort(key=lambda x: (x.line, x.column))
        # one suggestion per place: keep the most confident
        best: dict[tuple[int, int], OcrItem] = {}
        for it in items:
            if (it.start, it.end) not in best or best[(it.start, it.end)].confidence < it.confidence:
                best[(it.start, it.end)] = it
        return sorted(best.values(), key=lambda x: (x.line, x.column))

    @staticmethod
    def sentence_initial(b: Block, i: int) -> bool:
        k = i - 1
        while k >= 0 and b.text[k] in " \t«\"(„“":
            k -= 1
        if k >= 1 and b.text[k] == "." and b.text[k - 1].isupper() and (k < 2 or not b.text[k - 2].isalpha()):
            return False  # after an initial (Ж. Шанин) a name goes on; no sentence begins there
        return k < 0 or b.text[k] in ".!?:;…"

    def special(self, t: _Tok, b: Block) -> OcrItem | None:
        """Latin homoglyphs and ІІ for П: shape errors that need no dictionary."""
        w = t.text
        if LAT.search(w):
            nxt = b.text[t.j:t.j + 3]
            mixed = bool(CYR.search(w))
            lone_initial = (len(w) == 1 and w.isupper() and re.match(r"\.\s?[А-ЯӘІҢҒҮҰҚӨҺЁ]", nxt))
            if (mixed or lone_initial) and all(c in HOMOGLYPHS or not LAT.match(c) for c in w):
                fixed = "".join(HOMOGLYPHS.get(c, c) for c in w)
                return self.item(t, t.i, t.j, w, fixed, 0.95 if mixed else 0.9, "Latin letter for Cyrillic")
            return None
        m = re.search(r"[ІI]{2}", w)
        if m and (t.i > 0 and b.text[t.i - 1] == ")" or len(w) > 2):
            fixed = w[:m.start()] + "П" + w[m.end():]
            conf = 0.9 if self.freq.get(fixed.lower(), 0) or t.i > 0 and b.text[t.i - 1] == ")" else 0.6
            return self.item(t, t.i, t.j, w, fixed, conf, "ІІ for П")
        return None

    def judge(self, word: str, initial: bool, glued: bool) -> tuple[str, float, str] | None:
        lw = word.lower()
        own = self.lex.known(lw)
        f = self.freq.get(lw, 0)
        abbrev = word.isupper() and len(word) <= 6
        name = word[0].isupper() and not initial and not abbrev
        loan = looks_loan(lw) or self.lex.loan_stem(lw)
        native_bad = not loan and not harmony_ok(lw)
        flawed = bool(IMPLAUSIBLE_END.search(lw) or self.flaw(lw))
        # evidence for the word as it stands (its own occurrences count once less: it is one of them)
        base = {2: 2.0, 1: 1.5, 0: 0.0}[own]
        e_own = base + 0.7 * min(f - 1, 3)
        if flawed:
            own, base, e_own = 0, base - 1.5, e_own - 1.5
        if own and native_bad:
            base, e_own = base - 0.9, e_own - 0.9
        cons_bad = not loan and not native_bad and not consonants_ok(lw)
        if own and cons_bad:
            base, e_own = base - 0.5, e_own - 0.5
        if name or abbrev:
            base, e_own = base + 1.0, e_own + 1.0
        if loan:
            base, e_own = base + 0.5, e_own + 0.5
        if e_own >= 2.6 and own == 2:
            # a dictionary word is still suspect when a one-letter neighbour is far more common in this
            # text (кун beside күні, күнге, күндер …)
            if f > 1 or not any(self.dominates(lw, c, p) for c, (p, _) in _edits1(lw).items()):
                return None
        elif e_own >= 2.6 and not (own == 1 and f > 1 and not (name or abbrev) and any(
                self.freq.get(c) and self.lex.spell(c) for c in _edits1(lw))):
            return None  # well attested, unless the text also spells it another, dictionary way
        max_edits = 2 if own < 2 and f == 1 and len(lw) <= 14 or own == 0 else 1
        best = None
        cands = _edits(lw, max_edits, self.starts if own else None)
        # not for a well-formed word the suffix rules explain (жазында: жаз-ы-нда), unless its sounds are not
        # Kazakh (птырып: no native word begins пт-)
        if (own == 0 or native_bad or cons_bad or _ONSET_CLUSTER.match(lw)) and not (name or abbrev):
            for cand in self.common_neighbours(lw):
                cands.setdefault(cand, (COMMON_NEIGHBOUR_PRIOR, f"{lw[_diff_pos(lw, cand)]}→{cand[_diff_pos(lw, cand)]}"
                                        ", one letter from a word the text uses often"))
        for cand, (prior, why) in cands.items():
            structural = why.startswith("extra") or why.endswith("transposed")
            if own and ("," in why or structural) and not (cand in self.starts and (
                    self.freq.get(cand, 0) >= 2 and not structural or self.dominates(lw, cand, 1.0))):
                continue  # a word the suffix rules explain: two changes only towards a word the text uses
            if abbrev and not self.freq.get(cand, 0):
                continue  # an abbreviation is corrected only towards one the text uses elsewhere
            structural = why.startswith("extra") or why.endswith("transposed")
            if structural and (name or abbrev):
                continue
            if name and not self.freq.get(cand, 0) and not self.lex.spell(_match_case(word, cand)):
                continue
            if name and "," in why and not self.freq.get(cand, 0):
                continue  # names are the least foreseeable words: two changes only towards one the text uses
            e_c = self.evidence(cand)
            if e_c <= 0.5 or structural and (e_c < 2.0 or self.family(cand) < 2):
                continue  # an inserted or swapped letter is only undone towards a word of the text
            if not looks_loan(cand) and not harmony_ok(cand):
                e_c -= 0.8
            elif native_bad:
                e_c += 0.6
            if self.flaw(cand):
                e_c -= 1.2
            if not consonants_ok(cand) and not (looks_loan(cand) or self.lex.loan_stem(cand)):
                e_c -= 0.6
            elif cons_bad:
                e_c += 0.6  # the reading restores the consonant harmony the word breaks (киын → қиын)
            # for a word the dictionary lacks, a weaker confusion (a letter too many) is enough
            dominant = f == 1 and self.dominates(lw, cand, prior if own == 2 else max(prior, 0.7))
            if dominant:
                e_c += 1.0
            if self.lm is not None:  # a reading the edition's letters make unlikely as a word loses evidence
                e_c += LM_VETO * max(-LM_VETO_CAP, min(0.0, self.word_delta(lw, cand)))
            e_ref = e_own
            if own == 1 and f > 1 and not (name or abbrev) and self.freq.get(cand, 0) and self.lex.spell(cand):
                e_ref = base  # the text spells the word both ways and the dictionary knows only the other
            score = prior * _sigmoid(1.6 * (e_c - e_ref) - 1.2)
            if own == 2 and not native_bad and not dominant:
                score *= 0.6  # a dictionary word: only a hint
            d = _diff_pos(lw, cand)
            if (own and self.lex.known(cand) and d >= len(lw) - 4 and not native_bad
                    and not dominant):
                score *= 0.35  # two grammatical endings of one stem: the dictionary cannot decide
            if dominant and len(lw) <= 3:
                score *= 0.6  # a short dictionary word: its neighbour's frequency proves less
            if d == len(lw) - 1 and {lw[-1], cand[-1]} == {"н", "ң"}:
                score *= 0.4  # final -н (accusative) or -ң (genitive, 2nd person): grammar, not OCR shape
            if best is None or score > best[1]:
                best = (_match_case(word, cand), score, why)
        if best and best[1] >= 0.05:
            return best
        return None

    def real_words(self, done: set[tuple[int, int]]) -> list[OcrItem]:
        """Real-word errors: a word of the language standing where a one-confusion neighbour, also a word the
        text uses, reads better in its context (туп тамырына → түп). Noisy channel: the log-odds of the
        reading are log P(context with it) - log P(context as written) + log(confusion prior), P being the
        character model of the proofread edition over the word and the letters around it; the confidence
        is their sigmoid scaled by LM_HINT_CAP (what the development half says such a reading is worth)."""
        from tools.assist.charlm import normalise

        out = []
        for t in self.toks:
            w = t.text
            lw = w.lower()
            if len(lw) < 3 or not CYR.search(lw) or self.frozen(t):
                continue
            b = self.src.blocks[t.block]
            if w[0].isupper() and (len(w) > 1 and w.isupper() or not self.sentence_initial(b, t.i)):
                continue  # names and abbreviations: the model knows too little of them
            s, e = b.span(t.i, t.j)
            if (s, e) in done or self.freq[lw] > LM_HINT_MAXFREQ or not self.lex.known(lw):
                continue  # already judged; written the same way three times, it is what the text means
            if t.i > 0 and b.text[t.i - 1] in "-–":
                continue  # an ending after a hyphen (АССР-нен, нэп-тің): not a word of its own
            norm = self._norm.get(t.block)
            if norm is None:
                norm = self._norm[t.block] = normalise(b.text)
            best = None
            for cand, (prior, why) in _edits1(lw).items():
                if cand not in self.starts or not self.family(cand) or not self.lex.spell(cand):
                    continue  # cheapest first: the text must begin a word so, then use it, then hunspell
                if (self.flaw(cand) or _diff_pos(lw, cand) >= len(lw) - 1 and {lw[-1], cand[-1]} in GRAMMATICAL_FINALS
                        or not looks_loan(cand) and not harmony_ok(cand)):
                    continue  # a word this text uses, of sound shape; not a grammatical final (-н/-п/-ң)
                score = self.lm.delta(norm, t.i, t.j, cand) + math.log(prior)
                if best is None or score > best[0]:
                    best = (score, cand, why)
            if best:
                conf = LM_HINT_CAP * _sigmoid(best[0])
                if conf >= 0.05:
                    out.append(self.item(t, t.i, t.j, w, _match_case(w, best[1]), conf,
                                         f"{best[2]}, reads better in context"))
        return out

    def common_neighbours(self, w: str) -> list[str]:
        """Dictionary words this text writes at least COMMON_NEIGHBOUR_MINFREQ times that differ from `w` in one
        letter of its first part, whatever the letters: a slip the confusion table does not foresee
        (птырып for отырып: о and п are neither alike nor neighbours on the keyboard) is still undone when
        the word meant is one of the text's own common words. The last three letters are left out: two
        forms differing there are two grammatical endings (өсуі, өсті; басын, басып), not a slip."""
        if self._wild is None:
            self._wild = {}
            for x, n in self.freq.items():
                if n >= COMMON_NEIGHBOUR_MINFREQ and len(x) >= 4 and self.lex.spell(x):
                    for i in range(len(x) - 3):
                        self._wild.setdefault((x[:i], x[i + 1:]), []).append(x)
        return [x for i in range(len(w) - 3) for x in self._wild.get((w[:i], w[i + 1:]), ()) if x != w]

    def word_delta(self, w: str, cand: str) -> float:
        """log P(" cand ") - log P(" w ") under the character model: its view of the two as words."""
        key = (w, cand)
        r = self._wdelta.get(key)
        if r is None:  # both lower-case words already: nothing to normalise
            r = self.lm.delta(" " + w + " ", 1, 1 + len(w), cand)
            self._wdelta[key] = r
        return r

    def family(self, w: str) -> int:
        """Occurrences in the text of `w` and of `w` followed by suffixes (its inflections)."""
        r = self._family.get(w)
        if r is None:
            r = sum(n for x, n in self.by_prefix.get(w[:3], ()) if x.startswith(w) and self.suffix_chain(x[len(w):]))
            self._family[w] = r
        return r

    def dominates(self, w: str, cand: str, prior: float) -> bool:
        """Is the known word `cand`, a likely confusion of `w`, used far more often in this text than `w`?
        Not for a last letter that is itself a grammatical ending (-н/-п/-ң/-қ: басын, басып)."""
        d = _diff_pos(w, cand)
        if prior < 0.7 or d == len(w) - 1 and {w[-1], cand[-1]} in GRAMMATICAL_FINALS:
            return False
        fc = self.family(cand)
        return fc >= 5 and fc >= 5 * max(1, self.family(w)) and self.lex.known(cand) > 0

    def splits(self) -> list[OcrItem]:
        """Words split by a space ("совет тік") or after a hyphen ("ОК- нің")."""
        out = []
        for a, b in zip(self.toks, self.toks[1:]):
            if a.block != b.block or self.frozen(a) or self.frozen(b):
                continue
            blk = self.src.blocks[a.block]
            gap = blk.text[a.j:b.i]
            if gap not in (" ", "- "):
                continue
            lb = b.text.lower()
            if gap == "- ":
                abbrev = a.text.isupper() or blk.text[a.j - 1:a.j].isdigit()
                if (lb in SPLIT_SUFFIXES or re.fullmatch(r"[іы]?(н|ң|ні|нің|ның|не|на|нде|нда|нен|нан)", lb)
                        or abbrev and b.text.islower() and len(lb) <= 5 and self.suffix_chain(lb)):
                    text = blk.text[a.i:b.j]
                    out.append(self.item(a, a.i, b.j, text, a.text + "-" + b.text, 0.85, "space after hyphen"))
                continue
            joined = (a.text + b.text).lower()
            if not CYR.search(joined) or b.text[0].isupper() or len(a.text) < 3:
                continue
            why = "word split by a space"
            if lb not in SPLIT_SUFFIXES:
                # a split-off ending misread too (адам га): only a suffix after a known lower-case word
                fixed = next((c for c, (p, _) in _edits1(lb).items() if p >= 0.5 and c in SPLIT_SUFFIXES), None)
                if (not fixed or len(lb) > 3 or self.lex.spell(lb) and lb not in self.lex.extra
                        or not a.text.islower() or not self.lex.known(a.text.lower())):
                    continue
                joined = a.text.lower() + fixed
                if not self.lex.known(joined) or not harmony_ok(joined):
                    continue
                text = blk.text[a.i:b.j]
                out.append(self.item(a, a.i, b.j, text, a.text + fixed, 0.5, "word split by a space, ending misread"))
                continue
            e = self.evidence(joined)
            if e < 2.0 or (not looks_loan(joined) and not harmony_ok(joined)):
                continue
            conf = min(0.9, 0.3 + 0.25 * e)
            text = blk.text[a.i:b.j]
            out.append(self.item(a, a.i, b.j, text, a.text + b.text, conf, why))
        out.extend(self.spaced_abbreviations())
        out.extend(self.year_word_forms())
        return out

    def digits_in_words(self) -> list[OcrItem]:
        """Digits read for letters inside a word (0 for о, 3 for з, 6 for б, 1 for і): "к0мір", "қа3ақ".
        A number with its ending (1930-жылы, 20-шы, 5мың) is not one: the digit must touch letters on both
        sides, or begin a word of three or more letters that the lexicon knows once mended."""
        out = []
        for bi, blk in enumerate(self.src.blocks):
            for m in _DIGIT_WORD.finditer(blk.text):
                w = m.group()
                if any(blk.frozen[m.start():m.end()]) or sum(c.isdigit() for c in w) > 2:
                    continue
                inner = re.search(r"[^\W\d_][0136][^\W\d_]", w)
                lead = re.fullmatch(r"[0136][^\W\d_]{3,}", w)
                if not (inner or lead) or any(c.isdigit() and c not in _DIGIT_LETTER for c in w):
                    continue

                readings = ["".join(r) for r in itertools.product(*(_DIGIT_LETTER.get(c, c) for c in w))]
                if w[0].isdigit() and w[1:2].isupper():
                    readings = [r.upper() for r in readings]
                scored = [(bool(self.lex.known(r.lower()) or self.freq.get(r.lower(), 0)), r) for r in readings]
                known, fixed = max(scored, key=lambda x: x[0])
                if lead and not known:
                    continue
                tok = _Tok(bi, m.start(), m.end(), w)
                out.append(self.item(tok, m.start(), m.end(), w, fixed, 0.9 if known else 0.6,
                                     "digit for a letter"))
        return out

    def headless_genitives(self) -> list[OcrItem]:
        """-ң for -қ/-к: a genitive (ұлттың) needs a possessive head (ұлттың мәселесі); before a word
        without one (ұлттың мемлекеттілікті, облыстың губерниялық) the adjective in -қ/-к is meant, when
        the text uses that adjective elsewhere."""
        out = []
        if len(self.toks) < 2:
            return out
        for a, b, c in zip(self.toks, self.toks[1:], self.toks[2:] + [self.toks[-1]]):
            lw = a.text.lower()
            if c is not b and c.block == b.block and _POSSESSED.search(c.text):
                continue  # the head may be the word after next (мемлекеттің колхоз құрылысына)
            if (a.block != b.block or not lw.endswith(("ың", "ің")) or len(lw) < 5 or self.frozen(a)
                    or self.src.blocks[a.block].text[a.j:b.i] != " " or not b.text.islower()):
                continue
            cand = lw[:-1] + ("қ" if harmony_ok(lw) and any(c in BACK for c in lw) else "к")
            if self.freq.get(cand, 0) < 3 or _POSSESSED.search(b.text) or len(b.text) < 4:
                continue
            out.append(self.item(a, a.i, a.j, a.text, _match_case(a.text, cand), 0.5,
                                 "genitive without a possessive head"))
        return out

    def objects_of_passives(self) -> list[OcrItem]:
        """An accusative right before a passive verb: a passive (құр-ыл-ды, бер-іл-ген) takes no direct
        object, so the noun before it is its subject, in the nominative or with a possessive ending
        ("жәрдемдесу комитетті құрылды" → комитеті). Proposed only when the possessive form is one
        letter away (a doubled or an inserted consonant: комитет+ті for комитет+і, жер+ді for жер+і) and a
        word the lexicon knows. The passive is recognised by -ыл/-іл after a consonant-final verb root the
        dictionary knows (ауылды, мезгілді are nouns: their "roots" ау, мезг are no verbs). Stems shorter
        than four letters are left alone: қатты ("hard"), an adverb, is no accusative of қат."""
        out = []
        for a, b in zip(self.toks, self.toks[1:]):
            if a.block != b.block or self.frozen(a) or self.src.blocks[a.block].text[a.j:b.i] != " ":
                continue
            lb, la = b.text.lower(), a.text.lower()
            m = _PASSIVE.search(lb)
            if not m or len(lb) < 7 or not a.text.islower():
                continue
            root = lb[:m.start()]
            if len(root) < 3 or root[-1] in VOWELS or not self.lex.spell(root):
                continue
            acc = _ACCUSATIVE_DT.search(la)
            if not acc or len(la) < 5:
                continue
            stem = la[:acc.start()]
            cand = stem + la[-1]  # the possessive: the accusative's consonant was one too many
            if (len(stem) < 4 or not self.lex.spell(stem) or not self.lex.known(cand)
                    or _allomorph_wanted(stem[-1], "н", "мнң") != la[-2]):
                continue  # not an accusative of a known noun (a verb in -ды/-ті, an adjective in -ді)
            out.append(self.item(a, a.i, a.j, a.text, cand, PASSIVE_OBJECT_CONF,
                                 "an accusative before a passive verb: its subject is meant"))
        return out

    def second_person_endings(self) -> list[OcrItem]:
        """-ың/-ің after a participle (болмайтының, алғаның): the genitive of a participle is -ның/-нің
        (болмайтынның), so what is written is the 2nd-person possessive ("your not being"), which an
        encyclopedia's third-person prose does not use; the accusative -ын/-ін, ң read for н, is meant.
        Not when the next word bears a possessive ending (a genitive that lost its н may be meant then) or
        when the text speaks to someone as сен (сенің, саған …)."""
        out = []
        if any(t.text.lower() in _SECOND_PERSON for t in self.toks):
            return out
        for a, b in zip(self.toks, self.toks[1:] + [None]):
            la = a.text.lower()
            m = _PARTICIPLE_2SG.search(la)
            if not m or self.frozen(a) or not a.text.islower():
                continue
            root = la[:m.start() + (1 if la[m.start()] in VOWELS else 0)]  # ал|атын, болма|йтын, ал|ған
            if not (self.lex.spell(root) or root[-2:] in _NEGATIVE and self.lex.spell(root[:-2])):
                continue  # no verb root before the "participle": a noun (комитет-і-нің, өкімет-і-нің)
            if b is not None and b.block == a.block and _POSSESSED.search(b.text.lower()):
                continue
            cand = la[:-1] + "н"
            if not self.lex.known(la[:-2]):
                continue
            out.append(self.item(a, a.i, a.j, a.text, _match_case(a.text, cand), SECOND_PERSON_CONF,
                                 "2nd-person ending on a participle: the accusative -ын/-ін is meant"))
        return out

    def light_verbs_without_nominal(self) -> list[OcrItem]:
        """ет- ("do") is a light verb: it makes a verb of the bare noun before it (талап етті, әсер етеді).
        After a noun with a 3rd-person possessive ending (конференциясы, съезі) it has none, and that noun
        is the subject of an intransitive verb: өт- ("took place", конференциясы өтті), е read for ө. The one
        construction where a possessive noun does stand before ет- ("made X its chairman": оны комитет
        төрағасы етті) has an accusative object, so a sentence with an accusative before the verb is left
        alone, and so is a possessive noun after a bare one (комитет төрағасы)."""
        out = []
        for k in range(1, len(self.toks)):
            t, prev = self.toks[k], self.toks[k - 1]
            lw = t.text.lower()
            if lw not in _LIGHT_FINITE or prev.block != t.block or self.frozen(t):
                continue
            blk = self.src.blocks[t.block]
            lp = prev.text.lower()
            if blk.text[prev.j:t.i] != " " or not _POSSESSIVE_3.search(lp) or not self.lex.known(lp):
                continue
            cand = "ө" + lw[1:]
            if not self.lex.spell(cand):
                continue
            # the sentence before the verb: no accusative object, no bare noun right before the possessive
            start = max(blk.text.rfind(". ", 0, prev.i), blk.text.rfind("; ", 0, prev.i), -1)
            before = [x for x in self.toks[:k - 1] if x.block == t.block and x.i > start]
            if any(_ACCUSATIVE.search(x.text.lower()) and len(x.text) > 3 for x in before):
                continue
            if before and before[-1].j + 1 == prev.i and before[-1].text.islower() and self.lex.spell(before[-1].text.lower()) \
                    and not re.search(r"(?:[ыі]қ|[ыі]к|л[ыі]|д[ыі]|т[ыі]|[ыі]н|ғы|гі|қы|кі)$", before[-1].text.lower()):
                continue  # a bare noun before the possessive (комитет төрағасы): an izafet, maybe "made X …"
            out.append(self.item(t, t.i, t.j, t.text, _match_case(t.text, cand), LIGHT_VERB_CONF,
                                 "ет- after a possessive subject: өт- (took place) is meant"))
        return out

    def spaced_abbreviations(self) -> list[OcrItem]:
        """Party abbreviations broken by spaces around a parenthesis ("РК (б) П", "РК(б) П") where the text
        writes the same abbreviation without spaces elsewhere."""
        out = []
        compact = Counter()
        for blk in self.src.blocks:
            compact.update(m.group() for m in _PAREN_ABBR.finditer(blk.text) if " " not in m.group())
        for bi, blk in enumerate(self.src.blocks):
            for m in _PAREN_ABBR.finditer(blk.text):
                if " " not in m.group() or any(blk.frozen[m.start():m.end()]):
                    continue
                fixed = m.group().replace(" ", "")
                conf = 0.85 if compact[fixed] else 0.4
                out.append(self.item(_Tok(bi, m.start(), m.end(), m.group()), m.start(), m.end(), m.group(),
                                     fixed, conf, "abbreviation split by a space"))
        return out


    def year_word_forms(self) -> list[OcrItem]:
        """Forms of "жыл" that Kazakh grammar does not allow where they stand, whatever the text:
        a range of years as a time adverbial needs the possessive ("1926-1929 жылдар Советтердің" →
        жылдары; "жылдар бойы/ішінде" is fine); a decade is plural ("20 жылдың орта шенінде" → жылдардың);
        the beginning or end of a year is in the genitive ("1930 жылы басында" → жылдың). And a lone "ден"
        or "дан" is only a suffix, never a word: in running text it is "деп" keyed with н for п."""
        out = []
        for bi, blk in enumerate(self.src.blocks):
            text = blk.text
            for rx, fix, conf, why in _YEAR_FORM_RULES:
                for m in rx.finditer(text):
                    i, j = m.span("w")
                    if any(blk.frozen[i:j]):
                        continue
                    out.append(self.item(_Tok(bi, i, j, m.group("w")), i, j, m.group("w"), fix, conf, why))
        return out


_DIGIT_LETTER = {"0": "оө", "3": "з", "6": "б", "1": "і"}
_DIGIT_WORD = re.compile(r"(?<![\w-])(?=\w*[а-яәіңғүұқөһ])(?=\w*\d)\w+(?![\w-])", re.I)

_YEAR_FORM_RULES = [
    (re.compile(r"\b1[6-9]\d\d\s*[-–]\s*(?:1[6-9])?\d\d\s+(?P<w>жылдар)(?=\s+(?!бойы|ішінде|аралығында|арасында)\w)"),
     "жылдары", 0.55, "year range as a time adverbial needs the possessive"),
    (re.compile(r"(?<![\d.,])\b[1-9]0\s+(?P<w>жылдың)\b"), "жылдардың", 0.5, "a decade is plural"),
    (re.compile(r"\b1[6-9]\d\d\s+(?P<w>жылы)(?=\s+(?:басында|аяғында|ортасында)\b)"), "жылдың", 0.55,
     "beginning/end of a year takes the genitive"),
    (re.compile(r"(?<=\s)(?P<w>[дт][ае]н)(?=\s+\w)"), "деп", 0.4, "a suffix standing alone: деп keyed as ден"),
]


def suggest_ocr(path: Path | str, min_confidence: float = 0.0,
                knowledge: EditionKnowledge | None = None) -> list[OcrItem]:
    """Likely OCR/keying errors in a plain-text witness or a TEI file, in reading order. `knowledge`: what a
    proofread edition teaches (`learn_from_edition`): its words join the lexicon, its corrections of
    non-words are proposed wherever the same non-word recurs."""
    src = load(path)
    return suggest_ocr_source(src, min_confidence, knowledge)


def suggest_ocr_source(src: Source, min_confidence: float = 0.0,
                       knowledge: EditionKnowledge | None = None) -> list[OcrItem]:
    items = _Finder(src, knowledge).run()
    return [it for it in items if it.confidence >= min_confidence]
