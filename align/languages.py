"""Per-language conventions of UN resolutions, as data.

Everything the reader needs to know about one official language lives in its `Language`
entry: how sub-items and operative paragraphs are labelled, how dates, agenda items and
closing lines are written, which words open a paragraph. Code elsewhere looks these up;
it never branches on a language code.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from resalign.align.patterns import lazy

_OPERATIVE = lazy(r"^(?P<label>(?P<number>\d+)\.)(?:\s+|$)")
_NEVER = lazy(r"(?!)")

LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class Language(NamedTuple):
    """The conventions of one official language."""

    code: str
    name: str
    months: tuple[tuple[str, ...], ...]
    """For each month January..December, the names it is written with (lower case)."""
    date: str
    """Regex for a date in words with `{month}` where a month name goes; groups `day`,
    `month`, `year`."""
    agenda_item: re.Pattern[str]
    """Matches the header line giving the agenda item; group `item`."""
    adopted: re.Pattern[str]
    """Matches the header line that states the adoption (the date is read from it)."""
    closing: re.Pattern[str]
    """Matches the closing line (`73ª sesión plenaria`)."""
    opening: re.Pattern[str]
    """Matches the organ's opening line (`La Asamblea General,`)."""
    subitem: re.Pattern[str]
    """Matches a sub-item label at the start of a paragraph; groups `label`, `letter`."""
    letters: str | tuple[str, ...]
    """The sub-item letters in order; position n is keyed with the n-th Latin letter."""
    day_joiners: str = r"-|–|—"
    """Regex alternation of what joins the days of a range or list sharing one month and
    year (`27 and 28 September`, `12 al 19 de mayo`, `27日和28日`)."""
    subitem_label: str = "{letter})"
    """How a sub-item label is printed, for readers that must write one (HTML lists)."""
    operative_label: str = "{number}."
    operative: re.Pattern[str] = _OPERATIVE
    """Matches an operative number at the start of a paragraph; groups `label`, `number`."""
    annex: re.Pattern[str] = _NEVER
    """Matches the line that opens an annex (`Annex`, `Annex II`); group `numeral`."""
    sponsors: re.Pattern[str] = _NEVER
    """Matches the end of a draft's sponsors line (`Iraq: draft resolution`); groups
    `sponsors` and `what` (the words after the colon)."""
    amendment: re.Pattern[str] = _NEVER
    """Matches `what` of a sponsors line that introduces an amendment; group `target`."""
    inline_marker: re.Pattern[str] | None = None
    """Footnote markers written in the running text other than as superscripts."""
    lead_phrases: tuple[str, ...] = ()
    """Multi-word lead phrases, matched before the one-word fallback (longest first)."""
    lead_extenders: tuple[str, ...] = ()
    """Words that extend a lead (`también`, `also`): `Recordando también`."""
    lead_particles: tuple[str, ...] = ()
    """Words that never stand alone as a lead (Arabic `وإذ`): the next word joins them."""
    stopwords: frozenset[str] = frozenset()
    """Frequent words that tell this language from the others in the same script."""
    script: str = "latin"
    month_capitals: bool = False
    """Month names are written with a capital (`30 May`), so `30 may apply` names none."""
    lower_case_openings: bool = False
    """Paragraphs open in lower case (Russian: `вновь подтверждая`), so a block opening in
    lower case does not by that alone continue the paragraph before it."""


def _months(*names: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(name.split("|")) for name in names)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split(" "))


def _rx(pattern: str) -> re.Pattern[str]:
    return lazy(pattern, re.IGNORECASE)


_LATIN_SUBITEM = lazy(
    r"^(?P<label>\(?(?P<letter>(?P<single>[a-z])(?P=single)?|[ivx]{2,6})\))(?:\s+|$)"
)
"""`(a)` or `a)`; past (z), `(aa)`, `(bb)` …; and roman items (`(iii)`), which the
paragraph reader tells from letters (`(i)`, `(v)`, `(ii)`) by what comes before."""

