"""Settings (File → Settings…, Ctrl+,): publishing accounts, default targets, IT policy.

* **Accounts**: every account with its network, name, language, handle and
  whether its secret is in the OS keyring (never the secret itself). Add an
  account, store a new secret for one, or remove one. A secret is typed into a
  password field that is read once and cleared at once; it travels as a
  `Secret` (which never shows itself) straight to ``AccountService``, which
  files it in the keyring.
* **Default targets**: the accounts a post without targets of its own goes to.
* **IT policy**: every setting the policy locks (``session.policy.locked()``),
  shown disabled with a lock and "Set by your IT policy". Accounts the policy
  provisions and default targets it sets are locked the same way.

`SettingsLauncher` puts the dialog in the File menu (one post's targets are
chosen in ``publishing.targets``). The rules (coverage of both languages, what
the policy locks) are ``desktop.publishing.accounts``'s; every call runs on the
storage worker (``operations.accounts``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop.publishing.accounts import CHANNELS, DEFAULT_SERVICE, AccountLang, PublishingAccount
from desktop.publishing.credentials import InvalidSecret, Secret

from .appearance import Appearance, AppearancePage
from .context import Feature
from .messages import render
from .operations.accounts import (DEFAULT_TARGETS_KEY, AccountsView, add_account, load_accounts,
                                  remove_account, set_default_targets, store_secret)
from .publishing.accounts import (LockNote, TargetsChooser, account_language, channel_label,
                                  lock_icon, lock_text)
from .widgets import MessageBar

if TYPE_CHECKING:
    from .backend import Backend
    from .context import WindowContext


def policy_key_label(key: str) -> str:
    """A locked setting's name as the interface says it (the key when unknown)."""
    translate = QCoreApplication.translate
    labels = {
        "identity.allow_override": translate("Settings",
                                             "Acting as another user (TANDEM_USER)"),
        "database.path": translate("Settings", "Database location"),
        "database.url": translate("Settings", "Team server"),
        "roles.admins": translate("Settings", "Administrators"),
        "roles.grants": translate("Settings", "Roles granted by IT"),
        "approval.chain": translate("Settings", "Approval chain"),
        "review.human_signoff_by": translate("Settings",
                                             "Who signs off text written by people"),
        "translation.packages_dir": translate("Settings", "Language packages folder"),
        "translation.allow_online_install": translate("Settings",
                                                      "Downloading language packages"),
        "publishing.accounts": translate("Settings", "Publishing accounts"),
        DEFAULT_TARGETS_KEY: translate("Settings", "Default targets"),
        "telemetry.enabled": translate("Settings", "Telemetry"),
    }
    return labels.get(key, key)


def policy_value_text(value: Any) -> str:
    if isinstance(value, bool):
        return (QCoreApplication.translate("Settings", "Yes") if value
                else QCoreApplication.translate("Settings", "No"))
    if isinstance(value, list):
        if all(isinstance(v, dict) and "name" in v for v in value):
            return ", ".join(str(v["name"]) for v in value)
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return str(value)


