"""Section typing as sequence labelling: per-paragraph evidence decoded left to right (Viterbi).

Each paragraph brings a log-score for every section type (what its words say, what its heading
says, hard constraints where the report's form settles it); moving from one section to another
costs what the order of real reports makes it cost: a report opens with its preamble, the year's
work comes before 不足 and 安排, and sections do not alternate line by line.
"""

from __future__ import annotations

import numpy as np

from fzgap.model.areas import SECTIONS

__all__ = ["TRANSITIONS", "decode_sections", "transition_matrix"]

_S = {s: i for i, s in enumerate(SECTIONS)}
_STAY = 0.0
_NEG = float("-inf")
# Cost of moving from one section (row) to the next (column); order follows 督察工作规定's
# outline, with the usual variants (第一责任人 first or last, 附件 after the signature).
_MOVES: dict[tuple[str, str], float] = {
    ("preamble", "achievement"): 1.0,
    ("preamble", "first_responsibility"): 1.5,
    ("preamble", "deficiency"): 4.0,
    ("preamble", "plan"): 5.0,
    ("achievement", "first_responsibility"): 2.0,
    ("first_responsibility", "achievement"): 2.0,
    ("achievement", "deficiency"): 2.0,
    ("first_responsibility", "deficiency"): 2.0,
    ("deficiency", "plan"): 1.5,
    ("achievement", "plan"): 3.0,
    ("first_responsibility", "plan"): 3.0,
    ("plan", "other"): 1.5,
    ("deficiency", "other"): 3.0,
    ("achievement", "other"): 3.5,
    ("other", "annex"): 1.0,
    ("plan", "annex"): 2.0,
    ("deficiency", "first_responsibility"): 4.0,
    ("plan", "first_responsibility"): 4.0,
    ("plan", "deficiency"): 4.0,
    ("annex", "other"): 2.0,
}
_BACKWARD = 7.0  # any move not listed: possible, but the evidence must be strong


def transition_matrix() -> np.ndarray:
    """Cost of each move between section types (rows: from, columns: to), as a log-score ≤ 0."""
    n = len(SECTIONS)
    t = np.full((n, n), -_BACKWARD)
    for i in range(n):
        t[i, i] = -_STAY
    for (a, b), cost in _MOVES.items():
        t[_S[a], _S[b]] = -cost
    return t


TRANSITIONS = transition_matrix()


def decode_sections(
    evidence: np.ndarray, transitions: np.ndarray | None = None, start: str = "preamble"
) -> list[str]:
    """The most likely sequence of section types for a report's paragraphs.

    Parameters
    ----------
    evidence : numpy.ndarray of shape (n_paragraphs, len(SECTIONS))
        Log-score of each section type for each paragraph (``-inf`` rules a type out).
    transitions : numpy.ndarray, optional
        Log-score of each move (default :data:`TRANSITIONS`).
    start : str
        The section a report opens in: the first paragraph pays the move from it.

    Returns
    -------
    list of str
        One section type per paragraph.
    """
    n = evidence.shape[0]
    if n == 0:
        return []
    t = TRANSITIONS if transitions is None else transitions
    if _plain_scores(evidence, t):
        return [SECTIONS[k] for k in _best_path(evidence.tolist(), t, _S[start])]
    return _decode_arrays(evidence, t, start)


def _plain_scores(evidence: np.ndarray, t: np.ndarray) -> bool:
    """Finite moves, and every paragraph with a possible section and no NaN or +inf."""
    finite = np.isfinite(evidence)
    return bool(
        np.isfinite(t).all() and (finite | (evidence == _NEG)).all() and finite.any(axis=1).all()
    )


def _best_path(evidence: list[list[float]], t: np.ndarray, start: int) -> list[int]:
    """Viterbi over Python floats, skipping the sections a paragraph rules out.

    Same path as :func:`_decode_arrays` for :func:`_plain_scores` input: every sum is the same
    double, ties go to the first section as ``argmax`` gives them, and a ruled-out section's
    back pointer is never followed (the path only passes through finite scores).
    """
    into = t.T.tolist()  # into[j][i]: the cost of moving from i to j
    score = [a + b for a, b in zip(t[start].tolist(), evidence[0])]
    back: list[list[int]] = []
    for row in evidence[1:]:
        new, came = [_NEG] * len(row), [0] * len(row)
        for j, e in enumerate(row):
            if e != _NEG:
                total = [a + b for a, b in zip(score, into[j])]
                best = max(total)
                came[j] = total.index(best)
                new[j] = best + e
        back.append(came)
        score = new
    path = [score.index(max(score))]
    for came in reversed(back):
        path.append(came[path[-1]])
    return path[::-1]


def _decode_arrays(evidence: np.ndarray, t: np.ndarray, start: str) -> list[str]:
    """:func:`decode_sections` in numpy, for any scores (NaN and +inf included)."""
    n = evidence.shape[0]
    score = t[_S[start]] + evidence[0]
    back = np.zeros((n, len(SECTIONS)), dtype=int)
    for i in range(1, n):
        total = score[:, None] + t  # (from, to)
        back[i] = np.argmax(total, axis=0)
        score = total[back[i], np.arange(len(SECTIONS))] + evidence[i]
    path = [int(np.argmax(score))]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return [SECTIONS[k] for k in reversed(path)]
