"""kg ask: questions in plain English over the project's examples/, and the pieces that need no model.

The question -> answer pairs live in tests/ask_cases.py; each runs as its own test against a store
holding examples/ (ingested once per session).
"""
from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kg.ask import Plan, RowFilter, ask, format_result, help_text
from kg.names import name_key
from tests.ask_cases import CASES, Case

_ARTICLES = re.compile(r"\b(the|a|an)\b")


def _loose(text: str) -> str:
    return " ".join(_ARTICLES.sub(" ", name_key(text)).split())


# ---------------------------------------------------------------------------------- no model

def test_plan_command_quotes_values_as_a_shell_would_need() -> None:
    plan = Plan("who", "who", (("place", "Kharkiv region"), ("event_type", "Visit")))
    assert plan.command() == "kg query who --param 'place=Kharkiv region' --param event_type=Visit"


@pytest.mark.parametrize(("row_filter", "kept", "dropped"), [
    (RowFilter("role", frozenset({"agent"}), ""), {"role": "agent"}, {"role": "target"}),
    (RowFilter("actor", frozenset({"x"}), "", how="not"), {"actor": "y"}, {"actor": "x"}),
    (RowFilter("date", frozenset({"--12"}), "", how="date"), {"date": "2023-12-01"}, {"date": "2023-11-30"}),
    (RowFilter("date", frozenset({"--12-01"}), "", how="date"), {"date": "2022-12-01"}, {"date": "2023-12-02"}),
    (RowFilter("date", frozenset({"2023-07"}), "", how="date"), {"date": "2023-07-19"}, {"date": "2024-07-19"}),
    (RowFilter("date", frozenset({"2024-01-01"}), "", how="from"), {"date": "2024-01-01"}, {"date": "2023-12-31"}),
    (RowFilter("date", frozenset({"2024-01-01"}), "", how="to"), {"date": "2023-12-31"}, {"date": "2024-01-02"}),
    (RowFilter("agents", frozenset({"B"}), "", how="has"), {"agents": "A; B"}, {"agents": "A; BC"}),
])
def test_row_filters(row_filter: RowFilter, kept: dict[str, str], dropped: dict[str, str]) -> None:
    assert row_filter.keeps(kept) and not row_filter.keeps(dropped)
    if row_filter.how != "not":
        assert not row_filter.keeps({})  # a row without the column (an undated event) is dropped


def test_help_lists_every_kind_of_question() -> None:
    text = help_text()
    for question in ("Who visited", "Where did", "When did", "What happened", "What did", "How many"):
        assert question in text


# ---------------------------------------------------------------------------------- over examples/

@pytest.fixture(scope="session")
def examples_store(tmp_path_factory, nlp):
    from kg.ingest import ingest
    from kg.paths import EXAMPLES_DIR
    from kg.store import LocalStore

    location = tmp_path_factory.mktemp("ask") / "store"
    store = LocalStore(location)
    report = ingest([EXAMPLES_DIR], store=store, workers=1)
    assert report.errors == [] and report.stored == 3
    yield store, location
    store.close()


