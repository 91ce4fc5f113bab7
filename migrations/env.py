"""Alembic environment. bzdesk runs it in-process (bzdesk.db.upgrade) with a
connection in ``config.attributes``; `alembic` on the command line works too
with ``-x db=path/to/bzdesk.sqlite3``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import bzdesk.models  # noqa: F401  (registers every table)
from bzdesk.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    db = context.get_x_argument(as_dictionary=True).get("db", "bzdesk.sqlite3")
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run()
