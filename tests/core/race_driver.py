"""One of the processes of the sign-off race test (tests/core/test_decision_race.py).

``python -m tests.core.race_driver DB POST ROLE ROUNDS``: as ``author`` it writes a
new French (and every third round English) version; as ``translator`` it signs
off both languages; as ``approver`` it approves. Refusals (the text changed, the
post is in the wrong state, already decided) are expected and skipped; any
other error ends the process with a non-zero exit.
"""

from __future__ import annotations

import os
import random
import sys
import time

from desktop.app.session import open_session
from desktop.core.errors import PermissionDenied, StoreError, TandemError
from desktop.core.model import Lang

USERS = {"author": "alice", "translator": "bob", "approver": "carol"}
#: Longest pause before a round (seconds): an author writing more slowly than the others
#: act leaves time for sign-offs and approvals between edits, and for races with them.
PACE = {"author": 0.03, "translator": 0.01, "approver": 0.012}


def main(db: str, post_id: int, role: str, rounds: int) -> int:
    os.environ["TANDEM_USER"] = USERS[role]
    session = open_session(db)
    # Sign-off QA takes a few milliseconds in real use (term and mapping checks): the
    # window in which another process may write a version. Its findings are not tested.
    session.review.qa = lambda en, fr: time.sleep(0.003) or []
    go = f"{db}.go"
    while not os.path.exists(go):  # all three start together
        time.sleep(0.001)
    done = 0
    for n in range(rounds):
        time.sleep(random.uniform(0, PACE[role]))  # rounds of the three overlap all along
        try:
            if role == "author":
                session.posts.edit(post_id, Lang.FR, f"Les vaccins sont gratuits ({n})")
                if n % 3 == 0:
                    session.posts.edit(post_id, Lang.EN, f"Flu shots are free ({n})")
            elif role == "translator":
                for lang in (Lang.EN, Lang.FR):
                    try:
                        session.review.sign(post_id, lang)
                    except (TandemError, StoreError) as exc:
                        if isinstance(exc, PermissionDenied):
                            raise
            else:
                session.approvals.approve(post_id)
            done += 1
        except PermissionDenied:
            raise
        except (TandemError, StoreError):
            pass
    session.close()
    print(done)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])))
