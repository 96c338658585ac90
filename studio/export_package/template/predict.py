"""Run the model on some inputs and print what it predicts (class names when known).

    python predict.py                          # random inputs of the right shape
    python predict.py --input samples.npz      # arrays x (or x_NAME per input); .npy and .pt too
    python predict.py --weights trained.pt     # weights written by train.py

Needs PyTorch only (numpy for .npy/.npz inputs).
"""

import argparse

import torch

from common import (
    CLASSES,
    INPUTS,
    OUTPUT,
    build_model,
    default_weights,
    load_arrays,
    load_weights,
    model_inputs,
    synthetic_inputs,
)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", help=".npz, .npy or .pt file of inputs (default: random)")
    parser.add_argument("--weights", help="weights file (default: the exported model.safetensors)")
    parser.add_argument("--count", type=int, default=4, help="random samples when no --input")
    parser.add_argument("--top", type=int, default=3, help="classes shown per sample")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random inputs")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    weights = args.weights or default_weights()
    net = build_model(pretrained_files=not weights)  # the weights file replaces every weight
    if weights:
        net.load_state_dict(load_weights(weights))
    else:
        print("No weights: the model was exported untrained, so its predictions are random.")
    net.eval()

    if args.input:
        arrays = load_arrays(args.input)
        prefix = "x" if ("x" in arrays or len(INPUTS) > 1) else "x_test"
        xs = model_inputs(arrays, prefix)
    else:
        xs = synthetic_inputs(args.count, torch.Generator().manual_seed(args.seed))
        print(f"Random inputs ({args.count} samples; give --input for real data).")

    with torch.no_grad():
        out = net(*xs)
    for line in describe(out, args.top):
        print(line)


def describe(out, top):
    """One line per sample: classes with probabilities, or the numbers the model outputs."""
    if isinstance(out, (tuple, list)):
        return [f"output {k}: {tuple(o.shape)}" for k, o in enumerate(out)]
    loss = OUTPUT and OUTPUT["target"] == "labels" and OUTPUT["loss"]
    lines = []
    if loss == "cross_entropy":
        probs = out if OUTPUT["final_activation"] == "softmax" else out.softmax(-1)
        values, classes = probs.topk(min(top, probs.shape[-1]), dim=-1)
        for i, (v, c) in enumerate(zip(values, classes, strict=True)):
            ranked = ", ".join(
                f"{class_label(k)} {p:.1%}" for k, p in zip(c.tolist(), v.tolist(), strict=True)
            )
            lines.append(f"sample {i}: {ranked}")
    elif loss == "binary_cross_entropy":
        probs = out if OUTPUT["final_activation"] == "sigmoid" else out.sigmoid()
        for i, p in enumerate(probs.reshape(len(probs), -1)):
            if CLASSES:
                shown = ", ".join(f"{class_label(k)} {v:.1%}" for k, v in enumerate(p.tolist()))
            else:
                shown = "probability " + ", ".join(f"{v:.1%}" for v in p.tolist())
            lines.append(f"sample {i}: {shown}")
    else:
        for i, y in enumerate(out):
            head = ", ".join(f"{v:.4g}" for v in y.flatten()[:8].tolist())
            more = ", ..." if y.numel() > 8 else ""
            lines.append(f"sample {i}: output {tuple(y.shape)} [{head}{more}]")
    return lines


def class_label(k):
    """'Dress (class 3)' with the data set's class names, else 'class 3'."""
    name = CLASSES[k] if k < len(CLASSES) else str(k)
    return f"class {k}" if name == str(k) else f"{name} (class {k})"


if __name__ == "__main__":
    main()
