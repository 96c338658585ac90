"""Run folders as a user meets them: killed runs resume alone on their own data, one run per
folder, checks before the first batch, resume of every kind of ended run, and one pipeline for
the command line and the app."""

import errno
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from studio.cli import main
from studio.data import load_dataset
from studio.runs import CHECKPOINT_FILE, LOCK_FILE, PROJECT_FILE, RECORD_FILE, RunError
from studio.runs.folder import RunFolder, RunInUseError, read_record
from studio.runs.pipeline import RunRequest, execute
from studio.templates import load_template
from studio.training import TrainingState

ENV = {**os.environ, "OMP_NUM_THREADS": "1", "NETSTUDIO_DATA": "/nonexistent-cache"}
SMALL = ["--dataset", "synthetic-shapes", "--limit", "600", "--limit-test", "200",
         "--batch-size", "32", "--validation-split", "0.1", "--seed", "5"]


def netstudio(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "studio.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=300, env=ENV, **kwargs)


@pytest.fixture
def seed_mlp(tmp_path):
    path = tmp_path / "mlp.json"
    assert main(["new", "seed-mlp", str(path)]) == 0
    return path


def metrics_of(folder: Path) -> dict:
    return json.loads((folder / "metrics.json").read_text())


def wait_for(path: Path, seconds: float = 120) -> None:
    deadline = time.time() + seconds
    while not path.exists() and time.time() < deadline:
        time.sleep(0.02)
    assert path.exists(), f"{path} never appeared"


# Killed, then resumed alone ---------------------------------------------------------------


def test_a_killed_run_resumes_alone_on_its_data_and_ends_as_an_uninterrupted_one(
    seed_mlp, tmp_path
):
    whole = tmp_path / "whole"
    result = netstudio("train", seed_mlp, *SMALL, "--epochs", "12", "--out", whole)
    assert result.returncode == 0, result.stderr

    killed = tmp_path / "killed"
    args = [sys.executable, "-m", "studio.cli", "train", str(seed_mlp), *SMALL, "--epochs",
            "12", "--out", str(killed)]
    process = subprocess.Popen(args, stderr=subprocess.DEVNULL, env=ENV)
    # Before the first batch the folder already holds the project and the record.
    wait_for(killed / RECORD_FILE)
    assert (killed / PROJECT_FILE).is_file()
    wait_for(killed / CHECKPOINT_FILE)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    done = len(metrics_of(killed)["history"])
    assert 1 <= done < 12, "the run was not interrupted"
    assert read_record(killed)["status"] == "interrupted"
    # A killed run can be looked at and exported at once.
    assert netstudio("summary", killed).returncode == 0
    exported = netstudio("export", killed, "--format", "pt", "-o", tmp_path / "early.pt")
    assert exported.returncode == 0, exported.stderr

    resumed = netstudio("train", "--resume", killed)
    assert resumed.returncode == 0, resumed.stderr
    assert "taking it over" in resumed.stderr and "Training on Synthetic shapes: 540" in (
        resumed.stderr
    )
    record = read_record(killed)
    assert record["status"] == "finished" and record["dataset"]["used"] == "synthetic-shapes"
    assert record["limits"] == {"train": 600, "test": 200}
    a, b = metrics_of(whole), metrics_of(killed)
    assert [h["epoch"] for h in b["history"]] == list(range(1, 13))
    assert b["test_accuracy"] == a["test_accuracy"]
    assert b["history"][-1]["loss"] == pytest.approx(a["history"][-1]["loss"], rel=1e-6)


def test_resume_continues_on_the_recorded_data_set_not_the_projects(seed_mlp, tmp_path):
    """The project names Fashion-MNIST (or MNIST); the run trained on synthetic shapes with a
    limit: resuming takes what the run used, and an explicit change is said out loud."""
    out = tmp_path / "run"
    first = netstudio("train", seed_mlp, *SMALL, "--epochs", "1", "--out", out)
    assert first.returncode == 0, first.stderr
    again = netstudio("train", "--resume", out, "--epochs", "2")
    assert again.returncode == 0, again.stderr
    assert "Training on Synthetic shapes: 540 samples" in again.stderr
    assert "epochs is now 2 (the run used 1), as asked" in again.stderr
    assert metrics_of(out)["dataset"] == "synthetic-shapes"
    changed = netstudio("train", "--resume", out, "--epochs", "3", "--limit", "300")
    assert changed.returncode == 0, changed.stderr
    assert "--limit is now 300 (the run used 600), as asked" in changed.stderr
    assert read_record(out)["limits"]["train"] == 300


def test_resume_of_a_finished_run_says_how_to_train_further(seed_mlp, tmp_path):
    out = tmp_path / "run"
    assert netstudio("train", seed_mlp, *SMALL, "--epochs", "1", "--out", out).returncode == 0
    result = netstudio("train", "--resume", out)
    assert result.returncode == 1
    assert "has finished: it trained 1 epochs" in result.stderr
    assert f"netstudio train --resume {out} --epochs" in result.stderr
    assert "Traceback" not in result.stderr


def test_resume_of_a_failed_run_continues_from_its_checkpoint(seed_mlp, tmp_path):
    out = tmp_path / "run"
    assert netstudio("train", seed_mlp, *SMALL, "--epochs", "2", "--out", out).returncode == 0
    record = json.loads((out / RECORD_FILE).read_text())
    record.update(status="failed", message="The disk is full")
    (out / RECORD_FILE).write_text(json.dumps(record))
    result = netstudio("train", "--resume", out, "--epochs", "3")
    assert result.returncode == 0, result.stderr
    assert "Resuming" in result.stderr and "failed" in result.stderr
    assert "Resumed after epoch 2" in result.stderr
    assert len(metrics_of(out)["history"]) == 3 and read_record(out)["status"] == "finished"


def test_train_without_out_keeps_the_run_beside_the_project(seed_mlp):
    result = netstudio("train", seed_mlp, *SMALL, "--epochs", "1")
    assert result.returncode == 0, result.stderr
    runs = list((seed_mlp.parent / "mlp.runs").iterdir())
    assert len(runs) == 1 and (runs[0] / "model.safetensors").is_file()
    assert str(runs[0]) in result.stderr or runs[0].name in result.stderr


def test_a_graph_that_does_not_fit_is_a_message_not_a_traceback(seed_mlp, tmp_path):
    project = json.loads(seed_mlp.read_text())
    project["graph"]["edges"] = [e for e in project["graph"]["edges"]
                                 if e["to"] != "flatten_1"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(project))
    result = netstudio("train", broken, *SMALL, "--epochs", "1", "--out", tmp_path / "run")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "does not fit together yet" in result.stderr
    assert not (tmp_path / "run").exists()  # nothing was trained: nothing was left


# One run per folder -------------------------------------------------------------------------


def test_a_second_run_into_a_folder_in_use_is_refused(seed_mlp, tmp_path):
    out = tmp_path / "run"
    holder = RunFolder(out)
    holder.acquire()  # this test's process is the first run, alive
    try:
        result = netstudio("train", seed_mlp, *SMALL, "--epochs", "1", "--out", out)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"in use by another training run (process {os.getpid()}" in result.stderr
        with pytest.raises(RunInUseError):
            RunFolder(out).acquire()
    finally:
        holder.release()
    assert not (out / "metrics.json").exists()


def test_two_runs_started_together_into_one_folder_one_is_refused(seed_mlp, tmp_path):
    out = tmp_path / "run"
    args = [sys.executable, "-m", "studio.cli", "train", str(seed_mlp), *SMALL, "--epochs",
            "3", "--out", str(out)]
    first = subprocess.Popen(args, stderr=subprocess.PIPE, text=True, env=ENV)
    second = subprocess.Popen(args, stderr=subprocess.PIPE, text=True, env=ENV)
    errors = [p.communicate(timeout=300)[1] for p in (first, second)]
    codes = sorted(p.returncode for p in (first, second))
    assert codes == [0, 1], errors
    refused = next(e for e, p in zip(errors, (first, second), strict=True) if p.returncode)
    assert "in use by another training run" in refused or "already holds a run" in refused
    assert len(metrics_of(out)["history"]) == 3


def test_a_lock_left_by_a_dead_process_is_taken_over_with_a_note(tmp_path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    tmp_path.joinpath(LOCK_FILE).write_text(
        json.dumps({"pid": dead.pid, "host": os.uname().nodename, "started": time.time()})
    )
    folder = RunFolder(tmp_path)
    note = folder.acquire()
    assert note and "no longer running" in note and str(dead.pid) in note
    assert json.loads((tmp_path / LOCK_FILE).read_text())["pid"] == os.getpid()
    folder.release()
    assert not (tmp_path / LOCK_FILE).exists()
    # An empty lock (its writer died writing it) is stale too.
    (tmp_path / LOCK_FILE).write_text("")
    assert "no longer running" in RunFolder(tmp_path).acquire()


# Checks before the first batch ------------------------------------------------------------


@pytest.fixture(scope="module")
def shapes():
    return load_dataset("synthetic-shapes").subset(400, 100)


def quick_project(epochs=1):
    p = load_template("seed-mlp")
    p.training.update(epochs=epochs, batch_size=50, validation_split=0.0)
    p.dataset["name"] = "synthetic-shapes"
    return p


def _run(out: Path, data, batches: list, project=None):
    state = TrainingState(on_batch=batches.append, report_every_s=0)
    request = RunRequest(project or quick_project(), out_dir=out, data=data)
    return execute(request, state)


def test_a_full_disk_is_found_before_the_first_batch(tmp_path, shapes, monkeypatch):
    import studio.runs.folder as folder_mod

    class Usage:
        free = 10_000

    monkeypatch.setattr(folder_mod.shutil, "disk_usage", lambda path: Usage)
    batches = []
    with pytest.raises(RunError, match=r"has 9\.8 KB free, but the run's checkpoint needs"):
        _run(tmp_path / "run", shapes, batches)
    assert batches == []
    assert read_record(tmp_path / "run").get("status") in (None, "failed")


def test_a_disk_that_fills_while_writing_leaves_no_half_written_file(
    tmp_path, shapes, monkeypatch
):
    import studio.files as files_mod

    real_replace = os.replace

    def full(src, dst):
        if str(dst).endswith(PROJECT_FILE):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(files_mod.os, "replace", full)
    batches = []
    with pytest.raises(RunError, match="the disk is full"):
        _run(tmp_path / "run", shapes, batches)
    assert batches == []
    # The folder this run made is gone again: nothing half-written, nothing to clean up.
    assert not (tmp_path / "run").exists()
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("the user's own file")
    with pytest.raises(RunError, match="the disk is full"):
        _run(tmp_path / "mine", shapes, batches)
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]


def test_a_read_only_output_folder_is_a_message(tmp_path, shapes, monkeypatch):
    def read_only(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(Path, "mkdir", read_only)
    batches = []
    with pytest.raises(RunError, match="the folder is read-only"):
        _run(tmp_path / "ro" / "run", shapes, batches)
    assert batches == []


def test_a_project_text_that_cannot_be_saved_fails_before_training(tmp_path, shapes):
    project = quick_project()
    project.description = "a lone surrogate \udc80 here"
    batches = []
    with pytest.raises(RunError, match="lone surrogate"):
        _run(tmp_path / "run", shapes, batches, project)
    assert batches == []


def test_a_run_that_fails_records_why(tmp_path):
    waves = load_dataset("synthetic-waveforms").subset(200, 50)
    waves.x_train[3, 2, 0] = float("nan")
    project = load_template("lstm-classifier")
    project.training.update(epochs=1, batch_size=16, validation_split=0.0)
    with pytest.raises(RunError.__mro__[1], match="NaN"):
        _run(tmp_path / "run", waves, [], project)
    record = read_record(tmp_path / "run")
    assert record["status"] == "failed" and "NaN" in record["message"]
    assert not (tmp_path / "run" / LOCK_FILE).exists()


# Checkpoints --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        {},
        {"epoch": 3},
        {"format": "netstudio-checkpoint", "epoch": 10**9, "history": []},
        {"format": "netstudio-checkpoint", "epoch": "2", "history": [{}, {}]},
        {"model": {"w": torch.zeros(2)}, "epoch": 1, "history": ["x"]},
        {"model": {"w": "not a tensor"}, "epoch": 0, "history": []},
        [1, 2, 3],
        torch.zeros(3),
    ],
)
def test_a_checkpoint_with_the_wrong_content_is_refused_with_a_message(tmp_path, content):
    from studio.runs import load_checkpoint

    path = tmp_path / "checkpoint.pt"
    torch.save(content, path)
    with pytest.raises(RunError, match="not a usable NetStudio checkpoint") as err:
        load_checkpoint(path)
    assert "\x1b[" not in str(err.value) and "weights_only" not in str(err.value)