def _keys(store, iri: str) -> set[str]:
    from kg.query import rows

    found = rows(store.select("PREFIX kg: <https://w3id.org/newskg#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                              f"SELECT ?k WHERE {{ {{ <{iri}> kg:nameKey ?k }} UNION {{ <{iri}> rdfs:label ?k }} }}"))
    return {_loose(r["k"]) for r in found}


def _check(case: Case, store, nlp) -> None:
    result = ask(case.question, store=store, nlp=nlp)
    text = format_result(result)
    if case.query is None:
        assert not result.understood or result.missing, text
        assert result.answers == (), text
        return
    assert result.understood and not result.missing, text
    assert result.plan is not None and result.plan.query == case.query, text
    assert result.total == len(result.answers), "every answer is listed for these small examples"
    if case.show == "name":
        names = [(answer.value, set().union(*(_keys(store, n) for n in answer.nodes)) | {_loose(answer.value)})
                 for answer in result.answers]
        expected = {_loose(e) for e in case.expect}
        unmatched = [value for value, keys in names if not keys & expected]
        missing = [e for e in case.expect if not any(_loose(e) in keys for _, keys in names)]
        assert not unmatched and not missing, f"unexpected {unmatched}, missing {missing}\n{text}"
    else:
        got = sorted(case.show.format(value=a.value, **dict(a.facts)).strip() for a in result.answers)
        assert got == sorted(case.expect), text
    for answer in result.answers:  # every answer shows its evidence and the article it comes from
        assert answer.sources, text
        assert all(s.sentence and s.document.startswith("https://w3id.org/newskg/id/doc/") for s in answer.sources)


@pytest.mark.model
@pytest.mark.parametrize("case", [pytest.param(c, id=c.question, marks=[pytest.mark.xfail(reason=c.xfail, strict=True)]
                                               if c.xfail else []) for c in CASES])
def test_question_over_examples(case: Case, examples_store, nlp) -> None:
    store, _ = examples_store
    _check(case, store, nlp)


def test_there_are_forty_questions_with_answers() -> None:
    answerable = [c for c in CASES if c.query is not None]
    assert len(answerable) >= 40
    assert len({c.question for c in CASES}) == len(CASES)


@pytest.mark.model
def test_the_answer_names_the_query_a_user_can_run(examples_store, nlp) -> None:
    store, _ = examples_store
    result = ask("Who visited Kupyansk?", store=store, nlp=nlp)
    assert result.plan is not None
    assert result.plan.command() == "kg query who --param place=Kupyansk --param event_type=Visit"
    text = format_result(result, show_sparql=True)
    assert "1 answer from: kg query who --param place=Kupyansk --param event_type=Visit" in text
    assert "kept the rows where role is agent" in text
    assert "On December 1, Ukrainian President Volodymyr Zelensky visited a command post in Kupiansk." in text
    assert "Moscow says its troops held the line near Kupiansk (Example Wire, 2023-12-04)" in text
    assert ('VALUES (?placeKey ?eventClass ?dateFrom ?dateTo) { ("kupyansk" <https://w3id.org/newskg#Visit> '
            "UNDEF UNDEF) }") in text


@pytest.mark.model
def test_month_filter_is_stated_and_applied(examples_store, nlp) -> None:
    store, _ = examples_store
    november = ask("Where did Zelensky go in November?", store=store, nlp=nlp)
    december = ask("Where did Zelensky go in December?", store=store, nlp=nlp)
    assert november.plan.command() == december.plan.command() == "kg query where --param actor=Zelensky"
    assert [f.text for f in november.plan.filters] == ["date matches --11"]
    assert [f.text for f in december.plan.filters] == ["date matches --12"]
    assert november.answers == () and len(december.answers) == 2


@pytest.mark.model
def test_cli_ask_exit_codes(examples_store) -> None:
    from kg.cli import app

    _, location = examples_store  # the CLI opens it read-only beside the session's writer
    runner = CliRunner()
    good = runner.invoke(app, ["ask", "Who shelled Chasiv Yar?", "--store", str(location)])
    assert good.exit_code == 0, good.output
    assert "Russian artillery" in good.output and "kg query who --param 'place=Chasiv Yar'" in good.output
    nothing = runner.invoke(app, ["ask", "Who visited Bakhmut?", "--store", str(location)])
    assert nothing.exit_code == 1 and "nothing in the store is named 'Bakhmut'" in nothing.output
    empty = runner.invoke(app, ["ask", "Where was the Bradley lost?", "--store", str(location)])
    assert empty.exit_code == 1 and "No answer in the store." in empty.output
    unknown = runner.invoke(app, ["ask", "What is the capital of France?", "--store", str(location)])
    assert unknown.exit_code == 2
    assert "Cannot answer this question" in unknown.output and "Who visited Kupiansk?" in unknown.output


@pytest.mark.model
@pytest.mark.parametrize(("question", "command", "filters"), [
    ("What happened before 2024?", "kg query events --param date_to=2023-12-31", []),
    ("What happened after July 2023?", "kg query events --param date_from=2023-08-01", []),
    ("What happened since 2024-04-06?", "kg query events --param date_from=2024-04-06", []),
    ("What happened on 2023-12-01?", "kg query events --param date_from=2023-12-01 --param date_to=2023-12-01", []),
    ("When did Zelensky visit Kupiansk in December 2023?", "kg query when --param actor=Zelensky --param "
     "place=Kupiansk --param event_type=Visit", ["date matches 2023-12"]),
    ("Where was Zelensky on December 1?", "kg query where --param actor=Zelensky", ["date matches --12-01"]),
])
def test_dates_become_parameters_or_stated_filters(examples_store, nlp, question: str, command: str,
                                                   filters: list[str]) -> None:
    store, _ = examples_store
    result = ask(question, store=store, nlp=nlp)
    assert result.plan is not None and result.plan.command() == command
    assert [f.text for f in result.plan.filters if f.column == "date"] == filters


@pytest.mark.model
@pytest.mark.parametrize(("question", "problem"), [
    ("Who attacked Kupiansk last week?", "a relative date"),
    ("What happened after July?", "needs a year"),
    ("Who visited Kupiansk on 2023-13-01?", "no day 1 in month 13"),
    ("How did Zelensky travel?", "only 'how many'"),
    ("Kupiansk was visited.", "not a question"),
])
def test_questions_it_cannot_answer_say_why(examples_store, nlp, question: str, problem: str) -> None:
    store, _ = examples_store
    result = ask(question, store=store, nlp=nlp)
    assert not result.understood and problem in (result.problem or "")
    assert "kg ask answers questions such as" in format_result(result)
