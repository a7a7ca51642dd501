# summary: After a named graph is written: add its triples to the merged default graph (a set: nothing is doubled).
# columns: (an update; ?graph is bound by the caller)
INSERT { ?s ?p ?o }
WHERE {
  GRAPH ?graph { ?s ?p ?o }
}
