"""compile(...) and fit(...) → the project's loss and training settings (studio.settings).

Keras' defaults differ from NetStudio's in places (SGD: learning rate 0.01 and no momentum;
RMSprop and AdamW have their own); an optimizer the code names gets Keras' values for what it
leaves out, so the run trains as the code would.
"""

from __future__ import annotations

from typing import Any

from studio.importers.keras_reader import Fallback, KerasObject, Settings, Unknown
from studio.importers.report import ImportReport
from studio.messages import msg
from studio.params import ParamError
from studio.settings import TRAINING_PARAMS

_LOSSES = {
    "categorical_crossentropy": "cross_entropy",
    "sparse_categorical_crossentropy": "cross_entropy",
    "CategoricalCrossentropy": "cross_entropy",
    "SparseCategoricalCrossentropy": "cross_entropy",
    "binary_crossentropy": "binary_cross_entropy",
    "BinaryCrossentropy": "binary_cross_entropy",
    "mse": "mse",
    "mean_squared_error": "mse",
    "MeanSquaredError": "mse",
}
# Keras' default values per optimizer, in NetStudio's setting names.
_OPTIMIZERS = {
    "adam": {"optimizer": "adam", "learning_rate": 1e-3},
    "adamw": {"optimizer": "adamw", "learning_rate": 1e-3, "weight_decay": 0.004},
    "sgd": {"optimizer": "sgd", "learning_rate": 0.01, "momentum": 0.0, "nesterov": False},
    "rmsprop": {"optimizer": "rmsprop", "learning_rate": 1e-3, "momentum": 0.0},
}
_OPTIMIZER_ARGS = {"learning_rate": "learning_rate", "lr": "learning_rate",
                   "momentum": "momentum", "nesterov": "nesterov",
                   "weight_decay": "weight_decay"}
_FIT_ARGS = {"epochs": "epochs", "batch_size": "batch_size",
             "validation_split": "validation_split"}
_FIT_IGNORED = {"verbose", "shuffle", "x", "y", "initial_epoch", "steps_per_epoch",
                "validation_steps", "validation_freq", "workers", "use_multiprocessing",
                "max_queue_size"}
_ACCURACY = ("accuracy", "acc", "categorical_accuracy", "sparse_categorical_accuracy",
             "binary_accuracy")


def line(number: int) -> str:
    return msg("line {line}", line=number)


def loss_of(settings: Settings | None, last_activation: str | None,
            output_shape: tuple[int, ...] | None, report: ImportReport) -> str:
    """The Output node's loss: compile()'s, else what the last layer suggests: classes for a
    softmax or a vector of scores, yes/no for a sigmoid, else values (mean squared error)."""
    if settings is not None and "loss" in settings.compile:
        value, number = settings.compile["loss"]
        name = value.cls if isinstance(value, KerasObject) else value
        if isinstance(name, str) and name in _LOSSES:
            report.add_mapped(line(number), msg("loss {name} → {ours}", name=name,
                                                ours=_LOSSES[name]))
            return _LOSSES[name]
        report.add_not_mapped(line(number), msg(
            "the loss {name} is not one NetStudio has (cross-entropy, binary cross-entropy, "
            "mean squared error)", name=_text(value)))
    vector = output_shape is not None and len(output_shape) == 1
    guess = "mse"
    if vector and last_activation == "sigmoid":
        guess = "binary_cross_entropy"
    elif vector and (last_activation == "softmax" or output_shape[0] >= 2):
        guess = "cross_entropy"
    report.add_approximated(msg("loss"), msg(
        "the code names no loss NetStudio has; the Output node uses {loss}, chosen from the "
        "last layer's activation ({activation})", loss=guess,
        activation=last_activation or "linear"))
    return guess


def training_from(settings: Settings | None, report: ImportReport) -> dict[str, Any]:
    """The training settings compile() and fit() give (only those they name)."""
    if settings is None:
        return {}
    values: dict[str, Any] = {}
    if "optimizer" in settings.compile:
        values.update(_optimizer(*settings.compile["optimizer"], report))
    if "metrics" in settings.compile:
        _metrics(*settings.compile["metrics"], report)
    for key, (_value, number) in settings.compile.items():
        if key not in ("optimizer", "loss", "metrics"):
            report.add_not_mapped(line(number), msg("compile({key}=…) is not imported",
                                                    key=key))
    for key, (value, number) in settings.fit.items():
        if key in _FIT_ARGS:
            _setting(values, _FIT_ARGS[key], value, number, f"fit({key}=…)", report)
        elif key == "callbacks":
            _callbacks(values, value, number, report)
        elif key == "validation_data":
            report.add_not_mapped(line(number), msg(
                "fit(validation_data=…): NetStudio validates on a part of the training data; "
                "set the validation split in the training settings"))
        elif key not in _FIT_IGNORED:
            report.add_not_mapped(line(number), msg("fit({key}=…) is not imported", key=key))
    return values


def _setting(values: dict[str, Any], name: str, value: Any, number: int, what: str,
             report: ImportReport) -> None:
    if isinstance(value, Fallback):
        report.add_approximated(line(number), msg(
            "{what}: {text} depends on how the code is started; {value} (its value when "
            "started plainly) is used", what=what, text=value.text, value=value.value))
        value = value.value
    if isinstance(value, (Unknown, KerasObject)):
        report.add_not_mapped(line(number), msg(
            "{what}: {text} is only known when the code runs; NetStudio's default is used",
            what=what, text=_text(value)))
        return
    param = TRAINING_PARAMS.get(name)
    assert param is not None, name  # the tables above name only real settings
    try:
        values[name] = param.validate(value)
    except ParamError as exc:
        report.add_not_mapped(line(number), msg("{what}: {error}", what=what, error=str(exc)))
        return
    report.add_mapped(line(number), msg("{what} → {name} = {value}", what=what, name=name,
                                        value=values[name]))


