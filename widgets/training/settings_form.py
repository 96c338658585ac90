"""The project's training settings as a form: data set, device, and every training parameter,
with editors built from the engine's TRAINING_PARAMS declarations, and under the augmentation
settings a live preview of what they do to training images.

Every change goes through the Document (validated, undoable, marks the project modified); the
form shows the project's values again whenever the Document says the settings changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.data import DatasetInfo, list_datasets
from studio.data.resize import CENTER_CROP, DEFAULT_RESIZE, PAD, STRETCH
from studio.devices import available_devices
from studio.fit import DataPlan, plan_dataset, seen_image_shape
from studio.settings import TRAINING_PARAMS
from widgets.document import Document
from widgets.i18n import dataset_title, tr_message
from widgets.param_editors import labelled_editor
from widgets.search.context_menu import SearchMenuHook
from widgets.training.augment_preview import AugmentPreview
from widgets.training.resize_preview import ResizePreview

# Which settings go together, most used first; any parameter not named lands in the last group.
GROUPS = (
    (
        "basics",
        ("epochs", "batch_size", "optimizer", "learning_rate", "validation_split", "train_limit"),
    ),
    ("optimizer", ("momentum", "nesterov", "weight_decay", "l1")),
    ("schedule", ("schedule", "schedule_step", "schedule_gamma", "early_stopping")),
    ("run", ("seed", "weight_init", "mixed_precision")),
    ("augmentation", ("aug_rotation", "aug_shift", "aug_flip", "aug_crop", "aug_noise")),
)
# Settings that only matter with others: shown disabled otherwise, so it is clear why.
RELEVANT = {
    "momentum": lambda s: s["optimizer"] in ("sgd", "rmsprop"),
    "nesterov": lambda s: s["optimizer"] == "sgd",
    "schedule_step": lambda s: s["schedule"] == "step",
    "schedule_gamma": lambda s: s["schedule"] in ("step", "exponential", "plateau"),
}
USER_DATA = ("image-folder", "csv")
DETAIL_LINES = 3


class Section(QWidget):
    """A heading that folds its body away."""

    def __init__(self, title: str, body: QWidget, open_: bool) -> None:
        super().__init__()
        self.header = QToolButton()
        self.header.setObjectName("sectionHeader")
        self.header.setText(title)
        self.header.setCheckable(True)
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.body = body
        self.header.toggled.connect(self._toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(body)
        self.header.setChecked(open_)
        self._toggle(open_)

    def _toggle(self, open_: bool) -> None:
        self.header.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self.body.setVisible(open_)


def _form() -> tuple[QWidget, QFormLayout]:
    host = QWidget()
    form = QFormLayout(host)
    form.setContentsMargins(14, 2, 4, 6)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(5)
    return host, form


class DataChooser(QWidget):
    """Data set and device: which data, and where to compute."""

    datasetEdited = Signal(dict)
    deviceEdited = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        host, form = _form()
        form.setContentsMargins(0, 0, 0, 0)
        self.dataset = QComboBox()
        self.dataset.setObjectName("datasetCombo")
        # Long entries ("MNIST (download, else Fashion-MNIST)") must not widen the panel.
        self.dataset.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dataset.setMinimumContentsLength(16)
        self.dataset.activated.connect(self._dataset_chosen)
        # The hint under the data set keeps the height of DETAIL_LINES lines whatever it says,
        # so that choosing another data set never moves the fields below it.
        self.detail = QLabel()
        self.detail.setObjectName("datasetDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail.setFixedHeight(DETAIL_LINES * self.fontMetrics().lineSpacing() + 4)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.path = QLineEdit()
        self.path.setObjectName("datasetPath")
        self.path.setPlaceholderText(self.tr("Folder or CSV file"))
        self.path.editingFinished.connect(self._path_edited)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.path_row = QWidget()
        row = QHBoxLayout(self.path_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.label_column = QLineEdit()
        self.label_column.setPlaceholderText(self.tr("last column"))
        self.label_column.editingFinished.connect(self._label_edited)
        # How photos of every size are brought to the one size the model's Input takes.
        self.resize = QComboBox()
        self.resize.setObjectName("resizeCombo")
        for policy, text, tip in (
            (
                CENTER_CROP,
                self.tr("Centre-crop"),
                self.tr("Scale to cover the model's input, cut off the sides that stick out"),
            ),
            (
                STRETCH,
                self.tr("Stretch"),
                self.tr("Scale width and height separately: shapes distort"),
            ),
            (PAD, self.tr("Pad"), self.tr("Scale to fit inside, fill the rest with black")),
        ):
            self.resize.addItem(text, policy)
            self.resize.setItemData(self.resize.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.resize.activated.connect(
            lambda i: self.datasetEdited.emit({"resize": self.resize.itemData(i)})
        )
        self.resize_preview = ResizePreview()
        self.device = QComboBox()
        self.device.setObjectName("deviceCombo")
        self.device.activated.connect(lambda i: self.deviceEdited.emit(self.device.itemData(i)))
        form.addRow(self.tr("Data set"), self.dataset)
        form.addRow("", self.detail)
        form.addRow(self.tr("Files"), self.path_row)
        form.addRow(self.tr("Label column"), self.label_column)
        form.addRow(self.tr("Resize"), self.resize)
        form.addRow(self.resize_preview)
        form.addRow(self.tr("Device"), self.device)
        self.form = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(host)
        self.infos: dict[str, DatasetInfo] = {}
        # Data sets a run could not have and trained a stand-in for: name -> stand-in's title.
        self.stood_in: dict[str, str] = {}
        self.plan: DataPlan | None = None
        self.refresh_lists()

    def refresh_lists(self) -> None:
        """Which data sets are here now (a download may have added one) and which devices."""
        current = self.dataset.currentData()
        self.dataset.clear()
        self.infos = {info.name: info for info in list_datasets()}
        infos = list(self.infos.values())
        for info in infos:
            plan = plan_dataset({"name": info.name}, infos)
            self.dataset.addItem(self._item_text(info, plan), info.name)
            self.dataset.setItemData(
                self.dataset.count() - 1, tr_message(info.detail), Qt.ItemDataRole.ToolTipRole
            )
        if current:
            self.dataset.setCurrentIndex(max(0, self.dataset.findData(current)))
        self.device.clear()
        self.device.addItem(self.tr("Automatic (a GPU when there is one)"), "auto")
        for dev in available_devices():
            self.device.addItem(
                tr_message(dev.title) if dev.name == "cpu" else f"{dev.name}: {dev.title}",
                dev.name,
            )

    def _item_text(self, info: DatasetInfo, plan: DataPlan | None) -> str:
        """A data set as the list shows it: here (✓), or what will stand in for it."""
        title = dataset_title(info.title)
        if info.kind == "user":
            return title + "…"
        if info.available:
            return "✓ " + title
        stand_in = plan.stand_in if plan is not None else None
        if info.name in self.stood_in:  # the last run could not download it
            return "✗ " + title + " → " + dataset_title(self.stood_in[info.name])
        if stand_in is not None:
            return (
                "⤓ "
                + title
                + "  "
                + self.tr("(download, else %1)").replace("%1", dataset_title(stand_in.title))
            )
        return "⤓ " + title + "  " + self.tr("(download)")

    def note_used(self, name: str, title: str) -> None:
        """A run trained on `title` for the data set `name`: when that is a stand-in, the list
        and the hint say so from now on."""
        info = self.infos.get(name)
        if info is None or info.title == title or info.available:
            return
        self.stood_in[name] = title
        index = self.dataset.findData(name)
        if index >= 0:
            self.dataset.setItemText(index, self._item_text(info, self.plan))
        self._show_detail(info)

    def _show_detail(self, info: DatasetInfo | None) -> None:
        if info is None:
            text = ""
        elif info.available or info.kind == "user":
            text = tr_message(info.detail)
        elif info.name in self.stood_in:
            text = self.tr(
                "Could not be downloaded in the last run, so %1 (same shape and classes) "
                "trained instead. Train again to retry the download."
            ).replace("%1", dataset_title(self.stood_in[info.name]))
        elif self.plan is not None and self.plan.stand_in is not None:
            text = self.tr(
                "Not on this machine: Train downloads it. Offline, %1 (here, same shape and "
                "classes) trains instead."
            ).replace("%1", dataset_title(self.plan.stand_in.title))
        else:
            text = tr_message(info.detail)
        self.detail.setText(text)
        # The whole story, however narrow the panel: where it is, or where it would go.
        full = tr_message(info.detail) if info is not None else ""
        self.detail.setToolTip(text if full in text else text + "\n\n" + full)

    def show_values(self, dataset: dict[str, Any], device: str) -> None:
        name = dataset["name"]
        index = self.dataset.findData(name)
        if index < 0:  # a data set this version does not list: keep it visible
            self.dataset.addItem(name, name)
            index = self.dataset.count() - 1
        self.dataset.setCurrentIndex(index)
        info = self.infos.get(name)
        self.plan = plan_dataset(dataset, list(self.infos.values()))
        self._show_detail(info)
        user = name in USER_DATA
        self.form.setRowVisible(self.path_row, user)
        self.form.setRowVisible(self.label_column, name == "csv")
        self.form.setRowVisible(self.resize, name == "image-folder")
        self.form.setRowVisible(self.resize_preview, name == "image-folder")
        index = self.resize.findData(dataset.get("resize") or DEFAULT_RESIZE)
        self.resize.setCurrentIndex(max(0, index))
        self.path.setText(dataset.get("path") or "")
        self.label_column.setText(dataset.get("label_column") or "")
        index = self.device.findData(device)
        if index < 0:
            self.device.addItem(device + "  " + self.tr("(not on this machine)"), device)
            index = self.device.count() - 1
        self.device.setCurrentIndex(index)

    def _dataset_chosen(self, index: int) -> None:
        name = self.dataset.itemData(index)
        self.datasetEdited.emit({"name": name, "path": None, "label_column": None, "task": None})

    def _path_edited(self) -> None:
        self.datasetEdited.emit({"path": self.path.text().strip() or None})

    def _label_edited(self) -> None:
        self.datasetEdited.emit({"label_column": self.label_column.text().strip() or None})

    def _browse(self) -> None:
        if self.dataset.currentData() == "csv":
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Choose a CSV file"), "", self.tr("CSV files (*.csv);;All (*)")
            )
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose the image folder"))
        if path:
            self.path.setText(path)
            self._path_edited()


class SettingsForm(QWidget):
    """Data set, device and the training parameters of the Document's project."""

    searchRequested = Signal(str)  # a setting's name: right-click → Search This…

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.search_hook = SearchMenuHook(self)
        self.search_hook.requested.connect(self.searchRequested)
        self.chooser = DataChooser()
        self.chooser.datasetEdited.connect(document.set_dataset)
        self.chooser.deviceEdited.connect(lambda d: document.set_training({"device": d}))
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.sections: dict[str, Section] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        titles = {
            "basics": self.tr("Basics"),  # the page is "Training" already
            "optimizer": self.tr("Optimizer details"),
            "schedule": self.tr("Schedule and early stopping"),
            "run": self.tr("Seed, initialisation, precision"),
            "augmentation": self.tr("Augmentation (images)"),
        }
        placed = {name for _, names in GROUPS for name in names} | {"device"}
        extra = tuple(p.name for p in TRAINING_PARAMS if p.name not in placed)
        for i, (key, names) in enumerate(GROUPS):
            if i == len(GROUPS) - 1:
                names = names + extra
            host, form = _form()
            for name in names:
                self._add_editor(form, name)
            if key == "augmentation":
                # Beside the settings it shows: each change redraws it.
                self.augment_preview = AugmentPreview()
                form.addRow(self.augment_preview)
            section = Section(titles[key], host, open_=key == "basics")
            section.setObjectName(f"section_{key}")
            self.sections[key] = section
            layout.addWidget(section)
        layout.addStretch(1)
        document.settingsChanged.connect(self.refresh)
        document.pathChanged.connect(self.refresh)  # relative data set paths follow the file
        # An image folder is shown at the Input's size: a graph edit may change it.
        document.analysisChanged.connect(lambda _analysis: self._show_previews())
        self.refresh()

    def _add_editor(self, form: QFormLayout, name: str) -> None:
        param = TRAINING_PARAMS.get(name)
        if param is None:
            return
        label, editor = labelled_editor(param)
        editor.edited.connect(lambda value, n=name: self.document.set_training({n: value}))
        form.addRow(label, editor)
        self.search_hook.watch(name, label, editor)
        self.editors[name] = editor
        self.labels[name] = label

    def refresh(self) -> None:
        project = self.document.project
        values = project.training
        for name, editor in self.editors.items():
            editor.set_value(values[name])
            relevant = RELEVANT.get(name, lambda s: True)(values)
            editor.setEnabled(relevant)
            self.labels[name].setEnabled(relevant)
        self.chooser.show_values(project.dataset, values["device"])
        self._show_previews()

    def _show_previews(self) -> None:
        """The previews of the data set's images, at the size the model takes them."""
        project = self.document.project
        path = self.document.path
        base_dir = path.parent if path is not None else None
        shape = self.input_shape()
        self.augment_preview.set_settings(project.training, project.dataset, base_dir, shape)
        # The resize preview shows the size the model looks at: a pretrained backbone right
        # after the Input resizes to its own image size.
        seen = seen_image_shape(project.graph) or shape
        self.chooser.resize_preview.show_dataset(project.dataset, base_dir, seen)

    def input_shape(self) -> tuple[int, ...] | None:
        """The shape of the model's one Input (None with no Input or several)."""
        inputs = [n for n in self.document.project.graph.nodes.values() if n.layer.is_input]
        if len(inputs) != 1:
            return None
        return tuple(int(v) for v in inputs[0].params["shape"])
