"""SF103 suggests the "ibid." of the language the short form is written in: the message stays
English, the suggested form follows the text (German "ebd.", French and Spanish "ibid.")."""

from __future__ import annotations

import pytest

import citecheck
from citecheck import language

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


# The form comes from the short form's own word, else from real evidence of the text's
# language, else "ibid.": "para." is a pinpoint word, no Spanish evidence; Spanish and French
# UN texts write "ibid." too (only German has its own, "ebd.").
MORE_ROWS = [
    ("The Committee noted this in A/HRC/41/35, para. 3. See A/HRC/41/35, supra, para. 5.", "ibid."),
    ("A/HRC/41/35, para. 4. Id., para. 5.", "ibid."),
    (
        "El Comité recuerda el informe A/HRC/41/35, párr. 3, y las observaciones del Estado "
        "parte. Véase A/HRC/41/35, supra, párr. 5.",
        "ibid.",
    ),
    ("Der Ausschuss verweist auf A/HRC/41/35, Ziff. 3. Siehe a.a.O., Ziff. 5.", "ebd."),
    (
        "Der Ausschuss verweist auf den Bericht A/HRC/41/35, Ziff. 3, und auf die Stellungnahme "
        "des Vertragsstaats. Siehe A/HRC/41/35, supra, Ziff. 5.",
        "ebd.",
    ),
]


@pytest.mark.parametrize(("text", "form"), [*ROWS, *MORE_ROWS])
def test_sf103_suggests_the_texts_own_ibid(text: str, form: str) -> None:
    messages = [f.message for f in citecheck.check(text).findings if f.code == "SF103"]
    assert messages
    for message in messages:
        assert message.endswith(f"repeat the reference or use '{form}'")


EVIDENCE_ROWS = [
    ("See A/HRC/41/35, para. 4. Id. at para. 5.", None),  # "para." is no Spanish word
    ("A/HRC/41/35", None),
    ("El Comité recuerda el informe y las observaciones del Estado parte.", "es"),
    ("Der Ausschuss verweist auf den Bericht und die Stellungnahme.", "de"),
    ("The Committee recalls the report of the Special Rapporteur.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), EVIDENCE_ROWS)
def test_language_evidence_is_not_a_fallback(text: str, lang: str | None) -> None:
    assert language.evidence(text) == lang


# "A/HRC/41/35, op. cit., par. 70": one citation with the pinpoint after the device, and
# SF103 still on the device; "précité" merged the same way is French style (no SF103).
MERGED_ROWS = [
    ("voir A/HRC/41/35, op. cit., par. 70.", "op. cit.", "para. 70"),
    ("See A/HRC/41/35, loc. cit., para. 70.", "loc. cit.", "para. 70"),
    ("véase A/HRC/41/35, op. cit., párr. 70.", "op. cit.", "para. 70"),
    ("voir A/HRC/41/35, précité, par. 70.", None, "para. 70"),
]


@pytest.mark.parametrize(("text", "device", "pinpoint"), MERGED_ROWS)
def test_merged_op_cit_keeps_its_sf103(text: str, device: str | None, pinpoint: str) -> None:
    result = citecheck.check(text)
    assert [(c.id, str(c.pinpoint)) for c in result.citations] == [("un:A/HRC/41/35", pinpoint)]
    style = [f for f in result.findings if f.code == "SF103"]
    if device is None:
        assert style == []
    else:
        assert len(style) == 1
        assert style[0].message.startswith(f"'{device}' is not UN editorial style")
        assert text[style[0].start : style[0].end].startswith(device)
        assert style[0].id == "un:A/HRC/41/35"
