"""Hyperparameter search (studio.search, `netstudio search`): small synthetic data, one or two
epochs, few trials."""

import json
import os
import subprocess
import sys
import time

import optuna
import pytest

from studio.cli import main
from studio.graph import Graph
from studio.project import Project, load_project, save_project
from studio.runs.folder import read_metrics, read_record
from studio.search import Search, SearchError, SearchOptions
from studio.search_space import SearchSpaceError, parse_space
from studio.templates import load_template

DATA = {"dataset": "synthetic-shapes", "train_limit": 300, "test_limit": 100}


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")


@pytest.fixture
def mlp(tmp_path):
    """The seed MLP, small, saved beside the search folders it will get."""
    project = load_template("seed-mlp")
    project.graph.set_params("dense_1", {"units": 16})
    project.graph.set_params("dense_2", {"units": 16})
    project.training.update(batch_size=64, validation_split=0.2)
    path = tmp_path / "mlp.json"
    save_project(project, path)
    return path


def tiny_cnn(tmp_path):
    """Input 1×28×28 → Conv2D → Flatten → Dense → Output: a kernel above 28 does not fit."""
    graph = Graph()
    graph.add_node("Input", {"shape": [1, 28, 28]}, node_id="input_1")
    graph.add_node("Conv2D", {"filters": 2, "kernel_size": 3}, node_id="conv2d_1")
    graph.add_node("Flatten", node_id="flatten_1")
    graph.add_node("Dense", {"units": 10, "activation": "softmax"}, node_id="dense_1")
    graph.add_node("Output", node_id="output_1")
    for a, b in (("input_1", "conv2d_1"), ("conv2d_1", "flatten_1"), ("flatten_1", "dense_1"),
                 ("dense_1", "output_1")):
        graph.connect(a, b)
    project = Project("Tiny CNN", graph)
    project.training.update(batch_size=64, validation_split=0.2)
    path = tmp_path / "cnn.json"
    save_project(project, path)
    return path


def search(path, specs, **options):
    messages, epochs = [], []
    s = Search(load_project(path), path, SearchOptions(specs, **{**DATA, **options}),
               on_message=messages.append,
               on_epoch=lambda number, report: epochs.append((number, report.epoch)))
    s.messages, s.epochs = messages, epochs
    s.open()
    return s


def record_of(s):
    return json.loads((s.folder / "search.json").read_text())


# Samplers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sampler, specs, trials", [
    ("grid", ["dense_1.units=8,16", "optimizer=adam,sgd"], 4),
    ("random", ["lr=1e-3..1e-1:log", "dense_1.units=8..32"], 3),
    ("tpe", ["lr=1e-3..1e-1:log", "weight_decay=0,0.0001"], 3),
])
def test_each_sampler_runs_and_records_its_trials(mlp, sampler, specs, trials):
    s = search(mlp, specs, sampler=sampler, trials=trials, epochs=1)
    s.run()
    record = record_of(s)
    assert record["sampler"] == sampler and record["objective"] == "val_accuracy"
    assert [t["number"] for t in record["trials"]] == list(range(trials))
    assert all(t["state"] == "complete" for t in record["trials"])
    for t in record["trials"]:
        assert 0 <= t["score"] <= 1 and t["epochs"] == 1 and not t["pruned"]
        metrics = read_metrics(s.folder / t["run"])
        # The score is the run's validation figure, never its test figure.
        assert t["score"] == metrics["history"][-1]["val_accuracy"]
        assert t["test_accuracy"] == metrics["test_accuracy"]
    if sampler == "grid":
        assert {tuple(t["params"].values()) for t in record["trials"]} == {
            (8, "adam"), (8, "sgd"), (16, "adam"), (16, "sgd")}
    else:
        lrs = [t["params"]["learning_rate"] for t in record["trials"]]
        assert all(1e-3 <= lr <= 1e-1 for lr in lrs) and len(set(lrs)) == trials
    best = max(record["trials"], key=lambda t: t["score"])
    assert record["best"]["score"] == best["score"]


def test_grid_runs_its_points_once_even_if_more_trials_are_asked(mlp):
    s = search(mlp, ["dense_1.units=8,16"], sampler="grid", trials=5, epochs=1)
    trials = s.run()
    assert len(trials) == 2
    assert any("2 points" in m for m in s.messages)


