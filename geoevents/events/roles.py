"""What a place is to the event around it (target, base, origin, actor) and whether it happened.

Cues are short patterns on the words right before or after the place mention or trigger;
each list is per language but the roles are shared:

* origin: "tirés depuis l'Iran", "launched from Yemen", "en provenance de Syrie";
* agent/actor: "par l'Iran", "by Russia", or a country in subject position before the
  trigger with no preposition ("L'Iran a lancé", "Israel struck");
* base: "base (aérienne) de/à X", "X air base", "X, où sont stationnées", "where troops are
  based", or a gazetteer feature airbase/base/installation;
* dateline: "BAGHDAD (Reuters) -" is where the story was written, not an event.

Status (:func:`status_of`): negation in the last five words before the trigger ("aucune
frappe", "did not strike"), hypothetical modals in the clause ("pourrait", "could",
"threatened to"), future markers ("va", "will", "veulent", "plans to", infinitive after
"pour"/"to", French future/conditional forms). Negation wins over hypothesis over future.
"""

from __future__ import annotations

import re

from ..model import Status

__all__ = [
    "is_origin",
    "is_agent",
    "has_locative_preposition",
    "is_base_context",
    "is_dateline",
    "is_passive_between",
    "clause_start",
    "in_relative_clause",
    "status_of",
    "BASE_FEATURES",
]

BASE_FEATURES = frozenset({"airbase", "base", "installation"})

