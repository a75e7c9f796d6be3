"""Word lists and line patterns the boilerplate cleaner scores lines with.

Everything here describes *page furniture* in general — the vocabulary of share buttons,
paywalls, newsletter boxes, cookie banners, navigation, related-article lists, photo
credits and footers as they appear across English-language news sites — never the text of
any particular article. Patterns come in two strengths:

* ``CUE_PATTERNS`` match a whole line (or its start) that is furniture whatever its
  length: ``Share via``, ``Advertisement``, ``Read more:``, ``Photograph: …``.
* ``CTA_WORDS`` are single call-to-action words that make a *short* line suspicious but
  are ordinary words inside a sentence of reporting ("fewer readers subscribe …").

``STOPWORDS`` is a function-word list: prose has many of them, menus and headlines few.
"""

from __future__ import annotations

import re

__all__ = [
    "CTA_WORDS",
    "CUE_PATTERNS",
    "DATE_WORDS",
    "IMPERATIVE_WORDS",
    "READER_WORDS",
    "REPORTING_WORDS",
    "SECTION_END",
    "STOPWORDS",
    "classify_cue",
]


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


STOPWORDS: frozenset[str] = _words(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if
    in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with
    would you your yours yourself also said says say told according since though
    although may might must shall us it's that's who's there's
    """
) | _words(
    # The commonest function words of Spanish, French, German, Portuguese and Italian:
    # pages in those languages are pasted too, and their prose must still score as prose.
    """
    el la los las un una unos unas y o de del al que en por para con sin se su sus es
    son fue como más pero lo le les ya muy este esta estos sobre entre cuando también
    une des et ou du au aux qui dans pour par sur avec sans ne pas est sont ce cette ces
    il elle ils elles nous vous leur mais plus comme aussi été der die das den dem ein
    eine einen einem und oder zu von mit auf für ist sind nicht sich auch im am als wie
    bei nach aus dass wird werden hat haben os as um uma e do da dos no na nos nas em
    com não foi são gli i di per tra fra che non è sono della dei delle
    """
)

# Words of reporting: a line that uses them is somebody's account, not a button.
REPORTING_WORDS: frozenset[str] = _words(
    """
    said says say told according reported announced added asked wrote explained noted
    stated claimed argued insisted warned urged denied confirmed believes believe
    """
)

# What a date, time or "published/updated" stamp is made of, besides digits.
DATE_WORDS: frozenset[str] = _words(
    """
    jan january feb february mar march apr april may jun june jul july aug august sep
    sept september oct october nov november dec december mon monday tue tues tuesday wed
    wednesday thu thur thurs thursday fri friday sat saturday sun sunday am pm a m p est
    edt et gmt bst utc pst pdt cst cdt cet cest aest aedt published updated posted last
    modified on at st nd rd th min mins read ago hours hour minutes minute days day
    """
)

# Verbs a call to action opens with, and the words it addresses the reader with.
IMPERATIVE_WORDS: frozenset[str] = _words(
    """
    sign get subscribe join follow enter click tap download read watch listen register
    log create support donate share like want stay keep discover explore try upgrade
    """
)
READER_WORDS: frozenset[str] = _words("you your you're our us we")

CTA_WORDS: frozenset[str] = _words(
    """
    share shares tweet email print subscribe subscribers subscriber subscription
    subscriptions newsletter newsletters signup sign login log register registration
    follow like comment comments reply replies advertisement advertise ad ads sponsored
    promoted cookie cookies consent privacy terms menu search skip navigation home
    homepage sections download app apps podcast podcasts video videos gallery photos
    related recommended trending popular read more click tap here logout account contact
    careers copyright rights reserved feedback report whatsapp facebook twitter linkedin
    pinterest reddit instagram youtube tiktok telegram messenger flipboard rss sitemap
    continue unlock offers offer deals premium exclusive inbox
    """
)

# (reason, pattern). Order matters: the first matching reason names the line.
_CUE_SOURCES: tuple[tuple[str, str], ...] = (
    (
        "cookie",
        r"\bcookies?\b.*\b(?:use|policy|settings|preferences|consent|accept)"
        r"|\b(?:accept|reject|manage)\b.{0,20}\bcookies?\b|^(?:accept all|reject all"
        r"|manage (?:preferences|settings|options)|cookie (?:policy|settings))\b"
        r"|\bwe (?:and our partners )?(?:use|value) (?:your )?(?:cookies|privacy)\b"
        r"|\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website)",
    ),
    (
        "paywall",
        r"^to (?:continue|keep) reading\b|\bcontinue reading\b|\balready (?:a )?subscriber\b"
        r"|\bsubscriber[- ]only\b|\bsubscribers? (?:can|get|enjoy)\b"
        r"|\byou(?:'ve| have) (?:reached|read) (?:your|all|\d+)\b|\bfree articles?\b"
        r"|\bunlimited (?:digital )?access\b|\b(?:create|register for) (?:a |an )?"
        r"(?:free )?account\b|\bwe just need a few details\b|\bsign in to (?:continue|read)\b"
        r"|\bthis (?:article|content|story) is (?:for|available to) (?:subscribers|members)\b"
        r"|\bsubscribe (?:now|today|to (?:read|continue|get|access|unlock))\b"
        r"|\bget (?:full |unlimited )?access\b|\bsupport (?:our |independent )?journalism\b"
        r"|^(?:contribute|subscribe|support us|donate|make a contribution)\b",
    ),
    (
        "newsletter",
        r"\bnewsletters?\b|\bsign ?up\b.{0,40}\b(?:email|inbox|updates|alerts|free)\b"
        r"|\b(?:enter|your) e-?mail(?: address)?\b|\bdelivered (?:straight |directly )?to "
        r"your inbox\b|\b(?:in|to) your inbox\b|^get the (?:best|latest)\b"
        r"|\bthanks? (?:you )?for (?:signing up|subscribing)\b"
        r"|^want (?:more|to (?:read|see|hear) more)\b.{0,40}\?$",
    ),
    (
        "share-prompt",
        r"^share(?:\s+(?:this|on|via|the|article|story|to|with|page|link)\b.*)?$"
        r"|^(?:tweet|email|print|save|copy link|link copied|reuse this content|pin it"
        r"|comment|comments|share this)\s*$"
        r"|^share (?:on|via|to) \w+|^(?:share|post|send) (?:on|to) (?:facebook|twitter"
        r"|whatsapp|linkedin|pinterest|reddit|messenger|email|x)\b"
        r"|^(?:click|tap) to (?:share|email|print|tweet)\b"
        r"|^(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|email|messenger"
        r"|flipboard|instagram|youtube|x)(?:\s*[|/·,]\s*\w+)*\s*$",
    ),
    (
        "related",
        r"^(?:read|see|watch|listen|also read|more|related|recommended|trending|popular"
        r"|don't miss|up next|next up|you (?:may|might) (?:also )?like)\b.{0,6}[:»›|]"
        r"|^(?:read more|related(?: (?:articles?|stories|content|coverage|links|topics))?"
        r"|more (?:on this story|stories|from [\w .'’&-]{1,40}|news|in \w+)"
        r"|most (?:popular|read|viewed|shared|emailed)|recommended(?: for you)?"
        r"|trending(?: now| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)"
        r"|what to read next|further reading|see also|editors'? picks?|top stories"
        r"|latest (?:news|stories|videos?)|popular (?:now|stories)|in case you missed it"
        r"|more like this|continue reading below|story continues below|watch next)\s*[:»›.]?\s*$"
        r"|\bstory continues below\b",
    ),
    (
        "credit",
        r"^(?:photo|photograph|image|picture|illustration|video|graphic|credit|source"
        r"|photo illustration|file photo)(?:\s+(?:by|credit|courtesy))?\s*:"
        r"|\b(?:photograph|photo|image|picture|illustration)s?\s*(?::|by|credit|courtesy of)\s*"
        r"[\w.'’ -]{0,60}(?:/|for |via )?[\w.'’ -]{0,40}$"
        r"|\bcredit\s*credit\b|\bcredit:\s*\S"
        r"|\((?:getty(?: images)?|reuters|ap|afp|epa|shutterstock|ap photo[^)]*|file)\)\s*$"
        r"|(?:/|\|)\s*(?:getty images|reuters|ap|afp|epa|shutterstock|ap photo)\s*$"
        r"|^(?:getty images|reuters|ap photo|afp|epa|shutterstock)(?:\s*/.*)?$",
    ),
    (
        "footer",
        r"©|\(c\) ?\d{4}|\bcopyright\b|\ball rights reserved\b|^(?:about us|contact us"
        r"|terms (?:of (?:use|service|sale)|and conditions|& conditions)|privacy (?:policy"
        r"|notice|settings)|your (?:ad )?choices|do not sell my (?:personal )?info\w*"
        r"|accessibility|site ?map|careers|work (?:for|with) us|advertise(?: with us)?"
        r"|help|faq|rss|back to top|corrections?(?: policy)?|editorial (?:standards|policy))\s*$",
    ),
    (
        "advert",
        r"^(?:advertisement|advertising|sponsored(?: content| by)?|promoted(?: by)?|ad"
        r"|ad feedback|paid (?:content|post|partner content)|supported by|partner content)"
        r"\s*[:\w .&'’-]{0,40}$",
    ),
    (
        "comments",
        r"^(?:\d+\s*)?comments?\b|^(?:join|start) the (?:conversation|discussion)\b"
        r"|^(?:leave|add|post|view|show|hide|load) (?:a |more |all )?(?:comments?|repl(?:y|ies))\b"
        r"|^(?:reply|report|flag|like|upvote|downvote)\s*(?:\d+)?\s*$|\bclick to view comments\b",
    ),
    (
        "navigation",
        r"^skip to\b|^(?:menu|search|home|sections?|close|open|back|next|previous|prev"
        r"|show (?:more|less)|load more|more|all sections|log ?in|log ?out|sign ?in|sign ?out"
        r"|my account|edition|us edition|uk edition|go to|toggle\b.*|expand|collapse"
        r"|open navigation|close navigation|main menu|site index|site navigation)\s*[»›>]?\s*$",
    ),
)

# A line that *is* one of these headings opens a section that follows the article
# (comments, teasers, topic lists); nothing after it in the block is article body.
SECTION_END = re.compile(
    r"^(?:\d+\s+)?(?:comments?(?: \(\d+\))?|view (?:all )?comments?(?: \(\d+\))?"
    r"|(?:show|load|add|leave|post) (?:a )?comments?|join the (?:conversation|discussion)"
    r"|discussion|responses|conversation|related(?: \w+){0,3}|recommended(?: \w+){0,3}"
    r"|more (?:on this story|stories|from \w+(?: \w+){0,3}|like this|to read|in \w+)"
    r"|(?:most|popular) (?:popular|read|viewed|shared|emailed|news|stories)(?: \w+){0,2}"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|what to read next"
    r"|top stories|trending(?: now| stories)?|latest (?:news|stories)|editors'? picks?"
    r"|tags|topics|filed under|in this article|about the author|sponsored (?:stories|links)"
    r"|around the web|from (?:our|the) partners|recommended for you|further reading"
    r"|read (?:more|next)|up next|watch next|more coverage|see also)\s*[:»›.]?\s*$",
    re.IGNORECASE,
)

CUE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(source, re.IGNORECASE)) for reason, source in _CUE_SOURCES
)


def classify_cue(line: str) -> tuple[str, int] | None:
    """Name the kind of page furniture a line matches, if any, and where the match starts.

    Args:
        line: one line of text, stripped.

    Returns:
        ``(reason, offset)``: the tag of the first matching pattern (``"cookie"``,
        ``"paywall"``, …) and the offset of the match in the line; ``None`` when no
        pattern matches, which is a normal answer, not an error.
    """
    for reason, pattern in CUE_PATTERNS:
        match = pattern.search(line)
        if match is not None:
            return reason, match.start()
    return None
