"""The approval chain editor (Tools → Approval chain): the steps posts go through after review.

Each step has a name, an id (derived from the name when left empty), a mode —
*any* eligible approver is enough, or *all* of them — the steps it waits for
(none: it starts at once, in parallel with the other starting steps) and,
optionally, the post types it applies to (empty: every post; a step limited to
some types is skipped for the others). Steps are ordered with Move up/down;
a plain-language summary under the list says who approves in which order.
Saving hands the whole chain to the core (`ApprovalService.set_chain`), which
validates it (unknown or circular "after", duplicate ids) and audits it; a
chain set by the IT policy is shown read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QSplitter, QVBoxLayout, QWidget)

from desktop.core.chain import Chain, slug

from ..operations.admin import ChainView, load_chain, save_chain
from .base import ScreenDialog, button, form_layout, fill_table, make_table

if TYPE_CHECKING:
    from ..context import WindowContext


def step_id(step: dict) -> str:
    return step.get("id") or slug(step.get("name", "")) or ""


class ChainEditorScreen(ScreenDialog):
    def __init__(self, context: WindowContext):
        super().__init__(context, "chain_editor")
        self._view: ChainView | None = None
        self.steps: list[dict] = []
        self._loading = False
        body = QWidget(self)
        self.status_label = QLabel(body)
        self.status_label.setWordWrap(True)
        self.table_label = QLabel(body)
        self.table = make_table(body, "chain_steps", 5)
        self.table_label.setBuddy(self.table)
        self.summary_label = QLabel(body)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = button(body, "chain_add")
        self.remove_button = button(body, "chain_remove")
        self.up_button = button(body, "chain_up")
        self.down_button = button(body, "chain_down")

        self.step_box = QGroupBox(body)
        self.name_label, self.name_edit = QLabel(self.step_box), QLineEdit(self.step_box)
        self.name_edit.setObjectName("chain_step_name")
        self.name_edit.setMaxLength(100)
        self.id_label, self.id_edit = QLabel(self.step_box), QLineEdit(self.step_box)
        self.id_edit.setObjectName("chain_step_id")
        self.id_edit.setMaxLength(64)
        self.mode_label, self.mode_combo = QLabel(self.step_box), QComboBox(self.step_box)
        self.mode_combo.setObjectName("chain_step_mode")
        self.after_label = QLabel(self.step_box)
        self.after_label.setWordWrap(True)
        self.after_list = QListWidget(self.step_box)
        self.after_list.setObjectName("chain_step_after")
        self.types_label, self.types_edit = QLabel(self.step_box), QLineEdit(self.step_box)
        self.types_edit.setObjectName("chain_step_types")
        for label, field in ((self.name_label, self.name_edit), (self.id_label, self.id_edit),
                             (self.mode_label, self.mode_combo),
                             (self.after_label, self.after_list),
                             (self.types_label, self.types_edit)):
            label.setBuddy(field)
        form = form_layout(self.step_box)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.id_label, self.id_edit)
        form.addRow(self.mode_label, self.mode_combo)
        form.addRow(self.after_label)
        form.addRow(self.after_list)
        form.addRow(self.types_label, self.types_edit)

        self.save_button = button(body, "chain_save")
        self.reload_button = button(body, "chain_reload")

        left = QWidget(body)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table_label)
        left_layout.addWidget(self.table, 1)
        moves = QHBoxLayout()
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button):
            moves.addWidget(widget)
        moves.addStretch(1)
        left_layout.addLayout(moves)
        left_layout.addWidget(self.summary_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, body)
        splitter.addWidget(left)
        splitter.addWidget(self.step_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([560, 380])
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.reload_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        QWidget.setTabOrder(self.types_edit, self.reload_button)  # as laid out: Reload, Save
        QWidget.setTabOrder(self.reload_button, self.save_button)
        self.table.currentCellChanged.connect(lambda *_: self._show_step())
        self.name_edit.textEdited.connect(self._on_field_edited)
        self.id_edit.textEdited.connect(self._on_field_edited)
        self.types_edit.textEdited.connect(self._on_field_edited)
        self.mode_combo.activated.connect(lambda _i: self._on_field_edited())
        self.after_list.itemChanged.connect(lambda _item: self._on_field_edited())
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.reload_button.clicked.connect(self.refresh)
        self.finish(body)

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.query("chain", load_chain, self._loaded)

    def _loaded(self, view: ChainView) -> None:
        self._view = view
        self.steps = [step.to_dict() for step in view.chain.steps]
        self._render(0)
        self._render_status()

    def _render_status(self) -> None:
        view = self._view
        if view is None:
            return
        if view.locked:
            text = self.tr("The IT policy sets this chain: it cannot be changed here.")
        elif not view.can_edit:
            text = self.tr("Only an administrator can change the chain; you can read it.")
        else:
            text = self.tr("Changes apply to posts entering approval after you save; posts "
                           "already in approval keep the chain they started with.")
        self.status_label.setText(text)
        editable = view.can_edit
        for widget in (self.add_button, self.remove_button, self.up_button, self.down_button,
                       self.save_button, self.name_edit, self.id_edit, self.mode_combo,
                       self.after_list, self.types_edit):
            widget.setEnabled(editable)

    def _render(self, row: int) -> None:
        self._loading = True
        fill_table(self.table, [[s.get("name", ""), step_id(s), self.mode_name(s.get("mode")),
                                 self._after_text(s), self._types_text(s)] for s in self.steps])
        if self.steps:
            self.table.setCurrentCell(min(max(row, 0), len(self.steps) - 1), 0)
        self._loading = False
        self._show_step()
        self.summary_label.setText(self.summary())

    def _show_step(self) -> None:
        if self._loading:
            return
        self._loading = True
        row = self.table.currentRow()
        step = self.steps[row] if 0 <= row < len(self.steps) else None
        self.step_box.setEnabled(step is not None and bool(self._view and self._view.can_edit))
        self.name_edit.setText(step.get("name", "") if step else "")
        self.id_edit.setText(step.get("id", "") if step else "")
        self.id_edit.setPlaceholderText(slug(step.get("name", "")) if step else "")
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(
            step.get("mode", "any") if step else "any"), 0))
        self.after_list.clear()
        if step is not None:
            for other in self.steps:
                if other is step:
                    continue
                item = QListWidgetItem(other.get("name") or step_id(other))
                item.setData(Qt.ItemDataRole.UserRole, step_id(other))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if step_id(other) in step.get("after", [])
                                   else Qt.CheckState.Unchecked)
                self.after_list.addItem(item)
        self.types_edit.setText(", ".join(step.get("post_types") or []) if step else "")
        self._loading = False

    # -- editing -------------------------------------------------------------------------
    @Slot()
    def _on_field_edited(self) -> None:
        row = self.table.currentRow()
        if self._loading or not 0 <= row < len(self.steps):
            return
        step = self.steps[row]
        old_id = step_id(step)
        step["name"] = self.name_edit.text().strip()
        typed_id = self.id_edit.text().strip()
        if typed_id:
            step["id"] = typed_id
        else:
            step.pop("id", None)
        step["mode"] = self.mode_combo.currentData()
        step["after"] = [self.after_list.item(i).data(Qt.ItemDataRole.UserRole)
                         for i in range(self.after_list.count())
                         if self.after_list.item(i).checkState() == Qt.CheckState.Checked]
        types = [t.strip() for t in self.types_edit.text().split(",") if t.strip()]
        step["post_types"] = types or None
        new_id = step_id(step)
        if new_id != old_id:  # keep the other steps' "after" pointing at this one
            for other in self.steps:
                other["after"] = [new_id if a == old_id else a for a in other.get("after", [])]
        self._loading = True
        for column, text in enumerate((step["name"], new_id, self.mode_name(step["mode"]),
                                       self._after_text(step), self._types_text(step))):
            item = self.table.item(row, column)
            if item is not None:
                item.setText(text)
                item.setToolTip(text)
        self._loading = False
        self.id_edit.setPlaceholderText(slug(step["name"]))
        self.summary_label.setText(self.summary())

    @Slot()
    def _on_add_clicked(self) -> None:
        name = self.tr("New step {number}").format(number=len(self.steps) + 1)
        after = [step_id(self.steps[-1])] if self.steps else []
        # No id yet: it follows the name (shown as the placeholder) until one is typed.
        self.steps.append({"name": name, "mode": "any", "after": after, "post_types": None})
        self._render(len(self.steps) - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    @Slot()
    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.steps):
            return
        gone = step_id(self.steps.pop(row))
        for other in self.steps:
            other["after"] = [a for a in other.get("after", []) if a != gone]
        self._render(row)

    def _move(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if not (0 <= row < len(self.steps) and 0 <= target < len(self.steps)):
            return
        self.steps[row], self.steps[target] = self.steps[target], self.steps[row]
        self._render(target)

    @Slot()
    def _on_save_clicked(self) -> None:
        steps = [{**s, "after": list(s.get("after", []))} for s in self.steps]

        def done(chain: Chain) -> None:
            self.say(self.tr("Approval chain saved: {count} steps.").format(
                count=len(chain.steps)), "success")
            self.refresh()

        self.run(lambda session: save_chain(session, steps), done)

    # -- wording -------------------------------------------------------------------------
    def mode_name(self, mode: str | None) -> str:
        return self.tr("all approvers") if mode == "all" else self.tr("any one approver")

    def _after_text(self, step: dict) -> str:
        after = step.get("after", [])
        return ", ".join(after) if after else self.tr("starts at once")

    def _types_text(self, step: dict) -> str:
        types = step.get("post_types")
        return ", ".join(types) if types else self.tr("every post")

    def summary(self) -> str:
        """The chain in words: which steps start together, which wait for which."""
        if not self.steps:
            return self.tr("No steps: a post is approved as soon as both languages are "
                           "official.")
        lines = []
        for step in self.steps:
            name = step.get("name") or step_id(step)
            who = self.mode_name(step.get("mode"))
            after = step.get("after", [])
            if after:
                line = self.tr("“{name}” waits for {after}, then needs {who}.").format(
                    name=name, after=", ".join(after), who=who)
            else:
                line = self.tr("“{name}” starts as soon as the post enters approval and "
                               "needs {who}.").format(name=name, who=who)
            if step.get("post_types"):
                line += " " + self.tr("Only for {types} posts.").format(
                    types=", ".join(step["post_types"]))
            lines.append(line)
        return "\n".join(lines)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Approval chain"))
        self.setAccessibleName(self.tr("Approval chain editor"))
        self.open_action.setText(self.tr("Approval &chain…"))
        self.table_label.setText(self.tr("St&eps, in order:"))
        self.table.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Id"),
                                              self.tr("Who approves"), self.tr("After"),
                                              self.tr("Post types")])
        self.table.setAccessibleName(self.tr("Approval steps"))
        self.summary_label.setAccessibleName(self.tr("The chain in words"))
        self.add_button.setText(self.tr("&Add step"))
        self.add_button.setAccessibleName(self.tr("Add a step at the end"))
        self.remove_button.setText(self.tr("&Remove step"))
        self.remove_button.setAccessibleName(self.tr("Remove the chosen step"))
        self.up_button.setText(self.tr("Move &up"))
        self.up_button.setAccessibleName(self.tr("Move the chosen step up"))
        self.down_button.setText(self.tr("Move do&wn"))
        self.down_button.setAccessibleName(self.tr("Move the chosen step down"))
        self.step_box.setTitle(self.tr("Chosen step"))
        self.name_label.setText(self.tr("&Name:"))
        self.name_edit.setAccessibleName(self.tr("Step name"))
        self.id_label.setText(self.tr("&Id:"))
        self.id_edit.setAccessibleName(self.tr("Step id (approvers hold approver:id)"))
        self.mode_label.setText(self.tr("Appro&vers:"))
        self.mode_combo.setAccessibleName(self.tr("How many approvers must approve"))
        current = self.mode_combo.currentData()
        self.mode_combo.clear()
        self.mode_combo.addItem(self.tr("Any one approver is enough"), "any")
        self.mode_combo.addItem(self.tr("All approvers must approve"), "all")
        self.mode_combo.setCurrentIndex(max(self.mode_combo.findData(current), 0))
        self.after_label.setText(self.tr("Waits &for (none checked: starts at once, in "
                                         "parallel):"))
        self.after_list.setAccessibleName(self.tr("Steps this step waits for"))
        self.types_label.setText(self.tr("Only for post &types:"))
        self.types_edit.setAccessibleName(self.tr("Post types this step applies to, "
                                                  "separated by commas; empty for every post"))
        self.types_edit.setPlaceholderText(self.tr("empty: every post, e.g. announcement"))
        self.save_button.setText(self.tr("&Save chain"))
        self.save_button.setAccessibleName(self.tr("Save the approval chain"))
        self.reload_button.setText(self.tr("Re&load"))
        self.reload_button.setAccessibleName(self.tr("Discard changes and load the saved chain"))
        if self.steps:
            self._render(self.table.currentRow())
        self._render_status()