SPANISH = Language(
    code="es",
    name="Spanish",
    months=_months(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre|setiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    date=r"(?P<day>\d{1,2})(?:º|°)? de (?P<month>{month})(?: de)? (?P<year>\d{4})",
    day_joiners=r"y|al|a|-|–|—",
    agenda_item=_rx(r"^Temas? (?P<item>\d.*?) del programa"),
    adopted=_rx(r"^Resolución aprobada por"),
    closing=_rx(r"sesión plenaria"),
    opening=_rx(r"^(?:La Asamblea General[,;]?|(?:La|El) Consejo\b.*[,;])$"),
    subitem=_LATIN_SUBITEM,
    letters=LATIN_LETTERS,
    lead_phrases=(
        "Acogiendo con beneplácito",
        "Acoge con beneplácito",
        "Tomando nota con aprecio",
        "Tomando nota",
        "Toma nota con aprecio",
        "Toma nota",
        "Teniendo presente",
        "Poniendo de relieve",
        "Pone de relieve",
        "Profundamente preocupada",
        "Expresando preocupación",
        "Expresa preocupación",
        "Observando con preocupación",
    ),
    lead_extenders=("también", "además", "asimismo", "nuevamente", "firmemente"),
    stopwords=_words("de la el los las que y en del por para con una se su"),
    annex=_rx(r"^Anexo(?:\s+(?P<numeral>[IVXLC]+))?$"),
    sponsors=_rx(r"^(?P<sponsors>.+?):\*{0,2}\s*(?P<what>(?:proyecto de resolución|enmienda).*)$"),
    amendment=_rx(r"^enmiendas? al (?:proyecto de resolución )?(?:revisado )?(?P<target>\S+)"),
)

ENGLISH = Language(
    code="en",
    name="English",
    months=_months(
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
    date=r"(?P<day>\d{1,2}) (?P<month>{month}),? (?P<year>\d{4})",
    month_capitals=True,
    day_joiners=r"and|to|-|–|—",
    agenda_item=_rx(r"^Agenda items? (?P<item>\d.*?)$"),
    adopted=_rx(r"^Resolution adopted by"),
    closing=_rx(r"plenary meeting"),
    opening=_rx(r"^The (?:General Assembly|[\w ]*Council)[,;]?$"),
    subitem=_LATIN_SUBITEM,
    letters=LATIN_LETTERS,
    subitem_label="({letter})",
    lead_phrases=(
        "Bearing in mind",
        "Taking note with appreciation",
        "Taking note",
        "Takes note",
        "Noting with appreciation",
        "Noting with concern",
        "Deeply concerned",
        "Expressing concern",
        "Expresses concern",
        "Expresses solidarity and compassion",
        "Expresses support",
        "Calls upon",
        "Looking forward",
        "Having considered",
        "Guided by",
        "Mindful of",
    ),
    lead_extenders=("also", "further", "again", "once again", "strongly"),
    stopwords=_words("the of and to in for that on with by its as be"),
    annex=_rx(r"^Annex(?:\s+(?P<numeral>[IVXLC]+))?$"),
    sponsors=_rx(
        r"^(?P<sponsors>.+?):\*{0,2}\s*"
        r"(?P<what>(?:revised )?(?:draft resolution|amendments? to).*)$"
        r"|^Draft resolution submitted by (?P<by>.+?)\*{0,2}$"
    ),
    amendment=_rx(
        r"^amendments? to (?:the )?(?:revised )?(?:draft resolution )?"
        r"(?:(?P<number>[IVX\d]+) recommended by .+? contained in (?:document )?)?(?P<target>\S+)"
    ),
)

FRENCH = Language(
    code="fr",
    name="French",
    months=_months(
        "janvier",
        "février|fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août|aout",
        "septembre",
        "octobre",
        "novembre",
        "décembre|decembre",
    ),
    date=r"(?P<day>\d{1,2})(?:er)? (?P<month>{month}) (?P<year>\d{4})",
    day_joiners=r"et|au|-|–|—",
    agenda_item=_rx(r"^Points? (?P<item>\d.*?) de l[’']ordre du jour"),
    adopted=_rx(r"^Résolution adoptée par"),
    closing=_rx(r"séance plénière"),
    opening=_rx(r"^L[’']Assemblée générale[,;]?$|^Le Conseil\b.*[,;]$"),
    subitem=_LATIN_SUBITEM,
    letters=LATIN_LETTERS,
    lead_phrases=(
        "Prenant note avec satisfaction",
        "Prenant note",
        "Prend note avec satisfaction",
        "Prend note",
        "Ayant à l’esprit",
        "Ayant à l'esprit",
        "Tenant compte",
        "Profondément préoccupée",
        "Se félicitant",
        "Se félicite",
        "Constatant avec inquiétude",
        "Se déclarant préoccupée",
        "Se déclare préoccupée",
        "Exprime sa solidarité",
    ),
    lead_extenders=("également", "en outre", "de nouveau", "aussi"),
    stopwords=_words("de la le les des et à en du que pour dans une est sur"),
    annex=_rx(r"^Annexe(?:\s+(?P<numeral>[IVXLC]+))?$"),
    sponsors=_rx(
        r"^(?P<sponsors>.+?)\s?:\*{0,2}\s*(?P<what>(?:projet de résolution|amendement).*)$"
    ),
    amendment=_rx(r"^amendements? au (?:projet de résolution )?(?:révisé )?(?P<target>\S+)"),
)

RUSSIAN = Language(
    code="ru",
    name="Russian",
    months=_months(
        "января|январь",
        "февраля|февраль",
        "марта|март",
        "апреля|апрель",
        "мая|май",
        "июня|июнь",
        "июля|июль",
        "августа|август",
        "сентября|сентябрь",
        "октября|октябрь",
        "ноября|ноябрь",
        "декабря|декабрь",
    ),
    date=r"(?P<day>\d{1,2}) (?P<month>{month}) (?P<year>\d{4})(?: года| г\.)?",
    day_joiners=r"и|по|-|–|—",
    agenda_item=_rx(r"^Пункты? (?P<item>\d.*?) повестки дня"),
    adopted=_rx(r"^Резолюция,? принятая"),
    closing=_rx(r"пленарное заседание"),
    opening=_rx(r"^Генеральная Ассамблея[,;]?$|^Совет\b.*[,;]$"),
    subitem=lazy(r"^(?P<label>\(?(?P<letter>[а-я])\))(?:\s+|$)"),
    letters="абвгдежзиклмнопрстуфхцчшщэюя",
    lead_phrases=(
        "настоятельно призывает",
        "принимая во внимание",
        "принимает к сведению",
        "принимая к сведению",
        "с удовлетворением отмечая",
        "с удовлетворением отмечает",
        "будучи глубоко обеспокоена",
        "выражая обеспокоенность",
        "выражает поддержку",
        "выражает солидарность и сочувствие",
        "особо отмечая",
        "особо отмечает",
        "вновь подтверждая",
        "вновь подтверждает",
        "ссылаясь также",
        "ссылаясь далее",
        "признавая также",
        "признавая далее",
        "приветствуя также",
    ),
    lead_extenders=("также", "далее", "вновь"),
    stopwords=_words("и в на с по для что не от о"),
    script="cyrillic",
    lower_case_openings=True,
    annex=_rx(r"^Приложение(?:\s+(?P<numeral>[IVXLC]+))?$"),
    sponsors=_rx(r"^(?P<sponsors>.+?):\*{0,2}\s*(?P<what>(?:проект резолюции|поправк).*)$"),
    amendment=_rx(r"^поправк\w* к (?:\w+ )*?(?P<target>[A-Z]/\S+)"),
)

ARABIC = Language(
    code="ar",
    name="Arabic",
    months=_months(
        "كانون الثاني/يناير|يناير|كانون الثاني",
        "شباط/فبراير|فبراير|شباط",
        "آذار/مارس|مارس|آذار",
        "نيسان/أبريل|أبريل|نيسان",
        "أيار/مايو|مايو|أيار",
        "حزيران/يونيه|حزيران/يونيو|يونيه|يونيو|حزيران",
        "تموز/يوليه|تموز/يوليو|يوليه|يوليو|تموز",
        "آب/أغسطس|أغسطس|آب",
        "أيلول/سبتمبر|سبتمبر|أيلول",
        "تشرين الأول/أكتوبر|أكتوبر|تشرين الأول",
        "تشرين الثاني/نوفمبر|نوفمبر|تشرين الثاني",
        "كانون الأول/ديسمبر|ديسمبر|كانون الأول",
    ),
    date=r"(?P<day>\d{1,2}) (?P<month>{month}) (?P<year>\d{4})",
    day_joiners=r"و|إلى|-|–|—",
    agenda_item=_rx(r"^(?:البند|البنود) (?P<item>\d.*?) من جدول الأعمال"),
    adopted=_rx(r"^قرار اتخذته"),
    closing=_rx(r"الجلسة العامة"),
    opening=_rx(r"^(?:إن )?(?:الجمعية العامة|مجلس\b.*)[،,]$"),
    subitem=lazy(r"^(?P<label>\((?P<letter>[\u0621-\u064A]{1,2})\))\s*"),
    letters=(
        "أ",
        "ب",
        "ج",
        "د",
        "هـ",
        "و",
        "ز",
        "ح",
        "ط",
        "ي",
        "ك",
        "ل",
        "م",
        "ن",
        "س",
        "ع",
        "ف",
        "ص",
        "ق",
        "ر",
        "ش",
        "ت",
        "ث",
        "خ",
        "ذ",
        "ض",
        "ظ",
        "غ",
    ),
    subitem_label="({letter})",
    operative_label="{number} -",
    operative=lazy(r"^(?P<label>(?P<number>\d+)\s*[-–])(?:\s+|$)"),
    inline_marker=lazy(r"(?<=\S)\((?P<number>\d{1,3})\)"),
    lead_extenders=("أيضا", "كذلك"),
    lead_particles=("إذ", "وإذ"),
    script="arabic",
    annex=_rx(r"^(?:ال)?مرفق(?:\s+(?P<numeral>[IVXLC]+|\S+))?$"),
    sponsors=_rx(r"^(?P<sponsors>.+?):\*{0,2}\s*(?P<what>(?:مشروع قرار|تعديل).*)$"),
    amendment=_rx(r"^تعديل\S* على (?:\S+ )*?(?P<target>[A-Z]/\S+)"),
)

CHINESE = Language(
    code="zh",
    name="Chinese",
    months=_months(*(f"{n}月" for n in range(1, 13))),
    date=r"(?P<year>\d{4})年(?P<month>{month})(?P<day>\d{1,2})日",
    day_joiners=r"和|及|至|到|-|–|—|－|～",
    agenda_item=_rx(r"^议程项目 ?(?P<item>\d.*?)$"),
    adopted=_rx(r"通过的决议"),
    closing=_rx(r"全体会议"),
    opening=_rx(r"^(?:大会|.*理事会)[，,]$"),
    subitem=lazy(r"^(?P<label>[(（](?P<letter>(?P<single>[a-z])(?P=single)?|[ivx]{2,6})[)）])\s*"),
    letters=LATIN_LETTERS,
    subitem_label="({letter})",
    lead_phrases=(
        "又回顾",
        "还回顾",
        "回顾",
        "重申",
        "确认",
        "又确认",
        "注意到",
        "赞赏地注意到",
        "欢迎",
        "强调",
        "深为关切",
        "表示关切",
        "铭记",
        "认识到",
        "又认识到",
        "促请",
        "敦促",
        "鼓励",
        "邀请",
        "请",
        "决定",
        "表示支持",
        "表示声援和同情",
    ),
    script="han",
    annex=_rx(r"^附件(?P<numeral>[一二三四五六七八九十]*)$"),
    sponsors=_rx(r"^(?P<sponsors>.+?)[:：]\*{0,2}\s*(?P<what>(?:决议草案|对.*修正).*)$"),
    amendment=_rx(r"^对(?:\S*?)(?P<target>[A-Z]/[\w./]+)"),
)

LANGUAGES: dict[str, Language] = {
    lang.code: lang for lang in (ARABIC, CHINESE, ENGLISH, FRENCH, RUSSIAN, SPANISH)
}
"""The six official languages, by ISO 639-1 code."""


def language(code: str) -> Language:
    """The conventions for a language code; ValueError for a code that is not official."""
    try:
        return LANGUAGES[code.lower()]
    except KeyError:
        official = ", ".join(sorted(LANGUAGES))
        raise ValueError(f"unknown language {code!r}: use one of {official}") from None


_BLOCKS = {0x00: "latin", 0x01: "latin", 0x02: "latin", 0x04: "cyrillic", 0x06: "arabic"}
_BLOCKS.update(dict.fromkeys(range(0x4E, 0xA0), "han"))
"""The script of a letter by its Unicode block (code point >> 8): a table, where the
character-class regexes it replaces were compiled at every start."""
_WORD = lazy(r"[^\W\d_]+")


def detect(text: str) -> Language:
    """The official language a text is written in: by script, then by the organ's opening
    line (`La Asamblea General,`) and frequent words."""
    sample = text[:3000]
    counts = dict.fromkeys(("arabic", "han", "cyrillic", "latin"), 0)
    for char, count in Counter(sample).items():  # each character once, not 3,000 times
        script = _BLOCKS.get(ord(char) >> 8)
        if script is not None and char.isalpha():
            counts[script] += count
    script = max(counts, key=lambda name: counts[name])
    candidates = [lang for lang in LANGUAGES.values() if lang.script == script]
    if len(candidates) == 1:
        return candidates[0]
    words = Counter(_WORD.findall(sample.lower()))
    lines = [line.strip() for line in text[:20000].splitlines() if 0 < len(line.strip()) < 60]
    # The opening line outweighs any count of frequent words: the first language, by those
    # counts, whose opening line the text has is the one (only its pattern is compiled).
    ranked = sorted(candidates, key=lambda lang: -sum(words[word] for word in lang.stopwords))
    for lang in ranked:
        if any(lang.opening.match(line) for line in lines):
            return lang
    return ranked[0]
