"""Text tidying shared by the reader, the header detection and the row helpers."""

from __future__ import annotations

from typing import Final

# Invisible characters that come along when copying from web pages or Word;
# str.strip() keeps them because they are not whitespace.
_ZERO_WIDTH: Final = "\u200b\u200c\u200d\u2060\ufeff"


def strip_text(text: str) -> str:
    """Strip whitespace (incl. full-width and no-break spaces) and zero-width characters."""
    return text.strip().strip(_ZERO_WIDTH).strip()


def is_blank(value: object) -> bool:
    """None, "" and strings of only whitespace / zero-width characters."""
    return value is None or (isinstance(value, str) and not strip_text(value))
