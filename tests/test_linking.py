"""Place linking with the region written after a comma: inside that region, or a list of places."""
from __future__ import annotations

from kg.model import Article, Entity, Extraction
from kg.resolve.linking import resolve


def _linked(name: str, located_in: str) -> dict[str, Entity]:
    extraction = Extraction(article=Article(id="t", text=""))
    extraction.entities["p"] = Entity(name=name, kind="Place", key="p", located_in=located_in)
    return resolve(extraction).entities


def test_a_namesake_outside_the_written_region_is_never_chosen():
    # Novoselivka exists in several oblasts; the one meant lies in the region written after it
    entities = _linked("Novoselivka", "Donetsk region")
    (village,) = [e for e in entities.values() if e.name == "Novoselivka"]
    assert village.located_in == "iso:UA-14"


def test_a_village_missing_from_the_gazetteer_still_lies_in_its_region():
    entities = _linked("Zolota Balka", "Kherson")
    (village,) = [e for e in entities.values() if e.name == "Zolota Balka"]
    assert village.located_in == "iso:UA-65" and village.geonames_id is None
    assert village.geo_precision == "region"


def test_a_city_before_another_region_name_is_a_list_not_inside_it():
    entities = _linked("Odesa", "Kharkiv")
    (city,) = [e for e in entities.values() if e.name == "Odesa"]
    assert city.geonames_id == 698740 and city.located_in == "iso:UA-51"
