"""`netstudio train` and `netstudio datasets` as a user runs them."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from studio.cli import main

ENV = {**os.environ, "OMP_NUM_THREADS": "1", "NETSTUDIO_DATA": "/nonexistent-cache",
       "NETSTUDIO_LANGUAGE": "en"}


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")  # whatever the machine's locale


def netstudio(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "studio.cli", *args], capture_output=True,
                          text=True, timeout=300, env=ENV, **kwargs)


@pytest.fixture
def seed_mlp(tmp_path):
    path = tmp_path / "mlp.json"
    assert main(["new", "seed-mlp", str(path)]) == 0
    return path


def test_datasets_lists_availability(capsys):
    assert main(["datasets"]) == 0
    out = capsys.readouterr().out
    assert "✓ synthetic-shapes" in out and "✓ synthetic-waveforms" in out
    assert "mnist" in out and "cifar-10" in out


def test_train_writes_metrics_weights_and_checkpoint(seed_mlp, tmp_path):
    out = tmp_path / "run"
    result = netstudio("train", str(seed_mlp), "--dataset", "synthetic-shapes", "--epochs", "2",
                       "--batch-size", "64", "--limit", "1000", "--limit-test", "200",
                       "--validation-split", "0.1", "--seed", "3", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "epoch 2/2" in result.stderr and "Test accuracy" in result.stderr
    metrics = json.loads((out / "metrics.json").read_text())
    assert len(metrics["history"]) == 2 and 0.1 < metrics["test_accuracy"] <= 1
    assert metrics["settings"]["seed"] == 3 and metrics["settings"]["validation_split"] == 0.1
    assert metrics["history"][0]["val_accuracy"] is not None
    for name in ("model.safetensors", "checkpoint.pt", "project.json"):
        assert (out / name).is_file()


def test_ctrl_c_stops_cleanly_and_resume_finishes(seed_mlp, tmp_path):
    out = tmp_path / "run"
    args = [sys.executable, "-m", "studio.cli", "train", str(seed_mlp), "--dataset",
            "synthetic-shapes", "--epochs", "40", "--batch-size", "16", "--out", str(out)]
    process = subprocess.Popen(args, stderr=subprocess.PIPE, text=True, env=ENV)
    deadline = time.time() + 120
    while not (out / "checkpoint.pt").exists() and time.time() < deadline:
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "Stopping after this batch" in err and "--resume" in err and "Traceback" not in err
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["status"] == "stopped"
    done = len(metrics["history"])
    assert done >= 1

    result = netstudio("train", "--resume", str(out), "--epochs", str(done + 1), "--limit",
                       "500", "--limit-test", "100")
    assert result.returncode == 0, result.stderr
    assert f"Resumed after epoch {done}" in result.stderr
    metrics = json.loads((out / "metrics.json").read_text())
    assert metrics["status"] == "finished" and len(metrics["history"]) == done + 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dataset", "fashion-mnistt"], "no data set called 'fashion-mnistt'"),
        (["--dataset", "csv"], "needs a path"),
        (["--dataset", "synthetic-waveforms"], "set the Input's shape to"),
        (["--device", "cuda:3"], "no usable CUDA GPU|no GPU cuda:3"),
        (["--batch-size", "0"], "Batch size must be between 1"),
    ],
)
def test_bad_input_is_one_plain_message(seed_mlp, args, message):
    result = netstudio("train", str(seed_mlp), "--epochs", "1", "--limit", "100", *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    import re

    assert re.search(message, result.stderr), result.stderr


def test_mnist_missing_offline_falls_back_with_a_note(seed_mlp, tmp_path, monkeypatch):
    # MNIST is neither cached nor downloadable here (the mirror points at a closed port).
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", "train", str(seed_mlp), "--epochs", "1",
         "--limit", "300", "--limit-test", "100"],
        capture_output=True, text=True, timeout=300,
        env={**ENV, "NETSTUDIO_DATASET_MIRROR": "http://127.0.0.1:9/"},
    )
    assert result.returncode == 0, result.stderr
    assert "MNIST" in result.stderr and "instead" in result.stderr


def test_the_progress_reads_the_same_from_reports_and_from_the_apps_dicts():
    """`netstudio train` prints the loop's reports; the app's console (--train) prints the
    dicts its training controller emits. Both must give the same lines."""
    import io

    from studio.progress import ProgressPrinter
    from studio.training import EpochReport

    report = EpochReport(epoch=2, epochs=5, learning_rate=1e-3, seconds=1.25, train_seconds=1.0,
                         metrics={"loss": 0.31234, "accuracy": 0.894, "val_loss": 0.4,
                                  "val_accuracy": None})
    lines = []
    for item in (report, report.record()):
        stream = io.StringIO()
        ProgressPrinter(stream).epoch(item)
        lines.append(stream.getvalue())
    assert lines[0] == lines[1] == (
        "epoch 2/5: loss 0.3123 accuracy 89.4% | val loss 0.4000 | 1.2 s\n"
    )
    stream = io.StringIO()
    ProgressPrinter(stream).started({"dataset": "Synthetic shapes", "samples": 9600,
                                     "validation": 2400, "device": "cpu", "epochs": 3})
    assert stream.getvalue() == (
        "Training on Synthetic shapes: 9,600 samples, validating on 2,400, on cpu, 3 epochs.\n"
    )


def test_the_app_started_with_train_shows_progress_on_the_console(seed_mlp, tmp_path):
    pytest.importorskip("PySide6")
    project = json.loads(seed_mlp.read_text())
    project["dataset"]["name"] = "synthetic-shapes"
    project["training"]["epochs"] = 2
    seed_mlp.write_text(json.dumps(project))
    shot = tmp_path / "window.png"
    result = subprocess.run(
        [sys.executable, "-m", "studio.cli", str(seed_mlp), "--train", "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=300,
        env={**ENV, "QT_QPA_PLATFORM": "offscreen", "NETSTUDIO_CONFIG_DIR": str(tmp_path),
             "NETSTUDIO_TRAIN_LIMIT": "300", "NETSTUDIO_TEST_LIMIT": "100"},
    )
    assert result.returncode == 0, result.stderr
    err = result.stderr
    assert "Training on Synthetic shapes: 240 samples, validating on 60, on cpu, 2 epochs." in err
    assert "epoch 1/2: loss" in err and "epoch 2/2: loss" in err
    assert "Evaluating on 100 test samples…" in err and "Test accuracy: " in err
    assert "The run is in " in err and shot.is_file()
