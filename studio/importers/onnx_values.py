"""What the ONNX import tracks per tensor, and the small helpers its operator handlers share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.messages import msg


class NotMapped(Exception):
    """An operator the importer knows but cannot bring in as it is; the text says why."""


@dataclass(frozen=True)
class Value:
    """What an ONNX tensor is in the graph being built."""

    node: str
    transposed: bool = False
    """The tensor is the node's output with its last two axes swapped (channels first)."""
    pooled: int = 0
    """Trailing size-1 axes that a global pooling kept (keepdims) and the node has not."""
    time_major: bool = False
    """The tensor is the node's sequence with time first and the batch second."""
    directions: int = 0
    """A recurrent operator's raw output: its directions axis is at 1 (time × directions ×
    batch × hidden) or, after the exporter's Transpose, at 2; 0 for any other tensor."""

    @property
    def plain(self) -> bool:
        return not (self.transposed or self.pooled or self.time_major or self.directions)


def where(node: Any) -> str:
    return msg("node {name} ({op})", name=node.name or node.output[0], op=node.op_type)


def owner(weight: str) -> str | None:
    """The node that a NetStudio export's weight name ("conv2d_1.weight") belongs to."""
    owner, dot, _ = weight.rpartition(".")
    return owner if dot else None


def same_all(values: list[int], what: str) -> int:
    if len(set(values)) != 1:
        raise NotMapped(
            msg(
                "its {what} {values} differ between axes; NetStudio's layers take one value",
                what=what,
                values=list(values),
            )
        )
    return int(values[0])
