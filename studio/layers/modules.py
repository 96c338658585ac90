"""NetStudio's own nn.Module classes, for layers torch.nn has no class for.

Each is small and self-contained: exported Python source carries its definition beside the
model (studio.source), so a package still needs only PyTorch.
"""

from __future__ import annotations

from torch import nn

OWN_MODULES: dict[str, type[nn.Module]] = {}
"""Class name → class. The names never shadow a torch.nn class."""
