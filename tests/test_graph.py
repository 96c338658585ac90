"""The graph model's rules and the per-node diagnostics a student sees."""

import pytest

from studio.graph import CycleError, Edge, Graph, GraphError, PortError, graph_from_dict
from studio.shapes import infer_shapes


def chain(*layers):
    g = Graph()
    prev = None
    ids = []
    for layer_id, params in layers:
        node = g.add_node(layer_id, params)
        if prev:
            g.connect(prev, node.id)
        prev = node.id
        ids.append(node.id)
    return g, ids


def error_of(g, node_id):
    analysis = infer_shapes(g)
    assert not analysis.ok
    assert node_id in {p.node_id for p in analysis.problems}
    return analysis.nodes[node_id].error


def test_dense_fed_an_image_says_insert_flatten():
    g, ids = chain(("Input", {"shape": [1, 28, 28]}), ("Dense", {"units": 10}))
    assert "insert Flatten" in error_of(g, ids[1])


def test_conv2d_fed_a_vector_says_reshape():
    g, ids = chain(("Input", {"shape": [784]}), ("Conv2D", {}))
    msg = error_of(g, ids[1])
    assert "expects an image" in msg and "Reshape" in msg


def test_lstm_fed_an_image_says_reshape_to_sequence():
    g, ids = chain(("Input", {"shape": [1, 28, 28]}), ("LSTM", {}))
    msg = error_of(g, ids[1])
    assert "expects a sequence" in msg and "Reshape" in msg


def test_kernel_larger_than_input():
    g, ids = chain(("Input", {"shape": [1, 4, 4]}), ("Conv2D", {"kernel_size": 5}))
    msg = error_of(g, ids[1])
    assert "5×5 is larger than its 4×4 input" in msg


def test_add_of_different_shapes():
    g = Graph()
    a = g.add_node("Input", {"shape": [3, 8, 8]}).id
    c1 = g.add_node("Conv2D", {"filters": 16, "padding": "same"}).id
    c2 = g.add_node("Conv2D", {"filters": 32, "padding": "same"}).id
    add = g.add_node("Add").id
    g.connect(a, c1)
    g.connect(a, c2)
    g.connect(c1, add)
    g.connect(c2, add)
    msg = error_of(g, add)
    assert "same shape" in msg and "16×8×8" in msg and "32×8×8" in msg


def test_unconnected_input_names_the_port():
    g = Graph()
    a = g.add_node("Input", {"shape": [4]}).id
    add = g.add_node("Add").id
    g.connect(a, add, 0)
    assert "input 2 is not connected" in error_of(g, add)


def test_downstream_of_an_error_waits_instead_of_erroring():
    g, ids = chain(("Input", {"shape": [1, 28, 28]}), ("Dense", {}), ("Dense", {}))
    analysis = infer_shapes(g)
    assert analysis.nodes[ids[2]].error is None
    assert analysis.nodes[ids[2]].blocked_by == ids[1]
    assert [p.node_id for p in analysis.problems] == [ids[1]]


def test_connect_refuses_a_cycle_and_leaves_the_graph_unchanged():
    g, ids = chain(("Input", {"shape": [4]}), ("Dense", {}), ("Dense", {}))
    edges = list(g.edges)
    with pytest.raises(CycleError, match="loop"):
        g.connect(ids[2], ids[1])
    with pytest.raises(CycleError):
        g.connect(ids[1], ids[1])
    assert g.edges == edges


def test_cycle_in_a_file_is_reported_on_its_nodes():
    data = {
        "nodes": [
            {"id": "x", "type": "Input", "params": {"shape": [4]}},
            {"id": "a", "type": "Add", "params": {}},
            {"id": "d", "type": "Dense", "params": {"units": 4}},
        ],
        "edges": [
            {"from": "x", "to": "a", "port": 0},
            {"from": "d", "to": "a", "port": 1},
            {"from": "a", "to": "d", "port": 0},
        ],
    }
    analysis = infer_shapes(graph_from_dict(data))
    assert {p.node_id for p in analysis.problems} == {"a", "d"}
    assert "loop" in analysis.nodes["a"].error


def test_port_rules():
    g, ids = chain(("Input", {"shape": [4]}), ("Dense", {}))
    other = g.add_node("Input", {"shape": [4]}).id
    with pytest.raises(PortError, match="already connected"):
        g.connect(other, ids[1], 0)
    with pytest.raises(PortError, match="no incoming"):
        g.connect(ids[1], other)
    with pytest.raises(PortError, match="no input 3"):
        g.connect(other, ids[1], 2)
    out = g.add_node("Output").id
    g.connect(ids[1], out)
    with pytest.raises(PortError, match="nothing can follow"):
        g.connect(out, g.add_node("Dense").id)


