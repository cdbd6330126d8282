"""Phone numbers, SSNs and case/record/account/benefit numbers, spoken or written.

The spoken forms arrive as digits (see normalize). One digit string can be any of
these; each kind scores it on its own context and the best score wins the span.
"""
import re

from presidio_analyzer import Pattern, PatternRecognizer

from redaction.normalize import CARDINAL_WORDS, QUANTITY
from redaction.recognizers import register

_YEAR = re.compile(r"(?:19|20)\d\d")
# A digit string stands alone: not inside a bigger number ("25,000", "3.5") or a money amount,
# but a trailing comma or period ends it ("number 4588, I think") and ASR letter-dash runs
# ("I-1-0-2-3") still count.
_START = r"(?<![\d$])(?<!\d[,.-])"
# "ten, ten-thirty at night" (the view reads "10-10-30") is a time.
_END = r"(?!\d|[,.-]\d)(?!\s+(?i:at\s+night|in\s+the\s+(?:morning|afternoon|evening)|[ap]\.?m\b|o'clock))"
# What goes before the last digits of a number.
_PAUSE = r"(?:,?\s+(?i:uh|um|uhm|er))?,?"     # "ending, uh, 4471"
# Whisper hears "card ending 2216" as "card, and in 22 16".
_ENDING = (rf"\b(?:(?i:ending|ends|end\s+of|end(?=\s+(?:in|with|oh)\b)){_PAUSE}(?:\s+(?i:in|with))?"
           r"|(?i:finish(?:es|ed)?\s+with)"
           rf"|(?<=\b(?i:card|account),?\s+)(?i:and\s+in)){_PAUSE}\s"
           r"|\b(?i:last\s+(?:four|digits))(?:\s+(?i:digits))?"
           r"(?:\s+(?i:of\s+(?:my|his|her|their|your|the)\s+(?:social(?:\s+security)?|ssn|card|account|number)"
           r"(?:\s+number)?))?(?:\s+(?i:are|is|were|was))?"
           # "the last digits of his social, he says 6602"
           r"(?:,?\s+(?i:(?:he|she|they|I|you)\s+(?:say|says|said|give|gives|gave|read|reads)))?,?\s")
_CARDINAL_PART = rf"(?:\d[\d,]*|{CARDINAL_WORDS})\b"
_CONTEXT = ["case", "file", "record", "account", "medicaid", "medicare", "medi-cal", "member", "client", "id", "policy",
            "benefit", "ebt", "snap", "reference", "claim", "docket", "license", "permit", "receipt", "badge",
            "chip", "insurance", "mrn", "ticket", "confirmation", "tracking", "grievance", "complaint", "incident"]


class IdNumberRecognizer(PatternRecognizer):
    def invalidate_result(self, pattern_text: str) -> bool:
        # Years and year ranges ("2019", "2019-2020") are kept under Safe Harbor; "1, 2, 3, 4" is counting.
        groups = re.split(r"[-\s]+", pattern_text.strip())
        digits = [int(d) for d in re.findall(r"\d+", pattern_text)]
        return all(_YEAR.fullmatch(g) for g in groups) \
            or len(digits) > 2 and all(b - a == 1 for a, b in zip(digits, digits[1:]))


@register
def phone() -> PatternRecognizer:
    return IdNumberRecognizer(
        "PHONE_NUMBER", name="phone",
        patterns=[Pattern("nanp", rf"{_START}(?:\+?1[-.\s]?)?\(?\d{{3}}\)?[-.\s]?\d{{3}}[-.\s]?\d{{4}}{_END}", 0.7),
                  Pattern("local", rf"{_START}\d{{3}}[-.]\d{{4}}{_END}", 0.4)],
        context=["phone", "call", "cell", "mobile", "text", "fax", "reach", "contact", "telephone",
                 "number", "whatsapp", "dial"])


@register
def ssn() -> PatternRecognizer:
    return IdNumberRecognizer(
        "US_SSN", name="ssn",
        patterns=[Pattern("ssn", rf"{_START}\d{{3}}[-\s]?\d{{2}}[-\s]?\d{{4}}{_END}", 0.3)],
        context=["social", "security", "ssn", "ss"])


