"""Whether a project's data set fits its model, known before anything is loaded or trained.

The rule is one: the app shows it in the Problems list as soon as a data set is chosen, and
the training pipeline refuses a run with the same words. It reads the data set's metadata
(sample shape, class count, task) from the listing, never the data itself; where the listing
does not know them (the user's own folder or CSV, until it is read), there is no diagnostic.

`plan_dataset` says which data set a run will really use: the one chosen, or, when that one is
not here and cannot be downloaded, the offline stand-in of the same shape and class count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.data import DatasetError, DatasetInfo, list_datasets
from studio.data.fallback import STAND_INS  # one list of stand-ins, shared
from studio.data.registry import canonical_name
from studio.data.resize import check_image_size
from studio.graph import Graph
from studio.layers.base import format_shape
from studio.messages import msg, term
from studio.shapes import Analysis, Problem, infer_shapes

CLASSIFICATION, REGRESSION = "classification", "regression"


@dataclass(frozen=True)
class DataSpec:
    """What the model must fit: one sample's shape, the number of classes (0: regression)
    and the task. None where the metadata does not say."""

    title: str
    input_shape: tuple[int, ...] | None
    num_classes: int | None
    task: str | None

    @property
    def pixels_0_to_1(self) -> bool:
        """Whether the model is fed pixels already scaled to 0–1: samples of C×H×W are images,
        and every image set NetStudio loads keeps them as uint8 and divides by 255 in batches
        (Dataset.float_x), its own folders and the built-in sets alike."""
        return self.input_shape is not None and len(self.input_shape) == 3


@dataclass(frozen=True)
class DataPlan:
    """The data set chosen, and the one that stands in for it offline, if any."""

    chosen: DatasetInfo
    stand_in: DatasetInfo | None

    @property
    def available(self) -> bool:
        return self.chosen.available

    @property
    def spec(self) -> DataSpec | None:
        """The chosen set's metadata; a stand-in has the same shape and class count."""
        return spec_of(self.chosen)


def spec_of(info: DatasetInfo) -> DataSpec | None:
    """The metadata of a listed data set, or None where the listing does not know it."""
    if info.input_shape is None or info.num_classes is None:
        return None
    task = CLASSIFICATION if info.num_classes else REGRESSION
    return DataSpec(info.title, tuple(info.input_shape), info.num_classes, task)


def plan_dataset(
    settings: dict[str, Any], infos: list[DatasetInfo] | None = None
) -> DataPlan | None:
    """Which data set a project's settings name, and what would train if it cannot be had:
    the first stand-in that is here. None for a name this version does not know."""
    infos = list_datasets() if infos is None else infos
    by_name = {info.name: info for info in infos}
    try:
        name = canonical_name(settings.get("name") or "synthetic-shapes")
    except DatasetError:
        return None
    chosen = by_name.get(name)
    if chosen is None:
        return None
    stand_in = None
    if not chosen.available:
        here = (by_name.get(s) for s in STAND_INS.get(name, ()))
        stand_in = next((s for s in here if s is not None and s.available), None)
    return DataPlan(chosen, stand_in)


