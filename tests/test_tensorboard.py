"""TensorBoard events in run folders: what `tensorboard --logdir` shows (scalars equal to
metrics.json, the graph as drawn, the hparams session) read back with TensorBoard's own reader
and protos; steps that go on across a resume; search trials; writing without TensorBoard
installed, and a run that cannot write its events still trains."""

import json
import math
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.compat.proto import event_pb2
from tensorboard.compat.tensorflow_stub import errors, pywrap_tensorflow
from tensorboard.plugins.hparams import api_pb2, metadata

from studio import tensorboard_events as tb
from studio.data import load_dataset
from studio.errors import StudioError
from studio.project import save_project
from studio.runs.folder import read_metrics
from studio.runs.pipeline import RunRequest, execute
from studio.search import Search, SearchOptions
from studio.templates import load_template
from studio.training import TrainingState

TRAIN, TEST = 300, 60
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")


@pytest.fixture(scope="module")
def shapes():
    return load_dataset("synthetic-shapes").subset(TRAIN, TEST)


def mlp(**training):
    """The seed MLP, small: 240 training samples after the validation split, 4 batches of 64."""
    project = load_template("seed-mlp")
    project.graph.set_params("dense_1", {"units": 16})
    project.graph.set_params("dense_2", {"units": 8})
    project.training.update({"epochs": 2, "batch_size": 64, "validation_split": 0.2,
                             **training})
    return project


def train(project, data, out_dir, state=None, **request):
    state = state or TrainingState(report_every_s=0)  # every batch reported
    return execute(RunRequest(project=project, out_dir=out_dir, data=data, **request), state)


def accumulator(run_dir):
    events = EventAccumulator(str(run_dir), size_guidance={"scalars": 0, "tensors": 0})
    events.Reload()
    return events


def scalars(events, tag):
    return [(e.step, e.value) for e in events.Scalars(tag)]


def plugin_content(events, tag):
    return events.SummaryMetadata(tag).plugin_data.content


def float32(value):
    return pytest.approx(value, rel=1e-6, abs=1e-7)


@pytest.fixture(scope="module")
def finished_run(tmp_path_factory, shapes):
    run_dir = tmp_path_factory.mktemp("run") / "run"
    outcome = train(mlp(), shapes, run_dir)
    return run_dir, outcome


# One run ----------------------------------------------------------------------------------


def test_scalars_are_the_figures_of_metrics_json(finished_run):
    run_dir, outcome = finished_run
    metrics = read_metrics(run_dir)
    events = accumulator(run_dir)

    history = metrics["history"]
    assert [h["epoch"] for h in history] == [1, 2]
    for name in ("loss", "accuracy", "val_loss", "val_accuracy", "learning_rate"):
        assert scalars(events, f"epoch/{name}") == [
            (h["epoch"], float32(h[name])) for h in history
        ]
    assert scalars(events, "test/accuracy") == [(2, float32(metrics["test_accuracy"]))]
    assert scalars(events, "test/loss") == [(2, float32(metrics["test_loss"]))]

    # A point per batch, the step counting batches since the run began; each is the running
    # mean of its epoch so far, so an epoch's last batch shows the epoch's figure.
    for name in ("loss", "accuracy"):
        points = scalars(events, f"batch/{name}")
        assert [step for step, _ in points] == list(range(1, 9))
        assert [points[3][1], points[7][1]] == [float32(h[name]) for h in history]
    assert outcome.result.status == "finished"


def test_the_graph_tab_shows_the_model_as_drawn(finished_run):
    run_dir, _ = finished_run
    graph = accumulator(run_dir).Graph()
    nodes = {node.name: node for node in graph.node}

    assert list(nodes) == ["input_1", "flatten_1", "dense_1", "dense_2", "dense_3", "output_1"]
    assert nodes["dense_1"].op == "Dense" and list(nodes["dense_1"].input) == ["flatten_1"]
    assert list(nodes["output_1"].input) == ["dense_3"]
    assert nodes["dense_1"].attr["units"].i == 16
    assert nodes["dense_1"].attr["activation"].s == b"relu"
    assert nodes["dense_1"].attr["parameters"].i == 28 * 28 * 16 + 16
    # The shape on its outgoing edges: a batch of any size of 16-vectors.
    shape = nodes["dense_1"].attr["_output_shapes"].list.shape[0]
    assert [d.size for d in shape.dim] == [-1, 16]


