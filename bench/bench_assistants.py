"""Score the editorial assistants (OCR finder, date tagger) on the raw witness against the reviewed edition.

Gold standard: the edition's markup, mapped back onto the witness. Paragraph N of the article is witness
line 5+2(N-1); the witness reading of a <p> is rebuilt as the fidelity checker does (<sic>, <orig>, <abbr>
kept; <corr>, <reg>, <expan>, <supplied>, <note> skipped) and aligned to the witness line character by
character, ignoring whitespace. A gold OCR item is a <sic> at its witness line/column; a gold date is a
<date> span with its W3C attributes. Only the article's lines are scored (the web-page residue has no gold).

OCR: a prediction is a hit when it overlaps a gold <sic> on the same line; "correct" when its suggestion
equals the <corr>. Dates: "exact" = same span (trailing spaces ignored), "overlap" = spans overlap;
value accuracy = share of overlapping spans whose W3C attributes (when/from/to/notBefore/notAfter) are equal.

    python bench/bench_assistants.py [EDITION] [WITNESS]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lxml import etree  # noqa: E402

from tools.lang.kk.dates import tag_dates  # noqa: E402
from tools.core.xmlsafe import parse_file  # noqa: E402
from tools.lang.kk.ocr import suggest_ocr  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

TEI = "{http://www.tei-c.org/ns/1.0}"
SKIP = {"corr", "reg", "expan", "supplied", "note"}
VALUE_KEYS = ("when", "from", "to", "notBefore", "notAfter")


def _reading(el, out: list, marks: list) -> None:
    """Append the witness reading of `el` to out (list of str); record (kind, start, end, el) in marks."""
    name = etree.QName(el).localname
    if name in SKIP:
        if el.tail:
            out.append(el.tail)
        return
    start = sum(map(len, out))
    if el.text:
        out.append(el.text)
    for c in el:
        _reading(c, out, marks)
    end = sum(map(len, out))
    if name in ("sic", "date"):
        marks.append((name, start, end, el))
    if el.tail:
        out.append(el.tail)


def _align(reading: str, line: str) -> list[int]:
    """For each reading index, the witness-line index of the same non-space character (or -1)."""
    wi = [i for i, c in enumerate(line) if not c.isspace()]
    m, k = [], 0
    for c in reading:
        if c.isspace():
            m.append(-1)
        else:
            m.append(wi[k] if k < len(wi) else -1)
            k += 1
    return m


def _wspan(m: list[int], s: int, e: int) -> tuple[int, int]:
    idx = [m[i] for i in range(s, e) if m[i] >= 0]
    return (idx[0], idx[-1] + 1) if idx else (-1, -1)


def gold(edition: Path, witness: Path):
    lines = witness.read_text(encoding="utf-8").split("\n")
    tree = parse_file(edition)
    ocr, dates, scored = [], [], set()
    for p in tree.iter(TEI + "p"):
        if not p.get("n") or not p.get("n").isdigit():
            continue
        n = int(p.get("n"))
        ln = 5 + 2 * (n - 1)
        scored.add(ln)
        out, marks = [], []
        if p.text:
            out.append(p.text)
        for c in p:
            _reading(c, out, marks)
        reading = "".join(out)
        m = _align(reading, lines[ln - 1])
        for kind, s, e, el in marks:
            ws, we = _wspan(m, s, e)
            if ws < 0:
                continue
            if kind == "sic":
                ch = el.getparent()
                corr = ch.find(TEI + "corr") if ch is not None and ch.tag == TEI + "choice" else None
                sugg = "".join(corr.itertext()) if corr is not None else None
                ocr.append((ln, ws + 1, we + 1, lines[ln - 1][ws:we], sugg))
            else:
                vals = {k: el.get(k) for k in VALUE_KEYS if el.get(k)}
                dates.append((ln, ws + 1, we + 1, lines[ln - 1][ws:we], vals))
    return ocr, dates, scored


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overlaps(a, b) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def main(argv: list[str]) -> int:
    pos = [a for a in argv[1:] if a != "-v"]
    edition = Path(pos[0]) if pos else ROOT / "tei" / "kazakhstan-1920-1932.xml"
    witness = Path(pos[1]) if len(pos) > 1 else ROOT / "tei" / "witness" / "000_2a7645c052e16c4f.txt"
    g_ocr, g_dates, scored = gold(edition, witness)

    t = time.perf_counter()
    items = suggest_ocr(witness)
    t_ocr = time.perf_counter() - t
    preds = [(it.line, it.column, it.column + len(it.text), it.text, it.suggestion, it.confidence)
             for it in items if it.line in scored]
    print(f"OCR finder ({len(g_ocr)} gold <sic> in {len(scored)} paragraphs; {t_ocr:.2f} s)")
    print(f"  {'min conf':>8} {'flagged':>7} {'P':>6} {'R':>6} {'F1':>6} {'sugg ok':>7}")
    for th in (0.0, 0.3, 0.5, 0.7, 0.8):
        ps = [x for x in preds if x[5] >= th]
        hit_p = [x for x in ps if any(overlaps(x, g) for g in g_ocr)]
        hit_g = [g for g in g_ocr if any(overlaps(x, g) for x in ps)]
        ok = sum(1 for x in hit_p if any(overlaps(x, g) and g[4] == x[4] for g in g_ocr))
        p, r, f = prf(len(hit_p), len(ps), len(hit_g), len(g_ocr))
        print(f"  {th:>8.1f} {len(ps):>7} {p:>6.2f} {r:>6.2f} {f:>6.2f} {ok:>4}/{len(hit_p):<3}")
    ranked = sorted(preds, key=lambda x: -x[5])
    for k in (25, 50, 100):
        top = ranked[:k]
        hits = sum(1 for x in top if any(overlaps(x, g) for g in g_ocr))
        print(f"  precision of the top {k}: {hits / max(1, len(top)):.2f}")

    t = time.perf_counter()
    ditems = tag_dates(witness)
    t_d = time.perf_counter() - t
    dp = [(d.line, d.column, d.column + len(d.text.rstrip()), d.text, {k: v for k, v in d.attrs.items()
           if k in VALUE_KEYS}) for d in ditems if d.line in scored]
    exact_p = [x for x in dp if any(x[:3] == g[:3] for g in g_dates)]
    exact_g = [g for g in g_dates if any(x[:3] == g[:3] for x in dp)]
    ov_p = [x for x in dp if any(overlaps(x, g) for g in g_dates)]
    ov_g = [g for g in g_dates if any(overlaps(x, g) for x in dp)]
    val_ok = sum(1 for x in ov_p if any(overlaps(x, g) and g[4] == x[4] for g in g_dates))
    print(f"\nDate tagger ({len(g_dates)} gold <date>; {len(dp)} proposed; {t_d:.2f} s)")
    for label, a, b in (("exact span", exact_p, exact_g), ("overlapping span", ov_p, ov_g)):
        p, r, f = prf(len(a), len(dp), len(b), len(g_dates))
        print(f"  {label:<17} P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    print(f"  correct W3C values among overlapping spans: {val_ok}/{len(ov_p)} = {val_ok / max(1, len(ov_p)):.2f}")
    if "-v" in argv:
        print("\nmissed OCR:", [(g[0], g[3], g[4]) for g in g_ocr if not any(overlaps(x, g) for x in preds)])
        print("\nmissed dates:", [(g[0], g[3], g[4]) for g in g_dates if not any(x[:3] == g[:3] for x in dp)])
        print("\nwrong dates:", [(x[0], x[3], x[4]) for x in dp if not any(x[:3] == g[:3] and x[4] == g[4] for g in g_dates)])
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv if a != "-v"]
    sys.exit(main(args + (["-v"] if "-v" in sys.argv else [])))
