# summary: Before a named graph is replaced or dropped: remove from the merged default graph the triples no other graph holds.
# columns: (an update; ?graph is bound by the caller)
DELETE { ?s ?p ?o }
WHERE {
  GRAPH ?graph { ?s ?p ?o }
  FILTER NOT EXISTS { GRAPH ?other { ?s ?p ?o } FILTER (?other != ?graph) }
}