def _optimizer(value: Any, number: int, report: ImportReport) -> dict[str, Any]:
    name = value.cls if isinstance(value, KerasObject) else value
    key = name.lower() if isinstance(name, str) else None
    if key not in _OPTIMIZERS:
        report.add_not_mapped(line(number), msg(
            "the optimizer {name} is not one NetStudio has (Adam, AdamW, SGD, RMSprop); "
            "training uses Adam", name=_text(value)))
        return {}
    values = dict(_OPTIMIZERS[key])
    report.add_mapped(line(number), msg("optimizer {name} → {ours}", name=name, ours=key))
    if isinstance(value, KerasObject):
        for arg, given in value.kwargs.items():
            if arg in _OPTIMIZER_ARGS:
                _setting(values, _OPTIMIZER_ARGS[arg], given, value.line,
                         f"{name}({arg}=…)", report)
            else:
                report.add_not_mapped(line(value.line), msg(
                    "{name}({arg}=…) is not imported; NetStudio uses PyTorch's value",
                    name=name, arg=arg))
        if value.args:
            _setting(values, "learning_rate", value.args[0], value.line,
                     f"{name}(…)", report)
    if key == "rmsprop":
        report.add_approximated(line(number), msg(
            "RMSprop averages squared gradients with 0.99 in NetStudio (PyTorch), 0.9 in Keras"))
    return values


def _metrics(value: Any, number: int, report: ImportReport) -> None:
    for metric in value if isinstance(value, (list, tuple)) else [value]:
        name = metric.cls if isinstance(metric, KerasObject) else metric
        if isinstance(name, str) and name.lower() in [a.lower() for a in _ACCURACY] + [
                "categoricalaccuracy", "sparsecategoricalaccuracy"]:
            report.add_mapped(line(number), msg(
                "metric {name}: NetStudio shows accuracy for every classifier", name=name))
        else:
            report.add_not_mapped(line(number), msg(
                "the metric {name} is not one NetStudio shows (it shows loss and accuracy)",
                name=_text(metric)))


def _callbacks(values: dict[str, Any], value: Any, number: int, report: ImportReport) -> None:
    for callback in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(callback, KerasObject) and callback.cls == "EarlyStopping":
            patience = callback.kwargs.get("patience", 0)
            _setting(values, "early_stopping", max(1, patience) if isinstance(patience, int)
                     else patience, callback.line, "EarlyStopping(patience=…)", report)
            if callback.kwargs.get("monitor", "val_loss") != "val_loss":
                report.add_approximated(line(callback.line), msg(
                    "EarlyStopping watches the validation loss in NetStudio"))
        else:
            report.add_not_mapped(line(number), msg(
                "the callback {name} is not imported", name=_text(callback)))


def _text(value: Any) -> str:
    if isinstance(value, (Unknown, Fallback)):
        return value.text
    if isinstance(value, KerasObject):
        return value.cls
    return repr(value)


# Saved model files --------------------------------------------------------------------------


def _class_of(value: Any) -> Any:
    """A Keras object as a saved config writes it: a name, or {"class_name": …, "config": …}."""
    return value.get("class_name") if isinstance(value, dict) else value


def file_loss(compile_config: dict[str, Any] | None, where: str,
              report: ImportReport) -> str | None:
    """The Output's loss from what a saved model's compile() was given; None when the file
    names none NetStudio has (the caller then chooses one from the last layer)."""
    value = (compile_config or {}).get("loss")
    if value is None:
        return None
    name = _class_of(value)
    if isinstance(name, str) and name in _LOSSES:
        report.add_mapped(where, msg("loss {name} → {ours}", name=name, ours=_LOSSES[name]))
        return _LOSSES[name]
    report.add_not_mapped(where, msg(
        "the loss {name} is not one NetStudio has (cross-entropy, binary cross-entropy, mean "
        "squared error)", name=name if isinstance(name, str) else repr(value)))
    return None


def file_training(compile_config: dict[str, Any] | None, where: str,
                  report: ImportReport) -> dict[str, Any]:
    """The optimizer and learning rate a saved model was compiled with, as training
    settings (Keras' defaults for what the file leaves out)."""
    value = (compile_config or {}).get("optimizer")
    if value is None:
        return {}
    name = _class_of(value)
    key = name.lower() if isinstance(name, str) else None
    if key not in _OPTIMIZERS:
        report.add_not_mapped(where, msg(
            "the optimizer {name} is not one NetStudio has (Adam, AdamW, SGD, RMSprop); "
            "training uses Adam", name=name if isinstance(name, str) else repr(value)))
        return {}
    values = dict(_OPTIMIZERS[key])
    report.add_mapped(where, msg("optimizer {name} → {ours}", name=name, ours=key))
    config = value.get("config") if isinstance(value, dict) else None
    for arg, given in (config or {}).items():
        if arg in _OPTIMIZER_ARGS and given is not None and not isinstance(given, dict):
            param = TRAINING_PARAMS.get(_OPTIMIZER_ARGS[arg])
            assert param is not None, arg  # the table names only real settings
            try:
                values[_OPTIMIZER_ARGS[arg]] = param.validate(
                    round(given, 8) if isinstance(given, float) else given)
            except ParamError as exc:
                report.add_not_mapped(where, msg("{what}: {error}", what=f"{name}({arg}=…)",
                                                 error=str(exc)))
    if key == "rmsprop":
        report.add_approximated(where, msg(
            "RMSprop averages squared gradients with 0.99 in NetStudio (PyTorch), 0.9 in Keras"))
    return values
