"""Just enough of the compound file format ([MS-CFB]) to tell what an OLE2 file is.

An old .xls, an .xlsx saved with an open password and a Word .doc all start with the
same eight bytes; the names of the streams inside tell them apart. Hostile or broken
files raise :class:`CfbError`, never loop: every chain walk is bounded by the file size.
"""

from __future__ import annotations

import struct
from typing import BinaryIO, Final

MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_END_OF_CHAIN: Final = 0xFFFFFFFE
_MAX_REGULAR: Final = 0xFFFFFFFA
_ENTRY_SIZE: Final = 128
_STREAM: Final = 2
_HEADER_DIFAT: Final = 109


class CfbError(ValueError):
    """The file is not a well-formed compound file."""


class CompoundFile:
    """The directory of a compound file: stream names, and the head of a stream."""

    def __init__(self, f: BinaryIO, size: int) -> None:
        self._f = f
        header = self._read_at(0, 512)
        if header[:8] != MAGIC:
            raise CfbError("no compound file signature")
        shift = struct.unpack_from("<H", header, 30)[0]
        if shift not in (9, 12):
            raise CfbError(f"sector shift {shift}")
        self._sector = 1 << shift
        self._max_sectors = size // self._sector + 1
        fat_count, dir_start = struct.unpack_from("<II", header, 44)
        difat_start, difat_count = struct.unpack_from("<II", header, 68)
        if fat_count > self._max_sectors:
            raise CfbError("FAT larger than the file")
        fat_sectors = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", header, 76))
        per_sector = self._sector // 4
        sector = difat_start
        for _ in range(min(difat_count, self._max_sectors)):
            if sector > _MAX_REGULAR:
                break
            block = struct.unpack(f"<{per_sector}I", self._read_sector(sector))
            fat_sectors.extend(block[:-1])
            sector = block[-1]
        fat: list[int] = []
        for fat_sector in fat_sectors[:fat_count]:
            fat.extend(struct.unpack(f"<{per_sector}I", self._read_sector(fat_sector)))
        self._fat = fat
        directory = b"".join(self._read_sector(s) for s in self._chain(dir_start))
        self.streams: dict[str, tuple[int, int]] = {}
        for offset in range(0, len(directory) - _ENTRY_SIZE + 1, _ENTRY_SIZE):
            entry = directory[offset:offset + _ENTRY_SIZE]
            name_len, kind = struct.unpack_from("<HB", entry, 64)
            if kind != _STREAM or not 2 <= name_len <= 64:
                continue
            name = entry[:name_len - 2].decode("utf-16-le", "replace")
            start, stream_size = struct.unpack_from("<IQ", entry, 116)
            self.streams[name] = (start, stream_size)

    def _read_at(self, offset: int, length: int) -> bytes:
        self._f.seek(offset)
        data = self._f.read(length)
        if len(data) != length:
            raise CfbError("truncated compound file")
        return data

    def _read_sector(self, number: int) -> bytes:
        if number > _MAX_REGULAR or number >= self._max_sectors:
            raise CfbError(f"sector {number} outside the file")
        return self._read_at((number + 1) * self._sector, self._sector)

    def _chain(self, start: int) -> list[int]:
        chain: list[int] = []
        sector = start
        while sector != _END_OF_CHAIN:
            if sector >= len(self._fat) or len(chain) >= self._max_sectors:
                raise CfbError("broken sector chain")
            chain.append(sector)
            sector = self._fat[sector]
        return chain

    def has_stream(self, *names: str) -> bool:
        """Whether any of ``names`` is a stream (case-insensitive, as the format says)."""
        wanted = {n.casefold() for n in names}
        return any(name.casefold() in wanted for name in self.streams)

    def stream_head(self, name: str, length: int) -> bytes:
        """The first ``length`` bytes of a stream kept in ordinary sectors (a workbook
        stream always is: it is far above the 4096-byte mini-stream cutoff)."""
        for stream, (start, size) in self.streams.items():
            if stream.casefold() == name.casefold():
                if size < 4096:
                    return b""
                out = bytearray()
                sector = start
                while len(out) < min(length, size) and sector != _END_OF_CHAIN:
                    out += self._read_sector(sector)
                    if sector >= len(self._fat):
                        raise CfbError("broken sector chain")
                    sector = self._fat[sector]
                return bytes(out[:length])
        return b""