# -- widgets ---------------------------------------------------------------------------
class SettingsDialog(QDialog):
    """Accounts, default targets and the settings the IT policy locks."""

    def __init__(self, backend: Backend, parent: QWidget | None = None,
                 appearance: Appearance | None = None):
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self._backend = backend
        self._view: AccountsView | None = None

        self.tabs = QTabWidget(self)
        self.message_bar = MessageBar("info", self)

        # -- accounts tab --
        accounts_page = QWidget(self)
        self.accounts_tree = QTreeWidget(accounts_page)
        self.accounts_tree.setObjectName("accounts")
        self.accounts_tree.setColumnCount(6)
        self.accounts_tree.setRootIsDecorated(False)
        self.accounts_tree.setAlternatingRowColors(True)
        self.accounts_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.accounts_tree.header().setStretchLastSection(True)
        self.remove_button = QPushButton(accounts_page)
        self.remove_button.setObjectName("remove_account")
        self.secret_label = QLabel(accounts_page)
        self.secret_edit = QLineEdit(accounts_page)
        self.secret_edit.setObjectName("account_secret")
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label.setBuddy(self.secret_edit)
        self.secret_button = QPushButton(accounts_page)
        self.secret_button.setObjectName("store_secret")
        selected_row = QHBoxLayout()
        selected_row.addWidget(self.secret_label)
        selected_row.addWidget(self.secret_edit, 1)
        selected_row.addWidget(self.secret_button)
        selected_row.addWidget(self.remove_button)

        self.add_group = QGroupBox(accounts_page)
        self.channel_combo = QComboBox(self.add_group)
        self.channel_combo.setObjectName("new_channel")
        self.name_edit = QLineEdit(self.add_group)
        self.name_edit.setObjectName("new_name")
        self.lang_combo = QComboBox(self.add_group)
        self.lang_combo.setObjectName("new_lang")
        self.order_combo = QComboBox(self.add_group)
        self.order_combo.setObjectName("new_order")
        self.combine_check = QCheckBox(self.add_group)
        self.combine_check.setObjectName("new_combine")
        self.service_edit = QLineEdit(self.add_group)
        self.service_edit.setObjectName("new_service")
        self.handle_edit = QLineEdit(self.add_group)
        self.handle_edit.setObjectName("new_handle")
        self.new_secret_edit = QLineEdit(self.add_group)
        self.new_secret_edit.setObjectName("new_secret")
        self.new_secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.add_group)
        self.add_button.setObjectName("add_account")
        self.form = QFormLayout(self.add_group)
        self.form_labels = [QLabel(self.add_group) for _ in range(7)]
        for label, field in zip(self.form_labels, (
                self.channel_combo, self.name_edit, self.lang_combo, self.order_combo,
                self.service_edit, self.handle_edit, self.new_secret_edit), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.addRow("", self.combine_check)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        self.form.addRow(add_row)
        accounts_layout = QVBoxLayout(accounts_page)
        accounts_layout.addWidget(self.accounts_tree, 1)
        accounts_layout.addLayout(selected_row)
        accounts_layout.addWidget(self.add_group)

        # -- default targets tab --
        defaults_page = QWidget(self)
        self.defaults_label = QLabel(defaults_page)
        self.defaults_label.setWordWrap(True)
        self.defaults_lock = LockNote(defaults_page)
        self.defaults_chooser = TargetsChooser(defaults_page)
        self.defaults_label.setBuddy(self.defaults_chooser)
        self.defaults_problems = QLabel(defaults_page)
        self.defaults_problems.setWordWrap(True)
        self.defaults_button = QPushButton(defaults_page)
        self.defaults_button.setObjectName("save_defaults")
        defaults_layout = QVBoxLayout(defaults_page)
        defaults_layout.addWidget(self.defaults_label)
        defaults_layout.addWidget(self.defaults_lock)
        defaults_layout.addWidget(self.defaults_chooser, 1)
        defaults_layout.addWidget(self.defaults_problems)
        defaults_buttons = QHBoxLayout()
        defaults_buttons.addStretch(1)
        defaults_buttons.addWidget(self.defaults_button)
        defaults_layout.addLayout(defaults_buttons)

        # -- IT policy tab --
        policy_page = QWidget(self)
        self.policy_label = QLabel(policy_page)
        self.policy_label.setWordWrap(True)
        self.policy_tree = QTreeWidget(policy_page)
        self.policy_tree.setObjectName("locked_settings")
        self.policy_tree.setColumnCount(3)
        self.policy_tree.setRootIsDecorated(False)
        self.policy_tree.setWordWrap(True)
        self.policy_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.policy_tree.header().setStretchLastSection(True)
        self.policy_label.setBuddy(self.policy_tree)
        policy_layout = QVBoxLayout(policy_page)
        policy_layout.addWidget(self.policy_label)
        policy_layout.addWidget(self.policy_tree, 1)

        self.tabs.addTab(accounts_page, "")
        self.tabs.addTab(defaults_page, "")
        self.tabs.addTab(policy_page, "")
        self.appearance_page = AppearancePage(appearance, self) if appearance else None
        if self.appearance_page is not None:
            self.tabs.addTab(self.appearance_page, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        self.buttons.rejected.connect(self.reject)
        self.accounts_tree.currentItemChanged.connect(self._on_accounts_current_item_changed)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.secret_button.clicked.connect(self._on_secret_button_clicked)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.channel_combo.currentIndexChanged.connect(self._on_channel_index_changed)
        self.lang_combo.currentIndexChanged.connect(self._on_lang_index_changed)
        self.defaults_button.clicked.connect(self._on_defaults_button_clicked)
        self.retranslate_ui()
        self.resize(860, 620)
        self.refresh()

    # -- loading ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the accounts; latest wins (a newer refresh supersedes this one)."""
        self._backend.query_latest(self, load_accounts, self._on_loaded,
                                   on_failure=self._on_failure)

    def _on_loaded(self, view: AccountsView) -> None:
        self._view = view
        self._render()

    def _render(self) -> None:
        view = self._view
        if view is None:
            return
        selected = self.selected_account()
        self.accounts_tree.clear()
        present = {"present": self.tr("Yes"), "missing": self.tr("No"),
                   "unknown": self.tr("Unknown (keyring unavailable)")}
        for row in view.accounts:
            account = row.account
            source = lock_text() if account.locked else self.tr("Added by {user}").format(
                user=account.created_by)
            item = QTreeWidgetItem([channel_label(account.channel), account.name,
                                    account_language(account), account.handle,
                                    present[row.secret], source])
            item.setData(0, Qt.ItemDataRole.UserRole, account.name)
            if account.locked:
                item.setIcon(5, lock_icon())
            self.accounts_tree.addTopLevelItem(item)
            if account.name == (selected.name if selected else None):
                self.accounts_tree.setCurrentItem(item)
        self._on_accounts_current_item_changed(self.accounts_tree.currentItem(), None)

        accounts = [row.account for row in view.accounts]
        self.defaults_chooser.set_accounts(accounts, {a.name for a in view.defaults.accounts})
        self.defaults_chooser.setEnabled(not view.defaults_locked)
        self.defaults_button.setEnabled(not view.defaults_locked)
        self.defaults_lock.setVisible(view.defaults_locked)
        problems = "\n".join(render(p) for p in view.defaults.problems)
        self.defaults_problems.setText(problems)
        self.defaults_problems.setVisible(bool(problems))

        self.policy_tree.clear()
        for setting in view.locked:
            item = QTreeWidgetItem([policy_key_label(setting.key),
                                    policy_value_text(setting.value), lock_text()])
            item.setIcon(2, lock_icon())
            item.setToolTip(0, f"{setting.key}: {setting.help}")
            item.setDisabled(True)
            self.policy_tree.addTopLevelItem(item)
        if view.locked:
            self.policy_label.setText(self.tr(
                "These settings are &set by your IT policy ({source}) and cannot be changed "
                "here.").format(source=view.policy_source))
        else:
            self.policy_label.setText(self.tr("Your IT policy &sets no setting: nothing is "
                                              "locked."))

    def selected_account(self) -> PublishingAccount | None:
        item = self.accounts_tree.currentItem()
        if item is None or self._view is None:
            return None
        name = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r.account for r in self._view.accounts if r.account.name == name), None)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_accounts_current_item_changed(self, _current: QTreeWidgetItem | None,
                                          _previous: QTreeWidgetItem | None) -> None:
        account = self.selected_account()
        self.secret_edit.setEnabled(account is not None)
        self.secret_button.setEnabled(account is not None)
        self.remove_button.setEnabled(account is not None and not account.locked)
        self.remove_button.setToolTip(lock_text() if account is not None and account.locked
                                      else self.tr("Remove the selected account and its secret"))

    # -- changing --------------------------------------------------------------------
    def _take_secret(self, edit: QLineEdit) -> Secret | None:
        """Read a password field once, clear it at once, and wrap what it held."""
        raw = edit.text()
        edit.clear()
        try:
            return Secret.from_input(raw)
        except InvalidSecret as exc:  # its message gives lengths, never the secret
            self.message_bar.show_message(render(exc), "warning")
            return None

    @Slot()
    def _on_add_button_clicked(self) -> None:
        lang = self.lang_combo.currentData()
        fields = {"channel": self.channel_combo.currentData(),
                  "name": self.name_edit.text().strip(), "lang": lang,
                  "service_url": self.service_edit.text().strip() or None,
                  "handle": self.handle_edit.text().strip() or None,
                  "order": self.order_combo.currentData() if lang == "both" else None,
                  "combine_when_fits": lang == "both" and self.combine_check.isChecked()}
        secret = self._take_secret(self.new_secret_edit)
        if secret is None:
            return
        self._backend.run_op(lambda session: add_account(session, fields, secret),
                             on_success=self._on_account_added, on_failure=self._on_failure,
                             initiator=self)

    def _on_account_added(self, account: PublishingAccount) -> None:
        for edit in (self.name_edit, self.service_edit, self.handle_edit):
            edit.clear()
        self.message_bar.show_message(self.tr(
            "Account {name} added; its secret is in the OS keyring.").format(name=account.name),
            "success")
        self.refresh()

    @Slot()
    def _on_secret_button_clicked(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        secret = self._take_secret(self.secret_edit)
        if secret is None:
            return
        name = account.name
        self._backend.run_op(lambda session: store_secret(session, name, secret),
                             on_success=lambda stored: self._on_changed(self.tr(
                                 "The secret of {name} is stored in the OS keyring.").format(
                                 name=stored.name)),
                             on_failure=self._on_failure, initiator=self)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        account = self.selected_account()
        if account is None or account.locked:
            return
        name = account.name
        self._backend.run_op(lambda session: remove_account(session, name),
                             on_success=lambda removed: self._on_changed(self.tr(
                                 "Account {name} removed, with its secret.").format(
                                 name=removed.name)),
                             on_failure=self._on_failure, initiator=self)

    @Slot()
    def _on_defaults_button_clicked(self) -> None:
        names = self.defaults_chooser.checked_names()
        self._backend.run_op(lambda session: set_default_targets(session, names),
                             on_success=lambda _targets: self._on_changed(self.tr(
                                 "Default targets saved.")),
                             on_failure=self._on_failure, initiator=self)

    def _on_changed(self, message: str) -> None:
        self.message_bar.show_message(message, "success")
        self.refresh()

    def _on_failure(self, exc: Exception) -> None:
        self.message_bar.show_message(render(exc), "warning")
        self.refresh()

    @Slot(int)
    def _on_channel_index_changed(self, _index: int) -> None:
        channel = self.channel_combo.currentData()
        default = DEFAULT_SERVICE.get(channel)
        self.service_edit.setPlaceholderText(
            self.tr("Default: {url}").format(url=default) if default
            else self.tr("Required: the https:// address of the server"))
        # The examples are the chosen network's (a Mastodon form showed Bluesky's).
        examples = {
            "bluesky": ("gc-bluesky-en", "canada.bsky.social"),
            "mastodon": ("gc-mastodon-en", "canada@social.example.ca"),
            "x": ("gc-x-en", "Canada"),
            "webhook": ("gc-webhook", "web-team"),
        }
        name, handle = examples.get(channel, ("", ""))
        self.name_edit.setPlaceholderText(self.tr("For example {name}").format(name=name))
        self.handle_edit.setPlaceholderText(self.tr("For example {handle}").format(handle=handle))

    @Slot(int)
    def _on_lang_index_changed(self, _index: int) -> None:
        both = self.lang_combo.currentData() == AccountLang.BOTH.value
        self.order_combo.setEnabled(both)
        self.combine_check.setEnabled(both)

    # -- language ---------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings — Tandem"))
        self.setAccessibleName(self.tr("Settings"))
        self.tabs.setTabText(0, self.tr("Accounts"))
        self.tabs.setTabText(1, self.tr("Default targets"))
        self.tabs.setTabText(2, self.tr("IT policy"))
        if self.appearance_page is not None:
            self.tabs.setTabText(3, self.tr("Appearance"))
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.accounts_tree.setHeaderLabels([self.tr("Network"), self.tr("Name"),
                                            self.tr("Language"), self.tr("Handle"),
                                            self.tr("Secret stored"), self.tr("Source")])
        self.accounts_tree.setAccessibleName(self.tr("Publishing accounts"))
        self.accounts_tree.setAccessibleDescription(self.tr(
            "Secrets are kept in the OS keyring; this list only says whether one is stored."))
        self.secret_label.setText(self.tr("New secret for the selected account:"))
        self.secret_edit.setAccessibleName(self.tr("New secret for the selected account"))
        self.secret_edit.setPlaceholderText(self.tr("App password or token"))
        self.secret_button.setText(self.tr("Store secret"))
        self.secret_button.setAccessibleName(self.tr("Store the secret in the OS keyring"))
        self.remove_button.setText(self.tr("Remove account"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected account"))
        self.add_group.setTitle(self.tr("Add an account"))
        for label, text in zip(self.form_labels, (
                self.tr("&Network:"), self.tr("N&ame:"), self.tr("&Language:"),
                self.tr("&Order:"), self.tr("&Server:"), self.tr("&Handle:"),
                self.tr("Se&cret:")), strict=True):
            label.setText(text)
        self.channel_combo.setAccessibleName(self.tr("Network of the new account"))
        self.name_edit.setAccessibleName(self.tr("Name of the new account"))
        self.lang_combo.setAccessibleName(self.tr("Language of the new account"))
        self.order_combo.setAccessibleName(self.tr("Order of the languages"))
        self.combine_check.setText(self.tr("One post with both languages when they fit"))
        self.combine_check.setAccessibleName(self.combine_check.text())
        self.service_edit.setAccessibleName(self.tr("Server address of the new account"))
        self.handle_edit.setAccessibleName(self.tr("Handle of the new account"))
        self.new_secret_edit.setAccessibleName(self.tr("Secret of the new account"))
        self.new_secret_edit.setPlaceholderText(self.tr("Goes to the OS keyring only"))
        self.add_button.setText(self.tr("Add account"))
        self.add_button.setAccessibleName(self.tr("Add the account"))
        self._fill_combo(self.channel_combo, [(channel_label(c), c) for c in CHANNELS])
        self._fill_combo(self.lang_combo, [(self.tr("English"), "en"), (self.tr("French"), "fr"),
                                           (self.tr("Bilingual"), "both")])
        self._fill_combo(self.order_combo, [(self.tr("English first"), "en-first"),
                                            (self.tr("French first"), "fr-first")])
        self._on_channel_index_changed(self.channel_combo.currentIndex())
        self._on_lang_index_changed(self.lang_combo.currentIndex())
        self.defaults_label.setText(self.tr(
            "&Accounts a post goes to when it has no targets of its own. Every network needs "
            "both languages: an English and a French account, or one bilingual account."))
        self.defaults_chooser.setAccessibleName(self.tr("Default targets"))
        self.defaults_button.setText(self.tr("Save default targets"))
        self.defaults_button.setAccessibleName(self.tr("Save the default targets"))
        self.policy_tree.setHeaderLabels([self.tr("Setting"), self.tr("Value"),
                                          self.tr("Locked")])
        self.policy_tree.setAccessibleName(self.tr("Settings locked by the IT policy"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close the settings"))
        self._render()


class SettingsLauncher(QObject, Feature):
    """File → Settings… (Ctrl+,) in the window."""

    def __init__(self, context: WindowContext, appearance: Appearance | None = None):
        super().__init__(context.widget)
        self.attach(context)
        self.appearance = appearance
        self.dialog: SettingsDialog | None = None
        self.action = QAction(context.widget)
        self.action.setShortcut(QKeySequence("Ctrl+,"))
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.action.triggered.connect(self.open)
        context.add_file_action(self.action, before_quit=True)
        context.widget.installEventFilter(self)  # the window's LanguageChange retranslates it
        self.retranslate()

    def feature_actions(self) -> tuple[QAction, ...]:
        return (self.action,)

    @Slot()
    def open(self) -> None:
        if self.dialog is None:
            self.dialog = SettingsDialog(self.context.backend, self.context.widget,
                                         self.appearance)
        else:
            self.dialog.refresh()
        self.dialog.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.context.widget and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def retranslate(self) -> None:
        self.action.setText(self.tr("S&ettings…"))
        self.action.setToolTip(self.tr("Publishing accounts, default targets and the settings "
                                       "your IT policy locks (Ctrl+,)"))
