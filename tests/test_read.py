"""Reading inputs: file kinds, decoding, boilerplate, jsonl records and their errors."""
from __future__ import annotations

import json
from datetime import date

import pytest

from kg.errors import InputError
from kg.read import clean_text, decode, read_articles


def _read(*paths, **options):
    return list(read_articles([str(p) for p in paths], **options))


def test_text_page_loses_its_boilerplate(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Army says it held the bridge\n\nNo time to read?\nGet a summary\n\n"
                    "The army said it held the bridge on Monday.\n\nPrevious Article\n\n"
                    "Best phones of the month: the Example X2 leads\n")
    (article,) = _read(page, published=date(2024, 1, 2))
    assert article.title == "Army says it held the bridge"
    assert "held the bridge on Monday" in article.text
    for furniture in ("No time to read", "Get a summary", "Previous Article", "Example X2"):
        assert furniture not in article.text
    assert article.published == date(2024, 1, 2) and article.id == "page"


def test_a_teaser_inside_the_article_goes_and_the_article_goes_on():
    _, body = clean_text("The brigade held the ridge on Monday.\n\n"
                         "Other Topics of Interest Minister Opens New Bakery in Example Town The ribbon was cut.\n\n"
                         "Read more news from the region on our main page.\n\n"
                         "The brigade then crossed the river.\n\nRead more\n\nBest phones of the month\n")
    assert "held the ridge" in body and "crossed the river" in body
    for teaser in ("Bakery", "main page", "Best phones"):
        assert teaser not in body


def test_a_newsletter_promotion_inside_the_article_goes():
    _, body = clean_text("The minister visited the depot.\n\n"
                         "skip past newsletter promotion Sign up to Example Daily Free daily newsletter Privacy "
                         "Notice: Newsletters may contain info about charities. after newsletter promotion\n\n"
                         "He also visited the port.\n")
    assert "visited the depot" in body and "visited the port" in body and "Newsletters" not in body


def test_a_carousel_of_other_stories_inside_the_article_goes():
    _, body = clean_text("The convoy reached the town.\n\n"
                         "Skip to end of carousel About this series Example Series looks at how a war reshapes a "
                         "country and its invasion of a neighbour.\n\n"
                         "The convoy left at dawn.\n")
    assert "reached the town" in body and "left at dawn" in body and "carousel" not in body and "invasion" not in body


def test_jsonl_records_and_their_errors(tmp_path):
    lines = [json.dumps({"id": "a1", "text": "Troops crossed the river.", "date": "2024-03-01", "source": "Wire"}),
             "{broken json",
             json.dumps({"date": "2024-03-01"}),
             json.dumps({"text": 42}),
             json.dumps({"text": "Fine text.", "date": "March the first"}),
             json.dumps({"text": "No id here, so the id comes from the text."})]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = _read(path)
    articles = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in articles][0] == "a1" and articles[0].source == "Wire"
    assert articles[0].published == date(2024, 3, 1)
    assert len(articles) == 2 and articles[1].id.startswith("batch-")
    messages = [str(e) for e in errors]
    assert any(":2: broken JSON" in m for m in messages)
    assert any(":3: record has no 'text' field" in m for m in messages)
    assert any(":4: 'text' must be a string, found int" in m for m in messages)
    assert any(":5: unknown date format 'March the first'" in m for m in messages)
    assert all(str(path) in m for m in messages)


@pytest.mark.parametrize("data,problem", [(b"", "empty"), (b"  \n\t \n", "empty"),
                                          (bytes(range(256)) * 4, "binary")])
def test_empty_and_binary_files_are_refused(tmp_path, data, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    (error,) = _read(path)
    assert isinstance(error, InputError) and problem in error.problem and str(path) in str(error)


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "utf-16-le", "utf-8-sig"])
def test_other_encodings_decode_without_mojibake(tmp_path, encoding):
    text = "Troops entered Kramatorsk café district on Monday, officials said."
    path = tmp_path / f"enc-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (article,) = _read(path)
    assert article.text == text


def test_decode_refuses_invalid_utf16_with_bom():
    with pytest.raises(InputError):
        decode(b"\xff\xfe" + b"\x00\xd8", "x.txt")


def test_directory_walk_skips_other_files_and_survives_symlink_loops(tmp_path):
    (tmp_path / "a.txt").write_text("First article text.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second article text.")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    articles = _read(tmp_path)
    assert [a.id for a in articles] == ["a", "sub/b"]


def test_missing_and_unsupported_paths_are_errors(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    errors = _read(tmp_path / "nope.txt", tmp_path / "x.pdf")
    assert "no such file" in errors[0].problem and "unsupported file type '.pdf'" in errors[1].problem


def test_html_keeps_the_article_and_drops_scripts_styles_comments_and_navigation(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>T</title><style>.x{color:red}</style><script>var leak='SCRIPTLEAK';</script>"
                    "</head><body><nav><a href='/'>Home</a> <a href='/s'>Sport NAVLEAK</a></nav><!-- COMMENTLEAK -->"
                    "<article><h1>Guards held the pass</h1><p>Border guards held the mountain pass on Friday after a "
                    "long night of shelling, the regional governor said in a statement to reporters.</p>"
                    "<p>The governor said two buildings in the village were damaged by the shelling overnight.</p>"
                    "</article><footer>Copyright FOOTLEAK</footer></body></html>")
    (article,) = _read(page)
    assert "held the mountain pass" in article.text
    for leak in ("SCRIPTLEAK", "NAVLEAK", "COMMENTLEAK", "FOOTLEAK", "color:red"):
        assert leak not in article.text


def test_clean_text_joins_hard_wrapped_paragraphs():
    title, body = clean_text("Headline here\n\nThe first line of a wrapped\nparagraph ends here.")
    assert title == "Headline here"
    assert "a wrapped paragraph ends here." in body
