"""keras.applications backbones → NetStudio's pretrained blocks (studio.layers.pretrained).

The guides' transfer-learning recipe: `base = keras.applications.MobileNetV3Small(
include_top=False, weights="imagenet", pooling="avg")`, `base.trainable = False`,
`x = base(inputs)`, then a Dense head. NetStudio's block of the same name is torchvision's model:
the same architecture family and feature size, with torchvision's ImageNet weights rather
than Keras' file, which the report says. NetStudio's block ends in global average pooling, so
Keras' `pooling="avg"` (or `pooling=None` followed by GlobalAveragePooling2D) maps exactly;
anything else is refused.
"""

from __future__ import annotations

from typing import Any

from studio.importers.keras_layers import Converted, NotConvertible
from studio.layers.pretrained import BACKBONES
from studio.messages import msg

KERAS_BACKBONES = {backbone.id: backbone for backbone in BACKBONES}
"""Keras application class → NetStudio's backbone (the layer ids are Keras' names)."""

_HARMLESS = {"input_tensor", "name", "classifier_activation", "include_preprocessing"}


def convert_application(cls: str, kwargs: dict[str, Any]) -> tuple[Converted, bool]:
    """The pretrained block for `keras.applications.<cls>(**kwargs)`, and whether Keras pools
    inside it (pooling="avg"); pooling=None leaves the pooling to a GlobalAveragePooling2D
    after it. Raises NotConvertible."""
    backbone = KERAS_BACKBONES.get(cls)
    if backbone is None:
        raise NotConvertible(msg(
            "NetStudio has no pretrained {cls}; its pretrained blocks are {known}",
            cls=cls, known=", ".join(KERAS_BACKBONES)))
    if kwargs.get("include_top", True) is not False:
        raise NotConvertible(msg(
            "{cls} with its ImageNet classifier (include_top=True) is not imported; write "
            "include_top=False and a Dense head, as transfer learning does", cls=cls))
    pooling = kwargs.get("pooling")
    if pooling not in (None, "avg"):
        raise NotConvertible(msg("NetStudio's pretrained blocks average their features; "
                                 "pooling={pooling!r} is not one of them", pooling=pooling))
    weights = kwargs.get("weights", "imagenet")
    if weights not in ("imagenet", None):
        raise NotConvertible(msg("{cls}: weights={weights!r} (a file of weights) is not "
                                 "imported; NetStudio's block uses ImageNet or none",
                                 cls=cls, weights=weights))
    extra = set(kwargs) - {"include_top", "pooling", "weights", "trainable", "input_shape",
                           *_HARMLESS}
    if extra:
        raise NotConvertible(msg("NetStudio's {cls} has nothing for Keras' {arg}",
                                 cls=cls, arg=", ".join(sorted(extra))))
    params: dict[str, Any] = {
        "weights": backbone.weights[0] if weights == "imagenet" else "none",
        "freeze": "all" if kwargs.get("trainable", True) is False else "none",
    }
    shape = kwargs.get("input_shape")
    if isinstance(shape, (list, tuple)) and len(shape) == 3 and isinstance(shape[0], int):
        params["image_size"] = shape[0]
    result = Converted(cls, params)
    if weights == "imagenet":
        result.changed.append(msg(
            "{cls}: torchvision's model and ImageNet weights stand for Keras' (the same "
            "architecture family and {features} features; the weights were trained "
            "separately, and the block normalises its input itself)", cls=cls,
            features=backbone.features))
    return result, pooling == "avg"
