"""Small hand-made pairs of resolutions shared by the report tests."""

from __future__ import annotations

from resalign.align import align, parse_text
from resalign.align.comparison import Comparison, compare

SMALL_LEFT = """72/10. Cooperación internacional

La Asamblea General,

Recordando su resolución 70/1¹,

Observando con preocupación la situación de los migrantes,

1. *Decide* actuar con urgencia en 2018;

2. *Solicita* al Secretario General un informe.

¹ Resolución 70/1.

*50ª sesión plenaria
1 de diciembre de 2017*
"""

SMALL_RIGHT = """70/5. Cooperación internacional

La Asamblea General,

Recordando su resolución 70/1²,

1. *Decide* actuar en 2016;

2. *Alienta* a los Estados a cooperar con *todos* los socios | en [todas] partes;

3. *Solicita* al Secretario General un informe.

² Resolución 70/1.

*60ª sesión plenaria
3 de diciembre de 2015*
"""

HOSTILE = """72/11. Prueba

La Asamblea General,

Recordando <script>alert("x")</script> & “comillas” <b>negrita</b>,

1. *Decide* actuar.
"""


def small_comparison() -> Comparison:
    left, right = (
        parse_text(SMALL_LEFT, source="left.txt"),
        parse_text(SMALL_RIGHT, source="right.txt"),
    )
    return compare(left, right, align(left, right))


def hostile_comparison() -> Comparison:
    left = parse_text(HOSTILE, source="<left>.txt")
    right = parse_text(
        HOSTILE.replace("actuar", "actuar <img src=x onerror=alert(1)>"), source="r.txt"
    )
    return compare(left, right, align(left, right))
