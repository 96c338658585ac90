"""Pretrained backbones: torchvision's classification models that suit a desktop, each one node
that takes an image and gives its feature vector (the classifier head dropped).

Everything shape inference and the summary need is in the table below, so that nothing here
builds a model: the output size, and each block's parameter count (for the frozen count). The
registry-wide tests build every backbone and compare; tests/test_pretrained_layers.py checks the
table against torchvision. The module itself is studio.layers.backbone_modules.PretrainedBackbone.
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.layers.base import Call, Formula, LayerType, ModuleSpec, ShapeError, TensorType, example
from studio.layers.common import ChoiceParam, FloatParam, IntParam, count, need_image, params
from studio.messages import msg

IMAGENET_MEAN = (0.485, 0.456, 0.406)
IMAGENET_STD = (0.229, 0.224, 0.225)
FREEZE_CHOICES = ("all", "all_but_last_blocks", "none")


@dataclass(frozen=True)
class Backbone:
    """One torchvision model as a backbone: what shape inference and counting need to know."""

    id: str
    """The layer id: the Keras applications name where Keras has one."""
    arch: str
    """torchvision's builder name (torchvision.models.get_model), also the weights' arch id."""
    features: int
    """Length of the feature vector after global pooling, the classifier dropped."""
    weights: tuple[str, ...]
    """torchvision's weights names; the first is torchvision's DEFAULT (the best)."""
    block_params: tuple[int, ...]
    """Parameters of each block, input side first (freezing works block by block)."""
    summary: str
    image_size: int = 224
    """The image size the weights were trained at (their evaluation crop)."""
    mean: tuple[float, float, float] = IMAGENET_MEAN
    std: tuple[float, float, float] = IMAGENET_STD

    @property
    def params(self) -> int:
        return sum(self.block_params)

    def frozen(self, freeze: str, trainable_blocks: int) -> int:
        """How many parameters stay as they are under this freeze setting."""
        if freeze == "all":
            return self.params
        if freeze == "none":
            return 0
        return sum(self.block_params[: max(len(self.block_params) - trainable_blocks, 0)])


# Block sizes measured from torchvision 0.29's models (tests/test_pretrained_layers.py keeps
# them honest). ResNets: the stem (conv1 + bn1), then layer1–layer4. The others: the children
# of `features`; ConvNeXt's last block also holds the LayerNorm before its classifier.
_MOBILENET_V3_LARGE_BLOCKS = (
    464, 464, 3440, 4440, 10328, 20992, 20992, 32080, 34760, 31992, 31992, 214424, 386120,
    429224, 797360, 797360, 155520,
)  # fmt: skip
BACKBONES: tuple[Backbone, ...] = (
    Backbone(
        "ResNet18",
        "resnet18",
        512,
        ("IMAGENET1K_V1",),
        (9536, 147968, 525568, 2099712, 8393728),
        "ResNet-18 pretrained on ImageNet: an image in (resized and normalised inside), "
        "512 features out.",
    ),
    Backbone(
        "ResNet50",
        "resnet50",
        2048,
        ("IMAGENET1K_V2", "IMAGENET1K_V1"),
        (9536, 215808, 1219584, 7098368, 14964736),
        "ResNet-50 pretrained on ImageNet: an image in (resized and normalised inside), "
        "2048 features out.",
    ),
    Backbone(
        "MobileNetV3Small",
        "mobilenet_v3_small",
        576,
        ("IMAGENET1K_V1",),
        (464, 744, 3864, 5416, 13736, 57264, 57264, 21968, 29800, 91848, 294096, 294096, 56448),
        "MobileNetV3-Small pretrained on ImageNet, small and fast: an image in (resized and "
        "normalised inside), 576 features out.",
    ),
    Backbone(
        "MobileNetV3Large",
        "mobilenet_v3_large",
        960,
        ("IMAGENET1K_V2", "IMAGENET1K_V1"),
        _MOBILENET_V3_LARGE_BLOCKS,
        "MobileNetV3-Large pretrained on ImageNet: an image in (resized and normalised inside), "
        "960 features out.",
    ),
    Backbone(
        "EfficientNetB0",
        "efficientnet_b0",
        1280,
        ("IMAGENET1K_V1",),
        (928, 1448, 16714, 46640, 242930, 543148, 2026348, 717232, 412160),
        "EfficientNet-B0 pretrained on ImageNet: an image in (resized and normalised inside), "
        "1280 features out.",
    ),
    Backbone(
        "ConvNeXtTiny",
        "convnext_tiny",
        768,
        ("IMAGENET1K_V1",),
        (4896, 237888, 74112, 918144, 295680, 10817280, 1181184, 14290944),
        "ConvNeXt-Tiny pretrained on ImageNet: an image in (resized and normalised inside), "
        "768 features out.",
    ),
)
BY_ARCH = {b.arch: b for b in BACKBONES}
BY_ID = {b.id: b for b in BACKBONES}

MODULE_CLASS = "PretrainedBackbone"


def arch_of(node) -> str:
    """The torchvision arch of a backbone node (a graph node of one of these layers)."""
    return BY_ID[node.layer_id].arch


def backbone_parameters(spec: ModuleSpec) -> int:
    """The parameter count of a PretrainedBackbone spec, from the table (no model built)."""
    return BY_ARCH[spec.args[0]].params


# The layer -------------------------------------------------------------------------------


def _check_input(b: Backbone, c: Call) -> None:
    need_image(b.id, c.x, msg("connect an image input (channels×height×width)"))
    if c.x.shape[0] not in (1, 3):
        raise ShapeError(
            msg(
                "{layer} takes images with 1 or 3 channels (gray or RGB), but gets {channels}; "
                "use a Conv2D with 3 filters before it to map them to 3",
                layer=b.id,
                channels=c.x.shape[0],
            )
        )


def _module(b: Backbone, c: Call) -> ModuleSpec:
    _check_input(b, c)
    return ModuleSpec(
        MODULE_CLASS,
        (b.arch,),
        {
            "weights": c["weights"],
            "freeze": c["freeze"],
            "trainable_blocks": c["trainable_blocks"],
            "lr_factor": c["lr_factor"],
            "in_channels": c.x.shape[0],
            "in_size": tuple(c.x.shape[1:]),
            "image_size": c["image_size"],
            "mean": b.mean,
            "std": b.std,
        },
    )


def _shape_text(b: Backbone, c: Call, out: TensorType) -> str:
    channels, h, w = c.x.shape
    s = c["image_size"]
    steps = []
    if channels == 1:
        steps.append("gray repeated to 3 channels")
    if (h, w) != (s, s):
        steps.append(f"resized to {s}×{s}")
    steps.append("normalised")
    return f"{channels}×{h}×{w} → 3×{s}×{s} ({', '.join(steps)}) → {out.shape[0]}"


def _count_text(b: Backbone, c: Call) -> str:
    frozen = b.frozen(c["freeze"], c["trainable_blocks"])
    return f"{count(b.params - frozen)} trainable + {count(frozen)} frozen = {count(b.params)}"


def make_backbone(b: Backbone) -> LayerType:
    def infer(c: Call) -> TensorType:
        _check_input(b, c)
        return TensorType((b.features,))

    return LayerType(
        id=b.id,
        title=b.id,
        category="Pretrained",
        summary=b.summary,
        params=params(
            ChoiceParam("weights", b.weights[0], choices=(*b.weights, "none")),
            ChoiceParam("freeze", "all", choices=FREEZE_CHOICES),
            IntParam("trainable_blocks", 1, minimum=1, maximum=len(b.block_params)),
            FloatParam("lr_factor", 0.1, label="Learning rate factor", minimum=1e-6, maximum=10.0),
            IntParam("image_size", b.image_size, minimum=32, maximum=1024),
        ),
        infer=infer,
        module=lambda c: _module(b, c),
        emit=lambda em, c, xs: em.module(xs[0]),
        # Small, fast cases: weights "none" (no file needed), an image size of 32 (the least
        # these models take: they shrink the image 32-fold), everything trainable (the
        # registry-wide test checks that backward reaches every weight).
        examples=(
            example({"weights": "none", "freeze": "none", "image_size": 32}, (3, 32, 32)),
            *(
                (example({"weights": "none", "freeze": "none", "image_size": 32}, (1, 20, 28)),)
                if b.id == "MobileNetV3Small"  # the gray, resized case: the cheapest model
                else ()
            ),
        ),
        formula=Formula(
            f"C×H×W → 3×S×S (gray repeated, resized to S = image_size, normalised) → {b.features}",
            "trainable + frozen (from the model's blocks; the classifier is not counted)",
            lambda c, out: _shape_text(b, c, out),
            lambda c: _count_text(b, c),
        ),
        # FLOPs: counted by torch's counter on the meta device (the model's convolutions at the
        # node's image size); the resize and the normalisation have no products.
        flops=None,
        frozen_params=lambda c: b.frozen(c["freeze"], c["trainable_blocks"]),
    )


LAYERS = [make_backbone(b) for b in BACKBONES]
