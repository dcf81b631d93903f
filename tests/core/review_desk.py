"""A shared store with several people at it, for the review/approval/record tests.

alice opens the store first (so she is its admin and an author); each user
acts through their own session, exactly as separate Tandem windows would.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.model import Lang, Origin, Span, Version
from desktop.core.policy import Policy
from desktop.app.session import Session, open_session


class Desk:
    def __init__(self, tmp_path: Path, policy: Policy | None = None, *, qa=None):
        self.db = tmp_path / "desk.sqlite3"
        self.policy = policy if policy is not None else Policy()
        self.qa = qa
        self._sessions: dict[str, Session] = {}

    def __call__(self, user: str) -> Session:
        """The session of ``user`` (opened once, as that user)."""
        if user not in self._sessions:
            previous = os.environ.get("TANDEM_USER")
            os.environ["TANDEM_USER"] = user
            try:
                session = open_session(self.db, policy=self.policy)
            finally:
                if previous is None:
                    os.environ.pop("TANDEM_USER", None)
                else:
                    os.environ["TANDEM_USER"] = previous
            if self.qa is not None:
                session.review.qa = self.qa
            self._sessions[user] = session
        return self._sessions[user]

    def grant(self, **roles: str | list[str]) -> None:
        """grant(bob="translator", carol=["approver:program", "translator"]) as alice."""
        for user, names in roles.items():
            for role in [names] if isinstance(names, str) else names:
                self("alice").roles.grant(user, role)

    def machine(self, post_id: int, lang: Lang, text: str, user: str = "alice") -> Version:
        """A machine-translation suggestion recorded as ``user`` (as `tandem post suggest` would)."""
        return self(user).posts.edit(post_id, lang, text, origin=Origin.MACHINE,
                                     spans=(Span(0, len(text), Origin.MACHINE,
                                                 {"model": "test-en-fr", "version": "1"}),))

    def state(self, post_id: int) -> str:
        return self("alice").store.get_post(post_id).state.value

    def actions(self, post_id: int | None = None) -> list[str]:
        return [e.action for e in self("alice").store.audit_entries(post_id)]

    def close(self) -> None:
        for session in self._sessions.values():
            session.close()
