"""The dialogs of File → Import: the import report (what came across, what did not, what
changed, or why the import was refused, with the choice to import up to a node instead), the
box to paste Keras code into, and the consent to run a Python file's PyTorch model code."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.importers import ImportReport
from widgets.i18n import tr_message

CUT_CHOSEN = 2
"""ImportReportDialog's result when the user asks to import up to a node instead."""


class ImportReportDialog(QDialog):
    """The report of one import. `headline` says what happened in one sentence (the model
    imported, or the plain reason it was refused); `note` adds what the user must know next
    (where the trained weights went). The report itself is selectable text to copy.

    A refusal that names `cut_points` (the nodes up to which everything could be mapped)
    offers to import up to one of them: the dialog then ends with CUT_CHOSEN and `chosen_cut`
    names the node."""

    def __init__(
        self,
        report: ImportReport,
        headline: str,
        refused: bool = False,
        note: str = "",
        parent: QWidget | None = None,
        cut_points: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReportDialog")
        self.setWindowTitle(self.tr("Import Refused") if refused else self.tr("Import Report"))
        self.refused = refused
        self.headline = QLabel(headline)
        self.headline.setObjectName("importHeadline")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: 600;")
        self.report_text = QPlainTextEdit()
        self.report_text.setObjectName("importReportText")
        self.report_text.setReadOnly(True)
        # Wrapped: a reason is a sentence or two, to read whole without scrolling sideways.
        self.report_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.report_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        lines = report.lines(tr_message)
        self.report_text.setPlainText(
            "\n".join(lines) if lines else self.tr("Nothing was read from the model.")
        )
        self.note = QLabel(note)
        self.note.setObjectName("importNote")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.report_text, 1)
        layout.addWidget(self.note)
        self.chosen_cut = ""
        self.cut_choice: QComboBox | None = None
        if refused and cut_points:
            layout.addLayout(self._cut_row(cut_points))
        layout.addWidget(buttons)
        self.resize(720, 460)

    def _cut_row(self, cut_points: list[str]) -> QHBoxLayout:
        """Import up to a node instead: the nearest to the refused part chosen first, since
        the most of the model comes in there."""
        label = QLabel(self.tr("Or import the model up to node:"))
        self.cut_choice = QComboBox()
        self.cut_choice.setObjectName("cutPoint")
        self.cut_choice.addItems(list(reversed(cut_points)))
        label.setBuddy(self.cut_choice)
        cut_button = QPushButton(self.tr("Import Up to This Node"))
        cut_button.setObjectName("importUpToNode")
        cut_button.setToolTip(
            self.tr("Everything after the chosen node is left out and listed in the report.")
        )
        cut_button.clicked.connect(self._cut_chosen)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.cut_choice, 1)
        row.addWidget(cut_button)
        return row

    def _cut_chosen(self) -> None:
        assert self.cut_choice is not None
        self.chosen_cut = self.cut_choice.currentText()
        self.done(CUT_CHOSEN)

    def text(self) -> str:
        """Everything the dialog says, as a user reads it top to bottom."""
        parts = [self.headline.text(), self.report_text.toPlainText()]
        if self.note.text():
            parts.append(self.note.text())
        return "\n".join(parts)


class PasteKerasDialog(QDialog):
    """A box for Keras code copied from a guide or a notebook; the code is read, never run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteKerasDialog")
        self.setWindowTitle(self.tr("Paste Keras Code"))
        intro = QLabel(
            self.tr(
                "Paste the Python code that builds the Keras model (Sequential or the "
                "functional API, with compile and fit if you like). NetStudio reads the code; "
                "it never runs it."
            )
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("kerasCode")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setPlaceholderText(
            "model = keras.Sequential([\n"
            "    layers.Input(shape=(28, 28, 1)),\n"
            "    layers.Conv2D(32, (3, 3), activation='relu'),\n"
            "    ...\n"
            "])"
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.editor.textChanged.connect(
            lambda: self.import_button.setEnabled(bool(self.code().strip()))
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)

    def code(self) -> str:
        return self.editor.toPlainText()


class RunCodeDialog(QDialog):
    """Consent to run a Python file that defines a PyTorch model: the only import that runs
    code. Says so plainly, and takes which class to import and its input's shape."""

    def __init__(self, path: str, classes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runCodeDialog")
        self.setWindowTitle(self.tr("Run This File's Code?"))
        warning = QLabel(
            self.tr(
                "%1 defines a PyTorch model (%2). To import it, NetStudio must run the file's "
                "Python code: it does so in a separate process, makes the model and traces "
                "it. The code can do anything your user account can, so run it only if you "
                "trust the file."
            )
            .replace("%1", path)
            .replace("%2", ", ".join(classes))
        )
        warning.setObjectName("runCodeWarning")
        warning.setWordWrap(True)
        self.class_choice = QComboBox()
        self.class_choice.setObjectName("moduleClass")
        self.class_choice.addItems(classes)
        self.class_choice.setCurrentIndex(len(classes) - 1)
        self.shape = QLineEdit()
        self.shape.setObjectName("inputShape")
        self.shape.setPlaceholderText(self.tr("such as 1,28,28; empty when it starts with Linear"))
        form = QFormLayout()
        form.addRow(self.tr("Model class:"), self.class_choice)
        form.addRow(self.tr("Input shape (without the batch):"), self.shape)
        self.problem = QLabel()
        self.problem.setObjectName("inputShapeProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.run_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.run_button.setText(self.tr("Run and Import"))
        # Running code is never the default: Enter cancels.
        self.run_button.setDefault(False)
        self.run_button.setAutoDefault(False)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(560, 260)

    def input_shape(self) -> list[int] | None:
        """The sizes typed, None when left empty; ValueError when they are not sizes."""
        text = self.shape.text().strip()
        if not text:
            return None
        sizes = [int(part) for part in text.replace("x", ",").replace("×", ",").split(",")]
        if any(size < 1 for size in sizes):
            raise ValueError(text)
        return sizes

    def options(self) -> dict:
        """import_file's options for this file, as chosen."""
        return {
            "run_code": True,
            "class_name": self.class_choice.currentText(),
            "input_shape": self.input_shape(),
        }

    def _accept_if_valid(self) -> None:
        try:
            self.input_shape()
        except ValueError:
            self.problem.setText(
                self.tr("Give whole sizes separated by commas, such as 1,28,28.")
            )
            self.problem.setVisible(True)
            return
        self.accept()
