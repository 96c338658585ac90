"""README.md of the standalone package: what is in it and how to run it, alone and at scale."""

from __future__ import annotations

from typing import Any

from studio.safe_text import one_line

_TRAIN_LINE = "- `train.py`: trains the model alone or on several processes, GPUs or machines.\n"


def _shape(shape: list[int]) -> str:
    return "×".join(str(s) for s in shape)


def _array(shape: list[int]) -> str:
    return "(" + ", ".join(["N", *(str(s) for s in shape)]) + ")"


def _data_section(config: dict[str, Any]) -> str:
    inputs = config["inputs"]
    output = config["output"]
    if len(inputs) == 1:
        x = f"`x_train`: an array of shape {_array(inputs[0]['shape'])}"
    else:
        x = "one array per input: " + ", ".join(
            f"`x_train_{i['name']}` {_array(i['shape'])}" for i in inputs
        )
    if output["target"] == "input":
        y = "no `y_train`: the model learns to reproduce its input"
    elif output["loss"] == "cross_entropy":
        y = f"`y_train`: class ids 0–{output['shape'][-1] - 1}, shape (N,)"
    elif output["loss"] == "binary_cross_entropy":
        y = f"`y_train`: 0/1 targets of shape {_array(output['shape'])}, or class ids"
    else:
        y = f"`y_train`: numbers of shape {_array(output['shape'])}"
    return f"""## Your own data

`--data my.npz` trains on arrays saved with `numpy.savez("my.npz", x_train=..., y_train=...)`:

- {x} (samples of another shape with the same number of values are reshaped);
- {y};
- optionally `x_test` and `y_test`, evaluated by rank 0 after every epoch.

Scale the inputs as they were scaled in NetStudio (pixels as floats in 0–1). Without `--data`,
`train.py` makes synthetic data of the right shape, so you can try it (and a cluster) first.
"""


def readme(config: dict[str, Any], *, trainable: bool) -> str:
    # The name is user text: one line, so it cannot start a code block of its own.
    name, cls = one_line(config["name"]), config["model_class"]
    t = config["training"]
    inputs = ", ".join(
        f"{one_line(i['name'])} {_shape(i['shape'])} ({i['dtype']})" for i in config["inputs"]
    )
    weights = (
        f"- `{config['weights']}`: the trained weights (safetensors).\n"
        if config["weights"]
        else "- No weights: the project was exported untrained; `train.py` trains it.\n"
    )
    names = [one_line(c, 40) for c in config.get("classes") or []]
    classes = f" by class name ({', '.join(names[:3])}{', …' if len(names) > 3 else ''})"
    classes = classes if names and names != [str(k) for k in range(len(names))] else ""
    text = f"""# {name}

Exported from NetStudio. Needs only PyTorch 2; numpy to read `.npy`/`.npz` files, and the
`safetensors` package is used when installed (a small reader in `common.py` stands in for it).

- `model.py`: the model as readable PyTorch source, class `{cls}`. Inputs: {inputs}.
{weights}- `config.json`: inputs, output, loss and the training settings used as defaults.
- `predict.py`: runs the model and prints its predictions{classes}.
- `common.py`: what the scripts share (settings, weights, data files).
{_TRAIN_LINE if trainable else ""}
## Use the model in your code

```python
from common import load_weights
from model import {cls}

model = {cls}()
model.load_state_dict(load_weights("{config["weights"] or "trained.pt"}"))
model.eval()
```

## Predict

```sh
python predict.py                        # random inputs of the right shape
python predict.py --input samples.npz    # array x (or x_NAME per input); .npy or .pt work too
python predict.py --weights trained.pt   # weights written by train.py
```
"""
    if not trainable:
        return text + (
            "\n`train.py` is not included: training needs exactly one Output layer, which "
            "says which loss to use.\n"
        )
    return (
        text
        + f"""
## Train on one machine

```sh
python train.py                                  # one process: a GPU if there is one, else CPU
python train.py --epochs 20 --lr 0.0005 --data my.npz
torchrun --standalone --nproc_per_node=4 train.py --data my.npz   # 4 processes (e.g. 4 GPUs)
```

Defaults from the project: optimizer {t["optimizer"]}, learning rate {t["learning_rate"]},
batch size {t["batch_size"]} per process, {t["epochs"]} epochs, seed {t["seed"]}. See
`python train.py --help` for every flag.

Under `torchrun`, each process trains on its own share of the data (a `DistributedSampler`)
and `DistributedDataParallel` averages the gradients, so all replicas stay identical. GPUs talk
over NCCL (one GPU per process), CPUs over Gloo. The batch size is per process: with N
processes each step sees N × batch size samples, so you may want a larger learning rate.

Rank 0 alone writes `checkpoints/checkpoint.pt` after every epoch (resume with
`--resume checkpoints/checkpoint.pt`) and the trained weights at the end (`--save-final`,
default `trained.pt`). Checkpoints hold tensors and plain data only and load with
`torch.load(weights_only=True)`.

Normalization layers, if the model has any, learn their mean and variance from the data, not by
gradients: starting from scratch, `train.py` measures them on up to 50,000 training samples
before the first epoch, as NetStudio does. `--init-weights` and `--resume` keep the statistics
those weights carry.

## Train on several machines

Run the same command on every machine, changing only `--node_rank` (0 on the machine whose
address is `--master_addr`, then 1, 2, …). The port must be reachable from the others, and
every machine needs this folder and the data at the same path.

```sh
# machine 0 (address 10.0.0.1)
torchrun --nnodes=2 --node_rank=0 --nproc_per_node=4 \\
         --master_addr=10.0.0.1 --master_port=29500 train.py --data my.npz
# machine 1
torchrun --nnodes=2 --node_rank=1 --nproc_per_node=4 \\
         --master_addr=10.0.0.1 --master_port=29500 train.py --data my.npz
```

With a scheduler that may start machines in any order, use the elastic rendezvous instead:
`torchrun --nnodes=2 --nproc_per_node=4 --rdzv_backend=c10d --rdzv_endpoint=10.0.0.1:29500
--rdzv_id=myjob train.py`. If NCCL picks the wrong network, set `NCCL_SOCKET_IFNAME` (and
`GLOO_SOCKET_IFNAME` on CPUs) to the interface that connects the machines.

{_data_section(config)}
## Not carried over from NetStudio

Augmentation, the validation split, early stopping and mixed precision are NetStudio training
features that this script leaves out; add them in `train.py` if you need them.
"""
    )
