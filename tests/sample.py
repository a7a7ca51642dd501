"""A small hand-built extraction (no NLP) for query, RDF and store tests. Sentences are the project's own."""
from __future__ import annotations

from datetime import date

from kg.model import Article, Claim, DateRef, Entity, Event, Extraction, Quantity, Role


def sample_extraction(article_id: str = "sample-1", text: str = "Sample text.") -> Extraction:
    ua = Entity(name="Ukraine", kind="Country", key="geonames:690791", lat=49.0, long=32.0, geonames_id=690791,
                geo_precision="country", iso_code="UA")
    ru = Entity(name="Russia", kind="Country", key="geonames:2017370", geonames_id=2017370, geo_precision="country")
    region = Entity(name="Kharkiv Oblast", kind="Region", key="iso:UA-63", located_in=ua.key, lat=49.98, long=36.25,
                    aliases={"Kharkiv region"}, geo_precision="exact", iso_code="UA-63")
    district = Entity(name="Kupianskyi Raion", kind="District", key="katottg:UA63080000000032022",
                      located_in=region.key, lat=49.71, long=37.61, geo_precision="exact")
    town = Entity(name="Kupyansk", kind="Settlement", key="geonames:703656", located_in=district.key, lat=49.71,
                  long=37.61, aliases={"Kupiansk"}, geonames_id=703656, geo_precision="exact")
    post = Entity(name="Kupyansk command post", kind="Facility", key="facility:kupyansk command post",
                  located_in=town.key)
    person = Entity(name="Volodymyr Zelensky", kind="Person", key="wd:Q3874799", role="President",
                    affiliation=ua.key, aliases={"Zelenskiy", "Zelensky"}, wikidata="Q3874799")
    mod = Entity(name="Russian Ministry of Defense", kind="GovernmentBody", key="actor:ru-mod", affiliation=ru.key,
                 aliases={"Russian defence ministry"})
    force = Entity(name="Ukrainian assault groups", kind="ArmedForce", key="actor:ua-groups", affiliation=ua.key)
    tank = Entity(name="Leopard 1A5 tank", kind="Equipment", key="equipment:leopard 1a5 tank", supplied_by="geonames:2921044")
    germany = Entity(name="Germany", kind="Country", key="geonames:2921044", geonames_id=2921044)
    entities = {e.key: e for e in (ua, ru, region, district, town, post, person, mod, force, tank, germany)}
    visit = Event(id="1-1", type="Visit", trigger="visited", sentence="The president visited a command post in Kupyansk.",
                  sentence_start=1, roles=[Role("agent", person.key), Role("place", post.key)],
                  date=DateRef("On November 30", date(2023, 11, 30), "day"))
    attack = Event(id="2-2", type="Attack", trigger="assaults", sentence="Five assaults by Ukrainian groups were repelled.",
                   sentence_start=2, status="claimed", roles=[Role("agent", force.key), Role("place", region.key)],
                   quantity=Quantity(5), sources=[mod.key])
    loss = Event(id="3-3", type="Loss", trigger="lost", sentence="The Ukrainian side lost a Leopard 1A5 tank.",
                 sentence_start=3, status="claimed", roles=[Role("target", force.key), Role("equipment", tank.key)],
                 quantity=Quantity(1), sources=[mod.key])
    article = Article(id=article_id, text=text, published=date(2023, 12, 3), source="Example Wire",
                      title="Sample article")
    claims = [Claim(event="2-2", source=mod.key, sentence=attack.sentence, quantity=Quantity(5)),
              Claim(event="3-3", source=mod.key, sentence=loss.sentence, quantity=Quantity(1))]
    return Extraction(article=article, entities=entities, events=[visit, attack, loss], claims=claims)
