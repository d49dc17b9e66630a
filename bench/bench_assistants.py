"""Score the editorial assistants (OCR finder, name tagger, date tagger, collation) against the reviewed edition.

Held-out halves: the OCR finder is developed on the odd paragraphs of the article and reported on the even
ones (`is_dev`; `--split even` swaps them); its grown lexicon, learned corrections and character model come
from the development half only, and the development half's own figures are cross-fitted (each of its two
folds scored with what the other teaches). The name tagger is
developed on the edition (its markup stripped) and reported on a held-out text written for it.

Gold standard: the edition's markup, mapped back onto the witness. Paragraph N of the article is witness
line 5+2(N-1); the witness reading of a <p> is rebuilt as the fidelity checker does (<sic>, <orig>, <abbr>
kept; <corr>, <reg>, <expan>, <supplied>, <note> skipped) and aligned to the witness line character by
character, ignoring whitespace. A gold OCR item is a <sic> at its witness line/column; a gold date is a
<date> span with its W3C attributes. Only the article's lines are scored (the web-page residue has no gold).

OCR: a prediction is a hit when it overlaps a gold <sic> on the same line; "correct" when its suggestion
equals the <corr>. Dates: "exact" = same span (trailing spaces ignored), "overlap" = spans overlap;
value accuracy = share of overlapping spans whose W3C attributes (when/from/to/notBefore/notAfter) are equal.

    python bench/bench_assistants.py [EDITION] [WITNESS] [--split odd|even] [--ocr-only] [-v]
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
                cert = corr.get("cert", "high") if corr is not None else "none"
                ocr.append((ln, ws + 1, we + 1, lines[ln - 1][ws:we], sugg, cert, n))
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


# ---------------------------------------------------------------- OCR finder, on held-out halves

# Thresholds scored, and the precision the operating threshold must reach on the development half (the
# lowest threshold that reaches it there is the one reported on the held-out half): 0.92, a margin above the
# 0.9 an editor's time asks for, since a held-out half's precision is that of a few dozen flags.
THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.7)
OP_PRECISION = 0.92

DEV_PARITY = 1  # `--split odd` (default): odd paragraphs are the development half; `--split even`: the reverse


def is_dev(n: int) -> bool:
    """The split: by default odd paragraphs are the development half (rules, the grown lexicon and the
    character model may look at them), even paragraphs are held out (never looked at while tuning)."""
    return n % 2 == DEV_PARITY


def dev_fold(n: int) -> int:
    """Which of two folds of the development half a paragraph is in (paragraphs alternate)."""
    return (n // 2) % 2


def knowledge_of(edition: Path, keep):
    """What the edition teaches from the paragraphs `keep(n)` picks: the only door from the gold text into
    the finder, so the split is kept here (tests check it)."""
    from tools.lang.kk.ocr import learn_from_edition

    return learn_from_edition(edition, keep=lambda p: p.get("n", "").isdigit() and keep(int(p.get("n"))))


def ocr_report(edition: Path, witness: Path, g_ocr, scored, verbose=False) -> dict:
    """P/R of the OCR finder on each half. Certain errors = corrections with cert="high"; recall is
    measured on them (and, for information, on high+medium). A flag on a medium or low correction, or on an
    unmended <sic>, is not a false alarm (the editor saw a problem there), so precision counts it as right.

    The held-out half is scored with what the whole development half teaches (lexicon, corrections, the
    character model). The development half itself is scored cross-fitted: each of its two folds with what
    the other fold teaches, so that its figures (and the operating threshold chosen on them) are not those
    of a model that has read the very paragraphs it is judged on."""
    halves = {"dev (cross-fitted)": lambda n: is_dev(n), "held-out": lambda n: not is_dev(n)}
    line_n = {}
    for g in g_ocr:
        line_n[g[0]] = g[6]
    for ln in scored:
        line_n.setdefault(ln, (ln - 5) // 2 + 1)
    results = {}

    def run(knowledge, keep_line):
        t = time.perf_counter()
        items = suggest_ocr(witness, knowledge=knowledge)
        dt = time.perf_counter() - t
        return [(it.line, it.column, it.column + len(it.text), it.text, it.suggestion, it.confidence)
                for it in items if it.line in scored and keep_line(line_n.get(it.line, 0))], dt

    import dataclasses

    def no_model(k):  # the same knowledge without the reading text: no character model
        return dataclasses.replace(k, texts=())

    settings = [("hunspell+aspell, rules", None),
                ("+ lexicon and corrections from the dev half (no character model)", no_model),
                ("+ lexicon, corrections and character model from the dev half", lambda k: k)]
    for setting, how in settings:
        if how is None:
            preds, dt = run(None, lambda n: True)
            times = [dt]
        else:
            preds, dt = run(how(knowledge_of(edition, is_dev)), lambda n: not is_dev(n))
            times = [dt]
            for fold in (0, 1):
                p, dt = run(how(knowledge_of(edition, lambda n, f=fold: is_dev(n) and dev_fold(n) != f)),
                            lambda n, f=fold: is_dev(n) and dev_fold(n) == f)
                preds += p
                times.append(dt)
        print(f"OCR finder — {setting} ({' / '.join(f'{t:.2f}' for t in times)} s a run)")
        print(f"  {'half':<18} {'min conf':>8} {'flagged':>7} {'P':>6} {'R high':>6} {'F1':>6} {'R h+m':>6}"
              f" {'sugg ok':>7}")
        for hname, keep in halves.items():
            gold_h = [g for g in g_ocr if keep(g[6])]
            high = [g for g in gold_h if g[5] == "high"]
            hm = [g for g in gold_h if g[5] in ("high", "medium")]
            for th in THRESHOLDS:
                ps = [x for x in preds if x[5] >= th and keep(line_n.get(x[0], 0))]
                hit_p = [x for x in ps if any(overlaps(x, g) for g in gold_h)]
                hit_h = [g for g in high if any(overlaps(x, g) for x in ps)]
                hit_hm = [g for g in hm if any(overlaps(x, g) for x in ps)]
                ok = sum(1 for x in hit_p if any(overlaps(x, g) and g[4] == x[4] for g in gold_h))
                p, r, f = prf(len(hit_p), len(ps), len(hit_h), len(high))
                results[(setting, hname, th)] = (p, r, f)
                print(f"  {hname:<18} {th:>8.2f} {len(ps):>7} {p:>6.2f} {r:>6.2f} {f:>6.2f}"
                      f" {len(hit_hm) / max(1, len(hm)):>6.2f} {ok:>4}/{len(hit_p):<3}")
            print(f"  {'':<18} ({len(high)} certain errors, {len(hm)} high+medium, {len(gold_h)} <sic> in all)")
        # the operating threshold is chosen on the development half: the lowest with precision >= OP_PRECISION there
        dev_name = next(iter(halves))
        op = min((th for (st, h, th), (p, r, f) in results.items() if st == setting and h == dev_name
                  and p >= OP_PRECISION), default=0.5)
        print(f"  operating threshold chosen on the dev half (lowest with P >= {OP_PRECISION} there): {op:.2f}")
        for hname in halves:
            p, r, f = results[(setting, hname, op)]
            results[(setting, hname, "op")] = (p, r, f)
            print(f"    {hname:<18} P {p:.2f}  R(certain) {r:.2f}  F1 {f:.2f}")
        if verbose and how is not None and how is not no_model:  # the development half only: never look at the held-out one
            print("  missed dev certain errors:", [(g[0], g[3], g[4]) for g in g_ocr if g[5] == "high"
                  and is_dev(g[6]) and not any(overlaps(x, g) for x in preds if x[5] >= op)])
            print("  dev false alarms:", [(x[0], x[3], x[4], x[5]) for x in preds if x[5] >= op
                  and is_dev(line_n.get(x[0], 0)) and not any(overlaps(x, g) for g in g_ocr)])
            # the held-out half's misses: printed for the README's account of what is left, never to tune on
            print("  missed held-out certain errors (report only):", [(g[0], g[3], g[4]) for g in g_ocr
                  if g[5] == "high" and not is_dev(g[6]) and not any(overlaps(x, g) for x in preds if x[5] >= op)])
        print()
    return results


def ocr_speed(edition: Path, witness: Path, rounds: int = 5) -> None:
    """The finder on the whole witness with and without the character model, side by side: the same
    knowledge (the development half) but for its reading text, alternating, after one warm-up run of each
    (the lexicon's caches and the model are built once a process); median wall and CPU seconds."""
    import dataclasses
    import statistics

    from tools.lang.kk.ocr import char_model

    k = knowledge_of(edition, is_dev)
    plain = dataclasses.replace(k, texts=())
    char_model.cache_clear()
    t = time.process_time()
    char_model(k.texts)
    train = time.process_time() - t
    runs = {"without the model": (plain, []), "with the model": (k, [])}
    for _ in range(rounds + 1):
        for name, (know, out) in runs.items():
            w, c = time.perf_counter(), time.process_time()
            suggest_ocr(witness, knowledge=know)
            out.append((time.perf_counter() - w, time.process_time() - c))
    print(f"OCR finder speed, whole witness ({rounds} alternating rounds after a warm-up; the model trained once "
          f"in {train:.2f} s CPU)")
    for name, (_, out) in runs.items():
        out = out[1:]
        print(f"  {name:<18} wall {statistics.median(x[0] for x in out):.2f} s  "
              f"CPU {statistics.median(x[1] for x in out):.2f} s")
    print()


# ---------------------------------------------------------------- name tagger

def names_report(edition: Path) -> dict:
    """The name tagger on (1) the held-out Kazakh text written for it (tests/fixtures/names/heldout-kk.xml:
    written and annotated before the tagger, never tuned on), registers = the edition's (with its mentions'
    forms); (2) the edition itself, its persName/placeName/orgName stripped, registers = the stripped file's
    (no mention forms left to learn from): the development set. A prediction is right when its span and its
    @ref are the gold's."""
    import tempfile

    from tools.assist.gold import strip_elements
    from tools.lang.kk.names import load_registers, tag_names

    out = {}
    sets = (("held-out text", ROOT / "tests" / "fixtures" / "names" / "heldout-kk.xml", edition),
            ("edition, tags stripped (dev)", edition, None))
    for label, doc, regs_path in sets:
        text, gold = strip_elements(doc.read_text(encoding="utf-8"), {"persName", "placeName", "orgName"})
        with tempfile.TemporaryDirectory() as tmp:
            f = Path(tmp) / doc.name
            f.write_text(text, encoding="utf-8")
            t = time.perf_counter()
            regs = load_registers(regs_path or f)
            items = tag_names(f, regs)
            dt = time.perf_counter() - t
        want = {(g.start, g.end): g.attrs.get("ref") for g in gold}
        cands = sum(1 for i in items if not i.ref)
        print(f"Name tagger — {label}: {len(gold)} gold mentions; {cands} candidates for new entries; {dt:.2f} s")
        for th in (0.0, 0.5, 0.8):
            pred = [i for i in items if i.ref and i.confidence >= th]
            ok = sum(1 for i in pred if want.get((i.start, i.end)) == i.ref)
            ov = sum(1 for i in pred if any(g.start < i.end and i.start < g.end and g.attrs.get("ref") == i.ref
                                            for g in gold))
            p, r, f1 = prf(ok, len(pred), ok, len(gold))
            out[(label, th)] = (p, r, f1)
            print(f"  min conf {th:.1f}: {len(pred):>4} tagged  P {p:.2f}  R {r:.2f}  F1 {f1:.2f}"
                  f"  (right entry, overlapping span: P {ov / max(1, len(pred)):.2f})")
    print()
    return out


# ---------------------------------------------------------------- collation

def collate_report() -> None:
    """tools collate on the three test witnesses: each read back exactly, valid against tei_all."""
    from tools.assist.collate import collate_files, witness_text
    from tools.core.validate import validate_bytes

    wits = [ROOT / "tests" / "fixtures" / "collation" / f"{s}.txt" for s in "ABC"]
    t = time.perf_counter()
    doc = collate_files(wits, language="kk")
    dt = time.perf_counter() - t
    exact = sum(witness_text(doc.xml, s) == w.read_text(encoding="utf-8") for s, w in zip(doc.sigla, wits))
    errors = [p for p in validate_bytes(doc.xml.encode("utf-8"), "collation.xml") if p.severity == "error"]
    print(f"Collation — 3 witnesses: {doc.apps} apparatus entries; {exact}/3 witnesses read back exactly; "
          f"{'valid' if not errors else 'INVALID'} against tei_all; {dt:.2f} s\n")


def main(argv: list[str]) -> int:
    global DEV_PARITY
    argv = list(argv)
    if "--split" in argv:
        k = argv.index("--split")
        DEV_PARITY = {"odd": 1, "even": 0}[argv[k + 1]]
        del argv[k:k + 2]
    pos = [a for a in argv[1:] if not a.startswith("-")]
    edition = Path(pos[0]) if pos else ROOT / "tei" / "kazakhstan-1920-1932.xml"
    witness = Path(pos[1]) if len(pos) > 1 else ROOT / "tei" / "witness" / "000_2a7645c052e16c4f.txt"
    g_ocr, g_dates, scored = gold(edition, witness)

    ocr_report(edition, witness, g_ocr, scored, "-v" in argv)
    ocr_speed(edition, witness)
    if "--ocr-only" in argv:
        return 0
    names_report(edition)
    collate_report()

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
        print("\nmissed dates:", [(g[0], g[3], g[4]) for g in g_dates if not any(x[:3] == g[:3] for x in dp)])
        print("\nwrong dates:", [(x[0], x[3], x[4]) for x in dp if not any(x[:3] == g[:3] and x[4] == g[4] for g in g_dates)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
