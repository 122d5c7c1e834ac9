"""What differs between a store file and a team store on a server, in one place.

* Locations: a path is an SQLite store file; anything with ``://`` is an SQLAlchemy URL
  (``postgresql+psycopg://officer@server/briefs``).
* Credentials: Briefer never writes a password anywhere. libpq finds it on its own
  (``~/.pgpass``, ``PGPASSWORD``, a ``PGSERVICE`` service file, Kerberos...); failing that, an
  interactive front end may register :data:`password_prompt`, and the answer is kept in the
  open engine's memory only. Labels (title bar, recent stores) never carry a password.
* Officers: who made a change. On a server, the role that logged in (``session_user``: what
  the server authenticated; it is ``current_user`` unless the login switches to a shared desk
  role, see README); on a store file, ``$BRIEFER_USER`` or the operating-system login.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session

USER_ENV = "BRIEFER_USER"

#: Set by the CLI (a terminal prompt) or the GUI (a dialog): given the store's label, return a
#: password, or None to give up. Unset (the default), a missing password is just an error.
password_prompt: Callable[[str], str | None] | None = None

_PASSWORD_FAILURES = (
    "no password supplied",
    "password authentication failed",
    "password is required",
)


def is_url(location: str) -> bool:
    return "://" in location


def safe_label(url: str | URL) -> str:
    """The URL as officers see and Briefer remembers it: never with the password."""
    u = make_url(url) if isinstance(url, str) else url
    if u.get_backend_name() == "sqlite":
        return u.database or ":memory:"
    bare = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query)
    return bare.render_as_string(hide_password=False)


def needs_password(exc: BaseException) -> bool:
    """Did the server refuse the connection for want of (the right) password?"""
    message = str(getattr(exc, "orig", None) or exc).lower()
    return any(f in message for f in _PASSWORD_FAILURES)


def ask_password(url: URL) -> URL | None:
    """The URL with a password from :data:`password_prompt` (kept in memory), or None."""
    if password_prompt is None:
        return None
    answer = password_prompt(safe_label(url))
    if not answer:
        return None
    return url.set(password=answer)


def terminal_prompt(label: str) -> str | None:
    """The CLI's prompt: only when a person is at the terminal."""
    import sys

    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"Password for {label}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def local_officer() -> str:
    """``$BRIEFER_USER`` or the operating-system login."""
    configured = os.environ.get(USER_ENV, "").strip()
    if configured:
        return configured
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record something honest
        return "unknown"


def officer(session: Session) -> str:
    """Who is making changes through this session (see the module docstring)."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        role = session.execute(text("SELECT session_user")).scalar()
        return str(role or local_officer())
    return local_officer()
