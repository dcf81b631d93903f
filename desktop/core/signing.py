"""Signed decisions: Ed25519 signatures over every sign-off, rejection and approval.

Each person who decides has a private key in their own OS keyring
(`signing_keyring`); an admin registers its public half in the store
(`SigningService.register`, audited as ``keys.register``). When a decision is
written, the decider's key signs its canonical payload — post, language(s),
version id and sha256, provenance (origin and spans), decision, comment, QA
findings, time and signer — and the signature goes into the decision's audit
entry. Someone holding the database file can recompute every hash of the audit
chain, but cannot sign in another person's name.

Without a registered key a decision is recorded unsigned and `verify` lists it
as unsigned (not as tampering), unless the IT policy sets
``audit.require_signatures``: then such decisions are refused, and unsigned
decisions are problems. Once a person has a registered key, every later
decision of theirs must be signed: an unsigned one is reported as tampering
(a stripped signature), and a decision is refused when their key is not in
this computer's keyring.

`verify_signatures` checks every decision against the rows it names: the
versions' text (rehashed), their provenance, the decision row, and the key
registered to the signer *before* the decision's audit entry.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from . import signing_keyring
from .audit import spans_digest
from .errors import InvalidText, TandemError
from .messages import Message
from .model import AuditEntry, Lang, Version, sha256_text
from .names import Role, is_user_name
from .policy import Policy
from .roles import RoleService
from .store_review import ReviewRepository
from .store_signing import SigningKeyRepository

REQUIRE_KEY = "audit.require_signatures"
PAYLOAD_FORMAT = "tandem.decision/1"
DECISION_ACTIONS = ("review.sign", "review.reject", "approval.give")


class SigningRepository(ReviewRepository, SigningKeyRepository, Protocol):
    """What signing needs: review rows and signing keys."""


# -- keys ----------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise InvalidText(f"{what} is not base64 text.") from None


def public_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The raw 32-byte public key, base64: what `tandem keys init` prints and admins register."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return _b64(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def private_text(key: Ed25519PrivateKey) -> str:
    return _b64(key.private_bytes_raw())


def load_private(text: str) -> Ed25519PrivateKey:
    raw = _unb64(text, "The signing key in the keyring")
    if len(raw) != 32:
        raise InvalidText("The signing key in the keyring is not an Ed25519 key.")
    return Ed25519PrivateKey.from_private_bytes(raw)


def load_public(text: str) -> Ed25519PublicKey:
    raw = _unb64(text, "The public key")
    if len(raw) != 32:
        raise InvalidText("The public key is not an Ed25519 key (32 bytes, base64).")
    return Ed25519PublicKey.from_public_bytes(raw)


def key_id(public: str) -> str:
    """A key's identity: the sha256 of its raw bytes, hex (shown shortened to 16)."""
    return hashlib.sha256(_unb64(public, "The public key")).hexdigest()


# -- what is signed --------------------------------------------------------------------
def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def _provenance(version: Version) -> dict:
    return {"origin": version.origin.value, "spans_sha256": spans_digest(version.spans)}


def signoff_payload(row: dict, version: Version, key: str) -> bytes:
    """A sign-off or rejection (``row`` as stored) of ``version``, signed by ``key``."""
    return _canonical({
        "format": PAYLOAD_FORMAT, "decision": f"review.{row['kind']}", "post_id": row["post_id"],
        "lang": Lang(row["lang"]).value, "version_id": version.id,
        "sha256": sha256_text(version.text), "provenance": _provenance(version),
        "comment": row["comment"], "qa_findings": row["qa_findings"], "at": row["at"],
        "signer": row["reviewer"], "key_id": key})


def approval_payload(row: dict, en: Version, fr: Version, key: str) -> bytes:
    """An approval (``row`` as stored) of the pair ``en``/``fr``, signed by ``key``."""
    return _canonical({
        "format": PAYLOAD_FORMAT, "decision": "approval.give", "post_id": row["post_id"],
        "round_id": row["round_id"], "step_id": row["step_id"],
        "versions": {lang.value: {"version_id": v.id, "sha256": sha256_text(v.text),
                                  "provenance": _provenance(v)}
                     for lang, v in ((Lang.EN, en), (Lang.FR, fr))},
        "comment": row["comment"], "at": row["at"], "signer": row["approver"], "key_id": key})


