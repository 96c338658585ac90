"""The model summary: every layer with its output shape, parameters and FLOPs, and the totals."""

from __future__ import annotations

from dataclasses import dataclass, replace

from studio import memory
from studio.flops import count_flops
from studio.graph import Graph
from studio.layers.base import format_shape
from studio.memory import MemoryEstimate, estimate_memory, human_bytes, too_large
from studio.shapes import Analysis, Problem, infer_shapes


@dataclass(frozen=True)
class SummaryRow:
    node_id: str
    layer: str
    output: str
    params: int
    flops: int | None
    problem: str | None
    keras_params: int | None = None
    """What Keras' model.summary() counts for this layer, where it differs from `params`."""
    frozen: int = 0
    """How many of `params` training leaves as they are (a frozen pretrained backbone)."""


@dataclass(frozen=True)
class Summary:
    rows: list[SummaryRow]
    analysis: Analysis
    memory: MemoryEstimate | None = None
    batch_size: int = 32

    @property
    def total_params(self) -> int:
        return self.analysis.total_params

    @property
    def total_frozen(self) -> int:
        """Parameters training leaves as they are; 0 when all of them train."""
        return self.analysis.total_frozen

    @property
    def total_keras_params(self) -> int | None:
        """Keras' model.summary() "Total params", where it differs from `total_params`."""
        keras = self.analysis.total_keras_params
        return None if keras == self.total_params else keras

    @property
    def total_flops(self) -> int | None:
        if any(r.flops is None for r in self.rows):
            return None
        return sum(r.flops or 0 for r in self.rows)


def summarize(
    graph: Graph,
    batch_size: int = 32,
    analysis: Analysis | None = None,
    *,
    count_flops_now: bool = True,
) -> Summary:
    """The table, and the memory the model needs. A model that cannot be trained in this
    machine's memory even one sample at a time gets a problem, as the compiler would refuse
    it; one that only fits with a smaller batch than `batch_size` gets a warning.

    `analysis`: infer_shapes(graph) when the caller has it already (the app does, after every
    edit), so that a large graph is not inferred twice; it is left as it was given.
    `count_flops_now=False` leaves FLOPs out (None): the app's first look while torch's
    counter is still being prepared (studio.flops.counter_ready)."""
    if analysis is None:
        analysis = infer_shapes(graph)
    else:  # the memory verdicts below are the summary's, not the caller's
        analysis = replace(
            analysis, problems=list(analysis.problems), warnings=list(analysis.warnings)
        )
    flops = count_flops(graph, analysis) if analysis.ok and count_flops_now else {}
    estimate = estimate_memory(analysis) if analysis.ok else None
    if estimate is not None:
        reason = too_large(estimate, training=True)
        if reason is not None:
            analysis.problems.append(Problem(None, reason))
        elif (reason := too_large(estimate, training=True, batch=batch_size)) is not None:
            analysis.warnings.append(Problem(None, reason))
    rows = []
    ordered = set(analysis.order)
    for node_id in analysis.order + [n for n in graph.nodes if n not in ordered]:
        node, info = graph.nodes[node_id], analysis.nodes[node_id]
        if info.output is not None:
            output = format_shape(info.output.shape)
        elif info.blocked_by:
            output = f"(waits for {info.blocked_by})"
        else:
            output = "(error)"
        rows.append(
            SummaryRow(
                node_id,
                node.layer.title,
                output,
                info.params,
                flops.get(node_id),
                info.error,
                info.keras_params,
                info.frozen,
            )
        )
    return Summary(rows, analysis, estimate, batch_size)


def human_count(n: int | None) -> str:
    if n is None:
        return "–"
    for unit, size in (("G", 1e9), ("M", 1e6), ("K", 1e3)):
        if n >= size:
            return f"{n / size:.1f}{unit}"
    return str(n)


def params_text(params: int, keras_params: int | None, frozen: int = 0) -> str:
    """A layer's parameter count, with Keras' where it differs: "144 (Keras: 128)", and how
    many are frozen where any are: "927,008 (frozen: 927,008)"."""
    text = f"{params:,}"
    if keras_params is not None:
        text += f" (Keras: {keras_params:,})"
    if frozen:
        text += f" (frozen: {frozen:,})"
    return text


def trainable_text(total: int, frozen: int) -> str:
    """'trainable: 1,234, frozen: 927,008' for a total with frozen parameters."""
    return f"trainable: {total - frozen:,}, frozen: {frozen:,}"


def format_summary(summary: Summary, title: str = "") -> str:
    header = ("Layer (type)", "Output shape", "Params", "FLOPs")
    table = [
        (
            f"{r.node_id} ({r.layer})",
            r.output,
            params_text(r.params, r.keras_params, r.frozen),
            human_count(r.flops),
        )
        for r in summary.rows
    ]
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(4)]

    def line(row: tuple[str, ...]) -> str:
        return "  ".join(
            cell.ljust(w) if i < 2 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )

    rule = "─" * len(line(header))
    out = [title] if title else []
    out += [line(header), rule, *(line(row) for row in table), rule]
    total = f"Total parameters: {summary.total_params:,}"
    if summary.total_frozen:
        total += f" ({trainable_text(summary.total_params, summary.total_frozen)})"
    if summary.total_keras_params is not None:
        # A reader checks the count against a guide's model.summary(): say why they differ.
        total += f" (Keras' model.summary(): {summary.total_keras_params:,})"
    out.append(total)
    if summary.total_flops is not None:
        out.append(
            f"FLOPs per sample: {human_count(summary.total_flops)} ({summary.total_flops:,})"
        )
    if summary.memory is not None:
        m = summary.memory
        out.append(
            f"Memory: {human_bytes(m.parameter_bytes)} of weights, "
            f"{human_bytes(m.activation_bytes)} of activations per sample; "
            f"training with batch {summary.batch_size} needs about "
            f"{human_bytes(m.training_bytes(summary.batch_size))}"
            + (
                f" (this machine has {human_bytes(total)})"
                if (total := memory.total_memory())
                else ""
            )
        )
    for w in summary.analysis.warnings:
        out.append(f"Note: {w}")
    return "\n".join(out)


def format_problems(analysis: Analysis, graph: Graph) -> str:
    lines = []
    for p in analysis.problems:
        if p.node_id:
            layer = graph.nodes[p.node_id].layer.title
            lines.append(f"  ✗ {p.node_id} ({layer}): {p.message}")
        else:
            lines.append(f"  ✗ {p.message}")
    return "\n".join(lines)
