"""The log file: where it is, that --log-level is honoured, and what it must never hold."""

from __future__ import annotations

import io
import json
import logging

import pytest

from desktop.app import logs
from desktop.cli.main import main


@pytest.fixture(autouse=True)
def restore_logging():
    """Each test leaves the root logger as it found it (main() installs a file handler)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_log_file_is_in_the_user_data_folder(isolated_env):
    assert logs.log_file() == isolated_env / "home" / "data" / "Tandem" / "logs" / "tandem.log"


def test_a_command_writes_the_log_file_at_info(isolated_env):
    code, _ = run("post", "list")
    assert code == 0
    flush()
    text = logs.log_file().read_text(encoding="utf-8")
    assert "INFO desktop.cli.main: tandem" in text and "post list" in text


def test_log_level_is_honoured(isolated_env):
    run("--log-level", "warning", "post", "list")
    logging.getLogger("desktop.test").info("an info line")
    logging.getLogger("desktop.test").warning("a warning line")
    flush()
    text = logs.log_file().read_text(encoding="utf-8")
    assert "a warning line" in text
    assert "an info line" not in text and "post list" not in text
    run("post", "list", "--log-level", "DEBUG")  # also accepted after the command
    logging.getLogger("desktop.test").debug("a debug line")
    flush()
    assert "a debug line" in logs.log_file().read_text(encoding="utf-8")


def test_unknown_log_level_is_refused(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--log-level", "chatty", "post", "list"])
    assert exc.value.code == 2
    assert "--log-level" in capsys.readouterr().err


def test_post_text_is_not_written_at_info(isolated_env):
    text_en = "Zebra crossing notice 7Q3X"
    code, out = run("--json", "post", "new", "--en", text_en, "--fr", "Avis passage 9K2W")
    assert code == 0
    post_id = json.loads(out)["id"]
    run("post", "edit", str(post_id), "--lang", "en", "--text", "Second draft 4M8P")
    run("post", "show", str(post_id))
    flush()
    written = logs.log_file().read_text(encoding="utf-8")
    assert "post new" in written  # the commands were logged ...
    for fragment in ("7Q3X", "9K2W", "4M8P"):  # ... but none of the text
        assert fragment not in written


@pytest.mark.parametrize("message, secret", [
    ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "eyJhbGciOiJIUzI1NiJ9"),
    ('createSession answered {"accessJwt": "jwt-value-123", "did": "did:plc:x"}', "jwt-value-123"),
    ("webhook https://hooks.example/ci?token=abc123secret&x=1", "abc123secret"),
    ("app password abcd-efgh-ijkl-mnop refused", "abcd-efgh-ijkl-mnop"),
    ("password=hunter2", "hunter2"),
])
def test_secret_like_values_are_never_written(isolated_env, message, secret):
    path = logs.configure_logging("DEBUG")
    logging.getLogger("desktop.publishing.test").info(message)
    logging.getLogger("desktop.publishing.test").debug("debug: %s", message)
    try:
        raise RuntimeError(message)
    except RuntimeError:
        logging.getLogger("desktop.publishing.test").exception("failed")
    flush()
    written = path.read_text(encoding="utf-8")
    assert "***" in written and secret not in written


def test_http_client_urls_stay_out_even_at_debug(isolated_env):
    path = logs.configure_logging("DEBUG")
    logging.getLogger("httpx").info("HTTP Request: POST https://hooks.example/T000/B000/XXXX")
    logging.getLogger("desktop.test").debug("ours")
    flush()
    written = path.read_text(encoding="utf-8")
    assert "ours" in written and "hooks.example" not in written


def test_configuring_twice_keeps_one_handler(isolated_env):
    logs.configure_logging()
    logs.configure_logging("warning")
    ours = [h for h in logging.getLogger().handlers
            if isinstance(h, logging.FileHandler) and h.baseFilename == str(logs.log_file())]
    assert len(ours) == 1 and ours[0].level == logging.WARNING


def test_doctor_names_the_log_file(isolated_env):
    code, out = run("--json", "doctor", "--offline")
    data_folder = next(c for c in json.loads(out)["checks"] if c["id"] == "data-folder")
    assert data_folder["details"]["log_file"] == str(logs.log_file())
    assert str(logs.log_file()) in data_folder["message"]
