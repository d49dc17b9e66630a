"""Name tagger for Kazakh text: mentions of the registers' persons, places and organisations
(`tools tag names`).

How it works. The registers are the `<listPerson>`, `<listPlace>` and `<listOrg>` of a TEI file: every
`persName`/`placeName`/`orgName` of an entry (English ones left out) is a *pattern*, a sequence of tokens; a
document's own tagged mentions (`<persName ref="#x">Ильичтің</persName>`) add their forms to the entry they
point to. A mention in the text is a run of tokens that equals a pattern, except that its last token may
carry Kazakh endings: plural, possessive and case, in any of their harmonic and assimilated shapes
(Меңдешевке, Губкинмен, Қосшы одақтарының, МТС-терге, Қызылордадағы), with the stem's final қ/к/п voiced
before a vowel (одақ → одағы). Comparison is made twice: on the letters as they are, and on a *folded* form
that reads Kazakh letters as their Russian counterparts (ә→а, қ→к, ң→н, ұ/ү→у, і→и, ғ→г, дж→ж), so that the
Russian spellings of Kazakh names are found (Рыскулов, Мендешев, Джансугуров) at a lower confidence.

Persons are found from the surname: the surname with its endings, then the initials (С., С.М., С. М.) or the
given names in front of it are taken into the mention when they fit the entry; initials that do not fit
lower the confidence (another person of that surname). A surname one letter away from a register's (a
Russian form: Джансугуров for Жансүгіров) is a mention at lower confidence. Where two entries share a form,
the mention goes to the first and its confidence drops, the others listed as alternatives. A one-word name
that is also a common word (Қазақ, Жарлы) counts only when capitalised inside a sentence.

Capitalised words inside a sentence that no register explains are listed as *candidates* for new entries
(with initials in front they are likely persons). Text already inside persName/placeName/orgName is left as
it is.

    regs = load_registers(Path("edition.xml"))
    items = tag_names("article.xml", regs)   # NameItem(line, column, text, kind, ref, confidence, …)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.assist.textsource import Block, Source, load
from tools.core.errors import EXIT_USAGE, ToolError

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
KINDS = {"person": "persName", "place": "placeName", "org": "orgName"}
ELEMENT_KIND = {"persName": "person", "placeName": "place", "orgName": "org"}
ELEMENTS = KINDS  # kind -> the element --apply writes

# ---------------------------------------------------------------- Kazakh endings

_PLURAL = ["лар", "лер", "дар", "дер", "тар", "тер"]
_POSS3 = ["ы", "і", "сы", "сі"]
_POSS_OTHER = ["ым", "ім", "м", "ың", "ің", "ң", "ымыз", "іміз", "мыз", "міз"]
_CASE = ["ның", "нің", "дың", "дің", "тың", "тің",          # genitive
         "ға", "ге", "қа", "ке",                             # dative
         "ны", "ні", "ды", "ді", "ты", "ті",                  # accusative
         "да", "де", "та", "те",                             # locative
         "дан", "ден", "тан", "тен", "нан", "нен",           # ablative
         "мен", "бен", "пен",                                # instrumental
         "дағы", "дегі", "тағы", "тегі"]                     # locative-attributive
# after a possessive the cases take the pronominal н: одағының, одағына, одағын, одағында, одағынан
_CASE_AFTER_POSS = ["ның", "нің", "на", "не", "н", "нда", "нде", "нан", "нен", "мен", "ндағы", "ндегі"]
_CASE_AFTER_POSS_2 = ["ның", "нің", "ға", "ге", "н", "да", "де", "дан", "ден", "мен", "дағы", "дегі"]  # -ым, -ың …


def _endings() -> set[str]:
    out = set(_CASE) | set(_PLURAL) | set(_CASE_AFTER_POSS)  # the last for names that end in a possessive
    for p in _POSS3:
        out.add(p)
        out.update(p + c for c in _CASE_AFTER_POSS)
    for p in _POSS_OTHER:
        out.add(p)
        out.update(p + c for c in _CASE_AFTER_POSS_2)
    for pl in _PLURAL:
        out.update(pl + c for c in _CASE)
        v = "ы" if "а" in pl else "і"
        out.add(pl + v)
        out.update(pl + v + c for c in _CASE_AFTER_POSS)
    # a vowel-final stem takes the genitive/accusative/dative in н-/ға-: given by _CASE already
    return out


ENDINGS = _endings()
_MAX_END = max(map(len, ENDINGS))
_VOICE = {"ғ": "қ", "г": "к", "б": "п"}  # stem-final consonant voiced before a vowel-initial ending

# ---------------------------------------------------------------- folding

_FOLD = str.maketrans({"ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х",
                       "і": "и", "ё": "е", "э": "е", "ъ": None, "ь": None,
                       # Latin lookalikes
                       "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "и",
                       "k": "к", "h": "н", "m": "м", "t": "т", "b": "в"})


def fold(s: str) -> str:
    """Kazakh letters read as their Russian counterparts, lower case (for Russian spellings of names)."""
    return s.lower().translate(_FOLD).replace("дж", "ж")


# ---------------------------------------------------------------- tokens

# an initial (С.), or a word with inner hyphens and an abbreviation's inner parenthesis (РК(б)П-нің)
_TOKEN = re.compile(r"(?<!\w)[^\W\d_]\.|\w+(?:\(\w+\)\w*)*(?:[-‐]\w+(?:\(\w+\)\w*)*)*")


@dataclass
class Tok:
    block: int
    i: int
    j: int
    text: str


def tokens(s: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(s)]


def _is_initial(t: str) -> bool:
    return len(t) == 2 and t[1] == "." and t[0].isupper()


def _capital(t: str) -> bool:
    return t[:1].isupper()


def _abbrev(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 and t[:2].isupper()


# ---------------------------------------------------------------- registers

@dataclass
class Entry:
    id: str
    kind: str                 # person | place | org
    names: list[str]
    label: str = ""


@dataclass
class Registers:
    entries: list[Entry]
    path: Path | None = None
    texts: tuple[str, ...] = ()   # the register file's running text (what it writes in lower case)

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


def load_registers(path: Path | str, mentions: bool = True) -> Registers:
    """The entries of listPerson/listPlace/listOrg in a TEI file; with `mentions`, the forms of the file's own
    tagged mentions (persName/placeName/orgName with @ref inside <text>) are added to their entries."""
    from tools.core.xmlsafe import parse_file

    tree = parse_file(Path(path))
    entries: dict[str, Entry] = {}
    for kind, el in (("person", "person"), ("place", "place"), ("org", "org")):
        for ent in tree.iter(TEI + el):
            eid = ent.get("{http://www.w3.org/XML/1998/namespace}id")
            if not eid:
                continue
            names = []
            for nm in ent:
                if not isinstance(nm.tag, str) or nm.tag != TEI + KINDS[kind]:
                    continue
                if (nm.get(XML_LANG) or "kk").split("-")[0] not in ("kk", "ru"):
                    continue
                txt = re.sub(r"\s+", " ", "".join(nm.itertext())).strip()
                if txt and txt not in names:
                    names.append(txt)
            if names:
                entries[eid] = Entry(eid, kind, names, names[0])
    text = tree.find(f".//{TEI}text")
    running = ("".join(text.itertext()),) if text is not None else ()
    if mentions:
        if text is not None:
            for tag, kind in ELEMENT_KIND.items():
                for el in text.iter(TEI + tag):
                    ref = (el.get("ref") or "").split()
                    if len(ref) != 1 or not ref[0].startswith("#") or ref[0][1:] not in entries:
                        continue
                    txt = re.sub(r"\s+", " ", _reading(el)).strip()
                    e = entries[ref[0][1:]]
                    if txt and txt not in e.names:
                        e.names.append(txt)
    return Registers(list(entries.values()), Path(path), running)


def _reading(el) -> str:
    """Text of an element with <choice> read as its correction, notes left out."""
    out = [el.text or ""]
    for c in el:
        if not isinstance(c.tag, str):
            out.append(c.tail or "")
            continue
        name = c.tag.split("}")[-1]
        if name == "choice":
            pick = next((c.find(TEI + k) for k in ("corr", "reg", "expan") if c.find(TEI + k) is not None), None)
            if pick is None and len(c):
                pick = c[0]
            out.append("".join(pick.itertext()) if pick is not None else "")
        elif name != "note":
            out.append(_reading(c))
        out.append(c.tail or "")
    return "".join(out)


def has_registers(path: Path) -> bool:
    data = path.read_bytes()
    return any(t in data for t in (b"<listPerson", b"<listPlace", b"<listOrg"))


# ---------------------------------------------------------------- matching

@dataclass
class NameItem:
    line: int
    column: int
    text: str
    kind: str                 # person | place | org | candidate
    ref: str | None           # "#pers.x", or None for a candidate
    confidence: float
    reason: str = ""
    alternatives: list[str] = field(default_factory=list)
    start: int = field(default=0, repr=False)   # offsets in the decoded file, for --apply
    end: int = field(default=0, repr=False)

    def as_dict(self) -> dict:
        d = {"line": self.line, "column": self.column, "text": self.text, "kind": self.kind, "ref": self.ref,
             "confidence": self.confidence, "reason": self.reason}
        if self.alternatives:
            d["alternatives"] = self.alternatives
        return d


@dataclass
class _Pattern:
    entry: Entry
    toks: list[str]           # as in the register
    ftoks: list[str]          # folded
    common: bool = False      # a one-word name that is also a common word


@dataclass
class _Match:
    block: int
    a: int                    # first token index (in the block's token list)
    b: int                    # last token index + 1
    entry: Entry
    conf: float
    reason: str
    alternatives: list[str] = field(default_factory=list)


def split_ending(word: str, stem_candidates) -> tuple[str, str] | None:
    """(stem, ending) when `word` is one of `stem_candidates` (a predicate on a stem) plus Kazakh endings."""
    if stem_candidates(word):
        return word, ""
    w = word
    for k in range(1, min(_MAX_END, len(w) - 1) + 1):
        stem, end = w[:-k], w[-k:]
        hyphen = stem.endswith("-")
        if hyphen:
            stem = stem[:-1]
        if end.lower() not in ENDINGS:
            continue
        if stem_candidates(stem):
            return stem, end
        if end[0].lower() in "аеыіоөұүәуи" and stem and stem[-1].lower() in _VOICE:
            base = stem[:-1] + _match_case(stem[-1], _VOICE[stem[-1].lower()])
            if stem_candidates(base):
                return base, end
    return None


def _match_case(model: str, ch: str) -> str:
    return ch.upper() if model.isupper() else ch


def _poss_base(word: str) -> str | None:
    """The base of an org name's last word that carries a 3rd-person possessive (одағы → одақ,
    комитеті → комитет, бюросы → бюро), for its plural and case forms (одақтарының)."""
    lw = word.lower()
    for p in ("сы", "сі", "ы", "і"):
        if lw.endswith(p) and len(lw) - len(p) >= 3:
            stem = word[:-len(p)]
            if p in ("ы", "і") and stem[-1].lower() in _VOICE:
                stem = stem[:-1] + _match_case(stem[-1], _VOICE[stem[-1].lower()])
            if p in ("ы", "і") and stem[-1].lower() in "аеыіоөұүәуи":
                continue
            return stem
    return None


class Tagger:
    def __init__(self, registers: Registers, common_words: set[str] = frozenset()):
        self.regs = registers
        self.common_words = common_words
        self.patterns: list[_Pattern] = []
        self.by_first: dict[str, list[_Pattern]] = {}
        self.surnames: dict[str, list[tuple[Entry, str]]] = {}   # folded surname -> entries
        self.given: dict[str, set[str]] = {}                      # entry id -> folded given names/initials
        for e in registers.entries:
            for name in e.names:
                toks = [t for _, _, t in tokens(name)]
                if not toks:
                    continue
                p = _Pattern(e, toks, [fold(t) for t in toks])
                if len(toks) == 1 and not _abbrev(toks[0]) and self._common(toks[0]):
                    p.common = True
                self.patterns.append(p)
                self.by_first.setdefault(p.ftoks[0], []).append(p)
                if len(toks) == 1:  # a one-token name may be inflected with a hyphen or without
                    self.by_first.setdefault(fold(_stem_key(toks[0])), []).append(p)
                if e.kind == "person":
                    sur = toks[-1]
                    if not _is_initial(sur):
                        self.surnames.setdefault(fold(sur), [])
                        if all(x[0] is not e for x in self.surnames[fold(sur)]):
                            self.surnames[fold(sur)].append((e, sur))
                        g = self.given.setdefault(e.id, set())
                        for t in toks[:-1]:
                            g.add(fold(t.rstrip(".")))
                            g.add(fold(t[0]))
        # forms with the possessive stripped, for org names (Қосшы одағы → Қосшы одақ-тарының)
        extra = []
        for p in self.patterns:
            if p.entry.kind == "org" and len(p.toks) >= 2:
                base = _poss_base(p.toks[-1])
                if base:
                    extra.append(_Pattern(p.entry, p.toks[:-1] + [base], p.ftoks[:-1] + [fold(base)]))
        self.patterns.extend(extra)

    def _common(self, word: str) -> bool:
        """Is a one-word name also an ordinary word (қазақ)? Yes when the texts at hand write it in lower
        case (a dictionary would not do: hunspell-kk accepts алматы, семей …)."""
        return word.lower() in self.common_words

    # -------------------------------------------------------- one block

    def block_matches(self, bi: int, blk: Block) -> tuple[list[_Match], list[tuple[int, int, str]]]:
        toks = tokens(blk.text)
        found: list[_Match] = []
        for k in range(len(toks)):
            found.extend(self._patterns_at(bi, blk, toks, k))
            found.extend(self._persons_at(bi, blk, toks, k))
        return found, toks

    def _patterns_at(self, bi, blk, toks, k) -> list[_Match]:
        out = []
        t0 = toks[k][2]
        keys = {fold(t0), fold(_stem_key(t0))}
        cands = [p for key in keys for p in self.by_first.get(key, ())]
        # the first token itself may carry the ending (a one-word name): look it up by its possible stems
        for cut in range(1, min(_MAX_END + 1, len(t0) - 1)):
            stem = t0[:-cut].rstrip("-")
            for key in (fold(stem), fold(stem[:-1] + _VOICE.get(stem[-1:].lower(), stem[-1:]))):
                for p in self.by_first.get(key, ()):
                    if len(p.toks) == 1:
                        cands.append(p)
        seen = set()
        for p in cands:
            if id(p) in seen:
                continue
            seen.add(id(p))
            n = len(p.toks)
            if k + n > len(toks):
                continue
            exact = True
            ok = True
            for m in range(n - 1):
                tt = toks[k + m][2]
                # inside a name any case goes; an org name of several words may be written in lower case
                if tt == p.toks[m] or ((m > 0 or p.entry.kind == "org") and tt.lower() == p.toks[m].lower()):
                    continue
                if fold(tt) == p.ftoks[m] and (m > 0 or _capital(tt) == _capital(p.toks[m])):
                    exact = False
                    continue
                ok = False
                break
            if not ok:
                continue
            if not _gap_ok(blk.text, toks[k:k + n]):
                continue
            last = toks[k + n - 1][2]
            want, fwant = p.toks[-1], p.ftoks[-1]
            cap_needed = _capital(want) and (n == 1 or p.entry.kind != "org")
            if cap_needed and not _capital(last):
                continue
            if n == 1 and not _capital(want) and _capital(last) is False and k == 0:
                pass
            hyphen_only = _abbrev(want)
            res = split_ending(last, lambda s: s == want or (n > 1 or s.isupper()) and s.lower() == want.lower())
            how = "exact"
            if res is None:
                res = split_ending(last, lambda s: fold(s) == fwant)
                how = "folded"
            if res is None:
                continue
            stem, end = res
            if hyphen_only and end and not last[len(stem):].startswith("-"):
                continue
            if not hyphen_only and end and last[len(stem):].startswith("-") and not _abbrev(stem):
                continue
            conf = 0.95 if (exact and how == "exact") else 0.7
            if p.common:
                initial = _sentence_initial(blk.text, toks[k][0])
                if initial or not _capital(toks[k][2]):
                    continue
                conf = min(conf, 0.6)
            if n == 1 and len(want) <= 3 and not _abbrev(want):
                conf = min(conf, 0.6)
            why = "register form" + ("" if how == "exact" and exact else ", Russian/folded spelling") + (
                f" + ending -{end.lstrip('-')}" if end else "")
            out.append(_Match(bi, k, k + n, p.entry, conf, why))
        return out

    def _persons_at(self, bi, blk, toks, k) -> list[_Match]:
        """A surname (exact, folded, or one letter away) with its endings, and the initials or given names
        before it."""
        t = toks[k][2]
        if not _capital(t) or _is_initial(t) or len(t) < 4:
            return []
        hit = None
        res = split_ending(t, lambda s: fold(s) in self.surnames)
        if res:
            stem, end = res
            entries = self.surnames[fold(stem)]
            exact = any(sur == stem for _, sur in entries)
            hit = (entries, end, 0.9 if exact else 0.75, "surname" if exact else "surname, Russian/folded spelling")
        else:
            hit = self._near_surname(t)
        if hit is None:
            return []
        entries, end, conf, why = hit
        # extend to the left: initials or given names
        a = k
        given: list[str] = []
        while a > 0:
            prev = toks[a - 1][2]
            if not _gap_ok(blk.text, [toks[a - 1], toks[a]]):
                break
            if _is_initial(prev):
                given.insert(0, fold(prev[0]))
                a -= 1
                continue
            if _capital(prev) and any(fold(prev) in self.given.get(e.id, ()) for e, _ in entries):
                given.insert(0, fold(prev))
                a -= 1
                continue
            break
        best = entries
        if given:
            fitting = [(e, s) for e, s in entries if all(g in self.given.get(e.id, ()) for g in given)]
            if fitting:
                best = fitting
                conf = min(0.97, conf + 0.05)
            else:
                conf, why = min(conf, 0.4), why + "; the initials fit no entry of this surname"
        elif len(entries) == 1 and not end and _sentence_initial(blk.text, toks[k][0]):
            conf = min(conf, 0.8)
        alts = [f"#{e.id}" for e, _ in best[1:]]
        if alts:
            conf = min(conf, 0.5)
        why += f" + ending -{end.lstrip('-')}" if end else ""
        return [_Match(bi, a, k + 1, best[0][0], conf, why, alts)]

    def _near_surname(self, word: str):
        """A surname one letter away (folded) from a register's: a Russian spelling (Джансугуров)."""
        fw = fold(word)
        for cut in range(0, min(_MAX_END, len(word) - 4) + 1):
            stem = word[:len(word) - cut] if cut else word
            end = word[len(word) - cut:] if cut else ""
            if end and end.lower() not in ENDINGS:
                continue
            fs = fold(stem)
            if len(fs) < 7:
                continue
            for sur, ents in self.surnames.items():
                if abs(len(sur) - len(fs)) <= 1 and sur[:2] == fs[:2] and _within_one(sur, fs):
                    return ents, end, 0.6, "surname one letter from the register's (Russian spelling?)"
        del fw
        return None


