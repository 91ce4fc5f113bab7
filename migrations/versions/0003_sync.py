"""sync: peers, bundle records, merge conflicts

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "peer",
        sa.Column("site_id", sa.String(40), nullable=False),
        sa.Column("office_code", sa.String(12), nullable=False),
        sa.Column("office_name", sa.String(100), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("recipient", sa.String(100), nullable=False),
        sa.Column("verify_key", sa.String(100), nullable=False),
        sa.Column("fingerprint", sa.String(40), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("known_vector", sa.Text(), nullable=False),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("sent_seq", sa.Integer(), nullable=False),
        sa.Column("taken_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_peer")),
    )
    with op.batch_alter_table("peer") as batch:
        batch.create_index(batch.f("ix_peer_office_code"), ["office_code"], unique=False)
    op.create_table(
        "bundle_record",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("peer_site", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("manifest_hash", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("max_local_seq", sa.Integer(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("blobs", sa.Integer(), nullable=False),
        sa.Column("bytes", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundle_record")),
    )
    with op.batch_alter_table("bundle_record") as batch:
        batch.create_index("ix_bundle_record_peer", ["peer_site", "direction", "seq"],
                           unique=False)
    op.create_table(
        "merge_conflict",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("losing_value", sa.Text(), nullable=False),
        sa.Column("losing_hlc", sa.BigInteger(), nullable=False),
        sa.Column("losing_origin", sa.String(40), nullable=False),
        sa.Column("winning_value", sa.Text(), nullable=False),
        sa.Column("winning_hlc", sa.BigInteger(), nullable=False),
        sa.Column("winning_origin", sa.String(40), nullable=False),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("resolved_by", sa.String(40), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflict")),
    )
    with op.batch_alter_table("merge_conflict") as batch:
        batch.create_index(batch.f("ix_merge_conflict_row_id"), ["row_id"], unique=False)


def downgrade() -> None:
    op.drop_table("merge_conflict")
    op.drop_table("bundle_record")
    op.drop_table("peer")