def test_the_hparams_dashboard_gets_the_settings_and_the_end(finished_run):
    run_dir, _ = finished_run
    events = accumulator(run_dir)

    start = metadata.parse_session_start_info_plugin_data(
        plugin_content(events, metadata.SESSION_START_INFO_TAG))
    hparams = start.hparams
    assert hparams["learning_rate"].number_value == pytest.approx(1e-3)
    assert hparams["batch_size"].number_value == 64
    assert hparams["epochs"].number_value == 2
    assert hparams["optimizer"].string_value == "adam"
    assert hparams["nesterov"].bool_value is False
    assert hparams["dataset"].string_value == "synthetic-shapes"
    assert start.model_uri == str(run_dir)
    end = metadata.parse_session_end_info_plugin_data(
        plugin_content(events, metadata.SESSION_END_INFO_TAG))
    assert end.status == api_pb2.STATUS_SUCCESS
    assert end.end_time_secs >= start.start_time_secs > 0
    # A run that is not a search trial leaves the dashboard's columns to TensorBoard, which
    # works them out over all the runs it is shown (the settings that differ first).
    assert metadata.EXPERIMENT_TAG not in events.Tags()["tensors"]


def test_the_run_folder_holds_one_events_file_beside_metrics_json(finished_run):
    run_dir, _ = finished_run
    files = tb.events_files(run_dir)
    assert len(files) == 1 and files[0].name.startswith("events.out.tfevents.")
    assert (run_dir / "metrics.json").is_file()


# Resume ------------------------------------------------------------------------------------


def test_a_resumed_run_goes_on_at_the_next_step_even_with_another_batch_size(tmp_path, shapes):
    def stop_in_second_epoch(report):
        if report.epoch == 2 and report.batch == 2:
            state.request_stop()

    state = TrainingState(on_batch=stop_in_second_epoch, report_every_s=0)
    run_dir = tmp_path / "run"
    first = train(mlp(epochs=3), shapes, run_dir, state)
    assert first.result.status == "stopped" and first.result.epochs_done == 1
    # The stopped run's batches of its unfinished epoch are in the file (steps 5 and 6) …
    stopped = accumulator(run_dir)
    assert [step for step, _ in scalars(stopped, "batch/loss")] == list(range(1, 7))

    # … and give way to the resumed run's, which trains in batches of 32 (8 an epoch).
    resumed = execute(RunRequest(project=None, out_dir=run_dir, data=shapes, resume=True,
                                 changed={"batch_size": 32}),
                      TrainingState(report_every_s=0))
    assert resumed.result.status == "finished"
    assert len(tb.events_files(run_dir)) == 2

    events = accumulator(run_dir)
    metrics = read_metrics(run_dir)
    assert [step for step, _ in scalars(events, "batch/loss")] == list(range(1, 4 + 8 + 8 + 1))
    assert scalars(events, "epoch/val_loss") == [
        (h["epoch"], float32(h["val_loss"])) for h in metrics["history"]
    ] and len(metrics["history"]) == 3
    # The stopped run's test figures stay at the epoch it stopped after; the last is the run's.
    assert scalars(events, "test/accuracy")[-1] == (3, float32(metrics["test_accuracy"]))


def test_a_replaced_run_takes_its_events_with_it(tmp_path, shapes):
    run_dir = tmp_path / "run"
    train(mlp(epochs=1), shapes, run_dir)
    train(mlp(epochs=1, learning_rate=0.01), shapes, run_dir, force=True)
    assert len(tb.events_files(run_dir)) == 1
    start = metadata.parse_session_start_info_plugin_data(
        plugin_content(accumulator(run_dir), metadata.SESSION_START_INFO_TAG))
    assert start.hparams["learning_rate"].number_value == pytest.approx(0.01)


# Failures -----------------------------------------------------------------------------------


def test_a_failed_run_ends_its_session_as_failed(tmp_path, shapes):
    def fail(report):
        raise StudioError("the watcher gave up")

    run_dir = tmp_path / "run"
    with pytest.raises(StudioError, match="gave up"):
        train(mlp(), shapes, run_dir, TrainingState(on_epoch=fail))
    events = accumulator(run_dir)
    end = metadata.parse_session_end_info_plugin_data(
        plugin_content(events, metadata.SESSION_END_INFO_TAG))
    assert end.status == api_pb2.STATUS_FAILURE
    assert [step for step, _ in scalars(events, "epoch/loss")] == [1]


def test_events_that_cannot_be_written_cost_a_note_not_the_run(tmp_path, shapes, monkeypatch):
    def full_disk(self):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tb.EventsFile, "flush", full_disk)
    notes = []
    outcome = train(mlp(), shapes, tmp_path / "run",
                    TrainingState(on_message=notes.append))
    assert outcome.result.status == "finished"
    assert len(read_metrics(tmp_path / "run")["history"]) == 2
    assert [n for n in notes if "TensorBoard" in n] == [
        f"TensorBoard events could not be written in {tmp_path / 'run'} (No space left on "
        "device); the run goes on without them."
    ]