def test_a_project_without_validation_split_gets_one_said_out_loud(mlp):
    project = load_project(mlp)
    project.training["validation_split"] = 0.0
    save_project(project, mlp)
    s = search(mlp, ["dense_1.units=8"], trials=1, epochs=1)
    s.run()
    assert any("holds out 10%" in m and "test set is never used" in m for m in s.messages)
    metrics = read_metrics(s.folder / "trial_0000")
    assert metrics["settings"]["validation_split"] == 0.1
    assert metrics["history"][0]["val_accuracy"] is not None


# Pruning ----------------------------------------------------------------------------------


@pytest.mark.parametrize("pruner", ["median", "halving"])
def test_pruning_stops_a_hopeless_trial_early(mlp, pruner):
    s = search(mlp, ["lr=1e-8..1e-1:log"], sampler="random", prune=pruner, trials=2,
               epochs=2, objective="val_loss", prune_startup=1)
    # A good rate first, then one that cannot learn: its loss after epoch 1 is worse than
    # the first trial's (the median; the best third of the rung), so it stops there.
    s.study.enqueue_trial({"learning_rate": 1e-2})
    s.study.enqueue_trial({"learning_rate": 1e-8})
    good, bad = s.run()
    assert good.state == "complete" and good.epochs == 2
    assert bad.state == "pruned" and bad.epochs == 1
    assert s.epochs == [(0, 1), (0, 2), (1, 1)]  # what a view's curves are drawn from
    assert bad.score is not None and bad.score > good.score
    run = s.folder / bad.run
    assert read_record(run)["status"] == "stopped"
    assert len(read_metrics(run)["history"]) == 1
    assert record_of(s)["trials"][1]["pruned"] is True


# Storage: resume, workers -----------------------------------------------------------------


def test_a_stopped_search_resumes_the_same_study(mlp, tmp_path):
    storage = f"sqlite:///{tmp_path / 'search.db'}"
    options = dict(sampler="random", trials=2, epochs=1, storage=storage, study="s1")
    first = search(mlp, ["lr=1e-3..1e-1:log"], **options)
    # Stop during the second trial's first epoch: that trial is queued again.
    epoch = first._epoch

    def stop_in_trial_1(progress, state, report):
        epoch(progress, state, report)
        if progress.trial.number == 1:
            first.stop()

    first._epoch = stop_in_trial_1
    trials = first.run()
    assert [t.state for t in trials] == ["complete", "stopped", "waiting"]
    stopped_lr = trials[1].params["learning_rate"]

    with pytest.raises(SearchError, match=r"already exists.*--resume"):
        search(mlp, ["lr=1e-3..1e-1:log"], **options)
    with pytest.raises(SearchError, match=r"searched learning_rate=0\.001\.\.0\.1:log"):
        search(mlp, ["lr=1e-4..1e-1:log"], **options, resume=True)
    with pytest.raises(SearchError, match="resume it with the same --objective"):
        search(mlp, ["lr=1e-3..1e-1:log"], **{**options, "objective": "val_loss"}, resume=True)

    second = search(mlp, ["lr=1e-3..1e-1:log"], **options, resume=True)
    trials = second.run()
    assert second.study._study_id == first.study._study_id
    assert [t.state for t in trials] == ["complete", "stopped", "complete"]
    # The stopped trial's values ran again.
    assert trials[2].params["learning_rate"] == stopped_lr
    assert trials[0].params != trials[2].params
    assert [t["number"] for t in record_of(second)["trials"]] == [0, 1, 2]

    third = search(mlp, ["lr=1e-3..1e-1:log"], **options, resume=True)
    assert len(third.run()) == 3
    assert any("already has 2 trials (2 asked)" in m for m in third.messages)


WORKER = """
import sys
import torch
torch.set_num_threads(1)
from pathlib import Path
from studio.project import load_project
from studio.search import Search, SearchOptions
path = Path(sys.argv[1])
options = SearchOptions(["lr=1e-3..1e-1:log"], sampler="random", trials=2, epochs=100,
                        storage=sys.argv[2], study="w", heartbeat_s=1, grace_s=2,
                        dataset="synthetic-shapes", train_limit=300, test_limit=100)
Search(load_project(path), path, options).run()
"""


