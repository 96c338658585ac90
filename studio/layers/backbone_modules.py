"""Pretrained backbones (torchvision's classification models) as nn.Modules.

Classes listed in CLASSES join studio.layers.modules.OWN_MODULES (built by ModuleSpec, written
into exported source).
"""

from __future__ import annotations

CLASSES: tuple[type, ...] = ()
