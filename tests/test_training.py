"""The training loop on small built-in data: results, files, stop/pause/resume, bad input."""

import json
import threading

import pytest
import torch

from studio.augment import augment_images
from studio.data import load_dataset
from studio.runs import load_checkpoint, load_trained
from studio.templates import load_template
from studio.training import Trainer, TrainingError, TrainingState, train


@pytest.fixture(scope="module")
def shapes():
    return load_dataset("synthetic-shapes").subset(1500, 300)


def project(name="seed-mlp", **training):
    p = load_template(name)
    p.training.update({"epochs": 2, "batch_size": 64, "validation_split": 0.0, **training})
    p.dataset["name"] = "synthetic-shapes"
    return p


def test_short_run_learns_and_writes_its_files(tmp_path, shapes):
    epochs, batches = [], []
    state = TrainingState(on_epoch=epochs.append, on_batch=batches.append, report_every_s=0)
    result = train(project(validation_split=0.2), shapes, state, out_dir=tmp_path)
    assert result.status == "finished" and len(result.history) == 2
    assert result.history[1]["loss"] < result.history[0]["loss"]
    assert result.test_accuracy > 0.3  # ten classes: chance is 0.1
    assert [e.epoch for e in epochs] == [1, 2] and epochs[0].val_accuracy is not None
    assert batches and batches[-1].batch == batches[-1].batches
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["test_accuracy"] == pytest.approx(result.test_accuracy)
    assert len(metrics["history"]) == 2 and "val_loss" in metrics["history"][0]
    # The saved model reopens with its weights and predicts what the trained one does.
    proj, weights = load_trained(tmp_path)
    from studio.compiler import compile_graph

    reloaded = compile_graph(proj.graph)
    reloaded.load_state_dict(weights)
    x = shapes.float_x(shapes.x_test[:8])
    torch.testing.assert_close(reloaded.eval()(x), result.model(x))
    assert load_checkpoint(tmp_path / "checkpoint.pt")["epoch"] == 2


def test_inference_model_outputs_probabilities(shapes):
    result = train(project(epochs=1), shapes)
    probabilities = result.model(shapes.float_x(shapes.x_test[:4]))
    torch.testing.assert_close(probabilities.sum(1), torch.ones(4))


