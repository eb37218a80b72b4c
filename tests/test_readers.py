"""Reading JSON Lines into documents: the fields, the publication dates, the failures."""

from __future__ import annotations

import json
from datetime import date

from geoevents.document import Document
from geoevents.readers import Fields, Parser
from geoevents.sources import Failure, Task


def _read(lines: list[object], parser: Parser | None = None) -> list[Document | Failure]:
    data = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines).encode()
    return list((parser or Parser()).parse(Task("lines", "made-up.jsonl", data, 1), lambda notice: None))


def test_documents_carry_their_fields_and_where_they_were_read() -> None:
    first, second = _read([{"id": "a", "published": "2019-03-04", "text": "Ships left the port."},
                           {"id": 7, "date": "2019-03-05T10:00:00", "text": "Tanks moved north."}])
    assert first == Document("Ships left the port.", "a", date(2019, 3, 4), "made-up.jsonl", 1, False)
    assert type(first) is Document and first.published == date(2019, 3, 4) and first.line == 1
    assert second.id == "7" and second.published == date(2019, 3, 5) and second.line == 2
    assert second._replace(id="b").id == "b"


def test_a_date_read_again_is_the_same_and_a_bad_one_still_fails() -> None:
    parser = Parser()
    lines = [{"id": str(n), "published": "2020-02-29", "text": "Drills began."} for n in range(3)]
    lines += [{"id": "bad", "published": "2020-02-30", "text": "Drills began."},
              {"id": "odd", "published": "29/02/2020", "text": "Drills began."},
              {"id": "num", "published": 20200229, "text": "Drills began."},
              {"id": "again", "published": "2020-02-29", "text": "Drills ended."}]
    for _round in range(2):  # (the second time, the dates seen are remembered)
        read = _read(lines, parser)
        assert [d.published for d in read[:3]] == [date(2020, 2, 29)] * 3
        bad, odd, number = read[3:6]
        assert isinstance(bad, Failure) and "not a valid date" in bad.reason and bad.line == 4
        assert isinstance(odd, Failure) and "is not YYYY-MM-DD" in odd.reason
        assert isinstance(number, Failure) and "is not YYYY-MM-DD" in number.reason
        assert read[6].published == date(2020, 2, 29) and read[6].text == "Drills ended."


def test_without_a_date_the_text_or_the_default_dates_the_document() -> None:
    record = {"id": "x", "text": "KABUL, March 3, 2021 - Troops withdrew."}
    (later,) = _read([record], Parser(date_from_text_later=True))
    assert later.published is None and later.date_from_text
    assert later.dated().published == date(2021, 3, 3) and not later.dated().date_from_text
    (now,) = _read([record])
    assert now.published == date(2021, 3, 3) and not now.date_from_text
    (default,) = _read([record], Parser(Fields(), date(2000, 1, 2)))
    assert default.published == date(2000, 1, 2)
