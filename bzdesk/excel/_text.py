"""Text tidying shared by the reader, the header detection and the row helpers."""

from __future__ import annotations

from typing import Final

# Invisible characters that come along when copying from web pages or Word;
# str.strip() keeps them because they are not whitespace.
_ZERO_WIDTH: Final = "\u200b\u200c\u200d\u2060\ufeff"


# Everything str.strip() takes (Unicode whitespace) plus the zero-width characters, so
# that one C-level strip does it, whatever the order they are mixed in at either end.
STRIPPED: Final = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + _ZERO_WIDTH


def strip_text(text: str) -> str:
    """Strip whitespace (incl. full-width and no-break spaces) and zero-width characters."""
    return text.strip(STRIPPED)


def is_blank(value: object) -> bool:
    """None, "" and strings of only whitespace / zero-width characters."""
    return value is None or (isinstance(value, str) and not strip_text(value))
