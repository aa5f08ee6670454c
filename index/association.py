"""The statistics of word tables: keyness of a subset against the rest of the corpus, and
the association of a collocate with a query. Plain functions of counts (natural logs;
``0·ln 0`` is 0).

Keyness, log-likelihood G² as Rayson and Garside (2000) and the UCREL calculator compute
it. A word occurs ``a`` times in the subset of ``c`` words and ``b`` times in the rest of
``d`` words::

    E1 = c·(a+b)/(c+d)    E2 = d·(a+b)/(c+d)
    G² = 2·(a·ln(a/E1) + b·ln(b/E2))

signed: positive when the subset uses the word more often than the rest (a/c > b/d),
negative when less. G² above 3.84 is p < 0.05 (one degree of freedom), 6.63 p < 0.01,
10.83 p < 0.001, 15.13 p < 0.0001.

Collocation, over the 2×2 table of Dunning (1993) as Evert (2005) sets it up for windows.
The windows around the hits hold ``R`` words, ``O`` of them the collocate; the corpus holds
``N`` words, ``C`` of them the collocate::

    E = R·C/N                            (expected in the windows by chance)
    MI = log2(O/E)
    LL = 2·Σ Oij·ln(Oij/Eij)  over  O11 = O, O12 = R−O, O21 = C−O, O22 = N−R−C+O,
                                    Eij = (row i total)·(column j total)/N

LL signed as keyness is (negative when O < E). MI rewards rare words (one co-occurrence
of a word seen once scores highest), which is why the tables take a minimum frequency.
"""

from __future__ import annotations

import math


def _term(observed: float, expected: float) -> float:
    return observed * math.log(observed / expected) if observed > 0 and expected > 0 else 0.0


def keyness(a: int, b: int, c: int, d: int) -> float:
    """Signed G² of a word seen ``a`` times in ``c`` words against ``b`` in ``d``."""
    if c <= 0 or d <= 0 or a + b <= 0:
        return 0.0
    total = c + d
    e1 = c * (a + b) / total
    e2 = d * (a + b) / total
    g2 = 2 * (_term(a, e1) + _term(b, e2))
    return g2 if a * d >= b * c else -g2


def expected(window_words: int, corpus_count: int, corpus_words: int) -> float:
    """E: how often a word of ``corpus_count`` in ``corpus_words`` falls in the windows by chance."""
    return window_words * corpus_count / corpus_words if corpus_words > 0 else 0.0


def mutual_information(observed: int, window_words: int, corpus_count: int, corpus_words: int) -> float:
    e = expected(window_words, corpus_count, corpus_words)
    return math.log2(observed / e) if observed > 0 and e > 0 else float("-inf")


def log_likelihood(observed: int, window_words: int, corpus_count: int, corpus_words: int) -> float:
    """Signed LL of the 2×2 table. Counts that the table cannot hold (a collocate seen
    more often in overlapping windows than in the corpus) are clamped at zero."""
    n = corpus_words
    if n <= 0:
        return 0.0
    o11 = observed
    o12 = max(window_words - observed, 0)
    o21 = max(corpus_count - observed, 0)
    o22 = max(n - window_words - corpus_count + observed, 0)
    r1, r2 = o11 + o12, o21 + o22
    c1, c2 = o11 + o21, o12 + o22
    total = r1 + r2
    if total <= 0:
        return 0.0
    ll = 2 * (
        _term(o11, r1 * c1 / total)
        + _term(o12, r1 * c2 / total)
        + _term(o21, r2 * c1 / total)
        + _term(o22, r2 * c2 / total)
    )
    return ll if o11 * total >= r1 * c1 else -ll
