"""kg: news reporting on armed conflict, turned into an RDF knowledge graph.

For notebooks: ``kg.open_store``, ``kg.ingest``, ``kg.query``, ``kg.sparql`` and ``kg.draw``
(see :mod:`kg.api`). Nothing heavy is imported until one of them is used.
"""
from __future__ import annotations

import sys
import types
from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "open_store", "ingest", "query", "sparql", "draw"]

#: API functions that share their name with a submodule (kg/ingest.py, kg/query.py).
_CALLABLE_MODULES = ("ingest", "query")


class _CallableModule(types.ModuleType):
    """``kg.ingest`` and ``kg.query`` are both submodules and the notebook functions: the import
    system binds a package attribute to its submodule whenever the submodule is first imported,
    so the submodule itself is made callable (calling it calls :mod:`kg.api`) and stays a module
    for everything else (``from kg.query import bind``, ``monkeypatch.setattr(kg.ingest, ...)``)."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from . import api
        return getattr(api, self.__name__.rsplit(".", 1)[1])(*args, **kwargs)


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name in _CALLABLE_MODULES and type(value) is types.ModuleType:
            value.__class__ = _CallableModule
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name in _CALLABLE_MODULES:
        import importlib
        return importlib.import_module(f"{__name__}.{name}")  # binds the attribute, made callable above
    if name in ("open_store", "sparql", "draw"):
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