@dataclass(frozen=True)
class Signer:
    """The acting person's private key, unlocked from their keyring for this session."""

    user: str
    key_id: str
    key: Ed25519PrivateKey

    def sign(self, payload: bytes) -> dict:
        """What the decision's audit entry records as ``signature``."""
        return {"key_id": self.key_id, "value": _b64(self.key.sign(payload))}


class SigningService:
    """Key registration (admins, audited) and the signer for the acting user's decisions."""

    def __init__(self, repo: SigningRepository, policy: Policy, user: str, roles: RoleService,
                 load_key: Callable[[str], str | None] = signing_keyring.load):
        self.repo = repo
        self.policy = policy
        self.user = user
        self.roles = roles
        self.load_key = load_key
        self._signer: Signer | None = None

    @property
    def required(self) -> bool:
        return bool(self.policy.get(REQUIRE_KEY, False))

    # -- registration -----------------------------------------------------------------
    def register(self, holder: str, public_key: str) -> dict:
        """Register ``holder``'s public key (admin only); their later decisions must be signed."""
        if not is_user_name(holder):
            raise TandemError(f"'{holder}' is not a valid user name.")
        public = public_text(load_public(public_key))
        kid = key_id(public)
        self.roles.require([Role.ADMIN], "keys.register", f"register a signing key for {holder}",
                           details={"holder": holder, "key_id": kid})
        existing = self.repo.signing_key(kid)
        if existing is not None:
            raise TandemError(f"Key {kid[:16]} is already registered to {existing['holder']} "
                              f"(by {existing['registered_by']} at "
                              f"{existing['registered_at'][:16]}).")
        with self.repo.transaction():
            row = self.repo.add_signing_key(holder, kid, public, self.user)
            self.repo.append_audit(self.user, "keys.register", None,
                                   {"holder": holder, "key_id": kid, "public_key": public})
        return row

    def keys(self, holder: str | None = None) -> list[dict]:
        return self.repo.signing_keys(holder)

    # -- deciding -----------------------------------------------------------------------
    def signer(self, action: str, post_id: int | None = None) -> Signer | None:
        """The signer for a decision about to be made, or None when it is recorded unsigned.

        Call before the decision's transaction (the keyring may be slow or ask to be
        unlocked). Refuses (audited) when the policy requires signatures and the user
        has no registered key, or when their registered key is not in this keyring.
        """
        registered = self.repo.signing_keys(self.user)
        where = f" ({self.policy.source})" if self.policy.source else ""
        if not registered:
            if self.required:
                self.roles.deny(action, Message(
                    "signing.required",
                    f"{self.user} has no registered signing key, and the IT policy requires "
                    f"every sign-off and approval to be signed ({REQUIRE_KEY}{where}). Create a "
                    "signing key on this computer and ask an admin to register its public key.",
                    user=self.user), post_id, {"signature": "missing"})
            return None
        current = registered[-1]["key_id"]
        if self._signer is not None and self._signer.key_id == current:
            return self._signer
        private = self.load_key(self.user)
        if private is None:
            self.roles.deny(action, Message(
                "signing.key_not_here",
                f"{self.user}'s decisions are signed (key {current[:16]} is registered), but "
                f"this computer's keyring holds no signing key for {self.user}. Decide on the "
                "computer that holds the key, or create a new key here and ask an admin to "
                "register it.", user=self.user, key=current[:16]),
                post_id, {"signature": "no key in keyring", "key_id": current})
        key = load_private(private)
        kid = key_id(public_text(key))
        if kid != current:
            self.roles.deny(action, Message(
                "signing.key_not_registered",
                f"The signing key in this computer's keyring ({kid[:16]}) is not the key "
                f"registered for {self.user} ({current[:16]}); ask an admin to register it.",
                user=self.user, key=kid[:16], registered=current[:16]),
                post_id, {"signature": "key not registered", "key_id": kid})
        self._signer = Signer(self.user, kid, key)
        return self._signer


# -- verification ------------------------------------------------------------------------
@dataclass
class SignatureReport:
    problems: list[dict]       # {"where", "message"}: tampering
    signed: int                # decisions whose signature verified
    unsigned: list[str]        # decisions recorded without a signature (no key then)


def _problem(where: str, message: str) -> dict:
    return {"where": where, "message": f"{where}: {message}"}


