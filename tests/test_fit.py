"""studio.fit: whether a data set fits a model, from metadata alone, and which data set a run
will really use when the chosen one is not here."""

from __future__ import annotations

import pytest

from studio.data import DatasetInfo, list_datasets
from studio.fit import DataSpec, dataset_problems, plan_dataset, spec_of
from studio.templates import load_template, template_names

TEN_IMAGES = DataSpec("Fashion-MNIST", (1, 28, 28), 10, "classification")


def info(name: str, available: bool, shape=(1, 28, 28), classes=10) -> DatasetInfo:
    return DatasetInfo(name, name.upper(), "torchvision", available, "", shape, classes)


def listing(**available: bool) -> list[DatasetInfo]:
    return [
        info("mnist", available.get("mnist", False)),
        info("fashion-mnist", available.get("fashion_mnist", False)),
        info("synthetic-shapes", True),
        DatasetInfo("csv", "CSV table", "user", True, "", None, None),
    ]


def test_a_last_dense_of_7_units_for_10_classes_is_a_problem_on_the_output_node():
    project = load_template("seed-mlp")
    project.graph.nodes["dense_3"].params["units"] = 7
    problems = dataset_problems(project.graph, TEN_IMAGES)
    assert len(problems) == 1
    assert problems[0].node_id == "output_1"
    assert "7 outputs" in problems[0].message and "10 classes" in problems[0].message
    assert "Fashion-MNIST" in problems[0].message


def test_a_sample_shape_the_input_does_not_take_is_a_problem_on_the_input_node():
    project = load_template("seed-mlp")
    waves = DataSpec("Synthetic waveforms", (64, 1), 10, "classification")
    problems = dataset_problems(project.graph, waves)
    assert [p.node_id for p in problems] == ["input_1"]
    assert "64×1" in problems[0].message and "[64, 1]" in problems[0].message


def test_mse_for_a_classification_set_and_cross_entropy_for_regression_are_named():
    project = load_template("seed-mlp")
    project.graph.nodes["output_1"].params["loss"] = "mse"
    (problem,) = dataset_problems(project.graph, TEN_IMAGES)
    assert problem.node_id == "output_1" and "cross_entropy" in problem.message
    project.graph.nodes["output_1"].params["loss"] = "cross_entropy"
    regression = DataSpec("Prices", (1, 28, 28), 0, "regression")
    (problem,) = dataset_problems(project.graph, regression)
    assert "mse" in problem.message


def test_one_sigmoid_output_fits_two_classes_with_binary_cross_entropy():
    project = load_template("seed-mlp")
    project.graph.nodes["dense_3"].params["units"] = 1
    project.graph.nodes["output_1"].params["loss"] = "binary_cross_entropy"
    two = DataSpec("Cats and dogs", (1, 28, 28), 2, "classification")
    assert dataset_problems(project.graph, two) == []
    assert dataset_problems(project.graph, TEN_IMAGES)  # 1 output for 10 classes does not


def test_unknown_metadata_a_gan_and_a_graph_with_its_own_problems_give_no_diagnostic():
    project = load_template("seed-mlp")
    project.graph.nodes["dense_3"].params["units"] = 7
    assert dataset_problems(project.graph, None) == []
    gan = load_template("gan-fashion")
    assert dataset_problems(gan.graph, TEN_IMAGES) == []
    project.graph.remove_node("flatten_1")  # Dense after an image: the graph's own problem
    assert dataset_problems(project.graph, TEN_IMAGES) == []


@pytest.mark.parametrize("name", template_names())
def test_every_template_fits_its_own_data_set(name):
    project = load_template(name)
    plan = plan_dataset(project.dataset)
    assert plan is not None
    if plan.chosen.kind == "user":
        # The user's own folder or table (transfer-learning's photos): nothing is known of it
        # until the user chooses it, so there is no shape or class count to fit.
        pytest.skip(f"{name} trains on the user's own data, unknown until it is chosen")
    assert plan.spec is not None
    assert dataset_problems(project.graph, plan.spec) == []


def test_the_plan_names_the_offline_stand_in_only_when_the_chosen_set_is_missing():
    plan = plan_dataset({"name": "mnist"}, listing(fashion_mnist=True))
    assert not plan.available and plan.stand_in.name == "fashion-mnist"
    plan = plan_dataset({"name": "MNIST"}, listing())  # as a user may type it
    assert plan.chosen.name == "mnist" and plan.stand_in.name == "synthetic-shapes"
    plan = plan_dataset({"name": "mnist"}, listing(mnist=True, fashion_mnist=True))
    assert plan.available and plan.stand_in is None
    assert plan_dataset({"name": "no-such-set"}, listing()) is None


def test_the_spec_comes_from_the_listing_and_is_unknown_for_the_users_own_data():
    plan = plan_dataset({"name": "csv", "path": "table.csv"}, listing())
    assert plan.spec is None
    shapes = next(i for i in list_datasets() if i.name == "synthetic-shapes")
    assert spec_of(shapes) == DataSpec("Synthetic shapes", (1, 28, 28), 10, "classification")
