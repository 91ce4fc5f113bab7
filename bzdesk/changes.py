"""What an operation changed, so open pages reload only what concerns them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Area(StrEnum):
    OFFICE = "office"
    UNITS = "units"
    QUOTAS = "quotas"
    PEOPLE = "people"
    POSTINGS = "postings"
    PLANS = "plans"
    POOL = "pool"
    DICTIONARIES = "dictionaries"
    VISITS = "visits"
    PARTY = "party"
    ATTACHMENTS = "attachments"
    SYNC = "sync"
    USERS = "users"
    SETTINGS = "settings"


Changed = frozenset[Area]
NOTHING: Changed = frozenset()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a write service returns: its view and the areas it changed."""

    value: T
    changed: Changed