def _stem_key(t: str) -> str:
    return t.split("-")[0]


def _within_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(b)):
        if a == b[:i] + b[i + 1:]:
            return True
    return False


def _gap_ok(text: str, toks) -> bool:
    """Tokens of one name are separated by spaces only (initials may touch: С.М.Меңдешев)."""
    for (_, j, _t), (i, _, _u) in zip(toks, toks[1:]):
        gap = text[j:i]
        if gap.strip(" \u00a0()") and gap.strip(" \u00a0") not in ("-", "–"):
            return False
        if "\n" in gap:
            return False
    return True


def _sentence_initial(text: str, i: int) -> bool:
    k = i - 1
    while k >= 0 and text[k] in " \t«\"(„“":
        k -= 1
    return k < 0 or text[k] in ".!?:;…"


# ---------------------------------------------------------------- the tagger

def tag_names(path: Path | str, registers: Registers | None = None, candidates: bool = True) -> list[NameItem]:
    """Mentions of the registers' entries in a plain-text or TEI file, with candidates for new entries."""
    src = load(path)
    if registers is None:
        p = Path(path)
        if src.kind == "tei" and has_registers(p):
            registers = load_registers(p)
        else:
            raise ToolError(f"{path}: error: no registers: give --registers TEI (a file with listPerson, listPlace "
                            "or listOrg)", EXIT_USAGE)
    return tag_source(src, registers, candidates)


