"""A collection of small generated resolutions, as many as asked: each symbol in English
and Spanish, a header, a title of its own, two preambular and three operative paragraphs.
What a run over the whole record (some 100,000 documents) costs the client, in memory and
time, without the hours reading 100,000 real PDFs takes."""

from __future__ import annotations

from pathlib import Path

TEXTS = {
    "en": (
        "United Nations A/RES/90/{n}\nGeneral Assembly Distr.: General\n3 December 2035\n\n"
        "Ninetieth session\nAgenda item {item}\n\n"
        "Resolution adopted by the General Assembly on 1 December 2035\n\n"
        "90/{n}. Cooperation in the field of subject {n}\n\nThe General Assembly,\n\n"
        "Recalling its resolution 89/{n} of 2 December 2034,\n\n"
        "Having considered the report of the Secretary-General on subject {n},\n\n"
        "1. Decides to continue its consideration of subject {n} at its {later} session;\n\n"
        "2. Requests the Secretary-General to submit to it a report on the implementation "
        "of the present resolution, including {n} recommendations;\n\n"
        "3. Decides to include in the provisional agenda of its ninety-first session the "
        "item entitled \u201cCooperation in the field of subject {n}\u201d.\n"
    ),
    "es": (
        "Naciones Unidas A/RES/90/{n}\nAsamblea General Distr. general\n3 de diciembre de 2035\n\n"
        "Nonagésimo período de sesiones\nTema {item} del programa\n\n"
        "Resolución aprobada por la Asamblea General el 1 de diciembre de 2035\n\n"
        "90/{n}. Cooperación en la esfera del tema {n}\n\nLa Asamblea General,\n\n"
        "Recordando su resolución 89/{n}, de 2 de diciembre de 2034,\n\n"
        "Habiendo examinado el informe del Secretario General sobre el tema {n},\n\n"
        "1. Decide seguir examinando el tema {n} en su {later} período de sesiones;\n\n"
        "2. Solicita al Secretario General que le presente un informe sobre la aplicación "
        "de la presente resolución, con {n} recomendaciones;\n\n"
        "3. Decide incluir en el programa provisional de su nonagésimo primer período de "
        "sesiones el tema titulado \u201cCooperación en la esfera del tema {n}\u201d.\n"
    ),
}
LATER = {"en": "ninety-first", "es": "nonagésimo primer"}


def make_small_collection(folder: Path, documents: int) -> int:
    """Write `documents` (rounded down to an even number) into `folder`, a hundred
    symbols to a subfolder; returns how many."""
    pairs = documents // 2
    for n in range(1, pairs + 1):
        where = folder / f"{n // 100:04d}"
        if n % 100 in (0, 1):
            where.mkdir(parents=True, exist_ok=True)
        for lang, text in TEXTS.items():
            made = text.format(n=n, item=n % 150 + 1, later=LATER[lang])
            (where / f"A_RES_90_{n}.{lang}.txt").write_text(made, "utf-8")
    return 2 * pairs