@pytest.mark.slow  # a fresh process, killed, and the grace period
def test_a_trial_whose_worker_dies_runs_again(mlp, tmp_path):
    storage = f"sqlite:///{tmp_path / 'search.db'}"
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(mlp), storage],
                              stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "OMP_NUM_THREADS": "1"})
    checkpoint = mlp.with_name("mlp.search") / "w" / "trial_0000" / "checkpoint.pt"
    deadline = time.time() + 120
    while not checkpoint.exists() and time.time() < deadline and worker.poll() is None:
        time.sleep(0.2)
    assert checkpoint.exists(), worker.stderr.read() if worker.poll() is not None else ""
    worker.kill()  # no goodbye: the storage still says trial 0 is running
    worker.wait()
    time.sleep(3)  # longer than the grace period without a heartbeat

    s = search(mlp, ["lr=1e-3..1e-1:log"], sampler="random", trials=2, epochs=1,
               storage=storage, study="w", resume=True, heartbeat_s=1, grace_s=2)
    trials = s.run()
    assert [t.state for t in trials] == ["interrupted", "complete", "complete"]
    assert trials[1].params == trials[0].params  # queued again by the storage, not lost
    assert record_of(s)["trials"][0]["state"] == "interrupted"


@pytest.mark.slow  # two fresh processes
def test_two_workers_share_one_study_without_duplicate_trials(mlp, tmp_path):
    storage = f"sqlite:///{tmp_path / 'shared.db'}"
    env = {**os.environ, "OMP_NUM_THREADS": "1", "NETSTUDIO_LANGUAGE": "en"}
    command = [sys.executable, "-m", "studio.cli", "search", str(mlp), "--param",
               "lr=1e-3..1e-1:log", "--sampler", "random", "--trials", "4", "--epochs", "1",
               "--storage", storage, "--study", "shared", "--resume", "--dataset",
               "synthetic-shapes", "--limit", "300", "--limit-test", "100"]
    workers = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=env) for _ in range(2)]
    outputs = [w.communicate(timeout=300) for w in workers]
    for w, (_, err) in zip(workers, outputs, strict=True):
        assert w.returncode == 0, err
        assert "Traceback" not in err
    study = optuna.load_study(study_name="shared", storage=storage)
    trials = study.get_trials()
    numbers = [t.number for t in trials]
    assert len(numbers) == len(set(numbers))
    done = [t for t in trials if t.state == optuna.trial.TrialState.COMPLETE]
    # Each worker stops once the study has its 4; one may finish the trial it had begun.
    assert 4 <= len(done) <= 5
    # Both workers trained: each printed trial lines of its own.
    lines = [[x for x in out.splitlines() if x.startswith("Trial ")] for out, _ in outputs]
    assert all(lines)
    # Each worker draws its own values: none ran twice.
    lrs = [t.params["learning_rate"] for t in done]
    assert len(set(lrs)) == len(lrs)
    runs = {t.user_attrs["run"] for t in done}
    assert len(runs) == len(done)
    folder = mlp.with_name("mlp.search") / "shared"
    assert all((folder / run / "metrics.json").is_file() for run in runs)


# Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("spec, message", [
    ("dense_9.units=8,16", "no node 'dense_9' (its nodes: input_1, flatten_1, dense_1"),
    ("dense_1.filters=8,16", "dense_1 (Dense) has no parameter 'filters' (its parameters: "
                             "units"),
    ("dense_1.units=0..64", "dense_1.units: Units must be between 1 and"),
    ("lr=1e-9..1e-2:log", "learning_rate: Learning rate must be between 1e-08 and 10"),
    ("dense_1.units", "write NAME=VALUES"),
    ("dense_1.units=", "write NAME=VALUES"),
    ("dense_1.units=8,,16", "a value in the list is empty"),
    ("lr=fast", "'fast' is not a number"),
    ("dense_1.units=8.5,16", "'8.5' is not a whole number"),
    ("lr=1e-2..1e-4", "a range goes from low to high"),
    ("weight_decay=0..0.1:log", "a log range needs values above 0"),
    ("lr=1e-4..1e-2:exp", "'exp' is not a scale"),
    ("optimizer=adam..sgd", "takes a list of values (e.g. adam,adamw,sgd,rmsprop)"),
    ("optimizer=adam,nadam", "Optimizer must be one of adam, adamw, sgd, rmsprop; not 'nadam'"),
    ("speed=1,2", "There is no training setting 'speed'"),
    ("epochs=1,2", "epochs is the search's own budget"),
    ("input_1.dtype=float32", "the Input cannot be searched"),
])
def test_invalid_specs_are_refused_plainly(mlp, spec, message):
    with pytest.raises(SearchSpaceError) as caught:
        parse_space([spec], load_project(mlp))
    assert message in str(caught.value)


