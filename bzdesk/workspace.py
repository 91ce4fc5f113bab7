"""An open data directory with a logged-in user: what the GUI and the CLI hold.

The GUI never imports SQLAlchemy: it calls ``ws.read(service_fn, …)`` and
``ws.write(service_fn, …)``, which open a session, pass it with the acting user
to the service, and commit (or roll back) around it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from bzdesk.db import Database, open_database
from bzdesk.errors import PermissionDenied
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor
from bzdesk.services import auth
from bzdesk.services.office import OfficeView, current_office

if TYPE_CHECKING:
    from bzdesk.sync.keys import UnlockedKeys

P = ParamSpec("P")
R = TypeVar("R")


class Workspace:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.actor: Actor | None = None
        # The office keys, unlocked once per session when the clerk first exchanges data.
        self.keys: UnlockedKeys | None = None

    def unlock_keys(self, passphrase: str) -> UnlockedKeys:
        from bzdesk.sync.keys import unlock

        self.keys = unlock(self.db.paths.keys, passphrase)
        return self.keys

    @classmethod
    def open(cls, paths: DataPaths) -> Workspace:
        return cls(open_database(paths))

    @property
    def paths(self) -> DataPaths:
        return self.db.paths

    @property
    def initialised(self) -> bool:
        return self.db.initialised

    def login(self, username: str, password: str) -> Actor:
        """Read, check the password with no transaction open (argon2id is slow and
        would hold every writer back), then record the outcome in a short write."""
        with self.db.read() as s:
            attempt = auth.read_login(s, username)
        check = auth.check_password(attempt, password)
        with self.db.write() as s:
            self.actor = auth.record_login(s, attempt, check)
        return self.actor

    def logout(self) -> None:
        self.actor = None
        self.keys = None

    def office(self) -> OfficeView:
        with self.db.read() as s:
            return current_office(s)

    def _who(self) -> Actor:
        if self.actor is None:
            raise PermissionDenied("请先登录。")
        return self.actor

    def read(self, fn: Callable[Concatenate[Session, Actor, P], R], /,
             *args: P.args, **kwargs: P.kwargs) -> R:
        with self.db.read() as s:
            return fn(s, self._who(), *args, **kwargs)

    def write(self, fn: Callable[Concatenate[Session, Actor, P], R], /,
              *args: P.args, **kwargs: P.kwargs) -> R:
        with self.db.write() as s:
            return fn(s, self._who(), *args, **kwargs)

    def close(self) -> None:
        self.db.close()