def _squeezed(shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(s for s in shape if s != 1)


def dataset_problems(
    graph: Graph, spec: DataSpec | None, analysis: Analysis | None = None
) -> list[Problem]:
    """Where the model and the data set do not fit: the Input's shape against one sample's,
    and the Output's loss and width against the task and the class count. Empty when they fit,
    when the metadata is unknown, or when the graph has problems of its own (those come first:
    with them the shapes these checks compare are not known)."""
    if spec is None:
        return []
    analysis = analysis or infer_shapes(graph)
    heads = [n for n in graph.nodes.values() if n.layer.is_output]
    if not analysis.ok or len(heads) != 1:
        return []
    head = heads[0]
    target, loss = head.params.get("target"), head.params.get("loss")
    if target == "real_or_fake":  # a GAN: judged real or fake, its data set has no labels
        return []
    title = term(spec.title, "datasets")
    problems: list[Problem] = []
    inputs = [n for n in analysis.order if graph.nodes[n].layer.is_input]
    expected = analysis.nodes[inputs[0]].output.shape if inputs else None
    known = expected is not None and spec.input_shape is not None
    if known and _squeezed(spec.input_shape) != _squeezed(expected):
        problems.append(
            Problem(
                inputs[0],
                msg(
                    "The data set {title} has samples of shape {shape}, but the model's "
                    "Input expects {expected}; set the Input's shape to {wanted}",
                    title=title,
                    shape=format_shape(spec.input_shape),
                    expected=format_shape(expected),
                    wanted=list(spec.input_shape),
                ),
            )
        )
    output = analysis.nodes[head.id].output.shape
    if target == "input":  # an autoencoder: compared with its input, not with labels
        if expected is not None and output != expected:
            problems.append(
                Problem(
                    head.id,
                    msg(
                        "The model reproduces its input, so it must end in {expected}, "
                        "but it ends in {shape}",
                        expected=format_shape(expected),
                        shape=format_shape(output),
                    ),
                )
            )
        return problems
    if spec.task == REGRESSION:
        if loss != "mse":
            problems.append(
                Problem(
                    head.id,
                    msg(
                        "{title} holds numbers to predict (regression): set the Output's loss "
                        "to mse",
                        title=title,
                    ),
                )
            )
        return problems
    k = spec.num_classes
    if spec.task != CLASSIFICATION or not k:
        return problems
    if loss == "mse":
        problems.append(
            Problem(
                head.id,
                msg(
                    "{title} has {classes} classes: set the Output's loss to cross_entropy",
                    title=title,
                    classes=k,
                ),
            )
        )
        return problems
    width = output[-1] if output else 1
    binary_ok = loss == "binary_cross_entropy" and k == 2 and width == 1
    if width != k and not binary_ok:
        problems.append(
            Problem(
                head.id,
                msg(
                    "The model ends in {width} outputs but {title} has {classes} classes; set "
                    "the last Dense layer's units to {classes}",
                    width=width,
                    title=title,
                    classes=k,
                ),
            )
        )
    return problems


RESCALING_TOO_SMALL = 0.01
"""A Rescaling whose scale is below this squeezes 0–1 pixels into a sliver (Keras' 1/255 leaves
0–0.004): meant for pixels of 0–255, which NetStudio never feeds the model."""


def dataset_warnings(
    graph: Graph, spec: DataSpec | None, analysis: Analysis | None = None
) -> list[Problem]:
    """What fits but will train poorly: a Rescaling right after the Input that shrinks pixels
    NetStudio has already scaled to 0–1 (a Keras guide's Rescaling(1/255), copied, leaves them
    0–0.004). Warnings, not problems: the run still starts. Empty on the terms dataset_problems
    gives none (unknown metadata, a GAN, a graph with problems of its own)."""
    if spec is None or not spec.pixels_0_to_1:
        return []
    analysis = analysis or infer_shapes(graph)
    heads = [n for n in graph.nodes.values() if n.layer.is_output]
    if not analysis.ok or len(heads) != 1 or heads[0].params.get("target") == "real_or_fake":
        return []
    warnings: list[Problem] = []
    for node in graph.nodes.values():
        if node.layer_id != "Rescaling" or not 0 < abs(node.params["scale"]) < RESCALING_TOO_SMALL:
            continue
        feeds = [graph.nodes[e.source] for e in graph.incoming(node.id) if e is not None]
        if not any(source.layer.is_input for source in feeds):
            continue  # deeper in the model it scales features, not the data set's pixels
        scale, offset = node.params["scale"], node.params["offset"]
        low, high = sorted((offset, scale + offset))
        # The guide's range comes back with 255 times the scale: 1/255 → 1, 1/127.5 → 2.
        meant_low, meant_high = sorted((offset, 255 * scale + offset))
        warnings.append(
            Problem(
                node.id,
                msg(
                    "{title} already gives the model pixels from 0 to 1, so this Rescaling "
                    "(scale {scale:.4g}) squeezes them into {low:.3g} to {high:.3g}, and the "
                    "model learns slowly or not at all. Keras guides scale pixels of 0 to 255: "
                    "set the scale to {fixed:.4g} to get the range the guide meant, "
                    "{meant_low:.3g} to {meant_high:.3g}",
                    title=term(spec.title, "datasets"),
                    scale=scale,
                    low=low,
                    high=high,
                    fixed=255 * scale,
                    meant_low=meant_low,
                    meant_high=meant_high,
                ),
            )
        )
    return warnings


# The Input's size, from the data ------------------------------------------------------------

FROM_DATASET, FROM_BACKBONE, FROM_FOLDER_SETTING = "dataset", "backbone", "folder-setting"
IMAGE_FOLDER = "image-folder"


@dataclass(frozen=True)
class InputSize:
    """The shape the model's Input should have for its data, where it has another: what the
    app offers to set in one step ("Use the data set's size")."""

    node_id: str
    current: tuple[int, ...]
    wanted: tuple[int, ...]
    source: str  # FROM_DATASET, FROM_BACKBONE or FROM_FOLDER_SETTING
    backbone: str | None = None  # the backbone node whose image size it is

    @property
    def message(self):
        """What the offer says, in plain words (a studio.messages.Message)."""
        shape, now = format_shape(self.wanted), format_shape(self.current)
        if self.source == FROM_BACKBONE:
            return msg(
                "The backbone {node} sees {side}×{side} images. With the Input at {shape} "
                "(now {now}), your photos are resized once, straight to the size it sees.",
                node=self.backbone,
                side=self.wanted[-1],
                shape=shape,
                now=now,
            )
        if self.source == FROM_FOLDER_SETTING:
            return msg(
                "The data set's images are resized to {size}; the Input takes {now}.",
                size=f"{self.wanted[1]}×{self.wanted[2]}",
                now=now,
            )
        return msg("The data set's samples are {shape}; the Input takes {now}.", shape=shape,
                   now=now)


def image_backbone(graph: Graph, input_id: str):
    """The pretrained backbone that takes the Input's images directly (its image_size is the
    size the model really sees), or None."""
    for edge in graph.outgoing(input_id):
        node = graph.nodes[edge.target]
        if node.layer.category == "Pretrained" and "image_size" in node.params:
            return node
    return None


def input_size_fix(
    graph: Graph, dataset: dict[str, Any], spec: DataSpec | None
) -> InputSize | None:
    """Where the model's one Input should take another shape for its data set: a data set's
    own sample shape (what dataset_problems asks for); for an image folder, whose images are
    resized to whatever the Input takes, the image size of a pretrained backbone right after
    the Input (it resizes again to that size inside: one resize, not two, and the resize
    preview shows what the backbone sees), else the folder's image_size setting. None when it
    fits or nothing says otherwise."""
    inputs = [n for n in graph.nodes.values() if n.layer.is_input]
    heads = [n for n in graph.nodes.values() if n.layer.is_output]
    if len(inputs) != 1 or any(h.params.get("target") == "real_or_fake" for h in heads):
        return None  # a GAN's Input is its noise: the data set's images enter elsewhere
    node = inputs[0]
    try:
        current = tuple(int(v) for v in node.params["shape"])
    except (KeyError, TypeError, ValueError):
        return None
    if spec is not None and spec.input_shape is not None:
        if _squeezed(spec.input_shape) != _squeezed(current):
            return InputSize(node.id, current, tuple(spec.input_shape), FROM_DATASET)
        return None
    if dataset.get("name") != IMAGE_FOLDER:
        return None
    channels = current[0] if len(current) == 3 and current[0] in (1, 3) else 3
    backbone = image_backbone(graph, node.id)
    if backbone is not None:
        side = int(backbone.params["image_size"])
        wanted, source = (channels, side, side), FROM_BACKBONE
    else:
        try:
            size = check_image_size(dataset.get("image_size"))
        except DatasetError:
            return None
        if size is None:
            return None  # the folder's images take the Input's size, whatever it is
        wanted, source = (channels, *size), FROM_FOLDER_SETTING
    if wanted == current:
        return None
    return InputSize(node.id, current, wanted, source,
                     backbone.id if backbone is not None else None)


def seen_image_shape(graph: Graph) -> tuple[int, ...] | None:
    """The shape of the images the model really looks at: its Input's, or, with a pretrained
    backbone right after the Input, the backbone's (it resizes to its image_size). What a
    preview of the data set's images should show. None without one Input."""
    inputs = [n for n in graph.nodes.values() if n.layer.is_input]
    if len(inputs) != 1:
        return None
    try:
        shape = tuple(int(v) for v in inputs[0].params["shape"])
    except (KeyError, TypeError, ValueError):
        return None
    backbone = image_backbone(graph, inputs[0].id)
    if backbone is not None and len(shape) == 3:
        side = int(backbone.params["image_size"])
        return (shape[0], side, side)
    return shape