def test_a_grid_refuses_ranges_and_a_name_given_twice(mlp):
    project = load_project(mlp)
    with pytest.raises(SearchSpaceError, match="learning_rate is given twice"):
        parse_space(["lr=0.1,0.01", "learning_rate=0.1"], project)
    with pytest.raises(SearchSpaceError, match=r"grid search takes lists.*learning_rate=0\.001,"):
        Search(project, mlp, SearchOptions(["lr=1e-3..1e-1:log"], sampler="grid"))


def test_a_trial_whose_graph_does_not_fit_fails_and_the_search_goes_on(tmp_path):
    path = tiny_cnn(tmp_path)
    s = search(path, ["conv2d_1.kernel_size=3,40"], sampler="grid", trials=2, epochs=1)
    trials = sorted(s.run(), key=lambda t: t.params["conv2d_1.kernel_size"])
    fits, too_big = trials
    assert fits.state == "complete" and fits.score is not None
    assert too_big.state == "failed" and too_big.run is None
    assert too_big.error.startswith("conv2d_1: ") and "40" in too_big.error
    assert not (s.folder / f"trial_{too_big.number:04d}").exists()
    assert record_of(s)["best"]["number"] == fits.number


def test_a_model_that_does_not_classify_is_told_to_search_on_loss(tmp_path):
    path = tmp_path / "ae.json"
    save_project(load_template("conv-autoencoder"), path)
    s = search(path, ["lr=0.01"], trials=1, epochs=1)
    with pytest.raises(SearchError, match=r"reports no validation accuracy.*--objective val_loss"):
        s.run()


# The command line --------------------------------------------------------------------------


def test_cli_prints_a_line_per_trial_and_the_best(mlp, capsys):
    code = main(["search", str(mlp), "--param", "dense_1.units=8,16", "--sampler", "grid",
                 "--trials", "2", "--epochs", "1", "--dataset", "synthetic-shapes", "--limit",
                 "300", "--limit-test", "100", "--study", "cli"])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Search cli: dense_1.units=8,16; 2 trials, sampler grid")
    trial_lines = [x for x in lines if x.startswith("Trial ")]
    assert len(trial_lines) == 2 and "(2 of 2)" in trial_lines[1]
    assert all("val accuracy" in x and "best val accuracy" in x for x in trial_lines)
    assert any(x.startswith("Best: trial ") for x in lines)
    assert any("test accuracy, for information only" in x for x in lines)

    # The same name again, with the study in memory: its folder holds a search already.
    code = main(["search", str(mlp), "--param", "dense_1.units=8", "--study", "cli",
                 "--dataset", "synthetic-shapes"])
    err = capsys.readouterr().err
    assert code == 1 and "already holds a search named cli" in err and "Traceback" not in err


@pytest.mark.parametrize("args, message", [
    (["--param", "dense_9.units=8"], "The project has no node 'dense_9'"),
    ([], "Say what to search with --param"),
    (["--param", "lr=0.1", "--storage", "sqlite:////nonexistent/folder/x.db"],
     "The storage sqlite:////nonexistent/folder/x.db cannot be opened"),
    (["--param", "lr=0.1", "--storage", "nosuchdb://host/x"], "cannot be opened"),
    (["--param", "lr=0.1", "--resume"], "--resume needs the --storage"),
    (["--param", "lr=0.1", "--study", "../up"], "--study '../up': use letters"),
])
def test_cli_bad_input_is_one_plain_line(mlp, capsys, args, message):
    assert main(["search", str(mlp), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


# A trial is a run ---------------------------------------------------------------------------


def test_a_trial_run_folder_is_a_normal_run(mlp, tmp_path, capsys):
    s = search(mlp, ["dense_1.units=8"], trials=1, epochs=1)
    (trial,) = s.run()
    run = s.folder / trial.run
    assert read_record(run)["status"] == "finished"
    assert main(["summary", str(run)]) == 0
    out = capsys.readouterr().out
    assert "dense_1" in out and "Run: finished, 1 of 1 epochs" in out
    target = tmp_path / "model.pt"
    assert main(["export", str(run), "--format", "pt", "-o", str(target)]) == 0
    assert target.stat().st_size > 0
    assert load_project(run / "project.json").graph.nodes["dense_1"].params["units"] == 8