@register
def case_number() -> PatternRecognizer:
    return IdNumberRecognizer(
        "CASE_NUMBER", name="case_number",
        patterns=[
            # Five or more digits read one by one are an identifier, not a quantity.
            Pattern("digits", rf"{_START}\d(?:[-\s]?\d){{4,}}{_END}", 0.5),
            # Read-out digits Whisper wrote as a decimal ("0.043717192258"); amounts have two decimals.
            Pattern("decimal_run", r"(?<![\d.,])\d{1,3}\.\d{6,}(?![\d.])", 0.5),
            # Whisper writes read-out digits with thousands commas ("number is 558,210", "number D 558,210",
            # "number is a 118,400" for "A1184..."); right after "number" that is no amount.
            Pattern("after_number", r"(?<=\b(?i:number|no\.)[,:]?\s(?:(?i:is|was)\s)?|\b(?i:account)\s(?i:is|was)\s)"
                                    r"(?-i:(?:[A-Z]{1,3}|a\b)[-\s]?)?"
                                    rf"\d{{1,3}}(?:,\d{{3}})+{_END}(?!{QUANTITY.pattern})", 0.5),
            # The last digits of a number, as people give them ("the account ending in 4471"; Whisper's "4,471";
            # "a number ending in oh-three-three-one", Whisper's "card, end of 0-3-9-2"; "the last four are 7702",
            # "of my social are 6789").
            # Three digits are a tail too ("it ends oh-eight-five", "should end oh one six").
            Pattern("ending_in", rf"(?<={_ENDING}){_START}(?:(?i:oh)[-\s]+\d(?:[-,\s]?\d){{1,2}}"
                                 rf"|\d(?:[-,\s]?\d){{2,3}}){_END}(?!{QUANTITY.pattern})", 0.6),
            # Whisper's thousands commas on read-out digits, where no amount has them: groups not of three
            # ("2,41,187", "$1,8,000,127,739"), or six digits that are not round ("771,904").
            Pattern("odd_commas", r"(?<![\d,.])\$?(?=(?:\d,?){5})\d{1,3}(?:,\d{3})*,(?:\d{1,2}|\d{4,})(?:,\d+)*"
                                  r"(?!\d|[,.]\d)", 0.5),
            # Whisper's "$2,411-30,286" and "23-1,147" for read-out digits: a range of amounts ("$1,500-2,000",
            # "50-1,000") ends in round numbers.
            Pattern("hyphened_thousands", r"(?<![\d,.])\$?\d{1,3}(?:,\d{3})*(?<!0)-\$?\d{1,3}(?:,\d{3})+(?<!0)"
                                          r"(?!\d|[,.]\d)", 0.5),
            # "$4.41-0.38-2", "$7.73-555-0.148": Whisper's decimals for read-out digits; a range of prices has
            # two parts.
            Pattern("hyphened_decimals", r"(?<![\w,.$-])(?=[\d.$-]*\d\.\d)(?=(?:[$.-]*\d){5})\$?\d+(?:\.\d+)?"
                                         r"(?:-\d+(?:\.\d+)?){2,}(?![\d-]|[.,]\d)", 0.5),
            Pattern("exact_thousands", rf"{_START}\d{{3}},\d(?!00)\d\d{_END}(?!{QUANTITY.pattern})", 0.5),
            # Whisper's groups of read-out digits, a comma and a space apart ("448, 907", "GR, 047, 739") and
            # its single digits so ("7, 0, 9, 4"): a list of amounts is round, a count goes up by one.
            Pattern("spaced_groups", rf"{_START}(?:\d{{3}}(?<!00)(?:,\s\d{{3,4}}(?<!00))+|\d(?:,\s\d){{3,}}){_END}"
                                     rf"(?!{QUANTITY.pattern})", 0.5),
            # Read-out digits Whisper wrote as one cardinal ("one billion 47 million seven hundred thousand 39,218"):
            # nobody says an amount of millions with a tail ("and 218"), save before its unit.
            Pattern("cardinal", rf"\b(?>(?:{_CARDINAL_PART}\s+)+(?:billion|million)\b(?:[\s,-]+(?:{_CARDINAL_PART}"
                                rf"|thousand|million|and)\b)+)(?<!thousand|.million)(?<!and|000)"
                                rf"(?!{QUANTITY.pattern})", 0.5),
            # Four digits said as a number ("under the farm number, three one eight eight"); not a range
            # ("the recommended number was fifteen, eighteen").
            Pattern("number_four", rf"(?<=\b(?i:number)(?:['’]s|\s+(?i:is|was))?[,:]?\s){_START}"
                                   rf"(?:\d{{4}}|\d(?:[-\s]\d){{3}}){_END}(?!{QUANTITY.pattern})", 0.5),
            # A deed's recording, book and page: "liber fifty-seven eighty-one, page two twelve" (the view's
            # "liber 5781, page 212").
            Pattern("deed_page", r"\b(?i:liber|deed\s+book|plat\s+book)\s+\d{1,6},?\s+(?i:page|pg\.?)\s+\d{1,5}\b",
                    0.7),
            # Four digits only with context ("file number 2231").
            Pattern("four_digits", rf"{_START}\d{{4}}{_END}", 0.15),
        ],
        context=_CONTEXT)


