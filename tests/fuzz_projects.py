"""Hostile and broken project files made from the built-in templates, for fuzz tests.

`mutants(seed, count)` gives `count` files (bytes), the same ones for the same seed, each a
template with one or two mutations: flipped bytes, truncation, a value of the wrong type, huge
and non-finite numbers, deep nesting, hostile strings, dangling and duplicate ids, duplicate
and unknown keys, loops, absurd sizes, other encodings. The loader tests, the command-line
tests and the app's tests all draw from here.
"""

from __future__ import annotations

import contextlib
import copy
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"

# Text placed in the tree as a string and swapped for raw JSON after dumping: numbers and
# constants that json.dumps cannot or will not write.
_RAW = "\x01raw:"

HOSTILE_STRINGS = [
    "",
    " ",
    "dense_1\n",
    "Dense\n",
    "x" * 1_000_001,
    "\ud800",
    "a\udfffb",
    "nul\x00byte",
    "'''\"\"\"\\",
    'X""";__import__("os").system("touch PWNED");"""',
    "\r\n\t\x1b[31mred\x1b[0m",
    "\u202eevil\u202c",
    "名字",
    "😀" * 100,
    "../../etc/passwd",
    "{name}{0}%s%n",
    "__class__",
    "forward",
]

RAW_NUMBERS = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e999",
    "1" + "0" * 5000,
    "-" + "9" * 4301,
    str(2**63),
    str(2**64 + 1),
    "1e308",
    "-0.0",
    "4.9e-324",
    "1.0e+30",
]

WRONG_VALUES: list[Any] = [None, True, False, 0, -1, 1.5, "text", [], {}, [1, 2], {"a": 1}]


def _templates() -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(TEMPLATE_DIR.glob("*.json"))]


