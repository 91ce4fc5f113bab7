"""Free text as stored: Chinese punctuation kept as typed (，。（）《》), only
full-width letters and digits folded to ASCII and whitespace runs collapsed.
(NFKC would turn “，” into “,” and “（” into “(”: wrong for Chinese documents.)"""

from __future__ import annotations

_FOLD = {cp: cp - 0xFEE0 for cp in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                     *range(0xFF41, 0xFF5B))}
_FOLD[0x3000] = 0x20  # ideographic space


def tidy_text(value: str | None) -> str:
    return " ".join((value or "").translate(_FOLD).split())