_LOWER_WORD = re.compile(r"(?<![\w-])[^\W\d_A-ZА-ЯӘІҢҒҮҰҚӨҺЁ][^\W\d_]*")


def lower_words(*texts: str) -> set[str]:
    """The words the texts write in lower case (what counts as an ordinary word)."""
    out: set[str] = set()
    for t in texts:
        out.update(m.group() for m in _LOWER_WORD.finditer(t))
    return out


def tag_source(src: Source, registers: Registers, candidates: bool = True) -> list[NameItem]:
    texts = [b.text for b in src.blocks] + list(registers.texts)
    tagger = Tagger(registers, lower_words(*texts))
    items: list[NameItem] = []
    for bi, blk in enumerate(src.blocks):
        found, toks = tagger.block_matches(bi, blk)
        chosen: list[_Match] = []
        # longest first, then the most confident; no overlaps
        for m in sorted(found, key=lambda m: (-(toks[m.b - 1][1] - toks[m.a][0]), -m.conf)):
            if any(m.a < c.b and c.a < m.b for c in chosen):
                continue
            i, j = toks[m.a][0], toks[m.b - 1][1]
            if any(blk.in_name[i:j]) or not _edges_ok(blk, i, j):
                continue
            # another entry with the very same span and confidence: ambiguous
            same = [x for x in found if (x.a, x.b) == (m.a, m.b) and x.entry is not m.entry]
            if same:
                m.alternatives = sorted({*m.alternatives, *(f"#{x.entry.id}" for x in same)})
                m.conf = min(m.conf, 0.5)
            chosen.append(m)
        for m in chosen:
            i, j = toks[m.a][0], toks[m.b - 1][1]
            items.append(_item(src, blk, i, j, m.entry.kind, f"#{m.entry.id}", round(m.conf, 2), m.reason,
                               m.alternatives))
        if candidates:
            items.extend(_candidates(src, blk, toks, chosen, tagger))
    items.sort(key=lambda x: (x.line, x.column))
    return items


