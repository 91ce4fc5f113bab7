"""Pure-Python validation of the values clerks enter (no Qt, no database).

Every validator raises :class:`InvalidValue`, whose ``reason`` is a Chinese
sentence for the clerk and whose ``kind`` is a stable code.
"""

from bzdesk.validation._errors import (
    KIND_BAD_CHECKSUM,
    KIND_BAD_DATE,
    KIND_BAD_FORMAT,
    KIND_MISSING,
    InvalidValue,
)
from bzdesk.validation.dates import Precision, parse_loose_date
from bzdesk.validation.idcard import (
    IdCardInfo,
    Sex,
    check_digit,
    mask_id,
    normalise_id,
    upgrade_15_to_18,
    validate_id,
)
from bzdesk.validation.names import normalise_person_name
from bzdesk.validation.uscc import normalise_uscc, uscc_check_char, validate_uscc

__all__ = [
    "KIND_BAD_CHECKSUM",
    "KIND_BAD_DATE",
    "KIND_BAD_FORMAT",
    "KIND_MISSING",
    "IdCardInfo",
    "InvalidValue",
    "Precision",
    "Sex",
    "check_digit",
    "mask_id",
    "normalise_id",
    "normalise_person_name",
    "normalise_uscc",
    "parse_loose_date",
    "upgrade_15_to_18",
    "uscc_check_char",
    "validate_id",
    "validate_uscc",
]
