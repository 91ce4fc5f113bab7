"""Use cases: one module per domain. The only API the UI and the CLI call.

A service function takes a SQLAlchemy ``Session`` (from ``Database.write()``
or ``.read()``) and the acting ``Actor``, checks the role, validates, writes
through ``bzdesk.uow.write_op`` and returns frozen dataclasses.
"""
