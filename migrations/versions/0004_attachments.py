"""attachments: content-addressed files referenced by any record

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(40), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("caption", sa.String(200), nullable=False),
        sa.Column("owner_table", sa.String(40), nullable=False),
        sa.Column("owner_id", sa.String(36), nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("office_id", sa.String(12), nullable=False),
        sa.Column("hlc", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(40), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    with op.batch_alter_table("attachment") as batch:
        batch.create_index("ix_attachment_owner", ["owner_table", "owner_id"], unique=False)
        batch.create_index(batch.f("ix_attachment_office_id"), ["office_id"], unique=False)
        batch.create_index(batch.f("ix_attachment_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_table("attachment")
