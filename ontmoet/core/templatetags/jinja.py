"""`{% jinja "app/name.html" key=value … %}`: include a Jinja2 template (core/jinja.py) in a Django one.

Jinja2 escapes every value itself (autoescape is on in settings), so its output is marked safe here,
in this one tag that renders a template (the allowed place, core/tests/test_no_html_in_python.py).
"""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

from .components import name_and_kwargs

register = template.Library()


class JinjaNode(template.Node):
    def __init__(self, name, kwargs):
        self.name, self.kwargs = name, kwargs

    def render(self, context):
        values = {key: value.resolve(context) for key, value in self.kwargs.items()}
        rendered = engines["jinja2"].get_template(self.name.resolve(context)).render(values)
        return mark_safe(rendered)  # noqa: S308 - a Jinja2 template with autoescape on made this


@register.tag("jinja")
def jinja(parser, token):
    return JinjaNode(*name_and_kwargs(parser, token, '{% jinja "app/x.html" rows=rows %}'))
