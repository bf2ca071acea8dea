"""A modeled next version of the English 72/195, made by known edits, for carrying the
Spanish translation forward: every unit's fate is known.

The edits, as a drafting committee makes them two years on (A/RES/74/176 is a made-up
symbol for it):
- header: symbol, session, adoption date and committee report of the new year;
- PP9 reworded: the resolution recalled last time joins the list;
- a preambular paragraph inserted after PP11, citing a new footnote (so FN8–FN14 become
  FN9–FN15, and PP12–PP34 become PP13–PP35);
- an operative paragraph inserted after OP2 (OP3–OP18 are renumbered OP4–OP19);
- OP8 reworded (it becomes OP9);
- OP19 dropped (OP20–OP22 keep their numbers);
- OP21: only a year changed (2018 → 2020);
- the closing: only the date changed.
"""

from __future__ import annotations

import re

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_RUN = re.compile(f"[{SUPERSCRIPTS}]+")
_OPERATIVE = re.compile(r"^(\d+)\. ", re.MULTILINE)

NEW_PREAMBULAR = (
    "Recalling also the report of the Special Rapporteur on trafficking in persons, "
    "especially women and children, to the Human Rights Council at its thirty-fifth session,⁸"
)
NEW_FOOTNOTE = "⁸ A/HRC/35/37."
NEW_OPERATIVE = (
    "*Calls upon* Member States to ratify or accede to the Protocol to Prevent, Suppress "
    "and Punish Trafficking in Persons without delay and to implement it fully;"
)


def superscript(number: int) -> str:
    return "".join(SUPERSCRIPTS[int(digit)] for digit in str(number))


def modeled_new_english(text: str) -> str:
    """The edits above, made to the text of the English 72/195."""
    text = _new_header(text)
    text = text.replace(
        "68/192 of 18 December 2013 and 70/179 of 17 December 2015",
        "68/192 of 18 December 2013, 70/179 of 17 December 2015 and 72/195 of 19 December 2017",
    )
    text = _SUPERSCRIPT_RUN.sub(lambda m: _shifted_note(m.group()), text)
    text = _after_line_starting(text, "Recalling further Human Rights Council", NEW_PREAMBULAR)
    text = _after_line_starting(text, "⁷ See *Official Records", NEW_FOOTNOTE)
    text = _drop_line_starting(text, "19. *Notes* the second consultative meeting")
    text = _OPERATIVE.sub(lambda m: f"{_renumbered(int(m.group(1)))}. ", text)
    text = _before_line_starting(text, "4. *Recalls* the convening", f"3. {NEW_OPERATIVE}")
    text = text.replace(
        "*Encourages* the United Nations Office on Drugs and Crime to cooperate",
        "*Encourages* the United Nations Office on Drugs and Crime to continue to cooperate",
    )
    text = text.replace(
        "to be prepared by the Office in 2018", "to be prepared by the Office in 2020"
    )
    return text.replace(
        "*73rd plenary meeting\n19 December 2017*", "*73rd plenary meeting\n18 December 2019*"
    )


def _new_header(text: str) -> str:
    for old, new in (
        ("A/RES/72/195", "A/RES/74/176"),
        ("Seventy-second session", "Seventy-fourth session"),
        ("General Assembly on 19 December 2017", "General Assembly on 18 December 2019"),
        ("(A/72/440)", "(A/74/400)"),
        ("72/195. Improving", "74/176. Improving"),
    ):
        text = text.replace(old, new)
    return text


def _shifted_note(marks: str) -> str:
    number = int("".join(str(SUPERSCRIPTS.index(char)) for char in marks))
    return superscript(number + 1 if number >= 8 else number)


def _renumbered(number: int) -> int:
    """Old operative numbers, after OP3 is inserted and OP19 dropped."""
    if number <= 2:
        return number
    return number + 1 if number < 19 else number


def _after_line_starting(text: str, start: str, new: str) -> str:
    lines = text.split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith(start)]
    lines[index + 1 : index + 1] = ["", new]
    return "\n".join(lines)


def _before_line_starting(text: str, start: str, new: str) -> str:
    lines = text.split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith(start)]
    lines[index:index] = [new, ""]
    return "\n".join(lines)


def _drop_line_starting(text: str, start: str) -> str:
    lines = text.split("\n")
    (index,) = [i for i, line in enumerate(lines) if line.startswith(start)]
    del lines[index : index + 2]
    return "\n".join(lines)
