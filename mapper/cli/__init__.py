"""The ``mapper`` command: thin, one module per command, calling the library.

* ``main``: assembles the sub-commands and turns the library's errors into a message
  and exit status 2 (:func:`main`);
* ``build``: ``mapper build`` (reports -> map, the whole pipeline);
* ``render``: ``mapper render`` (table -> map), and the map options both share;
* ``extract``: ``mapper extract`` (reports -> incident table);
* ``evaluate``: ``mapper evaluate`` (scores against gold);
* ``gazetteer``: ``mapper gazetteer lookup|check|unmatched``.

The only stage allowed to reach every other one.
"""

from mapper.cli.main import main

__all__ = ["main"]
