"""The word alignment of `tools check` (tools/core/align.py): correct opcodes, as good as difflib on short
texts, and about linear time on long repetitive ones (where difflib without heuristics is quadratic)."""
from __future__ import annotations

import difflib
import random
import time

from tools.core.align import opcodes


def _replay(a, b, ops):
    out = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
            out += a[i1:i2]
        else:
            out += b[j1:j2]
    return out


def _edited(rnd, a, vocab, n):
    b = list(a)
    for _ in range(n):
        if not b:
            b.append("x")
            continue
        k, op = rnd.randrange(len(b)), rnd.random()
        if op < 1 / 3:
            del b[k]
        elif op < 2 / 3:
            b.insert(k, rnd.choice(vocab + ["new"]))
        else:
            b[k] = rnd.choice(vocab + ["changed"])
    return b


def test_opcodes_are_contiguous_and_rebuild_the_second_text():
    rnd = random.Random(5)
    matched = reference = 0
    for _ in range(500):
        vocab = [f"w{k}" for k in range(rnd.randint(2, 40))]
        a = [rnd.choice(vocab) for _ in range(rnd.randint(0, 60))]
        b = _edited(rnd, a, vocab, rnd.randint(0, 6))
        ops = opcodes(a, b)
        assert _replay(a, b, ops) == b
        if ops:
            assert ops[0][1] == ops[0][3] == 0 and ops[-1][2] == len(a) and ops[-1][4] == len(b)
        for x, y in zip(ops, ops[1:]):
            assert x[2] == y[1] and x[4] == y[3] and not (x[0] == y[0] == "equal")
        matched += sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
        reference += sum(n for *_, n in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    assert matched >= 0.99 * reference  # as many words kept in step as difflib keeps, within 1 %


def test_long_repetitive_texts_in_about_linear_time():
    """A 300,000-word text that repeats itself (every word 300 times), with scattered differences: difflib
    without heuristics takes minutes; the alignment finds each difference in well under a second (a loaded
    machine allowed for)."""
    a = [f"w{k % 1000}" for k in range(300_000)]
    b = list(a)
    for k in (10, 75_000, 75_001, 180_000, 299_990):
        b[k] = "changed"
    del b[210_000]
    b.insert(240_000, "added")
    t = time.process_time()
    ops = [op for op in opcodes(a, b) if op[0] != "equal"]
    assert time.process_time() - t < 10
    assert [op[0] for op in ops] == ["replace", "replace", "replace", "delete", "insert", "replace"]
    assert _replay(a, b, opcodes(a, b)) == b
