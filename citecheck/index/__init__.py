"""The local citation index: what the sources hold, harvested in bulk into one SQLite file.

`citecheck.index.db` is the store (schema, writes, look-ups); the harvesters fill it from the
UN Digital Library (OAI-PMH) and the Cellar (SPARQL); `check` asks it before anything else.
"""
