"""A read-only hash table from int64 keys to int64 values, looked up a whole array at a time.

The vocabularies map integer n-gram keys to feature columns. A sorted array with
``searchsorted`` costs a binary search per query, out of cache for millions of queries; this
open-addressing table (Fibonacci hashing, linear probing, at most an eighth full) answers most
queries with one multiplication and one read, all in numpy.
"""

from __future__ import annotations

import numpy as np

__all__ = ["KeyTable"]

#: 2**64 / golden ratio, odd: multiplying by it spreads consecutive keys over the whole table.
_MULT = np.uint64(0x9E3779B97F4A7C15)
#: The empty-slot marker; no key is negative.
_EMPTY = -1


class KeyTable:
    """Map non-negative int64 keys to int64 values; absent keys give -1.

    Parameters
    ----------
    keys : ndarray of int64
        Distinct non-negative keys.
    values : ndarray of int64
        The value of each key.
    """

    def __init__(self, keys: np.ndarray, values: np.ndarray) -> None:
        keys = np.asarray(keys, dtype=np.int64)
        values = np.asarray(values, dtype=np.int64)
        if len(keys) != len(values) or (keys < 0).any():
            raise ValueError("keys must be distinct, non-negative and one per value")
        self.bits = max(4, int(len(keys) * 8).bit_length())
        size = 1 << self.bits
        # The hash is a bijection of the keys and its top bits are the home slot: one sort by
        # it orders the keys by home slot and puts equal keys side by side.
        hashed = keys.view(np.uint64) * _MULT
        order = np.argsort(hashed, kind="stable")
        hashed = hashed[order]
        if (hashed[1:] == hashed[:-1]).any():
            raise ValueError("keys must be distinct, non-negative and one per value")
        home = (hashed >> np.uint64(64 - self.bits)).view(np.int64)
        # Linear probing in home order: each key takes the first free slot at or after its
        # home, i.e. pos[i] = max(home[i], pos[i - 1] + 1), a running maximum of home[i] - i.
        rank = np.arange(len(keys), dtype=np.int64)
        pos = np.maximum.accumulate(home - rank) + rank if len(keys) else rank
        # Keys pushed past the last home slot go on into a tail instead of wrapping round, and
        # one empty slot ends the table: every probe stops at an empty slot before the end.
        tail = max(int(pos[-1]) + 1 - size, 0) if len(keys) else 0
        self.probes = int((pos - home).max()) + 1 if len(keys) else 1
        self._pairs = np.full((size + tail + 1, 2), _EMPTY, dtype=np.int64)
        self._pairs[pos, 0] = keys[order]
        self._pairs[pos, 1] = values[order]
        self._size = len(keys)
        self.keys, self.values = self._pairs[:, 0], self._pairs[:, 1]

    def __len__(self) -> int:
        return self._size

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        """Home slot of each key."""
        # Views, not casts: a cast between 64-bit integer types costs a pass of its own.
        h = keys.view(np.uint64) * _MULT
        return (h >> np.uint64(64 - self.bits)).view(np.int64)

    def get(self, queries: np.ndarray) -> np.ndarray:
        """The value of each query key, -1 where the key is absent (or the query negative)."""
        queries = np.asarray(queries, dtype=np.int64)
        slot = self._slots(queries)
        # np.take along an axis gathers rows several times faster than fancy indexing.
        pairs = np.take(self._pairs, slot, axis=0)
        hit = pairs[:, 0] == queries
        out = np.where(hit, pairs[:, 1], -1)
        # Queries whose home slot holds another key probe on; a key sits at most
        # ``probes - 1`` slots after its home, so that many steps settle every query.
        todo = np.flatnonzero(~hit & (pairs[:, 0] != _EMPTY))
        slot = slot[todo]
        for _ in range(self.probes - 1):
            if not len(todo):
                break
            slot = slot + 1  # never past the end: the table ends with an empty slot
            pairs = np.take(self._pairs, slot, axis=0)
            hit = pairs[:, 0] == queries[todo]
            out[todo[hit]] = pairs[hit, 1]
            more = ~hit & (pairs[:, 0] != _EMPTY)
            todo, slot = todo[more], slot[more]
        return out
