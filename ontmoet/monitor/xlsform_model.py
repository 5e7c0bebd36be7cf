"""The monitor's own model of a form: plain dataclasses stored as JSON on the questionnaire.

`xlsform.parse_xlsform` builds it from what pyxform parsed. Fields added over time have defaults,
so definitions stored by earlier versions load unchanged.
"""

import re
from dataclasses import asdict, dataclass, field

DEFAULT_LANGUAGE = "nl"
# Language names as XLSForm authors write them (label:English, label::Français), by ISO code.
LANGUAGE_NAMES = {
    "nederlands": "nl", "dutch": "nl", "english": "en", "engels": "en", "french": "fr", "français": "fr",
    "francais": "fr", "frans": "fr", "german": "de", "deutsch": "de", "duits": "de", "spanish": "es",
    "español": "es", "espanol": "es", "portuguese": "pt", "português": "pt", "frysk": "fy", "fries": "fy",
    "frisian": "fy", "arabic": "ar", "swahili": "sw", "kiswahili": "sw", "turkish": "tr", "türkçe": "tr",
    "polish": "pl", "polski": "pl", "italian": "it", "italiano": "it", "hindi": "hi", "chinese": "zh",
}


@dataclass(frozen=True)
class FormProblem:
    sheet: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}" + (f", rij {self.row}" if self.row else "") + (
            f", kolom {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class FormError(Exception):
    def __init__(self, problems: list[FormProblem]):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class Choice:
    name: str
    label: dict
    filters: dict = field(default_factory=dict)  # the choice's other columns, read by a choice_filter

    def label_in(self, language: str) -> str:
        return text_in(self.label, language) or self.name

    @property
    def row(self) -> dict:
        """The choice as a choice_filter sees it: its columns and its name."""
        return {**self.filters, "name": self.name}


@dataclass
class Question:
    name: str
    type: str
    label: dict
    hint: dict = field(default_factory=dict)
    required: bool = False
    relevant: list = field(default_factory=list)  # the groups' conditions first, then the question's own
    constraint: str = ""
    constraint_message: dict = field(default_factory=dict)
    choices: list = field(default_factory=list)
    group: str = ""
    group_label: dict = field(default_factory=dict)  # the innermost group
    other_of: str = ""  # the select question whose "other" this text question explains
    group_labels: list = field(default_factory=list)  # every enclosing group, outermost first
    required_if: str = ""  # a `required` column holding an expression
    choice_filter: str = ""
    calculation: str = ""
    default: str = ""
    group_path: list = field(default_factory=list)  # the enclosing groups' names, outermost first
    register: str = ""  # the register field that pre-fills it (register_fields.FIELDS), from bind::ontmoet:register

    @property
    def is_select(self) -> bool:
        return self.type in {"select_one", "select_multiple"}

    @property
    def is_numeric(self) -> bool:
        return self.type in {"integer", "decimal"}

    @property
    def has_answer(self) -> bool:
        return self.type not in {"note", "calculate"}

    @property
    def relevant_expression(self) -> str:
        return " and ".join(f"({expression})" for expression in self.relevant)

    def label_in(self, language: str) -> str:
        return text_in(self.label, language) or (self.name if self.has_answer else "")

    def hint_in(self, language: str) -> str:
        return text_in(self.hint, language)

    def group_label_in(self, language: str) -> str:
        """Every enclosing group's label, outermost first: nested groups keep each label."""
        labels = [text_in(label, language) for label in self.group_labels] or [text_in(self.group_label, language)]
        return " › ".join(label for label in labels if label)

    def constraint_message_in(self, language: str) -> str:
        return text_in(self.constraint_message, language)

    @property
    def path(self) -> list:
        """The names leading to the question, as exports prefix them (older definitions kept only the group)."""
        return [*(self.group_path or ([self.group] if self.group else [])), self.name]

    def choice(self, name: str):
        index = self.__dict__.get("_choice_index")
        if index is None:  # built once per question: imports look up choices for every cell
            index = self.__dict__["_choice_index"] = {choice.name: choice for choice in self.choices}
        return index.get(name)

    def choice_position(self, name: str) -> int:
        """The choice's place in the list, for keeping a select_multiple's names in form order."""
        order = self.__dict__.get("_choice_order")
        if order is None:
            order = self.__dict__["_choice_order"] = {choice.name: n for n, choice in enumerate(self.choices)}
        return order[name]

    def choice_label(self, name: str, language: str) -> str:
        choice = self.choice(name)
        return choice.label_in(language) if choice else name


@dataclass
class FormDefinition:
    title: str
    form_id: str
    version: str
    languages: list
    questions: list
    language_names: dict = field(default_factory=dict)  # code -> the name the author wrote
    skipped_names: list = field(default_factory=list)  # rows left out at upload: an export still has their columns

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "FormDefinition":
        questions = [Question(**{**q, "choices": [Choice(**c) for c in q["choices"]]}) for q in data["questions"]]
        return cls(data["title"], data["form_id"], data["version"], data["languages"], questions,
                   data.get("language_names", {}), data.get("skipped_names", []))

    def question(self, name: str):
        return self.by_name.get(name)

    @property
    def by_name(self) -> dict:
        cached = self.__dict__.get("_by_name")
        if cached is None:
            cached = self.__dict__["_by_name"] = {question.name: question for question in self.questions}
        return cached

    @property
    def answerable(self) -> list:
        cached = self.__dict__.get("_answerable")
        if cached is None:
            cached = self.__dict__["_answerable"] = [question for question in self.questions if question.has_answer]
        return cached

    @property
    def calculated(self) -> list:
        return [question for question in self.questions if question.type == "calculate"]


def text_in(texts: dict, language: str) -> str:
    return texts.get(language) or texts.get(DEFAULT_LANGUAGE) or next(iter(texts.values()), "") if texts else ""


def language_code(column_suffix: str) -> str:
    """'Nederlands (nl)' -> 'nl'; 'English' -> 'en'; a name we do not know stays as written."""
    match = re.search(r"\(([A-Za-z]{2,3}(?:-[A-Za-z]+)?)\)\s*$", column_suffix)
    if match:
        return match.group(1).lower()
    name = column_suffix.strip()
    return LANGUAGE_NAMES.get(name.lower(), name or DEFAULT_LANGUAGE)


def language_name(column_suffix: str) -> str:
    """'Nederlands (nl)' -> 'Nederlands'; 'French' -> 'French'."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", column_suffix).strip() or column_suffix.strip()
