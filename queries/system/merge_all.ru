# summary: After a bulk load: add the triples of every named graph to the merged default graph.
# columns: (an update)
INSERT { ?s ?p ?o }
WHERE {
  GRAPH ?g { ?s ?p ?o }
}
