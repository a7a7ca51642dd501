"""Build parsed spaCy Docs by hand, so component tests do not need the trained model."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc


@cache
def _vocab():
    return spacy.blank("en").vocab


def parsed(spec: str, ents: list[tuple[int, int, str]] = (), *, text: str | None = None) -> Doc:
    """One token per line: ``text lemma POS TAG dep head`` (head: index of the head token, or the
    token's own index for the root). Sentences start at every root. Spacing follows ``text`` when given
    ("newly-built", "Ukraine's"), else a space after every token but before closing punctuation."""
    words, lemmas, pos, tags, deps, heads = [], [], [], [], [], []
    for line in spec.strip().splitlines():
        word, lemma, upos, tag, dep, head = line.split()
        words.append(word)
        lemmas.append(lemma)
        pos.append(upos)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
    spaces = [not (i + 1 < len(words) and words[i + 1] in ".,;:") for i in range(len(words))]
    if text is not None:
        spaces, at = [], 0
        for word in words:
            at = text.index(word, at) + len(word)
            spaces.append(text[at:at + 1] == " ")
    doc = Doc(_vocab(), words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=label) for s, e, label in ents]
    return doc
