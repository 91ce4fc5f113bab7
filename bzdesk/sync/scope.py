"""Offices form a tree by their GB/T 2260 codes; scope says who may hold a row.

An office's scope is its own rows, the rows of every office below it, and
the shared rows (dictionaries, its 编制总额) set by the offices above it. A
county never holds another county's rows.
"""

from __future__ import annotations

NATIONAL = "000000"  # built-in dictionary entries every site has (never sent)


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "county"


def ancestors(code: str) -> list[str]:
    """Codes above ``code``: county → [city, province]; city → [province]."""
    level = level_of(code)
    if level == "county":
        return [code[:4] + "00", code[:2] + "0000"]
    if level == "city":
        return [code[:2] + "0000"]
    return []


def parent(code: str) -> str | None:
    """The office directly above ``code`` (county → city → province; None above that)."""
    above = ancestors(code)
    return above[0] if above else None


def within(code: str, office: str) -> bool:
    """True when ``code`` is ``office`` itself or an office below it."""
    level = level_of(office)
    if level == "province":
        return code[:2] == office[:2]
    if level == "city":
        return code[:4] == office[:4]
    return code == office


def prefix(office: str) -> str:
    """The code prefix shared by an office and every office below it."""
    return {"province": office[:2], "city": office[:4]}.get(level_of(office), office)


def site_office(site_id: str) -> str:
    """Sites are named ``<office code>-<random>``."""
    return site_id.split("-", 1)[0]


def in_scope(receiver: str, owner: str, shared: bool) -> bool:
    """May the office ``receiver`` hold a row owned by (or set for) ``owner``?

    ``shared`` rows (dictionaries, totals set from above) also travel down
    to every office below their owner.
    """
    if within(owner, receiver):
        return True
    return shared and within(receiver, owner)