def test_byte_fuzzed_checkpoints_are_refused_or_loaded_never_a_traceback(tmp_path, shapes):
    import random

    from studio.runs import load_checkpoint

    out = tmp_path / "run"
    _run(out, shapes, [])
    good = (out / CHECKPOINT_FILE).read_bytes()
    rng = random.Random(7)
    for i in range(60):
        data = bytearray(good)
        if i % 3 == 0:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"fuzz{i}.pt"
        path.write_bytes(bytes(data))
        try:
            load_checkpoint(path)
        except RunError as exc:
            assert "Traceback" not in str(exc) and "\x1b[" not in str(exc)


def test_a_resumed_run_with_a_corrupt_checkpoint_is_a_message(seed_mlp, tmp_path):
    out = tmp_path / "run"
    assert netstudio("train", seed_mlp, *SMALL, "--epochs", "1", "--out", out).returncode == 0
    torch.save({"format": "netstudio-checkpoint", "epoch": 1}, out / CHECKPOINT_FILE)
    result = netstudio("train", "--resume", out, "--epochs", "2")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not a usable NetStudio checkpoint" in result.stderr


def test_checkpoints_of_the_first_layout_still_resume(tmp_path, shapes):
    """Run folders written before the pipeline: one `model`, the optimizer by itself."""
    from studio.runs import load_checkpoint, save_checkpoint

    out = tmp_path / "run"
    _run(out, shapes, [], quick_project(epochs=1))
    new = load_checkpoint(out / CHECKPOINT_FILE)
    old = {
        "epoch": 1, "model": new["models"]["model"], "optimizer_name": "adam",
        "optimizer": new["optimizers"][0], "schedule": {}, "history": new["history"],
        "generator": new["rng"]["order"], "torch_rng": new["rng"]["torch"],
        "early_stopping": {"since_best": 0, "best": None},
    }
    save_checkpoint(out / CHECKPOINT_FILE, old)
    messages = []
    state = TrainingState(on_message=messages.append)
    outcome = execute(RunRequest(None, out_dir=out, resume=True, data=shapes,
                                 changed={"epochs": 2}), state)
    assert outcome.result.status == "finished" and len(outcome.result.history) == 2
    assert "Resumed after epoch 1." in messages


