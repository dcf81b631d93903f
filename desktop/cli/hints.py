"""The English a terminal user reads for a domain message: its text plus the `tandem …` fix.

Domain messages (`desktop.core.messages.Message`) name no command — a window
user has no terminal. For the CLI, `cli_text` adds the command that fixes the
problem, keyed by the message's code; nested messages (a preflight problem
wrapping a delivery error) get their own hint in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from desktop.core.messages import Message, message_of

Hint = Callable[[str, Mapping[str, Any]], str]


def _grant(text: str, p: Mapping[str, Any]) -> str:
    needs = list(p.get("needs") or [])
    if not needs or needs[0] == "approver":
        return text
    return f"{text} An admin can grant it: tandem users grant {p['user']} {needs[0]}."


def _replace(old: str, new: str) -> Hint:
    """A hint that rewrites part of the English (both may name parameters)."""
    return lambda text, p: text.replace(old.format(**p), new.format(**p))


def _append(extra: str) -> Hint:
    return lambda text, p: text + extra.format(**p)


#: code → how the CLI completes the English with the command to run.
HINTS: dict[str, Hint] = {
    "roles.denied": _grant,
    "publish.not_publisher": _replace(
        "(an admin can grant it)", "(an admin can grant it: tandem users grant {user} publisher)"),
    "store.unusable": _replace("choose another file.", "choose another file with --db."),
    "delivery.credentials": _replace(
        "Store valid credentials for the account {account}, then retry.",
        "Store valid credentials with `tandem accounts secret {account}`, then retry."),
    "accounts.no_targets": _append(": choose them with `tandem post targets {post} ACCOUNT…`"),
    "accounts.targeted": _replace("change their targets first.",
                                  "change their targets first (`tandem post targets ID ACCOUNT…`)."),
    "accounts.is_default": _replace("change them first.",
                                    "change them first (`tandem accounts defaults NAME…`)."),
    "accounts.needs_handle": _replace("account needs a handle:", "account needs --handle:"),
    "accounts.needs_service": _replace("account needs its service address",
                                       "account needs --service"),
    "accounts.bilingual_only": _replace(
        "The language order and combining apply only to bilingual accounts.",
        "--order and --combine-when-fits apply only to bilingual accounts (--lang both)."),
    "policy.secret_key": _replace(
        "in their OS keyring.", "in their OS keyring (tandem accounts secret NAME --secret-stdin)."),
    "team.no_role": _replace(
        "an admin grants one (author, translator, approver:<step> or publisher).",
        "an admin grants one with `tandem users grant {user} author` (or translator, "
        "approver:<step>, publisher)."),
    "team.no_store": _replace("The database owner creates it.",
                              "The database owner creates it with `tandem team init {url} --admin NAME`."),
    "team.owner_upgrade": _replace("may run.", "may run: `tandem team init` again."),
    "roles.approver_needs_step": _replace("(the approval chain lists the step ids)",
                                          "(`tandem chain show` lists the step ids)"),
    "mappings.taken": _replace("remove that pair first.",
                               "remove that pair first (tandem mappings list)."),
    "mappings.conflict": _replace("mapped to something else.",
                                  "mapped to something else (tandem mappings list)."),
    "policy.account_secret": _replace("each user keeps them in their OS keyring.",
                                      "give them with `tandem accounts secret NAME`."),
    "credentials.missing": _replace(
        "Store it for the account {account}.", "Store it with `tandem accounts secret {account}`."),
    "signing.required": _replace(
        "Create a signing key on this computer and ask an admin to register its public key.",
        "Create one with `tandem keys init`; an admin registers it with "
        "`tandem keys register {user} PUBKEY`."),
    "signing.key_not_here": _replace(
        "or create a new key here and ask an admin to register it.",
        "or create a new key here with `tandem keys init` and ask an admin to register it "
        "(`tandem keys register {user} PUBKEY`)."),
    "signing.key_not_registered": _replace(
        "ask an admin to register it.",
        "ask an admin to register it: `tandem keys register {user} PUBKEY` (`tandem keys init` "
        "prints PUBKEY)."),
}


def _nested(params: Mapping[str, Any]) -> Iterable[Message]:
    for value in params.values():
        for item in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(item, Message):
                yield item


def cli_text(value: object) -> str:
    """``value`` (an error, a problem, a stored message) as the CLI prints it."""
    message = message_of(value)
    text = str(message)
    for inner in _nested(message.params):
        if str(inner):
            text = text.replace(str(inner), cli_text(inner))
    hint = HINTS.get(message.code)
    return hint(text, message.params) if hint else text
