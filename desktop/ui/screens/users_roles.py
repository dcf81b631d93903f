"""Users and roles: who holds which role; an admin grants and revokes (Tools → Users and roles).

Roles set by the IT policy are shown as locked. The core decides who may change
what (`RoleService`); a refusal appears in the screen's message bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ..operations.admin import Roster, grant_role, load_roster, revoke_role
from .base import ScreenDialog, button, form_layout, fill_table, make_table

if TYPE_CHECKING:
    from ..context import WindowContext

PLAIN_ROLES = ("author", "translator", "publisher", "admin")


class UsersRolesScreen(ScreenDialog):
    def __init__(self, context: WindowContext):
        super().__init__(context, "users_roles")
        self._roster: Roster | None = None
        body = QWidget(self)
        self.intro = QLabel(body)
        self.intro.setWordWrap(True)
        self.table_label = QLabel(body)
        self.table = make_table(body, "users_roles_table", 4)
        self.table_label.setBuddy(self.table)
        self.user_label = QLabel(body)
        self.user_edit = QLineEdit(body)
        self.user_edit.setObjectName("users_roles_user")
        self.user_edit.setMaxLength(64)
        self.user_label.setBuddy(self.user_edit)
        self.role_label = QLabel(body)
        self.role_combo = QComboBox(body)
        self.role_combo.setObjectName("users_roles_role")
        self.role_combo.setEditable(False)
        self.role_label.setBuddy(self.role_combo)
        self.grant_button = button(body, "users_roles_grant")
        self.revoke_button = button(body, "users_roles_revoke")

        form = form_layout()
        form.addRow(self.user_label, self.user_edit)
        form.addRow(self.role_label, self.role_combo)
        actions = QHBoxLayout()
        actions.addWidget(self.grant_button)
        actions.addWidget(self.revoke_button)
        actions.addStretch(1)
        layout = form_layout(body)
        layout.addRow(self.intro)
        layout.addRow(self.table_label)
        layout.addRow(self.table)
        layout.addRow(form)
        layout.addRow(actions)

        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.grant_button.clicked.connect(self._on_grant_clicked)
        self.revoke_button.clicked.connect(self._on_revoke_clicked)
        self.finish(body)

    def refresh(self) -> None:
        self.query("roster", load_roster, self._show)

    def refresh_on(self, changes) -> bool:
        return changes.post_list

    def _show(self, roster: Roster) -> None:
        self._roster = roster
        fill_table(self.table, [[g.user, self.role_name(g.role), self._source(g),
                                 g.granted_by or ""] for g in roster.grants])
        current = self.role_combo.currentData()
        self.role_combo.clear()
        for role in (*PLAIN_ROLES, *roster.step_roles):
            self.role_combo.addItem(self.role_name(role), role)
        index = self.role_combo.findData(current)
        self.role_combo.setCurrentIndex(max(index, 0))
        for widget in (self.user_edit, self.role_combo, self.grant_button, self.revoke_button):
            widget.setEnabled(roster.can_manage)
        if not roster.can_manage:
            self.say(self.tr("Only an administrator can grant or take back roles; you can see "
                             "who holds what."))

    def _source(self, grant) -> str:
        return self.tr("IT policy (locked)") if grant.locked else self.tr("Tandem")

    def role_name(self, role: str) -> str:
        names = {"author": self.tr("Author"), "translator": self.tr("Translator"),
                 "publisher": self.tr("Publisher"), "admin": self.tr("Administrator")}
        if role.startswith("approver:"):
            return self.tr("Approver ({step})").format(step=role.split(":", 1)[1])
        return names.get(role, role)

    @Slot()
    def _on_selection_changed(self) -> None:
        row = self.table.currentRow()
        if self._roster is None or not 0 <= row < len(self._roster.grants):
            return
        grant = self._roster.grants[row]
        self.user_edit.setText(grant.user)
        index = self.role_combo.findData(grant.role)
        if index >= 0:
            self.role_combo.setCurrentIndex(index)

    def _chosen(self) -> tuple[str, str] | None:
        user, role = self.user_edit.text().strip(), self.role_combo.currentData()
        if not user or not role:
            self.say(self.tr("Type a user name and choose a role."), "warning")
            self.user_edit.setFocus()
            return None
        return user, role

    @Slot()
    def _on_grant_clicked(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        user, role = chosen

        def done(added: bool) -> None:
            text = (self.tr("{user} now has the {role} role.") if added
                    else self.tr("{user} already had the {role} role."))
            self.say(text.format(user=user, role=self.role_name(role)), "success")
            self.refresh()

        self.run(lambda session: grant_role(session, user, role), done)

    @Slot()
    def _on_revoke_clicked(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        user, role = chosen

        def done(_none: None) -> None:
            self.say(self.tr("{user} no longer has the {role} role.").format(
                user=user, role=self.role_name(role)), "success")
            self.refresh()

        self.run(lambda session: revoke_role(session, user, role), done)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Users and roles"))
        self.setAccessibleName(self.tr("Users and roles"))
        self.open_action.setText(self.tr("&Users and roles…"))
        self.intro.setText(self.tr("Authors write posts, translators sign off translations, "
                                   "approvers approve their step of the chain, publishers "
                                   "publish, administrators manage roles and the chain."))
        self.table_label.setText(self.tr("&Roles held:"))
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Role"),
                                              self.tr("Set by"), self.tr("Granted by")])
        self.table.setAccessibleName(self.tr("Roles held"))
        self.user_label.setText(self.tr("U&ser:"))
        self.user_edit.setAccessibleName(self.tr("User name"))
        self.user_edit.setPlaceholderText(self.tr("login name, e.g. jsmith"))
        self.role_label.setText(self.tr("R&ole:"))
        self.role_combo.setAccessibleName(self.tr("Role"))
        self.grant_button.setText(self.tr("&Grant"))
        self.grant_button.setAccessibleName(self.tr("Grant the role to the user"))
        self.revoke_button.setText(self.tr("Ta&ke back"))
        self.revoke_button.setAccessibleName(self.tr("Take the role back from the user"))
        if self._roster is not None:
            self._show(self._roster)