class _Keys:
    """Registered keys as the audit log tells them, cross-checked with the table."""

    def __init__(self, repo: SigningRepository, entries: list[AuditEntry]):
        self.problems: list[dict] = []
        self.by_id: dict[str, tuple[str, int, Ed25519PublicKey]] = {}  # key → holder, seq, key
        self.first_seq: dict[str, int] = {}                           # holder → first key's seq
        rows = {r["key_id"]: r for r in repo.signing_keys()}
        for e in entries:
            if e.action != "keys.register":
                continue
            kid, holder = str(e.details.get("key_id")), str(e.details.get("holder"))
            row = rows.pop(kid, None)
            where = f"signing key {str(kid)[:16]} of {holder} (audit entry {e.seq})"
            if row is None or (row["holder"], row["public_key"], row["registered_by"]) != \
                    (holder, e.details.get("public_key"), e.actor):
                self.problems.append(_problem(where, "the registered key does not match its "
                                                     "audit entry (changed or removed outside Tandem)"))
                continue
            try:
                public = load_public(row["public_key"])
            except TandemError:
                self.problems.append(_problem(where, "the registered key is not an Ed25519 key"))
                continue
            if key_id(row["public_key"]) != kid:
                self.problems.append(_problem(where, "the key id does not match the key"))
                continue
            self.by_id[kid] = (holder, e.seq, public)
            self.first_seq.setdefault(holder, e.seq)
        for kid, row in rows.items():
            self.problems.append(_problem(f"signing key {kid[:16]} of {row['holder']}",
                                          "no matching audit entry (registered outside Tandem)"))

    def had_key(self, holder: str, seq: int) -> int | None:
        """The seq of ``holder``'s first key registration, if it came before entry ``seq``."""
        first = self.first_seq.get(holder)
        return first if first is not None and first < seq else None


def verify_signatures(repo: SigningRepository, entries: list[AuditEntry],
                      required: bool = False) -> SignatureReport:
    """Every decision's signature against the rows it names; see the module docstring."""
    keys = _Keys(repo, entries)
    report = SignatureReport(list(keys.problems), 0, [])
    index: dict[tuple[str, object], AuditEntry] = {}
    for e in entries:
        if e.action in ("review.sign", "review.reject"):
            index[("signoff", e.details.get("signoff_id"))] = e
        elif e.action == "approval.give":
            index[("approval", e.details.get("approval_id"))] = e

    def check(where: str, entry: AuditEntry | None, signer: str, payload: Callable[[str], bytes]):
        if entry is None:
            return  # record_problems reports decisions without an audit entry
        where = f"{where} (audit entry {entry.seq})"
        signature = entry.details.get("signature")
        if not signature:
            first = keys.had_key(signer, entry.seq)
            if first is not None:
                report.problems.append(_problem(where, (
                    f"unsigned, but {signer} has had a registered signing key since audit entry "
                    f"{first} (signature removed or decision forged)")))
            elif required:
                report.problems.append(_problem(where, (
                    f"unsigned, and the IT policy requires signatures ({REQUIRE_KEY})")))
            else:
                report.unsigned.append(where)
            return
        kid = str(signature.get("key_id")) if isinstance(signature, dict) else ""
        known = keys.by_id.get(kid)
        if known is None or known[0] != signer or known[1] >= entry.seq:
            owner = f"registered to {known[0]}" if known else "not registered"
            report.problems.append(_problem(where, (
                f"signed with key {kid[:16]}, which is {owner}"
                + (" only after this decision" if known and known[0] == signer else "")
                + f", not a key of {signer} (decision forged or renamed)")))
            return
        try:
            known[2].verify(_unb64(str(signature.get("value", "")), "The signature"),
                            payload(kid))
        except (InvalidSignature, InvalidText):
            report.problems.append(_problem(where, (
                f"the signature of {signer} does not match the decision as stored: its version "
                "text, provenance, comment, QA findings, time or signer was changed after "
                "signing")))
            return
        report.signed += 1

    for post_id in repo.post_ids_active_since(None):
        versions = {v.id: v for lang in Lang for v in repo.versions(post_id, lang)}
        for row in repo.signoffs(post_id):
            version = versions.get(row["version_id"])
            if version is None:
                continue
            check(f"post {post_id} {'sign-off' if row['kind'] == 'sign' else 'rejection'} "
                  f"{row['id']} by {row['reviewer']}", index.get(("signoff", row["id"])),
                  row["reviewer"], functools.partial(signoff_payload, row, version))
        for row in repo.approvals(post_id):
            en, fr = versions.get(row["en_version_id"]), versions.get(row["fr_version_id"])
            if en is None or fr is None:
                continue
            check(f"post {post_id} approval {row['id']} by {row['approver']}",
                  index.get(("approval", row["id"])), row["approver"],
                  functools.partial(approval_payload, row, en, fr))
    return report
