"""SF103 suggests the "ibid." of the language the short form is written in: the message stays
English, the suggested form follows the text (German "ebd.", French and Spanish "ibid.")."""

from __future__ import annotations

import pytest

import citecheck

# (text, the form SF103 suggests)
ROWS = [
    ("See A/HRC/41/35, para. 4. Id. at para. 5.", "ibid."),
    (
        "Siehe A/HRC/41/35, Ziff. 66; a.a.O., Ziff. 71.",
        "ebd.",
    ),
    (
        "Der Ausschuss verweist auf den Bericht A/HRC/41/35, Ziff. 66, und auf die "
        "Stellungnahme des Vertragsstaats; siehe A/HRC/41/35, op. cit., Ziff. 70, wonach die "
        "Überwachung unzulässig ist.",
        "ebd.",
    ),
    (
        "Le Comité renvoie au rapport A/HRC/41/35, par. 66, et aux observations de l'État "
        "partie; voir A/HRC/41/35, op. cit., par. 70, selon lequel la surveillance est "
        "contraire au Pacte.",
        "ibid.",
    ),
    (
        "El Comité se remite al informe A/HRC/41/35, párr. 66, y a las observaciones del "
        "Estado parte; véase A/HRC/41/35, op. cit., párr. 70, según el cual la vigilancia es "
        "contraria al Pacto.",
        "ibid.",
    ),
]


@pytest.mark.parametrize(("text", "form"), ROWS)
def test_sf103_suggests_the_texts_own_ibid(text: str, form: str) -> None:
    messages = [f.message for f in citecheck.check(text).findings if f.code == "SF103"]
    assert messages
    for message in messages:
        assert message.endswith(f"repeat the reference or use '{form}'")
