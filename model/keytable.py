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
        ordered = np.sort(keys)
        if len(keys) != len(values) or (ordered[1:] == ordered[:-1]).any() or (keys < 0).any():
            raise ValueError("keys must be distinct, non-negative and one per value")
        self.bits = max(4, int(len(keys) * 8).bit_length())
        size = 1 << self.bits
        self.keys = np.full(size, _EMPTY, dtype=np.int64)
        self.values = np.full(size, -1, dtype=np.int64)
        self.mask = size - 1
        slot = self._slots(keys)
        # Insert by rounds: each round places the first key of every free target slot, the
        # others move one slot on (linear probing, wrapping round).
        pending = np.arange(len(keys))
        self.probes = 0
        while len(pending):
            self.probes += 1
            s = slot[pending]
            free = self.keys[s] == _EMPTY
            # The first pending key aiming at each slot (a stable sort keeps their order).
            order = np.argsort(s, kind="stable")
            first = np.empty(len(pending), dtype=bool)
            first[order] = np.r_[True, s[order][1:] != s[order][:-1]]
            put = free & first
            self.keys[s[put]] = keys[pending[put]]
            self.values[s[put]] = values[pending[put]]
            pending = pending[~put]
            slot[pending] = (slot[pending] + 1) & self.mask
        self._size = len(keys)
        # Each slot's key and value side by side: one gather reads both (one cache line).
        self._pairs = np.ascontiguousarray(np.stack([self.keys, self.values], axis=1))
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
            slot = (slot + 1) & self.mask
            pairs = np.take(self._pairs, slot, axis=0)
            hit = pairs[:, 0] == queries[todo]
            out[todo[hit]] = pairs[hit, 1]
            more = ~hit & (pairs[:, 0] != _EMPTY)
            todo, slot = todo[more], slot[more]
        return out