def test_parameters_are_validated_with_their_limits():
    g = Graph()
    node = g.add_node("Conv2D")
    with pytest.raises(GraphError, match="Filters must be between 1 and 8192"):
        g.set_params(node.id, {"filters": 0})
    with pytest.raises(GraphError, match="Padding must be one of valid, same"):
        g.set_params(node.id, {"padding": "full"})
    with pytest.raises(GraphError, match="no parameter 'units'"):
        g.set_params(node.id, {"units": 3})
    old = g.set_params(node.id, {"filters": 8, "kernel_size": [3, 5]})
    assert old == {"filters": 32, "kernel_size": (3, 3)}
    assert node.params["kernel_size"] == (3, 5)


def test_fewer_merge_inputs_than_connections_is_refused():
    g = Graph()
    a, b = g.add_node("Input", {"shape": [4]}).id, g.add_node("Input", {"shape": [4]}).id
    c = g.add_node("Input", {"shape": [4]}).id
    add = g.add_node("Add", {"inputs": 3}).id
    for port, src in enumerate((a, b, c)):
        g.connect(src, add, port)
    with pytest.raises(GraphError, match="remove them first"):
        g.set_params(add, {"inputs": 2})


def test_signals_report_each_change():
    g = Graph()
    seen = []
    g.node_added.connect(lambda n: seen.append(("added", n.id)))
    g.edge_added.connect(lambda e: seen.append(("edge", e.source, e.target)))
    g.params_changed.connect(lambda n: seen.append(("params", n)))
    g.node_removed.connect(lambda n: seen.append(("removed", n.id)))
    g.edge_removed.connect(lambda e: seen.append(("unedge", e.source)))
    a = g.add_node("Input", {"shape": [4]}).id
    d = g.add_node("Dense").id
    g.connect(a, d)
    g.set_params(d, {"units": 3})
    g.remove_node(a)
    assert seen == [
        ("added", a),
        ("added", d),
        ("edge", a, d),
        ("params", d),
        ("unedge", a),
        ("removed", a),
    ]


def test_node_ids_are_keras_style_and_unique():
    g = Graph()
    assert g.add_node("MaxPooling2D").id == "max_pooling2d_1"
    assert g.add_node("MaxPooling2D").id == "max_pooling2d_2"
    assert g.add_node("LSTM").id == "lstm_1"
    with pytest.raises(GraphError, match="already a node"):
        g.add_node("Dense", node_id="lstm_1")
    with pytest.raises(GraphError, match="cannot name"):
        g.add_node("Dense", node_id="forward")


def test_shape_inference_on_a_200_node_graph_is_complete():
    g = Graph()
    prev = g.add_node("Input", {"shape": [64]}).id
    for i in range(199):
        node = g.add_node("Dense" if i % 2 == 0 else "ReLU", {"units": 64} if i % 2 == 0 else {})
        g.connect(prev, node.id)
        prev = node.id
    analysis = infer_shapes(g)
    assert analysis.ok and len(analysis.nodes) == 200
    assert analysis.total_params == 100 * (64 * 64 + 64)


def test_rename_keeps_edges_and_order():
    g, ids = chain(("Input", {"shape": [4]}), ("Dense", {}), ("Dense", {}))
    renamed = []
    g.node_renamed.connect(lambda old, new: renamed.append((old, new)))
    g.rename_node(ids[1], "hidden")
    assert list(g.nodes) == [ids[0], "hidden", ids[2]]
    assert {(e.source, e.target) for e in g.edges} == {(ids[0], "hidden"), ("hidden", ids[2])}
    assert renamed == [(ids[1], "hidden")]
    assert infer_shapes(g).ok
    with pytest.raises(GraphError, match="already a node"):
        g.rename_node("hidden", ids[2])
    with pytest.raises(GraphError, match="cannot name"):
        g.rename_node("hidden", "2bad")


def test_freed_names_are_handed_out_again_smallest_first():
    g = Graph()
    ids = [g.add_node("Dense").id for _ in range(3)]
    g.remove_node(ids[1])
    assert g.add_node("Dense").id == "dense_2"
    assert g.add_node("Dense").id == "dense_4"
    g.rename_node("dense_1", "hidden")
    assert g.add_node("Dense").id == "dense_1"


@pytest.mark.parametrize("bad", ["dense_1\n", "dense\n_1", "\ndense", "Dense", "d" * 101, "import"])
def test_node_ids_are_matched_in_full(bad):
    g = Graph()
    with pytest.raises(GraphError, match="cannot name a node"):
        g.add_node("Dense", node_id=bad)
    node = g.add_node("Dense")
    with pytest.raises(GraphError, match="cannot name a node"):
        g.rename_node(node.id, bad)
    assert list(g.nodes) == [node.id]


