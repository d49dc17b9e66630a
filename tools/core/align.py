"""Word alignment of two long texts (the witness and the edition's witness reading) in time about proportional
to their length.

    opcodes(a, b) -> [("equal" | "replace" | "delete" | "insert", i1, i2, j1, j2), ...]   (as difflib's)

Why not difflib alone: `SequenceMatcher(autojunk=False)` looks at every occurrence of every word of one text
for each word of the other, which is quadratic in the frequent words: 73 s for 1.5 MB of witness text of a
repetitive 5 MB edition, and no end at 50 MB. Here, as in patience diff: the common beginning and end are
matched first (a faithful edition is one long match); then words that occur exactly once on each side anchor
the alignment (their longest increasing sequence), which cuts the rest into short gaps; a gap is handed to
difflib when it is small enough for difflib to be quick; a long gap without such words (a repetitive text) is
walked in step, each difference aligned where the texts agree again (`_walk`).
"""
from __future__ import annotations

import bisect
import difflib
from collections import Counter
from itertools import compress, islice

SMALL = 2_000_000  # a gap with len(a) * len(b) up to this goes to difflib without heuristics


def matching_blocks(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """Blocks (i, j, n): a[i:i+n] == b[j:j+n], increasing in i and j, ending with (len(a), len(b), 0)."""
    blocks: list[tuple[int, int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        a1, a2, b1, b2 = stack.pop()
        # common beginning and end
        k = _run(a, a1, a2, b, b1, b2)
        if k:
            blocks.append((a1, b1, k))
            a1, b1 = a1 + k, b1 + k
        k = _run_back(a, a1, a2, b, b1, b2)
        if k:
            blocks.append((a2 - k, b2 - k, k))
            a2, b2 = a2 - k, b2 - k
        if a1 == a2 or b1 == b2:
            continue
        anchors = _unique_anchors(a, a1, a2, b, b1, b2)
        if anchors:
            # the gaps between anchors, each aligned on its own; the anchors themselves match
            prev_i, prev_j = a1, b1
            for i, j in anchors:
                stack.append((prev_i, i, prev_j, j))
                blocks.append((i, j, 1))
                prev_i, prev_j = i + 1, j + 1
            stack.append((prev_i, a2, prev_j, b2))
            continue
        if (a2 - a1) * (b2 - b1) <= SMALL:
            blocks.extend(_difflib_blocks(a, a1, a2, b, b1, b2))
        else:
            blocks.extend(_walk(a, a1, a2, b, b1, b2))
    blocks.sort()
    # merge adjacent blocks, as difflib does
    merged: list[tuple[int, int, int]] = []
    for i, j, n in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + n)
        else:
            merged.append((i, j, n))
    merged.append((len(a), len(b), 0))
    return merged


def _run(a, a1, a2, b, b1, b2, backward: bool = False) -> int:
    """How many words a[a1:] and b[b1:] have in common at their start (backward: a[:a2] and b[:b2] at their
    end), within the bounds: slices compared in growing, then shrinking steps, so that a long run costs a few
    comparisons made in C."""
    limit = min(a2 - a1, b2 - b1)
    k, step = 0, 16
    while k < limit:
        n = min(step, limit - k)
        same = (a[a2 - k - n:a2 - k] == b[b2 - k - n:b2 - k]) if backward else \
            (a[a1 + k:a1 + k + n] == b[b1 + k:b1 + k + n])
        if same:
            k += n
            step *= 2
        elif n == 1:
            break
        else:
            step = max(1, n // 2)
    return k


def _run_back(a, a1, a2, b, b1, b2) -> int:
    """How many words a[:a2] and b[:b2] have in common at their end (within the bounds)."""
    return _run(a, a1, a2, b, b1, b2, backward=True)


def _difflib_blocks(a, a1, a2, b, b1, b2, autojunk: bool = False):
    sm = difflib.SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=autojunk)
    return [(a1 + i, b1 + j, n) for i, j, n in sm.get_matching_blocks() if n]


RUN = 3                # words that must agree for the two texts to be back in step
WINDOWS = (16, 64, 256, 1024, 4096, 16384)


def _walk(a, a1, a2, b, b1, b2):
    """Blocks of a long gap without unique words (a repetitive text): walk both texts in step; where they
    differ, find the nearest place where they agree again (RUN words, the fewest words skipped on both sides,
    looked for in growing windows) and align the difference between (difflib, it is short)."""
    blocks = []
    i, j = a1, b1
    while i < a2 and j < b2:
        if a[i] == b[j]:
            k = _run(a, i, a2, b, j, b2)
            blocks.append((i, j, k))
            i, j = i + k, j + k
            continue
        step = _resync(a, i, a2, b, j, b2)
        if step is None:  # no agreement within the largest window: difflib's heuristic on the rest
            blocks.extend(_difflib_blocks(a, i, a2, b, j, b2, autojunk=True))
            return blocks
        i2, j2 = step
        if (i2 - i) * (j2 - j) <= SMALL:
            blocks.extend(_difflib_blocks(a, i, i2, b, j, j2))
        i, j = i2, j2
    return blocks


def _resync(a, i, a2, b, j, b2):
    """The (i2, j2) nearest to (i, j) (least i2 - i + j2 - j) where RUN words agree; None if none is near."""
    for w in WINDOWS:
        ea, eb = min(a2, i + w), min(b2, j + w)
        grams: dict[tuple, int] = {}
        for jj in range(j, eb - RUN + 1):
            grams.setdefault(tuple(b[jj:jj + RUN]), jj)  # the first occurrence is the nearest
        best = None
        for ii in range(i, ea - RUN + 1):
            if best is not None and ii - i >= best[0]:
                break
            jj = grams.get(tuple(a[ii:ii + RUN]))
            if jj is not None and (best is None or ii - i + jj - j < best[0]):
                best = (ii - i + jj - j, ii, jj)
        if best is not None:
            return best[1], best[2]
        if ea == a2 and eb == b2:
            break
    return None


def _unique_anchors(a, a1, a2, b, b1, b2) -> list[tuple[int, int]]:
    """Pairs (i, j) of words that occur once in a[a1:a2] and once in b[b1:b2], the longest run increasing on
    both sides (patience sorting)."""
    ca = Counter(islice(a, a1, a2))
    cb = Counter(islice(b, b1, b2))
    common = {w for w, n in ca.items() if n == 1} & {w for w, n in cb.items() if n == 1}
    if not common:
        return []
    # the positions of those words on each side, found in C (compress over a membership map)
    in_a = list(compress(range(a1, a2), map(common.__contains__, islice(a, a1, a2))))
    where_b = {b[j]: j for j in compress(range(b1, b2), map(common.__contains__, islice(b, b1, b2)))}
    pairs = [(i, where_b[a[i]]) for i in in_a]
    # longest increasing subsequence of the j's, O(k log k)
    tails: list[int] = []       # smallest last j of an increasing run of each length
    tail_at: list[int] = []     # index in pairs of that last element
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    out = []
    k = tail_at[-1]
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


def opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """How to turn `a` into `b`, as difflib's get_opcodes."""
    out = []
    i = j = 0
    for ai, bj, size in matching_blocks(a, b):
        tag = ("replace" if i < ai and j < bj else "delete" if i < ai else "insert" if j < bj else "")
        if tag:
            out.append((tag, i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            out.append(("equal", ai, i, bj, j))
    return out
