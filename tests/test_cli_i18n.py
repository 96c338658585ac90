"""The command line in Chinese: the same translations as the app, read without Qt."""

import json
import sys
from pathlib import Path

import pytest

from studio import translate
from studio.cli import main
from studio.messages import Message, msg, term
from studio.translate import Translator, interface_language, read_catalogue

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "netstudio_zh_CN.ts"
LOCALE_VARS = ("NETSTUDIO_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def zh(monkeypatch):
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "zh_CN")


@pytest.fixture
def no_locale(monkeypatch):
    for name in LOCALE_VARS:
        monkeypatch.delenv(name, raising=False)


# Choosing the language ----------------------------------------------------------------------


def test_the_language_follows_the_environment_as_gettext_reads_it(no_locale, monkeypatch):
    assert interface_language() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert interface_language() == "zh_CN"
    monkeypatch.setenv("LC_MESSAGES", "de_DE.UTF-8")  # LC_MESSAGES before LANG
    assert interface_language() == "en"
    monkeypatch.setenv("LC_ALL", "zh_TW.UTF-8")  # any Chinese: Simplified Chinese
    assert interface_language() == "zh_CN"
    monkeypatch.setenv("LANGUAGE", "en_GB:zh_CN")  # the first of the list counts
    assert interface_language() == "en"


def test_the_override_and_the_setting_win_over_the_system(no_locale, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert interface_language("en") == "en"
    assert interface_language("system") == "zh_CN"
    assert interface_language("system", system="de-DE") == "en"
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")
    assert interface_language("zh_CN", system="zh-CN") == "en"


def test_the_app_chooses_its_language_with_the_same_function(no_locale, monkeypatch):
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QLocale

    from widgets.app import interface_language as app_language

    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert app_language("system", china) == "zh_CN" == interface_language("system", "zh-CN")
    assert app_language("system", germany) == "en"
    monkeypatch.setenv("NETSTUDIO_LANGUAGE", "en")
    assert app_language("zh_CN", china) == "en"


# The translator ---------------------------------------------------------------------------


def _ts(tmp_path: Path, messages: str) -> Path:
    path = tmp_path / "t.ts"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        f'<TS version="2.1" language="zh_CN">{messages}</TS>',
        encoding="utf-8",
    )
    return path


def test_the_catalogue_keeps_what_lrelease_compiles(tmp_path):
    path = _ts(tmp_path, """
        <context><name>errors</name>
        <message><source>done</source><translation>完成</translation></message>
        <message><source>draft</source><translation type="unfinished">草稿</translation></message>
        <message><source>gone</source><translation type="vanished">消失</translation></message>
        <message><source>empty</source><translation></translation></message>
        </context>
        <context><name>classes</name>
        <message><source>square</source><comment>Shapes</comment>
            <translation>正方形</translation></message>
        <message><source>square</source><comment>Waves</comment>
            <translation>方波</translation></message>
        </context>""")
    t = Translator("zh_CN", read_catalogue(path))
    assert [t(s) for s in ("done", "draft", "gone", "empty")] == ["完成", "草稿", "gone", "empty"]
    assert t.term("square", "classes", "Waves") == "方波"
    assert t.term("square", "classes", "Shapes") == "正方形"
    assert t.term("square", "classes") in ("正方形", "方波")  # as Qt: any, without a comment


def test_a_message_is_translated_with_its_values_and_falls_back_when_they_do_not_fit(tmp_path):
    path = _ts(tmp_path, """
        <context><name>errors</name>
        <message><source>{node} needs {what}</source><translation>{node} 需要 {what}</translation>
        </message>
        <message><source>{count} left</source><translation>还剩 {cuont}</translation></message>
        </context>
        <context><name>cli</name>
        <message><source>a flat input</source><translation>扁平的输入</translation></message>
        </context>""")
    t = Translator("zh_CN", read_catalogue(path))
    text = msg("{node} needs {what}", node="dense_1", what=term("a flat input", "cli"))
    assert t(text) == "dense_1 需要 扁平的输入"
    broken = msg("{count} left", count=3)
    assert t(broken) == "3 left"  # the translator's typo must not lose the message
    assert t(msg("not translated {x}", x=1)) == "not translated 1"
    assert Translator("en", read_catalogue(path))(text) == "dense_1 needs a flat input"


def test_the_file_is_read_only_for_chinese(monkeypatch):
    translate.catalogue.cache_clear()
    read = []
    monkeypatch.setattr(translate, "read_catalogue", lambda path: read.append(path) or {})
    assert Translator("en")("Wrote x") == "Wrote x"
    assert read == []
    Translator("zh_CN")("Wrote x")
    assert read == [TS]
    translate.catalogue.cache_clear()


