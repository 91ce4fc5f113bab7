"""party: organisations, members and their stays, activity types and records,
attendance, volunteer service, community check-ins, 党费 ledger and brackets

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Children before parents, for downgrade.
TABLES = ("party_dues_rule", "party_dues", "party_checkin", "party_volunteer",
          "party_attendance", "party_activity", "party_activity_type", "party_membership",
          "party_member", "party_org")


def _envelope(table: str) -> list[sa.schema.SchemaItem]:
    """The SyncRow columns every table ends with, and its primary key."""
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=op.f(f"fk_{table}_{column}_{target}"))


def _indexes(table: str, *named: tuple[str, list[str]]) -> None:
    with op.batch_alter_table(table) as batch:
        batch.create_index(batch.f(f"ix_{table}_office_id"), ["office_id"], unique=False)
        for name, columns in named:
            batch.create_index(name, columns, unique=False)


def upgrade() -> None:
    op.create_table(
        "party_org",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("founded_on", sa.Date(), nullable=False),
        sa.Column("dissolved_on", sa.Date(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_envelope("party_org"),
        _fk("party_org", "parent_id", "party_org"),
    )
    _indexes("party_org", ("ix_party_org_parent", ["parent_id", "sort_order"]))

    op.create_table(
        "party_member",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=4), nullable=False),
        sa.Column("full_on", sa.Date(), nullable=True),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.Column("community", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        *_envelope("party_member"),
        _fk("party_member", "person_id", "person"),
    )
    _indexes("party_member", ("ix_party_member_name", ["name", "id"]),
             (op.f("ix_party_member_person_id"), ["person_id"]))

    op.create_table(
        "party_membership",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("start_kind", sa.String(length=10), nullable=False),
        sa.Column("start_note", sa.String(length=200), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("end_kind", sa.String(length=10), nullable=True),
        sa.Column("end_note", sa.String(length=200), nullable=False),
        *_envelope("party_membership"),
        _fk("party_membership", "member_id", "party_member"),
        _fk("party_membership", "org_id", "party_org"),
    )
    _indexes("party_membership",
             ("ix_party_membership_member",
              ["member_id", "start_on", "end_on", "org_id", "deleted"]),
             ("ix_party_membership_org", ["org_id", "start_on", "end_on", "deleted"]))

    op.create_table(
        "party_activity_type",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("required_count", sa.Integer(), nullable=False),
        sa.Column("applies_to", sa.String(length=60), nullable=False),
        sa.Column("whole_membership", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_envelope("party_activity_type"),
    )
    _indexes("party_activity_type")

    op.create_table(
        "party_activity",
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("type_id", sa.String(length=36), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("host", sa.String(length=50), nullable=False),
        sa.Column("recorder", sa.String(length=50), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("resolutions", sa.Text(), nullable=False),
        sa.Column("speakers", sa.Text(), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("first_topic", sa.Boolean(), nullable=False),
        *_envelope("party_activity"),
        _fk("party_activity", "org_id", "party_org"),
        _fk("party_activity", "type_id", "party_activity_type"),
    )
    _indexes("party_activity",
             ("ix_party_activity_board",
              ["deleted", "held_on", "org_id", "type_id", "first_topic"]),
             ("ix_party_activity_org", ["org_id", "held_on"]))

    op.create_table(
        "party_attendance",
        sa.Column("activity_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=4), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        *_envelope("party_attendance"),
        _fk("party_attendance", "activity_id", "party_activity"),
        _fk("party_attendance", "member_id", "party_member"),
    )
    _indexes("party_attendance",
             ("ix_party_attendance_activity", ["activity_id", "deleted", "status"]),
             ("ix_party_attendance_member", ["member_id", "activity_id"]))

    op.create_table(
        "party_volunteer",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("served_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("hours_tenths", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        *_envelope("party_volunteer"),
        _fk("party_volunteer", "member_id", "party_member"),
    )
    _indexes("party_volunteer",
             ("ix_party_volunteer_day", ["deleted", "served_on", "member_id", "hours_tenths"]),
             ("ix_party_volunteer_member", ["member_id", "served_on"]))

    op.create_table(
        "party_checkin",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=6), nullable=False),
        sa.Column("community", sa.String(length=100), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        *_envelope("party_checkin"),
        _fk("party_checkin", "member_id", "party_member"),
    )
    _indexes("party_checkin",
             ("ix_party_checkin_month", ["deleted", "month", "member_id", "status"]),
             ("ix_party_checkin_member", ["member_id", "month"]))

    op.create_table(
        "party_dues",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("base_fen", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        *_envelope("party_dues"),
        _fk("party_dues", "member_id", "party_member"),
    )
    _indexes("party_dues",
             ("ix_party_dues_member", ["member_id", "month", "deleted"]),
             ("ix_party_dues_month", ["month"]))

    op.create_table(
        "party_dues_rule",
        sa.Column("working", sa.Text(), nullable=False),
        sa.Column("retired", sa.Text(), nullable=False),
        sa.Column("alert_months", sa.Integer(), nullable=False),
        *_envelope("party_dues_rule"),
    )
    _indexes("party_dues_rule")


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
