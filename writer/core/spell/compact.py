"""A spelling dictionary in one compact file, looked up where it lies.

pyspellchecker ships its word lists as gzipped JSON; turning one into Python objects takes half a
second to a second and 40-60 MB, and its larger steps are single C calls that hold the
interpreter lock (the window could not draw meanwhile). Writer turns each list once into this
file, in a process of its own, and keeps it in its data folder. Loading it is one read: the
words stay bytes in a hash table (open addressing, CRC-32 of the UTF-8 word), about 12 MB a
language, and a lookup costs a microsecond or two.

Layout (little-endian 32-bit numbers): magic, word count, slot count, letters length, then the
letters (UTF-8, padded to 4), the slots (entry + 1, 0 = empty), the word offsets (count + 1,
into the file), the counts, and the words.
"""

from __future__ import annotations

import contextlib
import mmap
import struct
import sys
import zlib
from array import array
from pathlib import Path

MAGIC = b"WRDICT2\n"
_HEADER = struct.Struct("<8sIII")
_MAX_COUNT = 2**32 - 1


def build(counts: dict[str, int]) -> bytes:
    """The file's bytes for a word -> count mapping."""
    words = sorted(counts)
    encoded = [w.encode("utf-8", "surrogatepass") for w in words]
    letters = "".join(sorted(set("".join(words)))).encode("utf-8", "surrogatepass")
    letters += b"\0" * (-len(letters) % 4)
    slots = 1
    while slots < 2 * max(1, len(words)):
        slots *= 2
    mask = slots - 1
    table = array("I", bytes(4 * slots))
    for number, word in enumerate(encoded):
        slot = zlib.crc32(word) & mask
        while table[slot]:
            slot = (slot + 1) & mask
        table[slot] = number + 1
    start = _HEADER.size + len(letters) + 4 * slots + 4 * (len(words) + 1) + 4 * len(words)
    offsets = array("I", [0] * (len(words) + 1))
    position = start
    for number, word in enumerate(encoded):
        offsets[number] = position
        position += len(word)
    offsets[len(words)] = position
    numbers = array("I", (min(max(int(counts[w]), 0), _MAX_COUNT) for w in words))
    parts = [table, offsets, numbers]
    if sys.byteorder != "little":
        for part in parts:
            part.byteswap()
    return b"".join([_HEADER.pack(MAGIC, len(words), slots, len(letters)), letters,
                     *(part.tobytes() for part in parts), *encoded])


class CompactDictionary:
    """Words and their counts, read from `build`'s bytes (raises ValueError when damaged)."""

    def __init__(self, data: bytes | mmap.mmap) -> None:
        if len(data) < _HEADER.size:
            raise ValueError("too short for a dictionary file")
        magic, words, slots, letters = _HEADER.unpack_from(data)
        if magic != MAGIC or slots < 2 or slots & (slots - 1) or slots < 2 * words:
            raise ValueError("not a dictionary file of this version")
        at = _HEADER.size
        self.letters = data[at:at + letters].rstrip(b"\0").decode("utf-8", "surrogatepass")
        at += letters
        view = memoryview(data)
        self._slots = self._numbers(view[at:at + 4 * slots])
        at += 4 * slots
        self._offsets = self._numbers(view[at:at + 4 * (words + 1)])
        at += 4 * (words + 1)
        self._counts = self._numbers(view[at:at + 4 * words])
        if len(self._counts) != words or (words and self._offsets[-1] != len(data)):
            raise ValueError("a damaged dictionary file")
        self._data = data
        self._mask = slots - 1
        self.size = words

    @staticmethod
    def _numbers(view: memoryview):
        if sys.byteorder == "little":
            return view.cast("I")
        numbers = array("I", view.tobytes())
        numbers.byteswap()
        return numbers

    @classmethod
    def read(cls, path: Path) -> CompactDictionary:
        """The file mapped, not read: only the pages lookups touch come into memory, and every
        Writer process on the machine shares them."""
        with open(path, "rb") as file:
            try:
                mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
            except (ValueError, OSError) as exc:  # an empty file, or no mapping here
                raise ValueError(f"cannot map the dictionary file: {exc}") from exc
        try:
            return cls(mapped)
        except ValueError:
            with contextlib.suppress(BufferError):  # views of it may live until the error goes
                mapped.close()  # a damaged file is made again: nothing may hold it (Windows)
            raise

    def count(self, word: str) -> int:
        """How often the word occurs in the list's sources (0: not a word of the list)."""
        key = word.encode("utf-8", "surrogatepass")
        slots, offsets, data, mask = self._slots, self._offsets, self._data, self._mask
        slot = zlib.crc32(key) & mask
        while True:
            entry = slots[slot]
            if not entry or entry > self.size:  # empty (or, in a damaged file, nothing usable)
                return 0
            start, end = offsets[entry - 1], offsets[entry]
            if end - start == len(key) and data[start:end] == key:
                return self._counts[entry - 1]
            slot = (slot + 1) & mask

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) > 0

    def candidates(self, word: str) -> set[str]:
        """The word itself when known, else the known words one edit away (a letter deleted,
        swapped with the next, replaced or inserted)."""
        if word in self:
            return {word}
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        edits = {left + right[1:] for left, right in splits if right}
        edits |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
        edits |= {left + c + right[1:] for left, right in splits if right for c in self.letters}
        edits |= {left + c + right for left, right in splits for c in self.letters}
        return {w for w in edits if w in self}