def test_stop_mid_epoch_keeps_the_model_and_resume_continues(tmp_path, shapes):
    def stop_in_second_epoch(report):
        if report.epoch == 2 and report.batch >= 3:
            state.request_stop()

    state = TrainingState(on_batch=stop_in_second_epoch, report_every_s=0)
    result = train(project(epochs=3), shapes, state, out_dir=tmp_path)
    assert result.status == "stopped" and len(result.history) == 1
    assert (tmp_path / "model.safetensors").is_file()
    checkpoint = load_checkpoint(tmp_path / "checkpoint.pt")
    assert checkpoint["epoch"] == 1
    steps_before = checkpoint["optimizers"][0]["state"][0]["step"]

    resumed = Trainer(project(epochs=3), shapes, TrainingState(), tmp_path, resume=True)
    result = resumed.run()
    assert result.status == "finished"
    assert [h["epoch"] for h in result.history] == [1, 2, 3]
    # The optimizer went on from its saved state, not from zero.
    batches = -(-1500 // 64)
    optimizer = resumed.task.optimizers[0]
    assert optimizer.state_dict()["state"][0]["step"] == steps_before + 2 * batches


def test_resume_without_a_checkpoint_starts_from_the_first_epoch(tmp_path, shapes):
    messages = []
    state = TrainingState(on_message=messages.append)
    result = Trainer(project(), shapes, state, tmp_path, resume=True).run()
    assert any("no checkpoint yet" in m for m in messages)
    assert [h["epoch"] for h in result.history] == [1, 2]


def test_pause_blocks_until_resumed(shapes):
    paused = threading.Event()

    def pause_once(report):
        if report.batch == 2 and not paused.is_set():
            state.request_pause()
            paused.set()

    state = TrainingState(on_batch=pause_once, report_every_s=0)
    worker = threading.Thread(target=train, args=(project(epochs=1), shapes, state))
    worker.start()
    assert paused.wait(30)
    worker.join(0.5)
    assert worker.is_alive() and state.status == "paused"
    state.resume()
    worker.join(60)
    assert not worker.is_alive() and state.status == "finished"


def test_nan_loss_stops_with_a_message_and_keeps_the_checkpoint(tmp_path):
    waves = load_dataset("synthetic-waveforms").subset(300, 50)
    train(project("lstm-classifier", epochs=1), waves, out_dir=tmp_path)
    before = (tmp_path / "checkpoint.pt").read_bytes()
    waves.x_train[7, 3, 0] = float("nan")  # a missing value in the data
    with pytest.raises(TrainingError, match=r"NaN.*Lower the learning rate.*missing values"):
        train(project("lstm-classifier", epochs=3), waves, out_dir=tmp_path, resume=True)
    assert (tmp_path / "checkpoint.pt").read_bytes() == before


def test_data_that_does_not_fit_the_input_is_refused(shapes):
    with pytest.raises(TrainingError, match=r"Input expects 64×1; set the Input's shape"):
        train(project("lstm-classifier"), shapes)


def test_class_count_mismatch_names_the_fix(shapes):
    waves = load_dataset("synthetic-waveforms").subset(200, 50)
    p = project("lstm-classifier")
    p.graph.set_params("dense_2", {"units": 4})
    with pytest.raises(TrainingError, match=r"ends in 4 outputs but .* has 6 classes; set the"):
        train(p, waves)


def test_lstm_template_trains_on_waveforms():
    waves = load_dataset("synthetic-waveforms").subset(1200, 300)
    result = train(project("lstm-classifier", epochs=5, batch_size=16, learning_rate=5e-3), waves)
    assert result.test_accuracy > 0.35  # six classes: chance is 0.17


def test_autoencoder_learns_to_reproduce_its_input(shapes):
    result = train(project("conv-autoencoder", epochs=2), shapes)
    assert result.test_accuracy is None
    assert result.history[1]["loss"] < result.history[0]["loss"]
    x = shapes.float_x(shapes.x_test[:4])
    assert result.model(x).shape == x.shape


@pytest.mark.parametrize(
    "settings",
    [
        {"optimizer": "sgd", "nesterov": True, "learning_rate": 0.1},
        {"optimizer": "rmsprop", "schedule": "step", "schedule_step": 1},
        {"optimizer": "adamw", "weight_decay": 0.01, "schedule": "cosine"},
        {"optimizer": "adam", "schedule": "plateau", "validation_split": 0.2},
        {"optimizer": "adam", "schedule": "exponential", "l1": 1e-5},
        {"aug_rotation": 10, "aug_shift": 0.1, "aug_flip": True, "aug_crop": 0.1,
         "aug_noise": 0.05},
    ],
    ids=["sgd-nesterov", "rmsprop-step", "adamw-cosine", "adam-plateau", "adam-exp-l1", "augment"],
)
def test_optimizers_schedules_and_augmentation_train(settings, shapes):
    result = train(project(epochs=3, **settings), shapes.subset(1200, 200))
    assert result.history[-1]["loss"] < result.history[0]["loss"]
    assert result.test_accuracy > 0.2


def test_schedule_changes_the_learning_rate(shapes):
    result = train(project(epochs=3, schedule="step", schedule_step=1, schedule_gamma=0.5),
                   shapes.subset(300, 50))
    assert [h["learning_rate"] for h in result.history] == pytest.approx([1e-3, 5e-4, 2.5e-4])


def test_l1_penalty_shrinks_the_weights(shapes):
    data = shapes.subset(600, 50)
    plain = train(project(epochs=2), data).model
    sparse = train(project(epochs=2, l1=3e-3), data).model

    def l1(model):
        return sum(p.abs().sum().item() for p in model.parameters())

    assert l1(sparse) < 0.8 * l1(plain)


def test_early_stopping_stops_when_nothing_improves(shapes):
    messages = []
    state = TrainingState(on_message=messages.append)
    result = train(project(epochs=10, learning_rate=1e-8, early_stopping=1,
                           validation_split=0.2), shapes.subset(300, 50), state)
    assert result.status == "early-stopped" and len(result.history) < 10
    assert any("Stopped early" in m for m in messages)


def test_augmentation_transforms_batches():
    x = torch.zeros(4, 1, 8, 8)
    x[:, :, :, :2] = 1.0  # a bar on the left
    flipped = augment_images(x, {"aug_flip": True}, torch.Generator().manual_seed(1))
    assert all(torch.equal(f, x[0]) or torch.equal(f, x[0].flip(-1)) for f in flipped)
    assert any(torch.equal(f, x[0].flip(-1)) for f in flipped)
    moved = augment_images(x, {"aug_shift": 0.25, "aug_rotation": 20},
                           torch.Generator().manual_seed(2))
    assert moved.shape == x.shape and not torch.allclose(moved, x)
    noisy = augment_images(x, {"aug_noise": 0.1}, torch.Generator().manual_seed(3))
    assert noisy.min() >= 0 and noisy.max() <= 1 and not torch.equal(noisy, x)


def test_keras_initialisation_matches_the_seeds_defaults():
    from studio.compiler import compile_graph
    from studio.init import keras_init

    model = compile_graph(load_template("lstm-classifier").graph)
    keras_init(model)
    assert torch.count_nonzero(model.dense_1.bias) == 0
    limit = (6 / (64 + 32)) ** 0.5  # Glorot-uniform bound for a 64 → 32 layer
    assert model.dense_1.weight.abs().max() <= limit
    units = model.lstm_1.hidden_size
    forget = model.lstm_1.bias_ih_l0[units : 2 * units]
    assert torch.all(forget == 1) and torch.count_nonzero(model.lstm_1.bias_hh_l0) == 0
    gate = model.lstm_1.weight_hh_l0[:units]
    torch.testing.assert_close(gate @ gate.T, torch.eye(units), atol=1e-4, rtol=0)


def test_a_folder_too_large_for_memory_streams_through_the_same_trainer(tmp_path, monkeypatch):
    from PIL import Image

    from studio.data.fallback import load_for_project

    shapes = load_dataset("synthetic-shapes").subset(240, 10)
    for i, (image, label) in enumerate(zip(shapes.x_train, shapes.y_train, strict=True)):
        folder = tmp_path / "images" / shapes.classes[int(label)]
        folder.mkdir(parents=True, exist_ok=True)
        Image.fromarray(image[0].numpy()).save(folder / f"{i}.png")
    monkeypatch.setattr("studio.data.folder.memory_limit_bytes", lambda: 1000)
    settings = {"name": "image-folder", "path": str(tmp_path / "images")}
    data, note = load_for_project(settings)
    assert "read from disk batch by batch" in note
    p = project(epochs=2, validation_split=0.25, batch_size=32)
    result = train(p, data, out_dir=tmp_path / "run")
    assert result.status == "finished" and result.history[0]["val_loss"] is not None
    assert result.history[1]["loss"] < result.history[0]["loss"]
    assert 0 <= result.test_accuracy <= 1


def test_train_limit_caps_the_training_samples_not_the_validation(shapes):
    messages, batches = [], []
    state = TrainingState(on_message=messages.append, on_batch=batches.append, report_every_s=0)
    trainer = Trainer(project(epochs=1, batch_size=50, validation_split=0.2, train_limit=200),
                      shapes, state)
    result = trainer.run()
    assert len(trainer.task.train_split) == 200 and batches[-1].batches == 4
    assert len(trainer.task.val_split) == 300  # 20 % of 1,500, held out before the limit
    # The trained samples are the first 200 of the 1,200 left after the validation part.
    assert torch.equal(trainer.task.train_split.y, shapes.y_train[:200])
    assert any("200 of the 1,200 training samples" in m for m in messages)
    assert result.history[0]["val_accuracy"] is not None


def test_train_limit_zero_or_above_the_data_trains_on_all_of_it(shapes):
    for limit in (0, 10_000):
        trainer = Trainer(project(epochs=1, train_limit=limit), shapes.subset(300, 50))
        trainer.run()
        assert len(trainer.task.train_split) == 300


def test_train_limit_is_validated_like_every_setting():
    from studio.params import ParamError
    from studio.settings import validate_training

    assert validate_training({})["train_limit"] == 0
    with pytest.raises(ParamError, match=r"Training samples \(0: all\) must be a whole number"):
        validate_training({"train_limit": 1.5})
    with pytest.raises(ParamError, match="between 0 and"):
        validate_training({"train_limit": -3})
