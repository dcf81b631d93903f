"""Signed decisions: what signing costs a decision, and what checking signatures costs verify.

1. **One decision.** The same sign-off (`ReviewService.sign`, machine FR text, QA
   stubbed out) made by a translator with a registered key — signed with the key
   read from the real OS keyring — and by one without a key (recorded unsigned, the
   baseline), alternating, on one store; median of N each. The first signed
   decision of a session also reads the key from the keyring (D-Bus); it is
   reported separately.
2. **`audit verify` at 100,000 entries.** A store filled through the store API with
   posts of 11 audit entries each (create, two versions, two signed sign-offs, a
   round, a signed approval, four state changes), every decision signed with real
   Ed25519 keys; `RecordService.verify()` with signature checks against the same
   call without them (``signatures=False``, the baseline), best of R each.

Needs a Secret Service: run it inside scripts/keyring-session.sh.

Usage: scripts/keyring-session.sh .venv/bin/python bench/audit_signing.py
           [--decisions 60] [--entries 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.app.session import open_session  # noqa: E402
from desktop.core import signing, signing_keyring  # noqa: E402
from desktop.core.audit import spans_digest  # noqa: E402
from desktop.core.model import Lang, Origin, PostState, Span  # noqa: E402
from desktop.core.policy import Policy  # noqa: E402


def session(db: Path, user: str):
    os.environ["TANDEM_USER"] = user
    s = open_session(db, policy=Policy())
    s.review.qa = lambda en, fr: []
    return s


def decision_cost(folder: Path, n: int) -> dict:
    db = folder / "decisions.sqlite3"
    alice = session(db, "alice")
    for user in ("signer", "plain"):
        alice.roles.grant(user, "translator")
    key = signing.Ed25519PrivateKey.generate()
    signing_keyring.save("signer", signing.private_text(key))
    alice.approvals.signing.register("signer", signing.public_text(key))
    posts = []
    for i in range(2 * n + 1):
        post = alice.posts.create(en=f"Flu shots are free, clinic {i}").post
        text = f"Les vaccins sont gratuits, clinique {i}"
        alice.posts.edit(post.id, Lang.FR, text, origin=Origin.MACHINE,
                         spans=(Span(0, len(text), Origin.MACHINE, {"model": "bench"}),))
        posts.append(post.id)
    signer, plain = session(db, "signer"), session(db, "plain")
    start = time.perf_counter()
    signer.review.sign(posts.pop(), Lang.FR)  # the first: reads the key from the keyring
    first = time.perf_counter() - start
    times = {"signed": [], "unsigned": []}
    for i in range(n):
        for name, who in (("signed", signer), ("unsigned", plain)) if i % 2 else \
                (("unsigned", plain), ("signed", signer)):
            post_id = posts.pop()
            start = time.perf_counter()
            who.review.sign(post_id, Lang.FR)
            times[name].append(time.perf_counter() - start)
    result = {k: statistics.median(v) * 1000 for k, v in times.items()}
    result["first_signed"] = first * 1000
    result["sign_only_us"] = min(timeit_sign(key) for _ in range(5))
    for s in (alice, signer, plain):
        s.close()
    return result


def timeit_sign(key, rounds: int = 2000) -> float:
    payload = b"x" * 400
    start = time.perf_counter()
    for _ in range(rounds):
        key.sign(payload)
    return (time.perf_counter() - start) / rounds * 1e6


def timeit_verify(rounds: int = 2000) -> float:
    """µs per Ed25519 verification of a decision-sized payload (the floor of the check)."""
    key, payload = signing.Ed25519PrivateKey.generate(), b"x" * 400
    public, signature = key.public_key(), key.sign(payload)
    start = time.perf_counter()
    for _ in range(rounds):
        public.verify(signature, payload)
    return (time.perf_counter() - start) / rounds * 1e6


def fill(db: Path, entries: int) -> int:
    """Posts of 11 audit entries each, every decision signed, until ``entries``."""
    alice = session(db, "alice")
    keys = {}
    for user, role in (("tr", "translator"), ("ap", "approver:approval")):
        alice.roles.grant(user, role)
        keys[user] = signing.Ed25519PrivateKey.generate()
        alice.approvals.signing.register(user, signing.public_text(keys[user]))
    store = alice.store
    kid = {u: signing.key_id(signing.public_text(k)) for u, k in keys.items()}
    chain_id = store.add_chain('{"steps":[]}', "0" * 64, "default", "alice")["id"]
    count = len(store.audit_entries())
    with store.transaction():
        while count + 11 <= entries:
            count += 11
            post = store.create_post("bench", "alice")
            store.append_audit("alice", "post.create", post.id, {"title": "bench"})
            versions = {}
            for lang, text in ((Lang.EN, f"Flu shots are free {post.id}"),
                               (Lang.FR, f"Les vaccins sont gratuits {post.id}")):
                v = store.add_version(post.id, lang, text, "alice", Origin.HUMAN, None)
                versions[lang] = v
                store.append_audit("alice", "version.create", post.id, {
                    "lang": lang.value, "version_id": v.id, "seq": v.seq, "sha256": v.sha256,
                    "origin": v.origin.value, "spans_sha256": spans_digest(v.spans),
                    "parent_sha256": None})
            for to in (PostState.IN_REVIEW,):
                store.add_state_change(post.id, PostState.DRAFT, to, "edit", "alice")
                store.append_audit("alice", "post.state", post.id, {"to": to.value})
            for lang, v in versions.items():
                row = store.add_signoff(v, "sign", "tr", "", [])
                sig = {"key_id": kid["tr"], "value": signing._b64(keys["tr"].sign(
                    signing.signoff_payload(row, v, kid["tr"])))}
                store.append_audit("tr", "review.sign", post.id, {
                    "signoff_id": row["id"], "lang": lang.value, "version_id": v.id,
                    "sha256": v.sha256, "comment": "", "qa_findings": [], "signature": sig})
            rnd = store.add_round(post.id, chain_id, versions[Lang.EN].id, versions[Lang.FR].id)
            store.append_audit("tr", "approval.round", post.id, {"round_id": rnd["id"]})
            store.add_state_change(post.id, PostState.IN_REVIEW, PostState.IN_APPROVAL, "sign", "tr")
            store.append_audit("tr", "post.state", post.id, {"to": "in_approval"})
            en, fr = versions[Lang.EN], versions[Lang.FR]
            row = store.add_approval(rnd["id"], post.id, "approval", "ap", "", en, fr)
            sig = {"key_id": kid["ap"], "value": signing._b64(keys["ap"].sign(
                signing.approval_payload(row, en, fr, kid["ap"])))}
            store.append_audit("ap", "approval.give", post.id, {
                "approval_id": row["id"], "round_id": rnd["id"], "step": "approval",
                "comment": "", "en_sha256": en.sha256, "fr_sha256": fr.sha256, "signature": sig})
            store.add_state_change(post.id, PostState.IN_APPROVAL, PostState.APPROVED, "approve", "ap")
            store.append_audit("ap", "post.state", post.id, {"to": "approved"})
            store.append_audit("ap", "approval.step_passed", post.id, {"step": "approval"})
    alice.close()
    return count


def verify_cost(folder: Path, entries: int, repeat: int) -> dict:
    db = folder / "verify.sqlite3"
    count = fill(db, entries)
    s = session(db, "alice")
    times = {"with": [], "without": []}
    result = None
    for _ in range(repeat):
        for name, flag in (("without", False), ("with", True)):
            start = time.perf_counter()
            result = s.records.verify(signatures=flag)
            times[name].append(time.perf_counter() - start)
            assert result["ok"], result["record_problems"][:3]
    s.close()
    return {"entries": count, "signed": result["signatures"]["signed"],
            "verify_us": min(timeit_verify() for _ in range(5)),
            **{k: min(v) for k, v in times.items()}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--decisions", type=int, default=60)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = decision_cost(Path(tmp), args.decisions)
        print(f"one sign-off: signed {d['signed']:.2f} ms, unsigned {d['unsigned']:.2f} ms "
              f"(median of {args.decisions}) → {d['signed'] / d['unsigned']:.2f}x; first signed "
              f"decision of a session (keyring read) {d['first_signed']:.1f} ms; Ed25519 sign "
              f"alone {d['sign_only_us']:.0f} µs")
        v = verify_cost(Path(tmp), args.entries, args.repeat)
        print(f"audit verify at {v['entries']:,} entries ({v['signed']:,} signed decisions): "
              f"with signatures {v['with']:.2f} s, without {v['without']:.2f} s "
              f"(best of {args.repeat}) → {v['with'] / v['without']:.2f}x; Ed25519 verify "
              f"alone {v['verify_us']:.0f} µs × {v['signed']:,} = "
              f"{v['verify_us'] * v['signed'] / 1e6:.2f} s of the difference")


if __name__ == "__main__":
    main()
