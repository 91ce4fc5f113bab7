"""visits: link assignments (挂点/联络专员), visits, problems and their steps,
the office's visit rule

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("visit_issue_step", "visit_issue", "visit", "link_assignment", "visit_rule")


def upgrade() -> None:
    op.create_table(
        "visit_rule",
        sa.Column("required_per_quarter", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_rule")),
    )
    with op.batch_alter_table("visit_rule") as batch:
        batch.create_index(batch.f("ix_visit_rule_office_id"), ["office_id"], unique=False)

    op.create_table(
        "link_assignment",
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("leader_name", sa.String(length=40), nullable=False),
        sa.Column("leader_key", sa.String(length=60), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("target_kind", sa.String(length=10), nullable=False),
        sa.Column("target_key", sa.String(length=60), nullable=False),
        sa.Column("target_name", sa.String(length=100), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("required_per_quarter", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_link_assignment_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_link_assignment_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_assignment")),
    )
    with op.batch_alter_table("link_assignment") as batch:
        batch.create_index(
            "ix_link_assignment_leader", ["leader_key", "target_key", "start_on"], unique=False
        )
        batch.create_index(batch.f("ix_link_assignment_office_id"), ["office_id"], unique=False)
        batch.create_index("ix_link_assignment_target", ["target_key", "start_on"], unique=False)

    op.create_table(
        "visit",
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("leader_name", sa.String(length=40), nullable=False),
        sa.Column("leader_key", sa.String(length=60), nullable=False),
        sa.Column("assignment_id", sa.String(length=36), nullable=True),
        sa.Column("target_key", sa.String(length=60), nullable=True),
        sa.Column("target_name", sa.String(length=100), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("places", sa.Text(), nullable=False),
        sa.Column("unit_ids", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignment_id"],
            ["link_assignment.id"],
            name=op.f("fk_visit_assignment_id_link_assignment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit") as batch:
        batch.create_index(
            "ix_visit_grid", ["leader_key", "target_key", "start_on", "deleted"], unique=False
        )
        batch.create_index(batch.f("ix_visit_office_id"), ["office_id"], unique=False)
        batch.create_index("ix_visit_start", ["start_on"], unique=False)

    op.create_table(
        "visit_issue",
        sa.Column("visit_id", sa.String(length=36), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("responsible_name", sa.String(length=100), nullable=False),
        sa.Column("responsible_key", sa.String(length=60), nullable=False),
        sa.Column("responsible_unit_id", sa.String(length=36), nullable=True),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("confirm_visit_id", sa.String(length=36), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["confirm_visit_id"], ["visit.id"], name=op.f("fk_visit_issue_confirm_visit_id_visit")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_unit_id"],
            ["unit.id"],
            name=op.f("fk_visit_issue_responsible_unit_id_unit"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_visit_issue_visit_id_visit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_issue")),
    )
    with op.batch_alter_table("visit_issue") as batch:
        batch.create_index(
            "ix_visit_issue_board",
            ["responsible_key", "status", "deadline", "closed_on", "deleted"],
            unique=False,
        )
        batch.create_index(batch.f("ix_visit_issue_office_id"), ["office_id"], unique=False)
        batch.create_index("ix_visit_issue_status", ["status", "deadline"], unique=False)
        batch.create_index("ix_visit_issue_visit", ["visit_id"], unique=False)

    op.create_table(
        "visit_issue_step",
        sa.Column("issue_id", sa.String(length=36), nullable=False),
        sa.Column("from_status", sa.String(length=10), nullable=False),
        sa.Column("to_status", sa.String(length=10), nullable=False),
        sa.Column("step_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("by_name", sa.String(length=40), nullable=False),
        sa.Column("by_approver", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["visit_issue.id"], name=op.f("fk_visit_issue_step_issue_id_visit_issue")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_issue_step")),
    )
    with op.batch_alter_table("visit_issue_step") as batch:
        batch.create_index("ix_visit_issue_step_issue", ["issue_id", "step_on"], unique=False)
        batch.create_index(batch.f("ix_visit_issue_step_office_id"), ["office_id"], unique=False)


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