# One pipeline -------------------------------------------------------------------------------


def test_the_apps_worker_has_no_second_copy_of_the_run():
    """The worker relays; choosing the trainer, loading data and evaluating are the
    pipeline's (studio/runs/pipeline.py), shared with `netstudio train`."""
    source = (Path(__file__).parents[1] / "widgets" / "training" / "worker.py").read_text()
    for name in ("Trainer(", "GanTask", "is_gan(", "evaluate_classifier", "load_for_project",
                 "evaluate_reconstructions", ".subset("):
        assert name not in source, name
    assert "execute(" in source
    cli = (Path(__file__).parents[1] / "studio" / "cli.py").read_text()
    assert "execute(" in cli and not re.search(r"\bTrainer\(|GanTask", cli)


# Output files --------------------------------------------------------------------------------


def test_a_runs_weights_are_private_and_its_other_files_readable(tmp_path, shapes):
    out = tmp_path / "run"
    _run(out, shapes, [])
    modes = {p.name: p.stat().st_mode & 0o777 for p in out.iterdir() if p.is_file()}
    assert modes.pop("model.safetensors") == 0o600
    assert modes and set(modes.values()) == {0o644}, modes


def test_summary_into_a_closed_pipe_exits_quietly(seed_mlp, tmp_path):
    # Longer than a pipe's buffer (64 KB), so the reader leaves while the summary writes.
    project = json.loads(seed_mlp.read_text())
    nodes = [n for n in project["graph"]["nodes"] if n["id"] != "dense_2"]
    chain = [{"id": f"extra_{i}", "type": "Dense", "params": {"units": 64},
              "position": [0, 100 * i]} for i in range(3000)]
    ids = ["dense_1", *(n["id"] for n in chain), "dense_3"]
    project["graph"]["nodes"] = nodes + chain
    project["graph"]["edges"] = [
        e for e in project["graph"]["edges"] if "dense_2" not in (e["from"], e["to"])
    ] + [{"from": a, "to": b, "port": 0} for a, b in itertools.pairwise(ids)]
    long = tmp_path / "long.json"
    long.write_text(json.dumps(project))
    command = f"{sys.executable} -m studio.cli summary {long} | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                            text=True, timeout=120, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and "Traceback" not in result.stderr
    assert "BrokenPipe" not in result.stderr
