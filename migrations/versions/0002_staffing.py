"""staffing: units, 编制类型, quotas, leader posts, 编制总额, people, postings,
hiring plans, the 周转池 ledger, teacher ratios and school pupils

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:34:17.748418
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=False),
        sa.Column("ethnicity", sa.String(length=20), nullable=False),
        sa.Column("political", sa.String(length=20), nullable=False),
        sa.Column("education", sa.String(length=20), nullable=False),
        sa.Column("degree", sa.String(length=20), nullable=False),
        sa.Column("work_start", sa.Date(), nullable=True),
        sa.Column("work_start_precision", sa.String(length=5), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("initials", sa.String(length=50), nullable=False),
        sa.Column("photo_sha256", sa.String(length=64), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_birth_id", ["birth_date", "id"], unique=False)
        batch_op.create_index("ix_person_id_number", ["id_number", "deleted"], unique=False)
        batch_op.create_index("ix_person_initials", ["initials", "id"], unique=False)
        batch_op.create_index("ix_person_name_id", ["name", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_office_id"), ["office_id"], unique=False)

    op.create_table(
        "staffing_category",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("is_shiye", sa.Boolean(), nullable=False),
        sa.Column("civil_service_managed", sa.Boolean(), nullable=False),
        sa.Column("is_worker", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staffing_category")),
    )
    with op.batch_alter_table("staffing_category", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_staffing_category_office_id"), ["office_id"], unique=False
        )

    op.create_table(
        "teacher_ratio",
        sa.Column("scheme", sa.String(length=20), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("area", sa.String(length=10), nullable=False),
        sa.Column("pupils_per_post", sa.String(length=10), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teacher_ratio")),
    )
    with op.batch_alter_table("teacher_ratio", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_teacher_ratio_office_id"), ["office_id"], unique=False)

    op.create_table(
        "unit",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("short_name", sa.String(length=40), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=True),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("rank", sa.String(length=10), nullable=True),
        sa.Column("shiye_class", sa.String(length=10), nullable=True),
        sa.Column("funding", sa.String(length=10), nullable=True),
        sa.Column("approval_doc", sa.String(length=100), nullable=False),
        sa.Column("approval_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("merged_into_id", sa.String(length=36), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("close_doc", sa.String(length=100), nullable=False),
        sa.Column("freeze_in", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["unit.id"], name=op.f("fk_unit_merged_into_id_unit")
        ),
        sa.ForeignKeyConstraint(["parent_id"], ["unit.id"], name=op.f("fk_unit_parent_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
    )
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_office_id"), ["office_id"], unique=False)
        batch_op.create_index("ix_unit_parent", ["parent_id", "sort_order"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_uscc"), ["uscc"], unique=False)

    op.create_table(
        "county_total",
        sa.Column("for_office", sa.String(length=12), nullable=False),
        sa.Column("category_id", sa.String(length=36), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("doc", sa.String(length=100), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["staffing_category.id"],
            name=op.f("fk_county_total_category_id_staffing_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_county_total")),
    )
    with op.batch_alter_table("county_total", schema=None) as batch_op:
        batch_op.create_index(
            "ix_county_total_for", ["for_office", "category_id", "effective_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_county_total_office_id"), ["office_id"], unique=False)

    op.create_table(
        "hiring_plan",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("category_id", sa.String(length=36), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("applied_by", sa.String(length=40), nullable=False),
        sa.Column("decided_by", sa.String(length=40), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("filled", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["staffing_category.id"],
            name=op.f("fk_hiring_plan_category_id_staffing_category"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_hiring_plan_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hiring_plan")),
    )
    with op.batch_alter_table("hiring_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hiring_plan_office_id"), ["office_id"], unique=False)
        batch_op.create_index(
            "ix_hiring_plan_unit", ["unit_id", "category_id", "status"], unique=False
        )

    op.create_table(
        "leader_post",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("chief", sa.Integer(), nullable=False),
        sa.Column("deputy", sa.Integer(), nullable=False),
        sa.Column("doc", sa.String(length=100), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_leader_post_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leader_post")),
    )
    with op.batch_alter_table("leader_post", schema=None) as batch_op:
        batch_op.create_index(
            "ix_leader_post_current", ["unit_id", "effective_on", "hlc"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_leader_post_office_id"), ["office_id"], unique=False)

    op.create_table(
        "pool_move",
        sa.Column("category_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("doc", sa.String(length=100), nullable=False),
        sa.Column("moved_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("loan_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["staffing_category.id"],
            name=op.f("fk_pool_move_category_id_staffing_category"),
        ),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["pool_move.id"], name=op.f("fk_pool_move_loan_id_pool_move")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_pool_move_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pool_move")),
    )
    with op.batch_alter_table("pool_move", schema=None) as batch_op:
        batch_op.create_index("ix_pool_move_category", ["category_id", "moved_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_pool_move_loan_id"), ["loan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pool_move_office_id"), ["office_id"], unique=False)
        batch_op.create_index("ix_pool_move_unit", ["unit_id", "category_id", "kind"], unique=False)

    op.create_table(
        "quota_line",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("category_id", sa.String(length=36), nullable=False),
        sa.Column("approved", sa.Integer(), nullable=False),
        sa.Column("doc", sa.String(length=100), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["staffing_category.id"],
            name=op.f("fk_quota_line_category_id_staffing_category"),
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_quota_line_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quota_line")),
    )
    with op.batch_alter_table("quota_line", schema=None) as batch_op:
        batch_op.create_index(
            "ix_quota_line_current",
            ["unit_id", "category_id", "effective_on", "hlc", "approved", "deleted"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_quota_line_office_id"), ["office_id"], unique=False)

    op.create_table(
        "school_pupils",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("pupils", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(length=10), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_school_pupils_unit_id_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_pupils")),
    )
    with op.batch_alter_table("school_pupils", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_school_pupils_office_id"), ["office_id"], unique=False)
        batch_op.create_index("ix_school_pupils_unit", ["unit_id", "year", "stage"], unique=False)

    op.create_table(
        "posting",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("category_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.String(length=50), nullable=False),
        sa.Column("is_leader", sa.Boolean(), nullable=False),
        sa.Column("leader_kind", sa.String(length=2), nullable=True),
        sa.Column("start_route", sa.String(length=10), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("start_precision", sa.String(length=5), nullable=False),
        sa.Column("start_doc", sa.String(length=100), nullable=False),
        sa.Column("end_route", sa.String(length=10), nullable=True),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("end_precision", sa.String(length=5), nullable=True),
        sa.Column("end_doc", sa.String(length=100), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("plan_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("office_id", sa.String(length=12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["staffing_category.id"],
            name=op.f("fk_posting_category_id_staffing_category"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_posting_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["hiring_plan.id"], name=op.f("fk_posting_plan_id_hiring_plan")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_posting_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting")),
    )
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.create_index(
            "ix_posting_leader",
            ["leader_kind", "unit_id", "start_on", "end_on", "deleted"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_posting_office_id"), ["office_id"], unique=False)
        batch_op.create_index(
            "ix_posting_person",
            ["person_id", "end_on", "deleted", "unit_id", "category_id", "start_on"],
            unique=False,
        )
        batch_op.create_index("ix_posting_plan", ["plan_id", "start_on"], unique=False)
        batch_op.create_index(
            "ix_posting_stats",
            ["unit_id", "category_id", "start_on", "end_on", "deleted"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("posting", schema=None) as batch_op:
        batch_op.drop_index("ix_posting_stats")
        batch_op.drop_index("ix_posting_plan")
        batch_op.drop_index("ix_posting_person")
        batch_op.drop_index(batch_op.f("ix_posting_office_id"))
        batch_op.drop_index("ix_posting_leader")

    op.drop_table("posting")
    with op.batch_alter_table("school_pupils", schema=None) as batch_op:
        batch_op.drop_index("ix_school_pupils_unit")
        batch_op.drop_index(batch_op.f("ix_school_pupils_office_id"))

    op.drop_table("school_pupils")
    with op.batch_alter_table("quota_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quota_line_office_id"))
        batch_op.drop_index("ix_quota_line_current")

    op.drop_table("quota_line")
    with op.batch_alter_table("pool_move", schema=None) as batch_op:
        batch_op.drop_index("ix_pool_move_unit")
        batch_op.drop_index(batch_op.f("ix_pool_move_office_id"))
        batch_op.drop_index(batch_op.f("ix_pool_move_loan_id"))
        batch_op.drop_index("ix_pool_move_category")

    op.drop_table("pool_move")
    with op.batch_alter_table("leader_post", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leader_post_office_id"))
        batch_op.drop_index("ix_leader_post_current")

    op.drop_table("leader_post")
    with op.batch_alter_table("hiring_plan", schema=None) as batch_op:
        batch_op.drop_index("ix_hiring_plan_unit")
        batch_op.drop_index(batch_op.f("ix_hiring_plan_office_id"))

    op.drop_table("hiring_plan")
    with op.batch_alter_table("county_total", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_county_total_office_id"))
        batch_op.drop_index("ix_county_total_for")

    op.drop_table("county_total")
    with op.batch_alter_table("unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_uscc"))
        batch_op.drop_index("ix_unit_parent")
        batch_op.drop_index(batch_op.f("ix_unit_office_id"))
        batch_op.drop_index(batch_op.f("ix_unit_name"))

    op.drop_table("unit")
    with op.batch_alter_table("teacher_ratio", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_teacher_ratio_office_id"))

    op.drop_table("teacher_ratio")
    with op.batch_alter_table("staffing_category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staffing_category_office_id"))

    op.drop_table("staffing_category")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_office_id"))
        batch_op.drop_index("ix_person_name_id")
        batch_op.drop_index("ix_person_initials")
        batch_op.drop_index("ix_person_id_number")
        batch_op.drop_index("ix_person_birth_id")

    op.drop_table("person")
