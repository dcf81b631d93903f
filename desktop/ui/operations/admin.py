"""The Tools screens' storage work: users and roles, the approval chain, mappings, translation
memory, terminology, XLIFF, the records export and the audit check (worker thread, no Qt).

Reads return plain rows the screens show as is; writes return ``(value, OpChanges)``.
File reads and writes happen here too, off the GUI thread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.chain import Chain
from desktop.core.errors import NotFound, StoreError
from desktop.core.model import Lang
from desktop.core.names import Role
from desktop.core.roles import Grant

from . import OpChanges

if TYPE_CHECKING:
    from desktop.app.session import Session
    from desktop.app.suggestions import ImportResult

NO_CHANGES = OpChanges()


def _write(path: str, data: bytes) -> str:
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise StoreError(f"Cannot write {path}: {exc.strerror}.", msg="file.unwritable",
                         path=path, reason=exc.strerror or "") from None
    return path


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise NotFound(f"Cannot read {path}: {exc.strerror}.", msg="file.unreadable",
                       path=path, reason=exc.strerror or "") from None


# -- users and roles ------------------------------------------------------------------------
@dataclass(frozen=True)
class Roster:
    grants: tuple[Grant, ...]
    # Whether the acting user may grant and revoke (holds admin).
    can_manage: bool
    # Approver roles the chain knows (``approver:<step id>``), for the role picker.
    step_roles: tuple[str, ...]


def load_roster(session: Session) -> Roster:
    steps = tuple(step.role for step in session.approvals.chain().steps)
    return Roster(tuple(session.roles.grants()), session.roles.has(Role.ADMIN.value), steps)


def grant_role(session: Session, user: str, role: str) -> tuple[bool, OpChanges]:
    return session.roles.grant(user, role), OpChanges(post_list=True)


def revoke_role(session: Session, user: str, role: str) -> tuple[None, OpChanges]:
    session.roles.revoke(user, role)
    return None, OpChanges(post_list=True)


# -- the approval chain -----------------------------------------------------------------------
@dataclass(frozen=True)
class ChainView:
    chain: Chain
    # Set by the IT policy: shown, not editable.
    locked: bool
    can_edit: bool


def load_chain(session: Session) -> ChainView:
    locked = session.policy.is_locked("approval.chain")
    return ChainView(session.approvals.chain(), locked,
                     not locked and session.roles.has(Role.ADMIN.value))


def save_chain(session: Session, steps: list[dict]) -> tuple[Chain, OpChanges]:
    """Store a chain made of ``steps`` (each: name, id, mode, after, post_types or None)."""
    body = json.dumps({"steps": [{k: v for k, v in step.items() if v is not None}
                                 for step in steps]}, ensure_ascii=False)
    chain = session.approvals.set_chain(body, "json", "the chain editor")
    return chain, OpChanges(post_list=True)


# -- mappings -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class MappingRow:
    kind: str
    en: str
    fr: str
    note: str


def load_mappings(session: Session) -> tuple[MappingRow, ...]:
    return tuple(MappingRow(m.kind.value, m.en, m.fr, m.note)
                 for m in session.suggestions.mapping_table())


def add_mapping(session: Session, kind: str, en: str, fr: str,
                note: str) -> tuple[MappingRow, OpChanges]:
    m = session.suggestions.add_mapping(kind, en, fr, note)
    return MappingRow(m.kind.value, m.en, m.fr, m.note), NO_CHANGES


def remove_mapping(session: Session, kind: str, text: str) -> tuple[None, OpChanges]:
    session.suggestions.remove_mapping(kind, text)
    return None, NO_CHANGES


def import_mappings(session: Session, path: str) -> tuple[ImportResult, OpChanges]:
    return session.suggestions.import_mappings(path), NO_CHANGES


def export_mappings(session: Session, path: str) -> tuple[int, OpChanges]:
    service = session.suggestions
    _write(path, service.export_mappings().encode("utf-8"))
    return len(list(service.mapping_table())), NO_CHANGES


# -- translation memory ---------------------------------------------------------------------
@dataclass(frozen=True)
class MemoryHit:
    score: float
    source: str
    target: str
    origin: str
    source_ref: str


@dataclass(frozen=True)
class MemorySearch:
    size: int
    hits: tuple[MemoryHit, ...]


def search_memory(session: Session, text: str, source: str,
                  threshold: float | None = None) -> MemorySearch:
    service = session.suggestions
    hits = service.lookup(text, Lang(source), threshold=threshold, limit=20) if text.strip() else []
    return MemorySearch(len(service.memory()),
                        tuple(MemoryHit(m.score, m.source, m.target, m.unit.origin,
                                        m.unit.source_ref or "") for m in hits))


def import_memory(session: Session, path: str) -> tuple[ImportResult, OpChanges]:
    return session.suggestions.import_tmx(path), NO_CHANGES


def export_memory(session: Session, path: str) -> tuple[int, OpChanges]:
    service = session.suggestions
    _write(path, service.export_tmx())
    return len(service.memory()), NO_CHANGES


# -- terminology ----------------------------------------------------------------------------
@dataclass(frozen=True)
class TermRow:
    en: str
    fr: str
    en_abbr: str
    fr_abbr: str
    note: str


@dataclass(frozen=True)
class TermSearch:
    total: int
    rows: tuple[TermRow, ...]


def search_terms(session: Session, text: str, limit: int = 500) -> TermSearch:
    from translation.terms import fold

    terms = list(session.suggestions.termbase())
    if text.strip():
        wanted = fold(text)[0]
        terms = [t for t in terms if any(wanted in fold(v or "")[0]
                                         for v in (t.en, t.fr, t.en_abbr, t.fr_abbr))]
    return TermSearch(len(terms), tuple(TermRow(t.en, t.fr, t.en_abbr or "", t.fr_abbr or "",
                                                t.note or "") for t in terms[:limit]))


def import_terms(session: Session, path: str) -> tuple[ImportResult, OpChanges]:
    return session.suggestions.import_terms(path), NO_CHANGES


def export_terms(session: Session, path: str) -> tuple[int, OpChanges]:
    """TBX 3, or TSV when the file name ends in .tsv or .txt."""
    service = session.suggestions
    fmt = "tsv" if Path(path).suffix.lower() in (".tsv", ".txt") else "tbx"
    _write(path, service.export_terms(fmt))
    return len(service.termbase()), NO_CHANGES


# -- XLIFF ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class XliffImported:
    post_id: int
    lang: Lang
    seq: int
    changed: bool


def export_xliff(session: Session, post_id: int, source: Lang, path: str) -> tuple[str, OpChanges]:
    from desktop.app import xliff

    return _write(path, xliff.export_post(session.posts, post_id, Lang(source))), NO_CHANGES


def import_xliff(session: Session, path: str, tool: str) -> tuple[XliffImported, OpChanges]:
    from desktop.app import xliff

    result = xliff.import_into(session.posts, _read(path), tool)
    v = result.version
    post_id = result.pair.post_id
    return (XliffImported(post_id, v.lang, v.seq, result.changed),
            OpChanges(frozenset({post_id}), post_list=True, versions=result.changed))


# -- records export and audit check -----------------------------------------------------------
def export_records(session: Session, fmt: str, post_id: int | None, since: str | None,
                   path: str) -> tuple[str, OpChanges]:
    text = session.records.export(fmt, post_id, since or None)
    return _write(path, text.encode("utf-8")), NO_CHANGES


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    entries: int
    signed: int
    problems: tuple[str, ...]
    unsigned: tuple[str, ...]


def check_audit(session: Session) -> AuditCheck:
    data = session.records.verify()
    signatures = data.get("signatures", {})
    return AuditCheck(bool(data["ok"]), int(data["entries"]), int(signatures.get("signed", 0)),
                      tuple(p["message"] for p in data["problems"] + data["record_problems"]),
                      tuple(str(w) for w in signatures.get("unsigned", ())))