def _paths(tree: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in the tree (key paths), the root excluded."""
    out = []
    items = tree.items() if isinstance(tree, dict) else enumerate(tree)
    for key, value in items:
        out.append((*prefix, key))
        if isinstance(value, (dict, list)):
            out.extend(_paths(value, (*prefix, key)))
    return out


def _set(tree: Any, path: tuple, value: Any) -> None:
    for key in path[:-1]:
        tree = tree[key]
    tree[path[-1]] = value


def _get(tree: Any, path: tuple) -> Any:
    for key in path:
        tree = tree[key]
    return tree


def _dump(tree: Any, rng: random.Random) -> bytes:
    text = json.dumps(tree, indent=rng.choice([None, 2]))
    # Swap the placeholders for raw JSON text ("\u0001raw:NaN" -> NaN).
    while '"\\u0001raw:' in text:
        start = text.index('"\\u0001raw:')
        end = text.index('"', start + 1)
        text = text[:start] + text[start + len('"\\u0001raw:') : end] + text[end + 1 :]
    return text.encode("utf-8", "surrogatepass")


def _nodes(tree: dict) -> list[dict]:
    return tree["graph"]["nodes"]


# Mutations of the tree ----------------------------------------------------------------------


def wrong_type(tree: dict, rng: random.Random) -> None:
    _set(tree, rng.choice(_paths(tree)), copy.deepcopy(rng.choice(WRONG_VALUES)))


def raw_number(tree: dict, rng: random.Random) -> None:
    numbers = [p for p in _paths(tree) if isinstance(_get(tree, p), (int, float))]
    path = rng.choice(numbers or _paths(tree))
    _set(tree, path, _RAW + rng.choice(RAW_NUMBERS))


def non_finite_position(tree: dict, rng: random.Random) -> None:
    node = rng.choice(_nodes(tree))
    node["position"] = [_RAW + rng.choice(["NaN", "Infinity", "-Infinity", "1e400"]), 0]


def deep_nesting(tree: dict, rng: random.Random) -> None:
    depth = rng.choice([40, 200, 5000, 100_000])
    _set(tree, rng.choice(_paths(tree)), _RAW + "[" * depth + "]" * depth)


def hostile_string(tree: dict, rng: random.Random) -> None:
    strings = [p for p in _paths(tree) if isinstance(_get(tree, p), str)]
    _set(tree, rng.choice(strings), rng.choice(HOSTILE_STRINGS))


def hostile_name(tree: dict, rng: random.Random) -> None:
    key = rng.choice(["name", "description"])
    tree[key] = rng.choice([*HOSTILE_STRINGS, "n" * 10_000_000])


def hostile_id(tree: dict, rng: random.Random) -> None:
    node = rng.choice(_nodes(tree))
    old, new = node["id"], rng.choice(HOSTILE_STRINGS)
    node["id"] = new
    for edge in tree["graph"]["edges"]:
        for end in ("from", "to"):
            if edge[end] == old and rng.random() < 0.8:
                edge[end] = new


def dangling_edge(tree: dict, rng: random.Random) -> None:
    edges = tree["graph"]["edges"]
    if edges:
        rng.choice(edges)[rng.choice(["from", "to"])] = rng.choice(["ghost", "", "input_1"])


def duplicate_id(tree: dict, rng: random.Random) -> None:
    nodes = _nodes(tree)
    a, b = rng.sample(range(len(nodes)), 2)
    nodes[b]["id"] = nodes[a]["id"]


def duplicate_edge(tree: dict, rng: random.Random) -> None:
    edges = tree["graph"]["edges"]
    if edges:
        edges.append(dict(rng.choice(edges)))


def loop(tree: dict, rng: random.Random) -> None:
    edges = tree["graph"]["edges"]
    if edges:
        edge = rng.choice(edges)
        edges.append({"from": edge["to"], "to": edge["from"], "port": rng.choice([0, 1])})


def bad_port(tree: dict, rng: random.Random) -> None:
    edges = tree["graph"]["edges"]
    if edges:
        rng.choice(edges)["port"] = rng.choice([-1, 7, 10**6, True, 1.0, "0", None])


def unknown_key(tree: dict, rng: random.Random) -> None:
    containers = [p for p in _paths(tree) if isinstance(_get(tree, p), dict)]
    target = _get(tree, rng.choice(containers)) if containers and rng.random() < 0.7 else tree
    target[rng.choice(["colour", "x", "__proto__", "comment"])] = rng.choice(WRONG_VALUES)


def absurd_input(tree: dict, rng: random.Random) -> None:
    inputs = [n for n in _nodes(tree) if n["type"] == "Input"]
    node = rng.choice(inputs or _nodes(tree))
    node.setdefault("params", {})["shape"] = rng.choice(
        [[10**9, 10**9], [1, 100000, 100000], [65536] * 4, [0], [-5], [1] * 50, [2**62]]
    )


def huge_layer(tree: dict, rng: random.Random) -> None:
    nodes = [n for n in _nodes(tree) if "units" in n.get("params", {})]
    if nodes:
        rng.choice(nodes)["params"]["units"] = rng.choice([65536, 10**7, 0, -3, 2.5])


def remove_key(tree: dict, rng: random.Random) -> None:
    path = rng.choice(_paths(tree))
    parent = _get(tree, path[:-1])
    del parent[path[-1]]


def many_nodes(tree: dict, rng: random.Random) -> None:
    # A long chain of Dropouts spliced in front of the Output: big, valid, and linear to check.
    nodes, edges = _nodes(tree), tree["graph"]["edges"]
    last = edges[-1] if edges else None
    if last is None:
        return
    previous = last["from"]
    for i in range(rng.choice([300, 3000])):
        node_id = f"fuzz_dropout_{i}"
        nodes.append({"id": node_id, "type": "Dropout", "params": {"rate": 0.1}})
        edges.append({"from": previous, "to": node_id, "port": 0})
        previous = node_id
    last["from"] = previous


TREE_MUTATIONS: list[Callable[[dict, random.Random], None]] = [
    wrong_type,
    raw_number,
    non_finite_position,
    deep_nesting,
    hostile_string,
    hostile_name,
    hostile_id,
    dangling_edge,
    duplicate_id,
    duplicate_edge,
    loop,
    bad_port,
    unknown_key,
    absurd_input,
    huge_layer,
    remove_key,
    many_nodes,
]


# Mutations of the bytes ---------------------------------------------------------------------


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice([1, 3, 20])):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def duplicate_key(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "surrogatepass")
    key = rng.choice(['"units": ', '"id": ', '"name": ', '"from": ', '"shape": '])
    compact = key.replace(" ", "")
    for form in (key, compact):
        if form in text:
            at = text.index(form)
            return (text[:at] + form + '"dup", ' + text[at:]).encode("utf-8", "surrogatepass")
    return data


def other_encoding(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "surrogatepass")
    codec = rng.choice(["utf-16", "utf-32", "latin-1-name", "bom", "zero"])
    if codec == "latin-1-name":
        return data.replace(b'"name": "', b'"name": "caf\xe9 ', 1)
    if codec == "bom":
        return b"\xef\xbb\xbf" + data
    if codec == "zero":
        return b"\x00" * rng.choice([1, 1000])
    return text.encode(codec, "surrogatepass")


BYTE_MUTATIONS: list[Callable[[bytes, random.Random], bytes]] = [
    flip_bytes,
    truncate,
    duplicate_key,
    other_encoding,
]


def mutant(rng: random.Random, templates: list[dict[str, Any]]) -> bytes:
    tree = copy.deepcopy(rng.choice(templates))
    for _ in range(rng.choice([1, 1, 2])):
        # An earlier mutation may have broken what this one looks for: one is enough then.
        with contextlib.suppress(KeyError, TypeError, IndexError, ValueError, AttributeError):
            rng.choice(TREE_MUTATIONS)(tree, rng)
    data = _dump(tree, rng)
    if rng.random() < 0.3:
        data = rng.choice(BYTE_MUTATIONS)(data, rng)
    return data


def mutants(seed: int, count: int) -> list[bytes]:
    """`count` mutated template files, the same ones for the same seed."""
    rng = random.Random(seed)
    templates = _templates()
    return [mutant(rng, templates) for _ in range(count)]
