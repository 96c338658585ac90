"""The dialogs of File → Import: the import report (what came across, what did not, what
changed, or why the import was refused) and the box to paste Keras code into."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.importers import ImportReport
from widgets.i18n import tr_message


class ImportReportDialog(QDialog):
    """The report of one import. `headline` says what happened in one sentence (the model
    imported, or the plain reason it was refused); `note` adds what the user must know next
    (where the trained weights went). The report itself is selectable text to copy."""

    def __init__(
        self,
        report: ImportReport,
        headline: str,
        refused: bool = False,
        note: str = "",
        parent: QWidget | None = None,
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
        layout.addWidget(buttons)
        self.resize(720, 460)

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
