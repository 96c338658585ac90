"""The model summary: every layer with its output shape, parameters and FLOPs, and the totals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from studio import memory
from studio.flops import count_flops
from studio.graph import Graph
from studio.layers.base import format_shape
from studio.memory import MemoryEstimate, estimate_memory, human_bytes, too_large
from studio.messages import Message, msg, term
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


def params_text(params: int, keras_params: int | None, frozen: int = 0,
                translate: Callable[[str], str] = str) -> str:
    """A layer's parameter count, with Keras' where it differs: "144 (Keras: 128)", and how
    many are frozen where any are: "927,008 (frozen: 927,008)"."""
    text = f"{params:,}"
    if keras_params is not None:
        text += " " + translate(msg("(Keras: {count})", count=f"{keras_params:,}"))
    if frozen:
        text += " " + translate(msg("(frozen: {count})", count=f"{frozen:,}"))
    return text


def trainable_text(total: int, frozen: int) -> Message:
    """'trainable: 1,234, frozen: 927,008' for a total with frozen parameters."""
    return msg("trainable: {trainable}, frozen: {frozen}",
               trainable=f"{total - frozen:,}", frozen=f"{frozen:,}")


def format_summary(summary: Summary, title: str = "",
                   translate: Callable[[str], str] = str,
                   columns: Callable[[str], int] = len) -> str:
    """The summary as a text table. `translate` puts its words in the interface language (the
    command line passes its translator; the default keeps English) and `columns` measures
    what a terminal shows (a CJK character takes two columns)."""
    header = tuple(
        translate(term(word, "summary"))
        for word in ("Layer (type)", "Output shape", "Params", "FLOPs")
    )
    table = [
        (
            f"{r.node_id} ({translate(term(r.layer, 'layers'))})",
            r.output,
            params_text(r.params, r.keras_params, r.frozen, translate),
            human_count(r.flops),
        )
        for r in summary.rows
    ]
    widths = [max(columns(row[i]) for row in [header, *table]) for i in range(4)]

    def line(row: tuple[str, ...]) -> str:
        cells = []
        for i, (cell, w) in enumerate(zip(row, widths, strict=True)):
            gap = " " * (w - columns(cell))
            cells.append(cell + gap if i < 2 else gap + cell)
        return "  ".join(cells)

    rule = "─" * columns(line(header))
    out = [title] if title else []
    out += [line(header), rule, *(line(row) for row in table), rule]
    total = translate(msg("Total parameters: {count}", count=f"{summary.total_params:,}"))
    if summary.total_frozen:
        total += f" ({translate(trainable_text(summary.total_params, summary.total_frozen))})"
    if summary.total_keras_params is not None:
        # A reader checks the count against a guide's model.summary(): say why they differ.
        total += " " + translate(msg("(Keras' model.summary(): {count})",
                                     count=f"{summary.total_keras_params:,}"))
    out.append(total)
    if summary.total_flops is not None:
        out.append(translate(msg("FLOPs per sample: {short} ({count})",
                                 short=human_count(summary.total_flops),
                                 count=f"{summary.total_flops:,}")))
    if summary.memory is not None:
        m = summary.memory
        text = msg(
            "Memory: {weights} of weights, {activations} of activations per sample; "
            "training with batch {batch} needs about {training}",
            weights=human_bytes(m.parameter_bytes),
            activations=human_bytes(m.activation_bytes),
            batch=summary.batch_size,
            training=human_bytes(m.training_bytes(summary.batch_size)),
        )
        out.append(translate(text))
        if machine := memory.total_memory():
            out[-1] += " " + translate(msg("(this machine has {size})",
                                           size=human_bytes(machine)))
    for w in summary.analysis.warnings:
        out.append(translate(msg("Note: {note}", note=w)))
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