def test_a_run_without_a_folder_writes_no_events(shapes):
    outcome = execute(RunRequest(project=mlp(epochs=1), data=shapes), TrainingState())
    assert outcome.run_dir is None and outcome.result.status == "finished"


# GAN and search ----------------------------------------------------------------------------


def test_a_gan_run_shows_both_losses(tmp_path):
    project = load_template("gan-shapes")
    project.training.update(epochs=1, batch_size=64)
    data = load_dataset("synthetic-shapes").subset(128, 10)
    execute(RunRequest(project=project, out_dir=tmp_path / "gan", data=data,
                       task_options={"sample_count": 4}), TrainingState(report_every_s=0))
    events = accumulator(tmp_path / "gan")
    history = read_metrics(tmp_path / "gan")["history"]
    for name in ("g_loss", "d_loss", "d_accuracy"):
        assert scalars(events, f"epoch/{name}") == [(1, float32(history[0][name]))]
        assert [step for step, _ in scalars(events, f"batch/{name}")] == [1, 2]


# TensorBoard's own import of its vendored html5lib says this; nothing of ours.
@pytest.mark.filterwarnings("ignore:html5lib's sanitizer is deprecated:DeprecationWarning")
def test_search_trials_are_runs_with_events(tmp_path):
    path = tmp_path / "mlp.json"
    save_project(mlp(epochs=1), path)
    search = Search(mlp(epochs=1), path,
                    SearchOptions(["dense_1.units=8,16"], trials=2, sampler="grid",
                                  dataset="synthetic-shapes", train_limit=TRAIN,
                                  test_limit=TEST))
    search.open()
    search.run()
    trials = sorted(p for p in search.folder.iterdir() if p.is_dir())
    assert len(trials) == 2
    units = set()
    for trial in trials:
        events = accumulator(trial)
        history = read_metrics(trial)["history"]
        assert scalars(events, "epoch/val_accuracy") == [(1, float32(history[0]["val_accuracy"]))]
        units.add(next(n for n in events.Graph().node if n.name == "dense_1").attr["units"].i)
    assert units == {8, 16}  # each trial's graph is its own

    # TensorBoard's HParams dashboard, asked as its page asks: a session per trial, ended
    # well, with its settings and its last validation accuracy.
    groups = hparams_dashboard(search.folder.parent)["sessionGroups"]
    assert sorted(group["name"] for group in groups) == [
        f"{search.folder.name}/{trial.name}" for trial in trials]
    for group in groups:
        history = read_metrics(search.folder.parent / group["name"])["history"]
        assert group["hparams"]["optimizer"] == "adam"
        # The searched value is a column of its own, the trial's graph's.
        graph = accumulator(search.folder.parent / group["name"]).Graph()
        dense = next(n for n in graph.node if n.name == "dense_1")
        assert group["hparams"]["dense_1.units"] == dense.attr["units"].i
        assert group["sessions"][0]["status"] == "STATUS_SUCCESS"
        figures = {m["name"]["tag"]: m["value"] for m in group["metricValues"]}
        assert figures["epoch/val_accuracy"] == float32(history[-1]["val_accuracy"])


def hparams_dashboard(logdir):
    """What TensorBoard's HParams page gets for `tensorboard --logdir logdir`."""
    from tensorboard.backend import application
    from tensorboard.backend.event_processing import data_provider, plugin_event_multiplexer
    from tensorboard.plugins import base_plugin
    from tensorboard.plugins.hparams import hparams_plugin
    from werkzeug.test import Client
    from werkzeug.wrappers import Response

    multiplexer = plugin_event_multiplexer.EventMultiplexer()
    multiplexer.AddRunsFromDirectory(str(logdir))
    multiplexer.Reload()
    provider = data_provider.MultiplexerDataProvider(multiplexer, str(logdir))
    context = base_plugin.TBContext(logdir=str(logdir), data_provider=provider,
                                    multiplexer=multiplexer)
    app = application.TensorBoardWSGI([hparams_plugin.HParamsPlugin(context)],
                                      data_provider=provider)
    query = {"experimentName": "", "startIndex": 0, "sliceSize": 100,
             "allowedStatuses": ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE",
                                 "STATUS_RUNNING"],
             "colParams": [{"hparam": "optimizer"}, {"metric": {"tag": "epoch/val_accuracy"}}]}
    response = Client(app, Response).post("/data/plugin/hparams/session_groups",
                                          data=json.dumps(query),
                                          content_type="application/json")
    assert response.status_code == 200
    return json.loads(response.get_data())


