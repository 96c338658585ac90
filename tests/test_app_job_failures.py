"""A background job that fails: a user's error is shown as its message; a bug is one plain
line for the user, with the trace on stderr for a report (widgets.training.threads)."""

from widgets.training.jobs import BackgroundJob


def _failure(qtbot, work) -> str:
    job = BackgroundJob(work)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.start()
    return failed.args[0]


def test_a_bug_is_one_line_for_the_user_and_a_trace_on_stderr(qtbot, capfd):
    def work():
        raise RuntimeError("boom")

    assert _failure(qtbot, work) == "It failed unexpectedly: RuntimeError: boom"
    err = capfd.readouterr().err
    assert "Traceback (most recent call last)" in err and "in work" in err


def test_a_users_error_is_its_message_without_a_trace(qtbot, capfd):
    from studio.errors import StudioError

    def work():
        raise StudioError("The file is not a project.")

    assert _failure(qtbot, work) == "The file is not a project."
    assert "Traceback" not in capfd.readouterr().err
