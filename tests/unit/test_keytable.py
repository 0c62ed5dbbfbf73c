"""The vectorised hash table answers as a dict would, whatever the keys' clustering."""

from __future__ import annotations

import numpy as np
import pytest

from fzgap.model.keytable import KeyTable


@pytest.mark.parametrize("n", [0, 1, 7, 1000, 50_000])
def test_lookups_equal_a_dicts(n: int) -> None:
    rng = np.random.default_rng(n)
    keys = np.unique(rng.integers(0, 1307**4, n))
    values = rng.permutation(len(keys))
    table = KeyTable(keys, values)
    assert len(table) == len(keys)
    queries = np.concatenate([keys, rng.integers(0, 1307**4, 5 * n + 10), [-1, -5]])
    rng.shuffle(queries)
    want = dict(zip(keys.tolist(), values.tolist()))
    assert table.get(queries).tolist() == [want.get(q, -1) for q in queries.tolist()]


def test_keys_sharing_one_home_slot_are_all_found() -> None:
    rng = np.random.default_rng(0)
    candidates = np.unique(rng.integers(0, 2**62, 2_000_000))
    probe = KeyTable(candidates[:200], np.arange(200))  # a table of 200 keys: same slot count
    keys = candidates[probe._slots(candidates) == 5][:200]
    assert len(keys) == 200
    table = KeyTable(keys, np.arange(200))
    assert table.probes == 200
    assert table.get(keys).tolist() == list(range(200))
    others = candidates[probe._slots(candidates) == 5][200:]
    assert len(others) and (table.get(others) == -1).all()


def test_duplicate_or_negative_keys_are_refused() -> None:
    with pytest.raises(ValueError):
        KeyTable(np.array([3, 3]), np.array([0, 1]))
    with pytest.raises(ValueError):
        KeyTable(np.array([-2]), np.array([0]))


def test_keys_homed_at_the_last_slot_run_on_into_the_tail() -> None:
    rng = np.random.default_rng(1)
    candidates = np.unique(rng.integers(0, 2**62, 2_000_000))
    for n in (50, 1):  # a cluster at the end, and one key alone in the last slot
        probe = KeyTable(candidates[:n], np.arange(n))  # n keys: the same slot count
        homed = candidates[probe._slots(candidates) == (1 << probe.bits) - 1]
        keys, others = homed[:n], homed[n:]
        table = KeyTable(keys, np.arange(n))
        assert table.probes == n
        assert table.get(keys).tolist() == list(range(n))
        # Misses homed there probe past the last home slot and stop at the table's end.
        assert len(others) and (table.get(others) == -1).all()
