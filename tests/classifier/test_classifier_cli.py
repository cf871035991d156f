"""``python -m classifier``: analyse prints an escaped Markdown report; bad input exits 1 with a message."""
from classifier.cli import main


def test_analyse_prints_markdown(model, capsys):
    assert main(["analyse", "Hackers broke into the ministry's mail server and read officials' e-mail.", "--lang", "az"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 30-cu fəsil üzrə təhlil") and "271" in out


def test_analyse_shows_user_markup_literally_in_a_code_block(model, capsys):
    text = "<b>x</b> **y** someone logged into my e-mail and changed my password"
    main(["analyse", text])
    out = capsys.readouterr().out
    fenced = f"```text\n{text}\n```"
    assert fenced in out and "<b>" not in out.replace(fenced, "")


def test_analyse_empty_text_exits_1(model, capsys):
    assert main(["analyse", "   "]) == 1
    assert "Error: the text is empty" in capsys.readouterr().err


def test_analyse_date_before_2012_exits_1(model, capsys):
    assert main(["analyse", "someone hacked the server", "--on", "2010-01-01"]) == 1
    assert "before the 2012 rewrite" in capsys.readouterr().err


def test_corpus_command_validates_and_counts(capsys):
    assert main(["corpus"]) == 0
    out = capsys.readouterr().out
    assert "validation problems: 0" in out and "## article" in out