_ORIGIN = re.compile(
    r"(?:depuis|from|à\s+partir\s+d[eu']|en\s+provenance\s+d[eu']|lancés?\s+d[eu']|from\s+inside|"
    r"انطلاقا\s+من|من\s+(?:داخل\s+)?(?:الأراضي\s+)?|"
    r"out\s+of)\s*(?:(?:bases?|sites?|positions?|launchers?|launch\s+sites?)\s+(?:in|at|near|à|en|dans|de|d['’]|du|des)\s+)?"
    r"(?:[A-ZÀ-Ý][\w-]+['’]s\s+)?"  # "fired from Ethiopia's Tigray region"
    r"(?:le\s+|la\s+|les\s+|l['’]|the\s+|d['’]|du\s+|des\s+)?"
    r"(?:(?:territoire|région|province|ville|zone|secteur|localité|village|environs|côté|sol|"
    r"territory|region|province|city|town|area|village|outskirts|vicinity|nord|sud|est|ouest|"
    r"north|south|east|west|southern|northern|eastern|western)\s*"
    r"(?:de\s+|d['’]|du\s+|des\s+|of\s+)?(?:l['’]|la\s+|le\s+|the\s+)?)?$",
    re.IGNORECASE,
)
_AGENT = re.compile(
    r"(?:\bpar|\bby|attribuée?s?\s+à|imputée?s?\s+à|attributed\s+to|blamed\s+on|من\s+قبل)\s*"
    r"(?:le\s+|la\s+|les\s+|l['’]|the\s+)?"
    r"(?:(?!(?:near|in|at|à|au|aux|en|dans|sur|près|outside|around|over)\s)[^\W\dA-ZÀ-Ý][^\W\d]*\s+){0,2}?$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"(?:\b(?:à|au|aux|en|dans|sur|contre|vers|près|proche|autour|de|du|d|in|at|on|near|"
    r"against|into|onto|outside|inside|around|across|towards?|over|of|from|depuis|north|south|east|west|"
    r"في|على|قرب|نحو|ضد|داخل|شمال|جنوب|شرق|غرب|بالقرب\s+من|"
    r"nord|sud|est|ouest|between|entre|visant|targeting)\b|\bd['’])"
    r"\s*(?:le\s+|la\s+|les\s+|l['’]|the\s+|[^\W\d]+\s+){0,3}$",
    re.IGNORECASE,
)
_BASE_BEFORE = re.compile(
    r"\b(?:bases?|base\s+aérienne|base\s+militaire|air\s*base|airbase|military\s+base|"
    r"(?:military|army)\s+camp|camp\s+militaire|camps?\s+de\s+(?:l['’]armée|la\s+gendarmerie|la\s+garde)|outpost|avant-poste|(?<!energy\s)(?<!power\s)(?<!port\s)(?<!oil\s)(?<!gas\s)(?<!storage\s)(?<!industrial\s)(?<!water\s)(?<!medical\s)facilit(?:y|ies)|"
    r"garrison|garnison|caserne|aéroport\s+militaire|installations?\s+militaires?|"
    r"(?:army|military)\s+posts?|postes?\s+militaires?|postes?\s+de\s+l['’]armée|cantonments?|"
    r"quartier\s+général|(?:military\s+|army\s+)?headquarters|état-major|barracks|"
    r"gendarmerie\s+(?:post|base)s?|postes?\s+de\s+gendarmerie|brigade\s+de\s+gendarmerie)"
    r"(?:\s+[^\W\d]+){0,2}\s+(?:de|d['’]|du|des|à|au|in|at|near|of|en|près\s+de)\s*"
    r"(?:l['’]|la\s+|le\s+|les\s+|the\s+)?(?:(?:northern|southern|eastern|western|central)\s+)?$",
    re.IGNORECASE,
)
_BASE_AFTER = re.compile(
    r"^\s*(?:air\s*base|airbase|military\s+base|base\b|base\s+aérienne|airfield|garrison|cantonment)"
    r"|^[^.;]{0,60}?\b(?:occupied\s+by|held\s+by|occupée?s?\s+par|tenue?s?\s+par)\s+(?:the\s+|les\s+|des\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:troops|forces|soldiers|troupes|soldats|militaires)\b"
    r"|^\s*(?:airport|aéroport|air\s*base|base|camp|airfield)?\s*,?\s*(?:où|where|qui|which)\s+(?:[\w'’.-]+\s+){0,5}?"
    r"(?:stationn|basé|based|stationed|déploy|deployed|abrit|accueill|héberg|hosts|houses|housing)"
    # "Kramatorsk, home to the headquarters of Ukraine's military operation"
    r"|^\s*,\s*(?:home\s+to|which\s+hosts|qui\s+abrite)\s+(?:the\s+|a\s+|an\s+|le\s+|la\s+|l['’]|une?\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:headquarters|base|garrison|barracks|command|quartier\s+général|état-major|garnison|caserne)",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?[-—–]|^\s*\([^)]{1,40}\)\s*:")
_DATELINE_HEAD = re.compile(r"^[A-ZÀ-Ý][\w'’ .-]{0,30},$")  # "KYIV," before the region
_DATELINE_REGION = re.compile(r"^,\s*[\w'’ .-]{1,30}?\s*(?:\([^)]{1,40}\)\s*)?[-—–]")


_PASSIVE_FIRST = re.compile(
    r"\s*(?:,[^,]{1,50},\s*)?(?:(?:a|ont|has|have|had)\s+(?:\w+\s+)?(?:été|been)|est|sont|été|was|were|is|are|"
    r"came\s+under|a\s+subi|ont\s+subi|suffered)\b",
    re.IGNORECASE,
)


def is_origin(left: str) -> bool:
    """Does the text just before a place introduce a launch origin ("tirés depuis l'")?"""
    return _ORIGIN.search(left[-45:]) is not None


def is_agent(left: str) -> bool:
    """Does the text just before a place introduce the agent ("par l'", "by")?"""
    return _AGENT.search(left[-30:]) is not None


def has_locative_preposition(left: str) -> bool:
    """Is the place governed by a preposition (so it is not the subject)?"""
    return _LOCATIVE.search(left[-40:]) is not None


def is_base_context(left: str, right: str) -> bool:
    """Base noun before ("base aérienne de"), after ("air base"), or a stationing clause."""
    return _BASE_BEFORE.search(left[-60:]) is not None or _BASE_AFTER.search(right[:90]) is not None


def is_dateline(left: str, right: str) -> bool:
    """'BAGHDAD (Reuters) -', 'KYIV, Ukraine (AP) —': places opening the sentence before a dash."""
    head = left.strip()
    if head and not _DATELINE_HEAD.match(head):
        return False
    return _DATELINE.match(right) is not None or (
        not head and _DATELINE_REGION.match(right) is not None
    )


_STRONG_BREAK = re.compile(
    r"[;:]|\b(?:que|qu['’]|that|which|après(?!-midi)|after|when|lorsque|quand|because|car|mais|but|tandis|while|"
    r"où|where)\b|\bqu['’]",
    re.IGNORECASE,
)


def clause_start(text: str, position: int) -> int:
    """Start of the clause that ends at ``position`` (commas do not end clauses here)."""
    start = 0
    for match in _STRONG_BREAK.finditer(text, 0, position):
        start = match.end()
    return start


def in_relative_clause(text: str, position: int) -> bool:
    """Is ``position`` inside ", où ..." / ", where ..." right after a noun?"""
    return re.search(r",\s*(?:où|where|qui|which)\s+(?:[\w'’-]+\s+){0,3}$", text[max(0, position - 60):position], re.IGNORECASE) is not None


def is_passive_between(between: str) -> bool:
    """'Erbil a été frappée', 'Erbil was hit': the subject is the target."""
    return _PASSIVE_FIRST.match(between) is not None  # the subject's own verb, not "said there was"


_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]«»\"“”]|\b(?:mais|but|while|alors\s+que|tandis\s+que|et|and|after|après(?!-midi)|whereas)\b",
    re.IGNORECASE,
)
_NEG = {
    "ar": re.compile(r"(?<!\w)(?:لم|لن|لا|نفى\w*|ينفي|تنفي|دون|بدون)(?!\w)"),
    "fr": re.compile(
        r"\b(?:aucune?|pas\s+de|sans|ni|jamais|nié|nie|nient|démenti\w*|dément\w*|annul\w+|renoncé\s+à)\b|"
        r"\bn['’e]\s*(?:[\w'’]+\s+){0,3}?(?:pas|jamais|point|plus)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:no|not|never|without|denied|denies|deny|neither|nor|none|called\s+off|calls\s+off|cancell?ed|aborted)\b|n't\b",
        re.IGNORECASE,
    ),
}
_HYP = {
    "ar": re.compile(r"(?<!\w)(?:قد|ربما|يمكن|يحتمل|إذا|لو|هدد\w*|يهدد\w*|تهدد\w*)(?!\w)"),
    "fr": re.compile(
        r"\b(?:pourrai(?:t|ent)|pourra|pourront|risqu\w*|menac\w+|si|s['’]il|envisag\w+|"
        r"éventuel\w*|possibles?|susceptibles?|hypoth\w+|craint\w*|redout\w+|peut-être)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:could|might|(?-i:may)|would|if|threat\w*|possibl\w*|potential\w*|consider\w*|fear\w*|"
        r"warn\w*|risk\w*|perhaps)\b",
        re.IGNORECASE,
    ),
}
_FUT = {
    "ar": re.compile(r"(?<!\w)(?:سوف|سي\w+|ست\w+|يعتزم|تعتزم|تنوي|ينوي|غدا)(?!\w)"),
    "fr": re.compile(
        r"\b(?:va|vont|doit|doivent|devrai(?:t|ent)|devra|devront|prévoi\w*|compt\w+|veu(?:t|lent)|"
        r"souhait\w+|s['’]apprêt\w+|attend\w*|feu\s+vert|projet\w*|prochain\w*|sera|seront|demain|"
        r"décid\w+|promis|intention|prêts?|prête?s?)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:will|shall|plans?|planned\s+to|planning|going\s+to|set\s+to|intend\w*|want\w*|seek\w*|await\w*|"
        r"tomorrow|next\s+(?:week|month|year|days?)|upcoming|aims?\s+to|ready\s+to|prepar\w+\s+to|to\s+be)\b|'ll\b",
        re.IGNORECASE,
    ),
}
_PURPOSE = {
    "ar": re.compile(r"(?<!\w)(?:ل|لكي|من\s+أجل)\s*$"),
    "fr": re.compile(r"\b(?:pour|afin\s+de|afin\s+d['’])\s+(?:[\w'’]+\s+){0,2}$", re.IGNORECASE),
    "en": re.compile(r"\bto\s+(?:[\w]+\s+)?$", re.IGNORECASE),
}
_CAUSATIVE = re.compile(r"\b(?:fait|faire|fais|font|faisant|laissé|laisser)\s+$", re.IGNORECASE)
_FR_INFINITIVE = re.compile(r"^\w{3,}er\b", re.IGNORECASE)
_FR_FUTURE = re.compile(r"(?:era|eront|erait|eraient|eras)$", re.IGNORECASE)
_EN_BASE_VERB = re.compile(
    r"^(?:strike|attack|bomb|shell|hit|fire|launch|target|deploy|send|raid|pound|station)$",
    re.IGNORECASE,
)