def test_a_search_trials_values_are_hparams_beside_the_settings(tmp_path, shapes):
    project = mlp(epochs=1, learning_rate=0.005)
    project.graph.set_params("dense_1", {"units": 8})
    run_dir = tmp_path / "trial_0000"
    train(project, shapes, run_dir, searched={"dense_1.units": 8, "learning_rate": 0.005})
    events = accumulator(run_dir)

    hparams = metadata.parse_session_start_info_plugin_data(
        plugin_content(events, metadata.SESSION_START_INFO_TAG)).hparams
    assert hparams["dense_1.units"].number_value == 8
    assert hparams["learning_rate"].number_value == pytest.approx(0.005)
    assert hparams["optimizer"].string_value == "adam"
    assert metadata.EXPERIMENT_TAG not in events.Tags()["tensors"]


# The file format ---------------------------------------------------------------------------


def test_crc32c_and_framing_are_what_tensorboards_reader_checks(tmp_path):
    rng = random.Random(0)
    for size in (0, 1, 7, 100, 1000):
        data = bytes(rng.randrange(256) for _ in range(size))
        assert tb.masked_crc32c(data) == pywrap_tensorflow.masked_crc32c(data)
    writer = tb.EventsFile(tmp_path)
    writer.add(tb.event(3, summary=tb.summary([tb.scalar_value("x", 0.5)])))
    writer.flush()
    reader = pywrap_tensorflow.PyRecordReader_New(str(writer.path))
    read = []
    with pytest.raises(errors.OutOfRangeError):
        while True:
            reader.GetNext()
            read.append(event_pb2.Event.FromString(reader.record()))
    assert read[0].file_version == "brain.Event:2"
    assert read[1].step == 3 and read[1].summary.value[0].simple_value == 0.5

    # A flipped byte fails the reader's check, and our own reader stops before it.
    damaged = bytearray(writer.path.read_bytes())
    damaged[-6] ^= 0xFF
    writer.path.write_bytes(bytes(damaged))
    reader = pywrap_tensorflow.PyRecordReader_New(str(writer.path))
    reader.GetNext()
    with pytest.raises(errors.DataLossError):
        reader.GetNext()
    assert len(list(tb.read_records(writer.path))) == 1


def test_odd_values_are_written_as_tensorboard_reads_them(tmp_path):
    writer = tb.EventsFile(tmp_path)
    writer.add(tb.event(-1, summary=tb.summary([
        tb.scalar_value("nan", math.nan), tb.scalar_value("huge", 1e300),
        tb.scalar_value("été/损失", 2.0)])))
    writer.flush()
    events = accumulator(tmp_path)
    assert math.isnan(events.Scalars("nan")[0].value)
    assert events.Scalars("huge")[0].value == math.inf
    assert scalars(events, "été/损失") == [(-1, 2.0)]


def test_a_second_writer_in_the_same_second_is_read_after_the_first(tmp_path):
    first, second = tb.EventsFile(tmp_path), tb.EventsFile(tmp_path)
    first.flush()
    second.flush()
    assert tb.events_files(tmp_path) == [first.path, second.path]


def test_the_writer_works_without_tensorboard_installed(tmp_path):
    script = (
        "import sys; sys.modules['tensorboard'] = None\n"
        "from studio import tensorboard_events as tb\n"
        "from studio.runs import tensorboard_log\n"
        "w = tb.EventsFile(sys.argv[1])\n"
        "w.add(tb.event(1, summary=tb.summary([tb.scalar_value('epoch/loss', 0.25)])))\n"
        "w.add(tb.event(graph_def=tb.graph_def([tb.GraphNode('a', 'Input'),"
        " tb.GraphNode('b', 'Dense', ['a'])])))\n"
        "w.add(tb.event(summary=tb.session_start({'lr': 0.1}, 1.0)))\n"
        "w.flush()\n"
        "assert not any(m.startswith('tensorboard') and sys.modules[m] for m in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env,
                   cwd=ROOT, timeout=60)
    events = accumulator(tmp_path)
    assert scalars(events, "epoch/loss") == [(1, 0.25)]
    assert [n.name for n in events.Graph().node] == ["a", "b"]


def test_studio_never_imports_tensorboard():
    imports = re.compile(r"^\s*(import|from)\s+tensorboard\b", re.MULTILINE)
    for path in (ROOT / "studio").rglob("*.py"):
        assert not imports.search(path.read_text(encoding="utf-8")), path


def test_metrics_json_stays_the_record(finished_run):
    run_dir, _ = finished_run
    metrics = json.loads((run_dir / "metrics.json").read_text())
    assert metrics["status"] == "finished" and len(metrics["history"]) == 2
