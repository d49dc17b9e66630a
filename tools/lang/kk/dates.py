"""Date tagger for Kazakh: finds date expressions and proposes `<date>` with W3C values.

How it works. A small hand-written parser walks each block of text (see `tools.textsource`) and, at
every digit or at "сол", tries the date *phrases* of Kazakh encyclopedic prose, longest first:

    1921 жылы 8-16 мартта          day range in a month of a year          from/to
    1924 жылы 21 январьда          day                                     when
    1922 жылы июньде, 1927 ж. нояб. month                                  when YYYY-MM
    1921 жылы февраль-апрельде     month range                             from/to YYYY-MM
    1921-22 жылы, 1921-1925        year range                              from/to
    1924/25 оқу жылы               academic year                           notBefore 09-01 / notAfter 08-31
    1927-1928 шаруашылық жылы      economic year                           from 10-01 / to 09-30
    1926 жылдың 2-жартысы          half; басы/аяғы/орта шені; seasons      notBefore/notAfter
    1924 жылғы сентябрьдің басында part of a month                         notBefore/notAfter
    30 жылдардың басында           decade (and its parts)                  notBefore/notAfter
    12 июньде, (29-31 янв.)        no year: the year of the context        + evidence="internal"
    сол жылы, сол жылғы 21 марттан "the same year"                         + evidence="internal"
and joins two phrases linked by "-", "мен … аралығында" or "-дан … -ға дейін" into one period. Month
names are the Russian ones in any Kazakh case form (январьда, авгусқа, июньнің) and their abbreviations.
The conventions for vague spans (what "басы" or "көктем" means in days) are the edition's, in
`PART_OF_YEAR`, `PART_OF_MONTH` and `SEASONS`, one table each.

    from tools.lang.kk.dates import tag_dates
    for d in tag_dates("tei/witness/000_2a7645c052e16c4f.txt"): d.line, d.column, d.text, d.attrs
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.assist.textsource import Block, Source, load

L = r"[^\W\d_]"  # a letter
MONTHS = [  # (regex of the stem in any case form or abbreviated, month number)
    (r"январ[ьъ]?" + L + r"*|янв\.", 1), (r"феврал[ьъ]?" + L + r"*|февр?\.", 2), (r"март" + L + r"*|мар\.", 3),
    (r"апрел[ьъ]?" + L + r"*|апр\.", 4), (r"ма[йя]" + L + r"*", 5), (r"июн[ьъ]?" + L + r"*|июн\.", 6),
    (r"июл[ьъ]?" + L + r"*|июл\.", 7), (r"авгус" + L + r"*|авг\.", 8),
    (r"сентябр[ьъ]?" + L + r"*|сент?\.", 9), (r"октябр[ьъ]?" + L + r"*|окт\.", 10),
    (r"ноябр[ьъ]?" + L + r"*|нояб?\.", 11), (r"декабр[ьъ]?" + L + r"*|дек\.", 12),
]
_MONTH_RE = re.compile("|".join(f"(?P<m{n}>{rx})" for rx, n in MONTHS), re.I)
# "май" is also "oil": forms that only the noun takes (майлы "oily", майы, майсыз …) are never the month;
# the bare word is the month only after a day number ("9 май") or before "ай" ("май айында"). See _month().
_MONTH_NOT = re.compile(r"ма[йя](?:(?:лы|лар|сыз|шы)\w*|ы|ын|ды)$", re.I)
_DAY_BEFORE = re.compile(r"\d{1,2}\s*$")
_AI_AFTER = re.compile(r"\s+ай", re.I)

# Vague parts, as (month, day) of the first and last day they cover; None = last day of the month.
PART_OF_YEAR = {"басы": ((1, 1), (3, 31)), "аяғы": ((10, 1), (12, None)), "орта": ((5, 1), (8, 31)),
                "алғашқы": ((1, 1), (3, 31)), "1-жарт": ((1, 1), (6, 30)), "2-жарт": ((7, 1), (12, 31))}
PART_OF_MONTH = {"басы": (1, 10), "аяғы": (21, None), "орта": (11, 20)}
SEASONS = {"көктем": ((0, 3, 1), (0, 5, 31)), "жаз": ((0, 6, 1), (0, 8, 31)), "күз": ((0, 9, 1), (0, 11, 30)),
           "қыс": ((0, 12, 1), (1, 2, None))}  # (year offset, month, day)

_YEAR = re.compile(r"(1[6-9]\d\d|20\d\d)(?![\d,.]\d)")
_YW = re.compile(r"\s*(?:ж\.|жы[лд]" + L + r"*(?:-ақ)?)", re.I)  # "жыды" is an OCR form of "жылы"
_SEP = re.compile(r"\s*[-–—]\s*")
_DAY = re.compile(r"([0-3]?\d)(?!\d)")
_PART = re.compile(r"\s+(бас[ыы]" + L + r"*|аяғ" + L + r"*|орта\s+шен" + L + r"*|алғашқы\s+айлар" + L
                   + r"*|[12]\s*-\s*жарты" + L + r"*)(?:-ақ)?", re.I)
_SEASON = re.compile(r"\s+(көктем|жаз|күз|қыс)" + L + r"*(?:\s+салым)?(?:-ақ)?", re.I)
_AND_SEASON = re.compile(r"\s+(?:мен|және)\s+(көктем|жаз|күз|қыс)" + L + r"*(?:-ақ)?", re.I)
_PAREN_YEAR = re.compile(r"\s*\((1[6-9]\d\d|20\d\d)\)")
_UNTIL = re.compile(r"\s+дейін" + L + r"*(?:\s+аралықта)?", re.I)
_BETWEEN = re.compile(r"\s+аралығ" + L + r"*", re.I)


@dataclass
class DateItem:
    line: int
    column: int
    text: str
    attrs: dict[str, str]
    start: int = field(default=0, repr=False)  # offsets in the decoded file, for --apply
    end: int = field(default=0, repr=False)

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "text": self.text, **self.attrs}


@dataclass
class _D:
    """A parsed phrase: [lo, hi] as (y, m, d) with None for unknown parts; kind of value."""
    end: int
    lo: tuple
    hi: tuple
    kind: str  # "point" | "range" | "vague"
    internal: bool = False
    cert: str | None = None


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    d = min(d, calendar.monthrange(y, m)[1])
    return f"{y:04d}-{m:02d}-{d:02d}"


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month(text: str, pos: int) -> tuple[int, int] | None:
    """A month name at `pos`: (month, end) or None."""
    m = _MONTH_RE.match(text, pos)
    if not m:
        return None
    if pos > 0 and (text[pos - 1].isalpha()):
        return None
    n = int(next(k for k, v in m.groupdict().items() if v)[1:])
    if n == 5:
        end = m.end()
        while end < len(text) and (text[end].isalpha()):
            end += 1
        word = text[pos:end]
        if _MONTH_NOT.match(word):
            return None
        if word.lower() == "май" and not (_DAY_BEFORE.search(text, 0, pos) or _AI_AFTER.match(text, end)):
            return None
    return n, m.end()


def _ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    return pos


class _Parser:
    def __init__(self, text: str, ctx_year: int | None):
        self.t = text
        self.ctx = ctx_year

    # -- pieces -------------------------------------------------------------
    def year(self, pos: int) -> tuple[int, int] | None:
        m = _YEAR.match(self.t, pos)
        if not m or (pos > 0 and (self.t[pos - 1].isdigit() or self.t[pos - 1] in ",.")):
            return None
        return int(m.group(1)), m.end()

    def days_month(self, pos: int, year: int):
        """'8-16 мартта', '21 январьда', '17-25 апр.' → (_D) or None."""
        m = _DAY.match(self.t, pos)
        if not m or (pos > 0 and self.t[pos - 1].isdigit()):
            return None
        d1, p = int(m.group(1)), m.end()
        d2 = None
        s = _SEP.match(self.t, p)
        if s:
            m2 = _DAY.match(self.t, s.end())
            if m2:
                d2, p = int(m2.group(1)), m2.end()
        p = _ws(self.t, p)
        mo = _month(self.t, p)
        if not mo or not (1 <= d1 <= 31) or (d2 and not d1 < d2 <= 31):
            return None
        mon, p = mo
        if d2:
            return _D(p, (year, mon, d1), (year, mon, d2), "range")
        # "26 июнь - 13 июльде"
        s = _SEP.match(self.t, p)
        if s:
            m3 = _DAY.match(self.t, s.end())
            if m3:
                mo2 = _month(self.t, _ws(self.t, m3.end()))
                if mo2:
                    return _D(mo2[1], (year, mon, d1), (year, mo2[0], int(m3.group(1))), "range")
        return _D(p, (year, mon, d1), (year, mon, d1), "point")

    def month_phrase(self, pos: int, year: int):
        """'июньде', 'февраль-апрельде', 'майдың басында', 'майдың аяғы - июньнің басында'."""
        mo = _month(self.t, pos)
        if not mo:
            return None
        mon, p = mo
        part = _PART.match(self.t, p)
        if part:
            lo, hi = self._month_part(year, mon, part.group(1))
            p = part.end()
            s = _SEP.match(self.t, p)
            if s:
                mo2 = _month(self.t, s.end())
                if mo2:
                    part2 = _PART.match(self.t, mo2[1])
                    if part2:
                        hi = self._month_part(year, mo2[0], part2.group(1))[1]
                        return _D(part2.end(), lo, hi, "vague")
            return _D(p, lo, hi, "vague")
        s = _SEP.match(self.t, p)
        if s:
            mo2 = _month(self.t, s.end())
            if mo2:
                return _D(mo2[1], (year, mon, None), (year, mo2[0], None), "range")
        return _D(p, (year, mon, None), (year, mon, None), "point")

    @staticmethod
    def _month_part(year: int, mon: int, word: str):
        key = "басы" if word.startswith("бас") else "аяғы" if word.startswith("аяғ") else "орта"
        d1, d2 = PART_OF_MONTH[key]
        return (year, mon, d1), (year, mon, d2 or _last(year, mon))

    def year_part(self, pos: int, year: int):
        part = _PART.match(self.t, pos)
        if part:
            w = re.sub(r"\s+", "", part.group(1).lower())
            key = ("1-жарт" if w.startswith("1-") else "2-жарт" if w.startswith("2-") else
                   "басы" if w.startswith("бас") else "аяғы" if w.startswith("аяғ") else
                   "алғашқы" if w.startswith("алғ") else "орта")
            (m1, d1), (m2, d2) = PART_OF_YEAR[key]
            return _D(part.end(), (year, m1, d1), (year, m2, d2 or _last(year, m2)), "vague")
        se = _SEASON.match(self.t, pos)
        if se:
            (o1, m1, d1), (o2, m2, d2) = SEASONS[se.group(1).lower()]
            cert = "medium" if "салым" in se.group(0) else None
            if cert:  # "жазға салым" (towards summer): the end of spring and the start of summer
                return _D(se.end(), (year, 5, 1), (year, 6, 30), "vague", cert=cert)
            end = se.end()
            both = _AND_SEASON.match(self.t, end)  # "көктемі мен жазында": spring and summer, one span
            if both:
                (_, _, _), (o2, m2, d2) = SEASONS[both.group(1).lower()]
                end = both.end()
            hi_y = year + o2
            return _D(end, (year + o1, m1, d1), (hi_y, m2, d2 or _last(hi_y, m2)), "vague")
        return None

    # -- phrases ------------------------------------------------------------
    def phrase(self, pos: int) -> _D | None:
        t = self.t
        if t[pos].isdigit():
            return self.numeric(pos)
        m = re.compile(r"сол\s+жыл" + L + r"*", re.I).match(t, pos)
        if m and self.ctx and (pos == 0 or not t[pos - 1].isalpha()):
            p = m.end()
            after = self.after_year(_ws(t, p), self.ctx, p)
            after.internal = True
            return after
        mo = _month(t, pos)  # "январь (1925) пленумы": a month with its year in brackets
        if mo:
            py = _PAREN_YEAR.match(t, mo[1])
            if py:
                y = int(py.group(1))
                return _D(py.end(), (y, mo[0], None), (y, mo[0], None), "point")
        return None

    def after_year(self, p: int, y: int, end_year: int) -> _D:
        """What may follow 'YEAR жылы': a day, a month, a part, a season; else the year itself."""
        d = self.days_month(p, y) or self.month_phrase(p, y) or self.year_part(end_year, y)
        if d:
            return d
        return _D(end_year, (y, None, None), (y, None, None), "point")

    def numeric(self, pos: int) -> _D | None:
        t = self.t
        yr = self.year(pos)
        if yr:
            y, p = yr
            # academic / economic year and year ranges
            m = re.compile(r"\s*([/\-–])\s*(\d{2}|\d{4})(?!\d)").match(t, p)
            if m:
                y2 = int(m.group(2))
                y2 = y2 if y2 > 999 else (y // 100) * 100 + y2
                q = m.end()
                ak = re.compile(r"\s+оқу\s+жыл" + L + r"*", re.I).match(t, q)
                if ak and y2 == y + 1:
                    return _D(ak.end(), (y, 9, 1), (y2, 8, 31), "vague")
                ec = re.compile(r"\s+шаруашылық\s+жыл" + L + r"*", re.I).match(t, q)
                if ec and y2 == y + 1:
                    return _D(ec.end(), (y, 10, 1), (y2, 9, 30), "range")
                if y < y2 <= y + 50 and "/" not in m.group(0):
                    yw = _YW.match(t, q)
                    return _D(yw.end() if yw else q, (y, None, None), (y2, None, None), "range")
                return None
            yw = _YW.match(t, p)
            if not yw:
                if re.match(r"\)", t[p:p + 1]) and pos > 0 and t[pos - 1] == "(":
                    return _D(p, (y, None, None), (y, None, None), "point")
                return None
            first = self.after_year(_ws(t, yw.end()), y, yw.end())
            return self.maybe_period(first, y)
        # no year: a decade, or a day and month of the context year
        m = re.compile(r"([1-9]0)\s+жыл(дар|дың)" + L + r"*").match(t, pos)
        if m and (pos == 0 or not t[pos - 1].isdigit()):
            dec = 1900 + int(m.group(1))
            part = _PART.match(t, m.end())
            if part:
                w = part.group(1).lower()
                if w.startswith("бас"):
                    return _D(part.end(), (dec,), (dec + 3,), "vague")
                if w.startswith("аяғ"):
                    return _D(part.end(), (dec + 7,), (dec + 9,), "vague")
                if w.startswith("орта"):
                    return _D(part.end(), (dec + 4,), (dec + 6,), "vague", cert="medium")
            if m.group(2) == "дар":
                return _D(m.end(), (dec,), (dec + 9,), "vague")
            return None
        if self.ctx and (pos == 0 or not t[pos - 1].isdigit()):
            d = self.days_month(pos, self.ctx)
            if d:
                d.internal = True
                u = _UNTIL.match(t, d.end)
                if u:
                    d.end = u.end()
                return self.maybe_period(d, self.ctx)
        return None

    def maybe_period(self, first: _D, year: int) -> _D:
        """Join 'A-дан B-ға дейін', 'A - B', 'A мен B аралығында' into one period."""
        t = self.t
        p = first.end
        # "…декабрьден 1923 жылы мартқа дейінгі аралықта", "9 майдан 12 авгусқа дейін"
        if re.search(r"(дан|ден|тан|тен|нан|нен)$", t[:p]):
            q = _ws(t, p)
            second = None
            yr = self.year(q)
            if yr:
                yw = _YW.match(t, yr[1])
                if yw:
                    second = self.after_year(_ws(t, yw.end()), yr[0], yw.end())
            elif t[q:q + 1].isdigit():
                second = self.days_month(q, year)
            else:
                second = self.month_phrase(q, year)
            if second:
                u = _UNTIL.match(t, second.end)
                if u:
                    kind = "range" if first.kind != "vague" and second.kind != "vague" else "vague"
                    return _D(u.end(), first.lo, second.hi, kind, first.internal, first.cert)
        # "1929 жылдың аяғы - 1930 жылдың басында", "…2-жартысы мен 1928 жылдың көктемі аралығында"
        s = re.compile(r"\s*[-–—]\s*|\s+мен\s+").match(t, p)
        if s and first.kind == "vague":
            yr = self.year(s.end())
            if yr:
                yw = _YW.match(t, yr[1])
                if yw:
                    second = self.year_part(yw.end(), yr[0])
                    if second:
                        end = second.end
                        b = _BETWEEN.match(t, end)
                        if "мен" in s.group(0) and not b:
                            return first
                        return _D(b.end() if b else end, first.lo, second.hi, "vague")
        return first


def _valid(d: _D) -> bool:
    """A proposal must be a real calendar date (no 35 July, no 29 February 1921) and a range must not run
    backwards: else --apply would write markup that fails validation."""
    for t in (d.lo, d.hi):
        y, m, day = (tuple(t) + (None, None))[:3]
        if m is not None and not 1 <= m <= 12:
            return False
        if day is not None and m is not None and not 1 <= day <= _last(y, m):
            return False
    key = lambda t: tuple(x if x is not None else 0 for x in (tuple(t) + (None, None))[:3])
    return key(d.lo) <= key(d.hi)


def _attrs(d: _D) -> dict[str, str]:
    lo, hi = d.lo, d.hi
    a = {}
    if d.kind == "point":
        a["when"] = _iso(*lo)
    elif d.kind == "range":
        a["from"], a["to"] = _iso(*lo), _iso(*hi)
    else:
        a["notBefore"], a["notAfter"] = _iso(*lo), _iso(*hi)
    if d.internal:
        a["evidence"] = "internal"
    if d.cert:
        a["cert"] = d.cert
    return a


def _block_dates(src: Source, b: Block, ctx_year: int | None) -> tuple[list[DateItem], int | None]:
    text = b.text
    out: list[DateItem] = []
    pos = 0
    while pos < len(text):
        ch = text[pos]
        if not (ch.isdigit() or ch in "Сс" or (ch.isalpha() and (pos == 0 or not text[pos - 1].isalpha())
                                                 and _month(text, pos))):
            pos += 1
            continue
        if pos > 0 and (text[pos - 1].isalnum() or (ch.isdigit() and text[pos - 1] in ",.")):
            pos += 1
            continue
        d = _Parser(text, ctx_year).phrase(pos)
        if d is None:
            pos += 1
            continue
        if not _valid(d):  # propose nothing inside an impossible phrase, but keep its year as the context
            if not d.internal:
                ctx_year = d.lo[0]
            pos = max(d.end, pos + 1)
            continue
        end = d.end
        while end > pos and text[end - 1] in " \t":
            end -= 1
        if not d.internal and len(d.hi) == 3:  # decades do not set the context year
            ctx_year = d.hi[0]
        if any(b.in_date[pos:end]):  # already tagged
            pos = end
            continue
        i, j = pos, end
        s, e = b.span(i, j)
        line, col = src.line_col(s)
        out.append(DateItem(line, col, src.decoded[s:e] if src.kind == "tei" else text[i:j], _attrs(d), s, e))
        pos = end
    return out, ctx_year


def tag_dates(path: Path | str) -> list[DateItem]:
    """Date expressions of a plain-text witness or a TEI file, with proposed W3C values."""
    return tag_dates_source(load(path))


def tag_dates_source(src: Source) -> list[DateItem]:
    items: list[DateItem] = []
    ctx = None
    for b in src.blocks:
        found, ctx = _block_dates(src, b, ctx)
        items.extend(found)
    return items