def _clause_before(text: str, position: int) -> str:
    window_start = max(0, position - 90)
    window = text[window_start:position]
    cut = 0
    for match in _CLAUSE_BREAK.finditer(window):
        cut = match.end()
    return window[cut:]


def status_of(text: str, start: int, end: int, lang: str) -> tuple[Status, tuple[int, int] | None]:
    """Status of the trigger at ``text[start:end]`` and the span of the cue that decided it.

    >>> status_of("Aucune frappe n'a visé la base", 7, 13, "fr")[0].value
    'negated'
    >>> status_of("Iran could strike the base", 11, 17, "en")[0].value
    'hypothetical'
    >>> status_of("Les États-Unis veulent déployer des Patriot", 23, 31, "fr")[0].value
    'future'
    """
    lang = lang if lang in _NEG else "en"
    clause = _clause_before(text, start)
    offset = start - len(clause)
    words = list(re.finditer(r"\S+", clause))
    recent = clause[words[-5].start():] if len(words) >= 5 else clause
    recent_offset = start - len(recent)
    word = text[start:end].split()[0] if text[start:end].strip() else ""
    neg = _NEG[lang].search(recent)
    if neg is not None:
        return Status.NEGATED, (recent_offset + neg.start(), recent_offset + neg.end())
    hyp = _HYP[lang].search(clause)
    if hyp is not None:
        if _REPORTED_PLAN.search(clause, 0, hyp.end()) and hyp.group(0).lower() == "would":
            # "the UN said it would deploy peacekeepers": an announced plan, told in the past
            return Status.FUTURE, (offset + hyp.start(), offset + hyp.end())
        return Status.HYPOTHETICAL, (offset + hyp.start(), offset + hyp.end())
    if lang == "fr" and _FR_FUTURE.search(word):
        return (Status.HYPOTHETICAL if word.lower().endswith(("ait", "aient")) else Status.FUTURE), (start, end)
    fut = _FUT[lang].search(clause)
    if fut is not None:
        return Status.FUTURE, (offset + fut.start(), offset + fut.end())
    purpose = _PURPOSE[lang].search(clause)
    infinitive = (
        _FR_INFINITIVE.search(word) is not None if lang == "fr" else _EN_BASE_VERB.match(word) is not None
    )
    if purpose is not None and infinitive and not _CAUSATIVE.search(text[max(0, start - 12):start]):
        return Status.FUTURE, (offset + purpose.start(), offset + purpose.end())
    if lang == "fr" and infinitive and not _CAUSATIVE.search(text[max(0, start - 12):start]):
        return Status.FUTURE, (start, end)
    after = _MODAL_AFTER[lang].match(text, end)
    if after is not None:
        cue_start, cue_end = after.span("m")
        modal = after.group("m").lower()
        hypothetical = modal in ("could", "might", "may", "would") or modal.startswith("pourr")
        return (Status.HYPOTHETICAL if hypothetical else Status.FUTURE), (cue_start, cue_end)
    return Status.ASSERTED, None


_REPORTED_PLAN = re.compile(
    r"\b(?:said|announced|promised|pledged|vowed|confirmed|decided|agreed)\s+(?:that\s+)?(?:it|they|he|she|we|the\s+\w+)\s+would$",
    re.IGNORECASE,
)
# "strikes on Beirut could follow": a modal right after the trigger's noun phrase
_MODAL_AFTER = {
    "ar": re.compile(r"(?!)(?P<m>)"),
    "fr": re.compile(
        r"[^,.;:]{0,40}?\b(?P<m>pourrai(?:t|ent)|pourra|pourront|va|vont|devrai(?:t|ent)|devra|devront)"
        r"\s+(?:suivre|avoir\s+lieu|intervenir|être|bientôt)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"[^,.;:]{0,40}?\b(?P<m>could|might|may|would|will)\s+(?:follow|come|take\s+place|be\s+launched|begin|soon)",
        re.IGNORECASE,
    ),
}
