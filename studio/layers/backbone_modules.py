"""Pretrained backbones (torchvision's classification models) as nn.Modules.

Classes listed in CLASSES join studio.layers.modules.OWN_MODULES (built by ModuleSpec, written
into exported source). Exported source copies the class's text alone, so the class imports
torchvision inside its constructor and needs nothing else from this file.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

import torch
import torch.nn.functional as F
from torch import nn


class PretrainedBackbone(nn.Module):
    """A torchvision classification model without its classifier: an image in, the feature
    vector after global pooling out. A gray image is repeated to 3 channels, resized to
    `image_size` and normalised with the weights' mean and std inside the module, so the model
    takes images as they come (values 0–1).

    `freeze` "all", "all_but_last_blocks" (the last `trainable_blocks` blocks train) or "none".
    Frozen weights have requires_grad off and their blocks stay in eval mode (BatchNorm keeps
    its running statistics). Training uses learning rate × `lr_factor` for the weights that
    train. The torchvision model is `self.net`: its weights keep torchvision's names."""

    pretrained_files = True
    """False: build without reading the pretrained weights file, because every weight is
    loaded next (an exported package's predict.py, or train.py from given weights)."""

    def __init__(
        self,
        arch,
        weights="none",
        freeze="all",
        trainable_blocks=1,
        lr_factor=0.1,
        in_channels=3,
        in_size=(224, 224),
        image_size=224,
        mean=(0.485, 0.456, 0.406),
        std=(0.229, 0.224, 0.225),
    ):
        super().__init__()
        import torchvision  # here: exported source copies this class alone

        self.arch = arch
        self.lr_factor = lr_factor
        self.repeat = 3 if in_channels == 1 else 1
        size = (image_size, image_size)
        self.resize = None if tuple(in_size) == size else size
        self.register_buffer("mean", torch.tensor(mean).view(1, 3, 1, 1), persistent=False)
        self.register_buffer("std", torch.tensor(std).view(1, 3, 1, 1), persistent=False)
        net = torchvision.models.get_model(arch)
        # On the meta device (counting FLOPs) there are no values to load weights into.
        if weights != "none" and self.mean.device.type != "meta":
            state = self.pretrained_state(arch, weights)
            if state is not None:
                net.load_state_dict(state)
        blocks = self.blocks_of(arch, net)
        if arch.startswith("resnet"):
            net.fc = nn.Identity()
        elif arch.startswith("convnext"):
            net.classifier[-1] = nn.Identity()  # keeps its LayerNorm and Flatten
        else:
            net.classifier = nn.Identity()
        self.net = net
        frozen = {"all": len(blocks), "none": 0}.get(freeze, len(blocks) - trainable_blocks)
        # A plain list, not a ModuleList: the blocks are registered once, inside self.net.
        self.frozen_blocks = [m for block in blocks[: max(frozen, 0)] for m in block]
        for module in self.frozen_blocks:
            module.requires_grad_(False)
        self.train()

    @staticmethod
    def blocks_of(arch, net):
        """The model's blocks, input side first, each a list of modules. Freezing works
        block by block."""
        if arch.startswith("resnet"):
            return [[net.conv1, net.bn1], [net.layer1], [net.layer2], [net.layer3], [net.layer4]]
        blocks = [[m] for m in net.features]
        if arch.startswith("convnext"):
            blocks[-1].append(net.classifier[0])  # the LayerNorm after pooling
        return blocks

    @classmethod
    def pretrained_state(cls, arch, weights):
        """The weights file's state_dict: from NetStudio's weights cache (a plain message when
        it is missing); outside NetStudio, torchvision downloads it into the same cache. None
        inside NetStudio's `without_pretrained_files()`: the caller loads every weight."""
        if not cls.pretrained_files:
            return None
        try:
            from studio.layers.backbone_modules import pretrained_files_wanted
            from studio.pretrained_weights import load_pretrained_state
        except ModuleNotFoundError as exc:
            if exc.name not in ("studio", "studio.pretrained_weights"):
                raise
            import torchvision  # the exported model, run where NetStudio is not installed

            return torchvision.models.get_model_weights(arch)[weights].get_state_dict()
        return load_pretrained_state(arch, weights) if pretrained_files_wanted() else None

    def train(self, mode=True):
        super().train(mode)
        for module in self.frozen_blocks:  # frozen BatchNorm keeps its running statistics
            module.train(False)
        return self

    def forward(self, x):
        if self.repeat > 1:
            x = x.repeat(1, self.repeat, 1, 1)
        if self.resize is not None:
            x = F.interpolate(x, size=self.resize, mode="bilinear", antialias=True)
        return self.net((x - self.mean) / self.std)

    def extra_repr(self):
        return f"arch={self.arch!r}, lr_factor={self.lr_factor}"


CLASSES: tuple[type, ...] = (PretrainedBackbone,)


# Per thread (and task): the GUI thread may build a model for a finished run's weights while
# a training thread builds one that needs the pretrained files.
_SKIP_FILES = contextvars.ContextVar("netstudio_skip_pretrained_files", default=False)


def pretrained_files_wanted() -> bool:
    """Whether backbones built now read their pretrained weights file."""
    return not _SKIP_FILES.get()


@contextlib.contextmanager
def without_pretrained_files() -> Iterator[None]:
    """Build backbones without reading their pretrained weights files, for a model whose every
    weight is loaded next (a finished run's, an export of it): such a model must not need the
    files, which another machine may not have."""
    token = _SKIP_FILES.set(True)
    try:
        yield
    finally:
        _SKIP_FILES.reset(token)
