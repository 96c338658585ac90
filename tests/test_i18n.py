"""The Chinese interface: the .ts file covers every text of the interface and the engine,
every entry is translated (placeholders kept), the .qm is compiled from it and shipped, and the
app shows Chinese when the system locale is zh_CN or the language setting says so."""

from __future__ import annotations

import ast
import fnmatch
import os
import pickle
import re
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from studio.graph import Graph
from studio.messages import Message
from studio.params import ParamError
from studio.shapes import infer_shapes

pytest_plugins = ["app_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations as ut  # noqa: E402

TS = ut.I18N / "netstudio_zh_CN.ts"
QM = ut.I18N / "netstudio_zh_CN.qm"
UPDATE = "run `.venv/bin/python scripts/update_translations.py`, then translate what it marks"


@pytest.fixture(scope="module")
def entries() -> list[ut.Entry]:
    return [e for e in ut.read_ts(TS) if e.status != "vanished"]


@pytest.fixture
def chinese(qapp):
    """The app's translators switched to Chinese for one test, English again afterwards."""
    from widgets.app import install_translations, setup_application

    setup_application(qapp)
    assert install_translations(qapp, "zh_CN")
    yield
    install_translations(qapp, "en")


# The translation file ----------------------------------------------------------------------


def test_the_ts_file_is_up_to_date_with_the_source():
    new, gone = ut.stale_keys("zh_CN")
    assert not new, f"texts missing from the .ts ({UPDATE}): {sorted(new)[:10]}"
    assert not gone, f"texts the source no longer has ({UPDATE}): {sorted(gone)[:10]}"


def test_every_text_has_a_finished_chinese_translation(entries):
    assert len(entries) > 700
    missing = [(e.context, e.source) for e in entries if e.status or not all(e.translation)]
    assert not missing, f"{len(missing)} untranslated ({UPDATE}): {missing[:10]}"


def _qt_placeholders(text: str) -> list[str]:
    return sorted(set(re.findall(r"%(?:\d+|n)", text)))


def _format_fields(text: str) -> list[str]:
    return sorted(
        {
            f"{name}!{conv}:{spec}"
            for _, name, spec, conv in string.Formatter().parse(text)
            if name is not None
        }
    )


def test_translations_keep_placeholders_markup_and_mnemonics(entries):
    bad = []
    for e in entries:
        for translation in filter(None, e.translation):  # untranslated: the test above
            if _qt_placeholders(e.source) != _qt_placeholders(translation):
                bad.append((e.context, e.source, translation))
            if e.context == "errors" and _format_fields(e.source) != _format_fields(translation):
                bad.append((e.context, e.source, translation))
            tags = re.compile(r"</?\w+")
            if sorted(tags.findall(e.source)) != sorted(tags.findall(translation)):
                bad.append((e.context, e.source, translation))
            if re.search(r"&\w", e.source) and not re.search(r"&\w", translation):
                bad.append((e.context, e.source, translation))  # the menu key got lost
    assert not bad, bad[:5]


def test_the_qm_file_is_compiled_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([ut.tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert QM.read_bytes() == fresh.read_bytes(), UPDATE


def test_the_qm_file_is_package_data():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = data["package-data"]["resources"]
    name = QM.relative_to(ROOT / "resources").as_posix()
    assert any(fnmatch.fnmatch(name, p.replace("**/", "*/")) for p in patterns)
    assert (ROOT / "resources" / "__init__.py").is_file()


def test_message_templates_are_literals_the_script_can_find():
    """msg("…") must get a literal: an f-string or a variable would never reach the .ts."""
    offenders = []
    for path in (ROOT / "studio").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "msg":
                first = node.args[0] if node.args else None
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders


# The engine's messages -----------------------------------------------------------------------


def test_a_message_is_its_english_text_and_keeps_how_it_was_made():
    from studio.messages import joined, msg, term

    inner = msg("input {n} is {got}", n=2, got=term("image"))
    message = msg("Add needs {shapes}; {lr:g}", shapes=joined([inner, "x"]), lr=0.5)
    assert message == "Add needs input 2 is image, x; 0.5"
    assert str(message) is message and f"{message}" == message  # str() keeps the parts
    assert message.template == "Add needs {shapes}; {lr:g}"
    again = pickle.loads(pickle.dumps(ValueError(message))).args[0]  # DataLoader workers
    assert again == message and again.values["shapes"].values["part0"].template == inner.template


def _dense_on_an_image() -> Graph:
    graph = Graph()
    graph.add_node("Input", {"shape": [1, 28, 28]}, node_id="input_1")
    graph.add_node("Dense", {"units": 10}, node_id="dense_1")
    graph.connect("input_1", "dense_1")
    return graph


def test_engine_messages_stay_english_and_read_chinese_in_the_app(chinese):
    from widgets.i18n import tr_error, tr_message

    error = infer_shapes(_dense_on_an_image()).error_of("dense_1")
    assert isinstance(error, Message)
    assert error == (
        "Dense expects a flat input (a vector), but gets a 1×28×28 image; "
        "insert Flatten (or GlobalAveragePooling) before it"
    )
    assert tr_message(error) == (
        "Dense 需要扁平的输入（向量），但得到的是 1×28×28 图像；"
        "请在它之前插入 Flatten（或 GlobalAveragePooling）"
    )
    graph = _dense_on_an_image()
    with pytest.raises(Exception) as refused:
        graph.connect("dense_1", "input_1")
    assert str(refused.value) == "input_1 is an Input and takes no incoming connection"
    assert tr_error(refused.value) == "input_1 是 Input，不接受输入连接"
    graph.add_node("Dense", {"units": 10}, node_id="dense_2")
    graph.connect("dense_1", "dense_2")
    with pytest.raises(Exception) as refused:
        graph.connect("dense_2", "dense_1", 0)
    assert "would make a loop" in str(refused.value)
    assert "会形成环路" in tr_error(refused.value)
    with pytest.raises(Exception) as refused:
        graph.set_params("dense_1", {"units": 0})
    assert str(refused.value) == "dense_1: Units must be between 1 and 65536, not 0"
    assert tr_error(refused.value) == "dense_1：单元数 必须在 1 到 65536 之间，而不是 0"
    assert tr_error(ParamError("something new")) == "something new"  # unknown: as it is


def test_a_broken_translation_falls_back_to_english(qapp):
    from widgets.i18n import tr_message

    class Broken(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return "{nonsense}" if context == "errors" else None

        def isEmpty(self):
            return False

    broken = Broken()
    qapp.installTranslator(broken)
    try:
        error = infer_shapes(_dense_on_an_image()).error_of("dense_1")
        assert tr_message(error) == str.__str__(error)
    finally:
        qapp.removeTranslator(broken)


# The app in Chinese --------------------------------------------------------------------------


def test_the_language_follows_the_locale_unless_the_setting_says_otherwise(monkeypatch):
    from widgets.app import LANGUAGE_ENV, interface_language

    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    taiwan = QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)
    germany = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert interface_language("system", china) == "zh_CN"
    assert interface_language("system", taiwan) == "zh_CN"
    assert interface_language("system", germany) == "en"
    assert interface_language("en", china) == "en"
    assert interface_language("zh_CN", germany) == "zh_CN"
    monkeypatch.setenv(LANGUAGE_ENV, "en")
    assert interface_language("zh_CN", china) == "en"


def test_the_app_started_with_the_zh_cn_locale_shows_chinese_menus(tmp_path):
    code = (
        "from widgets.app import application\n"
        "app = application()\n"
        "from widgets.main_window import MainWindow\n"
        "w = MainWindow(interactive=False)\n"
        "print('|'.join(a.text() for a in w.menuBar().actions()))\n"
        "print(w.palette.tree.topLevelItem(0).text(0))\n"
        "w.close()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.pop("NETSTUDIO_LANGUAGE", None)
    env.update(LANG="zh_CN.UTF-8", QT_QPA_PLATFORM="offscreen", NETSTUDIO_CONFIG_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    menus, category = result.stdout.splitlines()[-2:]
    menus = menus.split("|")
    assert menus[:4] == ["文件(&F)", "编辑(&E)", "视图(&V)", "设置(&S)"]
    assert "运行(&R)" in menus and menus[-1] == "帮助(&H)"  # Train, Pause, Stop: the Run menu
    assert all(re.search(r"[\u4e00-\u9fff]", menu) for menu in menus), menus  # no English left
    assert category == "输入/输出"


class Recorder(QTranslator):
    """Asked first: notes every lookup and lets the real translators answer."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source))
        return None

    def isEmpty(self):
        return False


def test_the_main_window_in_chinese(chinese, make_window, qapp, entries):
    recorder = Recorder()
    qapp.installTranslator(recorder)
    try:
        window = make_window()
        window.scene.select_nodes(["flatten_1"])
        window.delete_selection()
        window.connect_nodes("conv2d_3", "dense_1")
        window.show_page(window.center_tabs.indexOf(window.results))
        qapp.processEvents()
    finally:
        qapp.removeTranslator(recorder)
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.actions.open.iconText() == "打开"  # no "(O)" on the tool bar
    assert window.run_menu.title() == "运行(&R)"
    run_items = [a.text() for a in window.run_menu.actions() if not a.isSeparator()]
    assert run_items[:3] == ["训练(&T)", "暂停(&P)", "停止(&S)"]
    assert "导出训练好的模型(&E)…" in run_items
    tabs = window.center_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["模型", "训练", "搜索"]
    assert tabs.tabToolTip(0) == "模型结构图及其问题 (Ctrl+1)"
    assert tabs.tabToolTip(1) == "训练设置、进度和结果 (Ctrl+2)"
    assert tabs.tabToolTip(2) == "超参数搜索：试验、曲线和图表 (Ctrl+3)"
    assert window.problems.messages()[0].startswith("dense_1（Dense）：Dense 需要扁平的输入")
    assert window.scene.nodes["dense_1"].error_text().startswith("Dense 需要扁平的输入")
    assert "✗ 1 个问题" in window.model_label.text()
    window.scene.select_nodes(["conv2d_1"])
    assert window.inspector.summary.text().startswith("二维卷积层")

    # Every text of ours that the window asked for is in the .ts under a context it was asked
    # under (PySide's tr() tries the object's classes in turn): a tr() in a context the .ts
    # does not file it under, or a tr() of a text made at run time, would show English.
    known = {(e.context, e.source) for e in entries}
    ours = {e.context for e in entries} - {"errors", "layers", "templates", "datasets"}
    asked: dict[str, set[str]] = {}
    for context, source in recorder.asked:
        asked.setdefault(source, set()).add(context)
    wrong = sorted(
        (sorted(contexts), source)
        for source, contexts in asked.items()
        if contexts & ours and not any((c, source) in known for c in contexts)
    )
    assert not wrong, wrong[:10]


def test_the_language_menu_saves_the_choice_for_the_next_start(window, message_boxes):
    from widgets import config

    assert config.language() == "system"
    assert window.language_actions["system"].isChecked()
    window.language_actions["zh_CN"].trigger()
    assert config.language() == "zh_CN"
    assert message_boxes.kinds() == ["information"]
    assert "重新启动" in message_boxes.calls[0][2] and "restarts" in message_boxes.calls[0][2]
    window.language_actions["en"].trigger()
    assert config.language() == "en"


def test_a_cjk_font_is_there_for_the_chinese_interface(qapp):
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        pytest.skip("no CJK font installed (Debian: fonts-noto-cjk, see scripts/setup.sh)")
    from widgets.app import UI_FONTS

    assert any(f in families for f in UI_FONTS)