def _edges_ok(blk: Block, i: int, j: int) -> bool:
    """A span may hold a whole <choice> but not begin or end inside one."""
    if blk.frozen[i] and i > 0 and blk.src_start[i - 1] == blk.src_start[i]:
        return False
    if blk.frozen[j - 1] and j < len(blk.text) and blk.src_end[j] == blk.src_end[j - 1]:
        return False
    return True


def _item(src: Source, blk: Block, i: int, j: int, kind: str, ref: str | None, conf: float, why: str,
          alts=()) -> NameItem:
    start, end = blk.span(i, j)
    line, col = src.line_col(start)
    return NameItem(line, col, src.decoded[start:end] if src.kind == "text" else blk.text[i:j], kind, ref, conf,
                    why, list(alts), start, end)


def _candidates(src, blk, toks, chosen, tagger) -> list[NameItem]:
    """Runs of capitalised words (with initials in front) inside a sentence that no register explains."""
    taken = set()
    for m in chosen:
        taken.update(range(m.a, m.b))
    out = []
    k = 0
    while k < len(toks):
        i, j, t = toks[k]
        if k in taken or not _capital(t) or _abbrev(t) or any(blk.in_name[i:j]) or any(blk.frozen[i:j]):
            k += 1
            continue
        e = k
        while e + 1 < len(toks) and e + 1 not in taken and _capital(toks[e + 1][2]) and not _abbrev(
                toks[e + 1][2]) and _gap_ok(blk.text, toks[e:e + 2]):
            e += 1
        run = [x[2] for x in toks[k:e + 1]]
        initial = _sentence_initial(blk.text, i)
        if initial and len(run) >= 2 and not _is_initial(run[0]) and tagger._common(run[0]):
            run, i = run[1:], toks[k + 1][0]   # the sentence's first word is capitalised anyway
            initial = False
        words = [w for w in run if not _is_initial(w)]
        if words and (not initial or len(words) >= 2 or _is_initial(run[0])):
            common = not initial and len(words) == 1 and tagger._common(words[0])
            if not common and all(len(w) >= 3 for w in words):
                person = _is_initial(run[0]) or len(words) >= 2
                why = "capitalised, in no register" + (" (initial + name: a person?)" if _is_initial(run[0]) else "")
                it = _item(src, blk, i, toks[e][1], "candidate", None, 0.0, why)
                it.reason += "" if not person else ""
                out.append(it)
        k = e + 1
    return out