def test_the_cli_and_the_app_translate_every_message_alike(qapp):
    """Every message of the .ts, and engine messages built of messages, read the same through
    Qt's compiled .qm (the app) and through studio.translate (the CLI)."""
    from PySide6.QtCore import QCoreApplication

    from studio.graph import Graph
    from studio.shapes import infer_shapes
    from widgets.app import install_translations, setup_application
    from widgets.i18n import tr_message

    setup_application(qapp)
    assert install_translations(qapp, "zh_CN")
    try:
        ours = Translator("zh_CN")
        table = {k: v for k, v in ours.table.items() if len(k) == 3}
        differ = [
            (context, source)
            for context, source, comment in table
            if QCoreApplication.translate(context, source, comment or None)
            != ours.lookup(context, source, comment)
        ]
        assert differ == []
        graph = Graph()
        graph.add_node("Input", {"shape": [1, 28, 28]}, node_id="input_1")
        graph.add_node("Dense", {"units": 10}, node_id="dense_1")
        graph.connect("input_1", "dense_1")
        error = infer_shapes(graph).error_of("dense_1")
        assert isinstance(error, Message) and isinstance(error.values.get("got"), Message)
        assert ours(error) == tr_message(error) != str(error)
        assert ours(str.__str__(error)) == tr_message(str.__str__(error))
    finally:
        install_translations(qapp, "en")


# The command line in Chinese -----------------------------------------------------------------


def _broken_mlp(tmp_path: Path) -> Path:
    assert main(["new", "seed-mlp", str(tmp_path / "a.json")]) == 0
    project = json.loads((tmp_path / "a.json").read_text())
    graph = project["graph"]
    graph["nodes"] = [n for n in graph["nodes"] if n["type"] != "Flatten"]
    graph["edges"] = [e for e in graph["edges"] if e["to"] != "flatten_1"]
    for e in graph["edges"]:
        if e["from"] == "flatten_1":
            e["from"] = "input_1"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(project))
    return path


def test_summary_of_a_broken_graph_names_the_problem_in_chinese(tmp_path, zh, capsys):
    path = _broken_mlp(tmp_path)
    capsys.readouterr()
    assert main(["summary", str(path)]) == 1
    err = capsys.readouterr().err
    assert "dense_1 (Dense): Dense 需要扁平的输入（向量），但得到的是 1×28×28 图像；" in err
    assert "请在它之前插入 Flatten" in err
    assert "expects a flat input" not in err


def test_errors_are_in_chinese(tmp_path, zh, capsys):
    assert main(["summary", str(tmp_path / "missing.json")]) == 1
    assert capsys.readouterr().err.strip() == f"netstudio: 文件 {tmp_path / 'missing.json'} 不存在"


def test_templates_and_datasets_list_chinese_titles(zh, capsys):
    assert main(["templates"]) == 0
    assert "seed-cnn           入门 CNN（MNIST） — MNIST 入门指南中的卷积神经网络。" in (
        capsys.readouterr().out
    )
    assert main(["datasets"]) == 0
    out = capsys.readouterr().out
    assert "合成图形" in out and "内置：28×28 灰度图形，10 个类别" in out


def test_train_progress_in_chinese(tmp_path, zh, capsys):
    assert main(["new", "seed-mlp", str(tmp_path / "p.json")]) == 0
    project = json.loads((tmp_path / "p.json").read_text())
    project["training"]["train_limit"] = 200  # the Training samples setting: a translated note
    (tmp_path / "p.json").write_text(json.dumps(project))
    capsys.readouterr()
    assert main(["train", str(tmp_path / "p.json"), "--dataset", "synthetic-shapes",
                 "--epochs", "1", "--limit-test", "100", "--out", str(tmp_path / "run")]) == 0
    err = capsys.readouterr().err
    assert "只用 9,600 个训练样本中的 200 个训练（“训练样本数”设置）。" in err
    started = next(line for line in err.splitlines() if "合成图形" in line)
    assert started.startswith("正在用 合成图形 训练：200 个样本")  # what it really trains on
    assert "第 1/1 轮：损失 " in err and " 准确率 " in err
    assert "正在 100 个测试样本上评估…" in err and "测试准确率：" in err
    assert "epoch" not in err and "Test accuracy" not in err


def test_the_cli_texts_are_found_for_the_translation_file():
    """scripts/update_translations.py must see the CLI's texts to put them in the .ts file."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations as ut
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    found = {(e.context, e.source) for e in ut.message_entries()}
    for context, source in [
        ("cli", "list the built-in templates"),
        ("cli", "val accuracy"),
        ("cli", "open the app and train PROJECT with its settings at once; the console shows "
                "the progress too (a line per epoch), the window the curves"),
        ("errors", "epoch {epoch}/{epochs}: {metrics}"),
        ("errors", "Training on {dataset}: {samples} samples, on {device}, {epochs}."),
        ("errors", "Test accuracy: {accuracy}"),
        ("errors", "Evaluating on {count} test samples…"),
    ]:
        assert (context, source) in found, (context, source)


def test_help_in_chinese_documents_training_in_the_app(zh, capsys, monkeypatch):
    from studio.cli import _columns

    monkeypatch.setenv("COLUMNS", "80")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "列出内置模板" in out and "netstudio PROJECT --train" in out
    assert "控制台同时显示进度" in out
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    train = capsys.readouterr().out
    assert "只用前 N 个训练样本" in train
    # Wrapped for an 80-column terminal, where a Chinese character takes two columns.
    assert max(_columns(line) for line in (out + train).splitlines()) <= 80