@pytest.mark.parametrize(
    "position", [(float("nan"), 0), (0, float("inf")), (1e9, 0), (1, 2, 3), ("a", 0), (10**400, 0)]
)
def test_positions_must_be_finite_and_on_the_canvas(position):
    g = Graph()
    with pytest.raises(GraphError, match="the position must be two numbers"):
        g.add_node("Dense", position=position)
    node = g.add_node("Dense", position=(10, 20))
    with pytest.raises(GraphError, match="the position must be two numbers"):
        g.move_node(node.id, position)
    assert node.position == (10.0, 20.0)


def test_the_edge_index_follows_every_edit():
    g, ids = chain(("Input", {"shape": [4]}), ("Dense", {}), ("Dense", {}), ("Dense", {}))
    assert g.successors(ids[1]) == [ids[2]] and g.predecessors(ids[2]) == [ids[1]]
    node, removed = g.remove_node(ids[2])
    assert g.successors(ids[1]) == [] and g.incoming(ids[3]) == [None]
    g.nodes[node.id] = node
    g.add_edges_unchecked(removed)
    assert g.successors(ids[1]) == [ids[2]] and g.predecessors(ids[3]) == [ids[2]]
    g.rename_node(ids[2], "middle")
    assert g.successors(ids[1]) == ["middle"] and g.incoming(ids[3])[0].source == "middle"
    g.disconnect(g.incoming(ids[3])[0])
    assert g.outgoing("middle") == [] and g.ancestors([ids[3]]) == {ids[3]}
    g.connect("middle", ids[3])
    assert g.ancestors([ids[3]]) == set(g.nodes)


def _chain_dict(n: int, loop: bool = False) -> dict:
    nodes = [{"id": "input_1", "type": "Input", "params": {"shape": [8]}}]
    nodes += [{"id": f"dense_{i}", "type": "Dense", "params": {"units": 8}} for i in range(n)]
    edges = [{"from": "input_1", "to": "dense_0"}]
    edges += [{"from": f"dense_{i}", "to": f"dense_{i + 1}"} for i in range(n - 1)]
    if loop:  # the first Dense becomes an Add fed by the input and by the last Dense
        nodes[1] = {"id": "dense_0", "type": "Add", "params": {}}
        edges.append({"from": f"dense_{n - 1}", "to": "dense_0", "port": 1})
    return {"nodes": nodes, "edges": edges}


def test_a_20000_node_chain_loads_infers_and_plans_without_recursion():
    from studio.compiler import plan_model

    g = graph_from_dict(_chain_dict(20_000))
    analysis = infer_shapes(g)
    assert analysis.ok and analysis.order[-1] == "dense_19999"
    assert analysis.total_params == 20_000 * (8 * 8 + 8)
    assert len(plan_model(g).nodes) == 20_001


def test_a_20000_node_loop_is_reported_in_linear_time_with_a_short_message():
    g = graph_from_dict(_chain_dict(20_000, loop=True))
    analysis = infer_shapes(g)
    assert len(analysis.problems) == 20_000  # every node on the loop, the input is fine
    message = analysis.nodes["dense_5"].error
    assert "… (20,000 nodes)" in message and len(message) < 400
    with pytest.raises(CycleError, match=r"… \(20,000 nodes\)"):
        g.topological_order()


def test_a_node_behind_a_loop_waits_for_it():
    data = _chain_dict(5, loop=True)
    data["nodes"].append({"id": "after", "type": "Dense", "params": {"units": 2}})
    data["edges"].append({"from": "dense_2", "to": "after"})
    analysis = infer_shapes(graph_from_dict(data))
    assert analysis.nodes["after"].blocked_by in {f"dense_{i}" for i in range(5)}
    assert "after" not in {p.node_id for p in analysis.problems}


def test_loading_and_inference_scale_linearly():
    """Ten times the nodes takes about ten times as long (the quadratic code took 100x)."""
    import time

    def cost(n: int) -> float:
        data = _chain_dict(n)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            infer_shapes(graph_from_dict(data))
            best = min(best, time.perf_counter() - start)
        return best

    cost(100)  # warm the parameter-count cache
    assert cost(10_000) / cost(1_000) < 35


def test_an_edge_list_replaced_from_outside_is_indexed_afresh():
    g, ids = chain(("Input", {"shape": [4]}), ("Dense", {}), ("Dense", {}))
    assert g.successors(ids[0]) == [ids[1]]
    g.edges = [Edge(ids[0], ids[2]), Edge(ids[2], ids[1])]  # same length, other edges
    assert g.successors(ids[0]) == [ids[2]] and g.predecessors(ids[1]) == [ids[2]]