@register
def case_number_alphanumeric() -> PatternRecognizer:
    # Letters then digits ("XY1234567", "MC-20931", "KC-2290-0417"); case-sensitive so "in 2019" is not one.
    return IdNumberRecognizer(
        "CASE_NUMBER", name="case_number_alphanumeric",
        patterns=[Pattern("alphanumeric", r"\b[A-Z]{1,3}-?\d{4,}(?:-\d{2,})*(?:-?[A-Z])?\b", 0.5),
                  # "M R dash zero six nine": three digits after letters are a code only where context says so,
                  # and no form ("DS-160", "AR-11", "SS-5")
                  Pattern("short_code", r"\b(?!(?:DS|AR|SS|SF|EB|CR|IR|TN|WH|IH)-)[A-Z]{2,3}-\d{3}\b", 0.4),
                  # a letter said after the number: "cuatro siete uno dos, dash B" (the view's "4712-B")
                  Pattern("lettered_tail", r"(?<![\w-])(?!(?:19|20)\d\d-)\d{4,}(?:-\d{2,})*-[A-Z]\b", 0.5),
                  # Whisper's "J-47,215", "C22-1,187": an amount never has a lettered prefix.
                  Pattern("alphanumeric_commas", r"\b[A-Z]{1,3}(?:-?\d{1,4})?-\d{1,3}(?:,\d{3})+\b", 0.5),
                  # court and agency file numbers: "2022-JA-00317", "1:21-cv-04418", "2024 CVG 018842"
                  Pattern("docket", r"\b(?:\d:)?\d{2,4}(?:-[A-Za-z]{1,4}-|\s[A-Z]{1,4}\s)\d{3,}\b", 0.6),
                  # Medicare's and insurers' member IDs mix letters and digits in groups: "7KX4-TR2-MN81"
                  # (a form's name, "I-589", "DS-160", has two groups and few letters).
                  Pattern("mixed", r"\b(?=(?:[A-Z-]*\d){3})(?=(?:[\d-]*[A-Z]){3})[A-Z\d]{2,6}(?:-[A-Z\d]{2,6}){2,3}\b"
                                   r"|\b(?=(?:[A-Z]*\d){3})(?=(?:\d*[A-Z]){3})[A-Z\d]{8,14}\b", 0.6),
                  # Whisper's spelling of a code read out: "94J0-3-2-7", "WU-C-24-06-1195"; five digits at least,
                  # so no form ("I-864A", "DS-160") or model ("F-150").
                  Pattern("read_out", r"\b(?=[\w-]*[A-Z])(?=(?:[A-Z-]*\d){5})[A-Z\d]+(?:-[A-Z\d]+)+\b", 0.5),
                  # a code of letters and digit groups named a number: "Grievance number G R, twenty-four, dash,
                  # oh six" (the view's "GR-24-06")
                  Pattern("numbered_code", r"(?<=\b(?i:number)(?:['’]s|\s+(?i:is|was))?[,:]?\s)(?=(?:[A-Z-]*\d){3})"
                                           r"[A-Z]{1,3}(?:-\d+){2,}\b", 0.6),
                  # and a code of many letters spelled among few digits ("E G, four T, E, M K, seven three")
                  Pattern("letters_read_out", r"\b(?=(?:[\d-]*[A-Z]){4})(?=(?:[A-Z-]*\d){3})[A-Z\d]+"
                                              r"(?:-[A-Z\d]+){2,}\b", 0.5)],
        context=_CONTEXT, global_regex_flags=re.DOTALL | re.MULTILINE)
