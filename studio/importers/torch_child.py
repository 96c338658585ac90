"""The child process of a PyTorch module import: runs the user's file, traces one nn.Module
class and writes it as a torch.export program. Started by studio.importers.torch_module as

    python -I torch_child.py SOURCE.py OUT_FOLDER CLASS_NAME INPUT_SHAPE_JSON

in an empty working folder. It imports nothing of NetStudio (isolated mode puts neither the
working folder nor NetStudio's on the path). It writes OUT_FOLDER/result.json, plain JSON:
{"ok": true, "class", "input_shape", "dtype"} with OUT_FOLDER/model.pt2 (torch.export.save:
a JSON graph and raw tensors), or {"ok": false, "error", "line"}. The parent reads the .pt2
like any file made elsewhere, checked and without unpickling; it never runs this process's
objects.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import sys
import traceback

TRACE_BATCH = 2  # not 1: torch.export specializes a dimension traced at size 1


class Refusal(Exception):
    """A reason to stop, in plain words, for the parent to show."""


def main() -> int:
    source, out, class_name, shape_text = sys.argv[1:5]
    result: dict = {"ok": False, "error": "the model could not be traced"}
    try:
        result = _trace(source, out, class_name, json.loads(shape_text))
    except Refusal as exc:
        result = {"ok": False, "error": str(exc)}
    except BaseException as exc:  # the user's code can raise anything: report where, plainly
        result = {"ok": False, "error": _describe(exc), "line": _line_in(source, exc)}
    with open(os.path.join(out, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    return 0


def _trace(source: str, out: str, class_name: str, shape: list[int] | None) -> dict:
    import torch

    torch.set_num_threads(1)
    sys.dont_write_bytecode = True  # no __pycache__ beside the user's file
    sys.path.insert(0, os.path.dirname(os.path.abspath(source)))  # the file's own modules
    spec = importlib.util.spec_from_file_location("netstudio_imported_model", source)
    if spec is None or spec.loader is None:
        raise Refusal(f"{source} cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    cls = getattr(module, class_name, None)
    if not (isinstance(cls, type) and issubclass(cls, torch.nn.Module)):
        raise Refusal(f"the file has no nn.Module class named {class_name}")
    try:
        inspect.signature(cls).bind()
    except TypeError as exc:
        raise Refusal(
            f"the class {class_name} cannot be made without arguments ({exc}); give its "
            "arguments defaults, or add a class that makes it with the ones you use"
        ) from None
    except ValueError:
        pass  # no signature to read: try it
    model = cls()
    model.eval()
    try:
        traced = torch.fx.symbolic_trace(model)
    except Exception as exc:
        raise Refusal(
            f"the forward of {class_name} cannot be traced by torch.fx ({_describe(exc)}); "
            "write it without Python control flow that depends on the data"
        ) from None
    dtype = "float32"
    first = _first_module(traced)
    if isinstance(first, torch.nn.Embedding):
        dtype = "int64"
    if shape is None:
        shape = _guess_shape(first, class_name)
    if dtype == "int64":
        example = torch.randint(0, first.num_embeddings, (TRACE_BATCH, *shape))
    else:
        example = torch.randn(TRACE_BATCH, *shape)
    with torch.no_grad():
        try:
            batch = torch.export.Dim("batch", min=1)
            program = torch.export.export(model, (example,), dynamic_shapes=({0: batch},))
        except Exception:  # a model that fixes its batch size: export it as it is
            try:
                program = torch.export.export(model, (example,))
            except Exception as exc:
                raise Refusal(
                    f"{class_name} cannot be exported with an input of {list(shape)} "
                    f"({_describe(exc)})"
                ) from None
    torch.export.save(program, os.path.join(out, "model.pt2"))
    return {"ok": True, "class": class_name, "input_shape": list(shape), "dtype": dtype}


def _first_module(traced) -> object | None:
    """The submodule that reads the model's input first, if a module reads it directly."""
    placeholders = [n for n in traced.graph.nodes if n.op == "placeholder"]
    if len(placeholders) != 1:
        raise Refusal(f"the model takes {len(placeholders)} inputs; NetStudio imports one")
    seen = {placeholders[0]}
    for node in traced.graph.nodes:
        if node.op == "call_module" and seen & set(node.all_input_nodes):
            return traced.get_submodule(node.target)
        if node.op in ("call_method", "call_function") and seen & set(node.all_input_nodes):
            seen.add(node)
    return None


def _guess_shape(first, class_name: str) -> list[int]:
    import torch

    if isinstance(first, torch.nn.Linear):
        return [first.in_features]
    raise Refusal(
        f"the size of {class_name}'s input cannot be known from its first layer; give it "
        "without the batch, such as --input-shape 1,28,28 for a 28×28 gray image"
    )


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:300]}" if text else type(exc).__name__


def _line_in(source: str, exc: BaseException) -> int | None:
    """The line of the user's file where the error happened (the innermost there)."""
    target = os.path.abspath(source)
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__)
             if os.path.abspath(f.filename) == target]
    if isinstance(exc, SyntaxError) and exc.lineno:
        return exc.lineno
    return lines[-1] if lines else None


if __name__ == "__main__":
    sys.exit(main())
