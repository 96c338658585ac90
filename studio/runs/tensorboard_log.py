"""A run's TensorBoard events, written into its run folder beside metrics.json while it trains,
so that `tensorboard --logdir PROJECT.runs` (or `PROJECT.search`) shows every run: scalars per
batch and per epoch, the model graph as drawn, and the hyperparameters for the HParams
dashboard. metrics.json stays the run's record; the events are a view of it for TensorBoard,
written by studio.tensorboard_events without TensorBoard installed.

The run pipeline wraps a run in `recording(...)`, which listens to the state's reports:
- on_started: the graph, the hparams session (the training settings, the data set and, for a
  search trial, the values searched), written at once;
- on_batch (throttled as the training loop throttles its reports): `batch/<metric>`, the
  running means of the epoch so far, at the run's batch step;
- on_epoch: `epoch/<metric>` and `epoch/learning_rate` at the epoch's number, then a flush;
- the end: `test/<metric>` and the session's end (finished, early-stopped or failed).

No run writes the hparams plugin's experiment config: TensorBoard takes one such config, from
any run, for everything under its --logdir, so two searches over different values would hide
each other's columns. Without one, TensorBoard works the columns out from all the sessions
shown, the settings that differ between them first.

A resumed run writes a new events file in the same folder. Its batch steps continue from the
last batch of the epoch it resumes after, even if the batch size changed, and a restart marker
(SessionLog START) at its first step makes TensorBoard drop what the stopped run wrote after its
last checkpoint. Writing never fails a run: an events file that cannot be written is given up
with one note.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio import tensorboard_events as tb
from studio.messages import msg
from studio.runs.folder import EARLY_STOPPED, FINISHED

if TYPE_CHECKING:
    from studio.project import Project
    from studio.runs.folder import RunFolder
    from studio.training import BatchReport, EpochReport, TrainingResult, TrainingState

BATCH, EPOCH, TEST = "batch/", "epoch/", "test/"


class RunEvents:
    """The events of one run (or one resumed part of it) in `folder`; None writes nothing."""

    def __init__(self, folder: Path | None, project: Project, searched: dict[str, Any],
                 note: Callable[[str], None]) -> None:
        self.folder = folder
        self.project = project
        self.searched = dict(searched)
        self.note = note
        self.file: tb.EventsFile | None = None
        self.start_epoch = 0
        self._first_step: int | None = None  # the batch step of this part's first batch

    # The state's reports --------------------------------------------------------------------

    def started(self, info: dict[str, Any]) -> None:
        if self.folder is None:
            return
        self.file = tb.EventsFile(self.folder)
        self.start_epoch = int(info.get("start_epoch") or 0)
        now = time.time()
        self._add(tb.event(wall_time=now, graph_def=tb.graph_def(graph_nodes(self.project))))
        self._add(tb.event(wall_time=now, summary=tb.session_start(
            self._hparams(info), now, model_uri=str(self.folder))))
        self._flush()

    def batch(self, report: BatchReport) -> None:
        if self.file is None:
            return
        if self._first_step is None:
            self._first_step = self._resumed_step(report.batches) + 1
            if self.start_epoch:
                self._add(tb.event(self._first_step, session_log=tb.session_start_log()))
        # report.step counts from the first epoch at the current batch count; this part's own
        # count goes on from where the stopped run's batches ended.
        step = self._first_step + report.step - self.start_epoch * report.batches - 1
        self._scalars(step, BATCH, report.metrics)

    def epoch(self, report: EpochReport) -> None:
        if self.file is None:
            return
        self._scalars(report.epoch, EPOCH,
                      {**report.metrics, "learning_rate": report.learning_rate})
        self._flush()

    def ended(self, result: TrainingResult) -> None:
        if self.file is None:
            return
        test = {"loss": result.test_loss, "accuracy": result.test_accuracy}
        self._scalars(result.epochs_done, TEST, test)
        if result.status in (FINISHED, EARLY_STOPPED):
            self._add(tb.event(summary=tb.session_end(tb.STATUS_SUCCESS, time.time())))
        self._flush()

    def failed(self) -> None:
        if self.file is not None:
            self._add(tb.event(summary=tb.session_end(tb.STATUS_FAILURE, time.time())))

    def close(self) -> None:
        self._flush()
        self.file = None

    # Writing --------------------------------------------------------------------------------

    def _scalars(self, step: int, prefix: str, metrics: dict[str, float | None]) -> None:
        values = [tb.scalar_value(prefix + name, value) for name, value in metrics.items()
                  if isinstance(value, (int, float)) and not isinstance(value, bool)]
        if values:
            self._add(tb.event(step, summary=tb.summary(values)))

    def _add(self, event_data: bytes) -> None:
        if self.file is not None:
            self.file.add(event_data)

    def _flush(self) -> None:
        if self.file is None:
            return
        try:
            self.file.flush()
        except OSError as exc:
            self.file = None  # given up: the run goes on, metrics.json has every figure
            self.note(msg("TensorBoard events could not be written in {folder} ({reason}); "
                          "the run goes on without them.", folder=str(self.folder),
                          reason=exc.strerror or type(exc).__name__))

    # What is written ------------------------------------------------------------------------

    def _hparams(self, info: dict[str, Any]) -> dict[str, tb.HParam]:
        values: dict[str, Any] = {**self.project.training}
        if info.get("dataset_name"):
            values["dataset"] = info["dataset_name"]
        values.update(self.searched)
        return {name: _hparam(value) for name, value in values.items() if value is not None}

    def _resumed_step(self, batches: int) -> int:
        """The batch step this part goes on from: the last batch step written before the end of
        the epoch it resumes after (0 for a new run). An epoch the files lack (written into the
        checkpoint but not yet into the events when the run died) counts `batches` steps."""
        if not self.start_epoch:
            return 0
        last_batch, found = 0, (0, 0)  # (epoch, last batch step at its end)
        for tag, step in tb.scalar_steps(self.folder):
            if tag.startswith(BATCH):
                last_batch = step
            elif tag.startswith(EPOCH) and found[0] < step <= self.start_epoch:
                found = (step, last_batch)
        epoch, step = found
        return step + (self.start_epoch - epoch) * batches


def _hparam(value: Any) -> tb.HParam:
    return value if isinstance(value, (bool, int, float, str)) else str(value)


def graph_nodes(project: Project) -> list[tb.GraphNode]:
    """The project's graph for TensorBoard's Graphs tab: one node per layer, named as in the
    editor, its layer type as op, its inputs in port order, its parameters, its parameter
    count and its output shape (labelling its outgoing edges, batch size unknown)."""
    from studio.shapes import infer_shapes

    graph = project.graph
    analysis = infer_shapes(graph)
    order = analysis.order or list(graph.nodes)
    nodes = []
    for node_id in order + [n for n in graph.nodes if n not in order]:
        node = graph.node(node_id)
        attrs: dict[str, tb.AttrValue] = {
            name: value if isinstance(value, (bool, int, float, str)) else str(value)
            for name, value in node.params.items() if value is not None
        }
        info = analysis.nodes.get(node_id)
        if info is not None:
            attrs["parameters"] = info.params
            if info.output is not None:
                attrs["_output_shapes"] = [(None, *info.output.shape)]
        inputs = [edge.source for edge in graph.incoming(node_id) if edge is not None]
        nodes.append(tb.GraphNode(node_id, node.layer_id, inputs, attrs))
    return nodes


@contextmanager
def recording(folder: RunFolder | None, project: Project, searched: dict[str, Any],
              state: TrainingState) -> Iterator[RunEvents]:
    """Write the events of the run trained inside this block, listening to `state`'s reports
    (its own listeners still get them, after). The events file is created only once training
    starts, so a run that fails before leaves its folder as it was."""
    events = RunEvents(folder.path if folder is not None else None, project, searched,
                       state.message)
    listeners = state.on_started, state.on_batch, state.on_epoch
    state.on_started = _both(events.started, listeners[0])
    state.on_batch = _both(events.batch, listeners[1])
    state.on_epoch = _both(events.epoch, listeners[2])
    try:
        yield events
    except BaseException as exc:
        if not isinstance(exc, KeyboardInterrupt):  # Ctrl-C stops; it does not fail the run
            events.failed()
        raise
    finally:
        state.on_started, state.on_batch, state.on_epoch = listeners
        events.close()


def _both(first: Callable[[Any], None], then: Callable[[Any], None] | None):
    if then is None:
        return first

    def both(report: Any) -> None:
        first(report)
        then(report)

    return both
