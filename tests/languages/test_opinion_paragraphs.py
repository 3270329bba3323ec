"""A paragraph before a case is the judgment's only where the words between name a judgment or
an order (or the case itself): an Advocate General's opinion ("Schlussanträge", "conclusions",
"conclusiones", "Opinion") numbers its own paragraphs, which are no pinpoint of the case.
Made-up sentences in the shapes of judgments and commentaries, in the four languages."""

from __future__ import annotations

import pytest

import citecheck

CASE = "case:C-311/18"

ROWS = [
    ("See paragraph 42 of the judgment in Case C-311/18.", "para. 42"),
    ("See paragraph 42 of the order in Case C-311/18.", "para. 42"),
    ("Vgl. Rn. 42 des Urteils in der Rechtssache C-311/18.", "para. 42"),
    ("Vgl. Rn. 42 des Beschlusses C-311/18.", "para. 42"),
    ("Voir point 42 de l'arrêt dans l'affaire C-311/18.", "para. 42"),
    ("Voir point 42 de l'ordonnance C-311/18.", "para. 42"),
    ("Véase el apartado 42 de la sentencia en el asunto C-311/18.", "para. 42"),
    ("Véase el apartado 42 del auto C-311/18.", "para. 42"),
    # negative rows: the opinion's (or another document's) paragraph is none of the case's
    ("See paragraph 42 of the Opinion in Case C-311/18.", ""),
    ("See paragraph 42 of the Opinion of the Advocate General in Case C-311/18.", ""),
    ("Vgl. Rn. 42 der Schlussanträge in der Rechtssache C-311/18.", ""),
    ("Vgl. Rn. 42 der Schlussanträge des Generalanwalts im Urteil C-311/18.", ""),
    ("Voir point 42 des conclusions dans l'affaire C-311/18.", ""),
    ("Voir point 42 des conclusions de l'avocat général dans l'affaire C-311/18.", ""),
    ("Véase el apartado 42 de las conclusiones en el asunto C-311/18.", ""),
    ("Véase el apartado 42 de las conclusiones del Abogado General en el asunto C-311/18.", ""),
]


@pytest.mark.parametrize(("text", "pinpoint"), ROWS)
def test_only_a_judgment_gives_its_paragraph_to_the_case(text: str, pinpoint: str) -> None:
    got = [(c.id, str(c.pinpoint)) for c in citecheck.extract(text) if c.id == CASE]
    assert got == [(CASE, pinpoint)]
