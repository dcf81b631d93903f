"""The interface language: English or French, switched live and remembered.

Sources are English; `resources/i18n/tandem_fr.qm` (built from
``tandem_fr.ts`` by scripts/update_translations.py) holds the French, and
Qt's own ``qtbase_fr.qm`` translates standard dialog buttons. Installing a
translator makes Qt send ``QEvent.LanguageChange`` to every widget; each of
ours re-reads its strings in ``retranslate_ui()`` (the retranslateUi pattern).
The choice is stored in QSettings under ``ui/language``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings,
                            QTranslator, Signal)

from desktop.core.model import Lang, Origin, PostState
from desktop.core.provenance import provenance_kind

SETTINGS_KEY = "ui/language"
LANGUAGES = ("en", "fr")


def translations_dir() -> Path:
    """Folder holding tandem_<lang>.qm: the source tree, or the frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "i18n"
    return Path(__file__).resolve().parents[2] / "resources" / "i18n"


def locale_for(code: str) -> QLocale:
    if code == "fr":
        return QLocale(QLocale.Language.French, QLocale.Country.Canada)
    return QLocale(QLocale.Language.English, QLocale.Country.Canada)


class LanguageManager(QObject):
    """Installs the translators for the chosen interface language."""

    language_changed = Signal(str)

    def __init__(self, settings: QSettings, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._translators: list[QTranslator] = []
        self.language = "en"

    def initial_language(self) -> str:
        saved = self._settings.value(SETTINGS_KEY, "", type=str)
        if saved in LANGUAGES:
            return saved
        return "fr" if QLocale.system().language() == QLocale.Language.French else "en"

    def set_language(self, code: str, remember: bool = True) -> None:
        """Switch every window to ``code`` ("en" or "fr") now."""
        if code not in LANGUAGES:
            raise ValueError(f"unsupported interface language {code!r}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("the interface language needs the QApplication")
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators.clear()
        QLocale.setDefault(locale_for(code))
        if code != "en":
            ours = QTranslator(self)
            if ours.load(f"tandem_{code}", str(translations_dir())):
                self._translators.append(ours)
            qt_own = QTranslator(self)
            if qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                self._translators.append(qt_own)
            for translator in self._translators:
                app.installTranslator(translator)
        self.language = code
        if remember:
            self._settings.setValue(SETTINGS_KEY, code)
        self.language_changed.emit(code)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def state_label(state: PostState) -> str:
    """A post state as the interface names it."""
    labels = {
        PostState.DRAFT: QCoreApplication.translate("PostState", "Draft"),
        PostState.IN_REVIEW: QCoreApplication.translate("PostState", "In review"),
        PostState.IN_APPROVAL: QCoreApplication.translate("PostState", "In approval"),
        PostState.APPROVED: QCoreApplication.translate("PostState", "Approved"),
        PostState.SCHEDULED: QCoreApplication.translate("PostState", "Scheduled"),
        PostState.PUBLISHING: QCoreApplication.translate("PostState", "Publishing"),
        PostState.PUBLISHED: QCoreApplication.translate("PostState", "Published"),
        PostState.HALF_PUBLISHED: QCoreApplication.translate("PostState", "Partly published"),
    }
    return labels[PostState(state)]


def origin_label(origin: Origin) -> str:
    labels = {
        Origin.HUMAN: QCoreApplication.translate("Origin", "human"),
        Origin.MACHINE: QCoreApplication.translate("Origin", "machine translation"),
        Origin.MEMORY: QCoreApplication.translate("Origin", "translation memory"),
    }
    return labels[Origin(origin)]


def provenance_text(version) -> str:
    """A version's origin told truthfully: a mostly-machine version saved by a person is
    "machine-assisted, 98 %", not "human" (`desktop.core.provenance.provenance_kind`)."""
    kind, percent = provenance_kind(version.origin, version.text, version.spans)
    if percent is None:
        return origin_label(Origin(kind))
    return QCoreApplication.translate("Origin", "machine-assisted, {share}").format(
        share=format_percent(percent))


def format_percent(value: int | float) -> str:
    """A percentage as the interface language writes it: "98%" in English, "98 %" (with a
    no-break space) in French."""
    locale = QLocale()
    number = locale.toString(round(value))
    if locale.language() == QLocale.Language.French:
        return f"{number}\u00a0%"
    return f"{number}%"


def language_name(lang: Lang) -> str:
    """The name of a *post* language in the interface language."""
    if Lang(lang) is Lang.EN:
        return QCoreApplication.translate("Lang", "English")
    return QCoreApplication.translate("Lang", "French")


def format_timestamp(iso: str) -> str:
    """A stored UTC timestamp as local "YYYY-MM-DD HH:MM" (the GC numeric date
    format, the same in both languages)."""
    from desktop.core.clock import parse_iso

    try:
        return parse_iso(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def role_label(role: str) -> str:
    """A role as the interface names it (approver roles name their step)."""
    from desktop.core.names import APPROVER_PREFIX

    if role.startswith(APPROVER_PREFIX):
        return QCoreApplication.translate("Roles", "{step} approver").format(
            step=role[len(APPROVER_PREFIX):])
    labels = {
        "author": QCoreApplication.translate("Roles", "author"),
        "translator": QCoreApplication.translate("Roles", "translator"),
        "approver": QCoreApplication.translate("Roles", "approver"),
        "publisher": QCoreApplication.translate("Roles", "publisher"),
        "admin": QCoreApplication.translate("Roles", "admin"),
    }
    return labels.get(role, role)


def roles_phrase(roles: tuple[str, ...] | list[str]) -> str:
    """"the translator role" / "one of the roles translator, approver"."""
    names = [role_label(r) for r in dict.fromkeys(roles)]
    if len(names) == 1:
        return QCoreApplication.translate("Roles", "the {role} role").format(role=names[0])
    return QCoreApplication.translate("Roles", "one of the roles {roles}").format(
        roles=", ".join(names))
