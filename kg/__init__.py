"""kg: news reporting on armed conflict, turned into an RDF knowledge graph."""
__version__ = "0.1.0"
