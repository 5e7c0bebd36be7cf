"""`{% component "name" key=value … %}body{% endcomponent %}`: renders components/<name>.html with the
rendered body as its `body` parameter.

Components without a body are plain `{% include "components/x.html" with … %}`; this tag exists only for
the ones that wrap markup (card, alert, fieldset, button group, table, navigation). It renders a
template, so the body stays escaped as any template output: no mark_safe here. The component sees only
its own parameters (like an include with `only`), so a page's `heading` or `variant` cannot leak in.

`{% columns _("Naam") _("Bedrag") numeric="2" as headers %}` builds the `headers` of components/table.html
in a template (a template cannot write a list).
"""

from django import template
from django.template.base import token_kwargs

register = template.Library()


class ComponentNode(template.Node):
    def __init__(self, name, kwargs, nodelist):
        self.name, self.kwargs, self.nodelist = name, kwargs, nodelist

    def render(self, context):
        values = {key: value.resolve(context) for key, value in self.kwargs.items()}
        values["body"] = self.nodelist.render(context)
        component = context.template.engine.get_template(f"components/{self.name.resolve(context)}.html")
        return component.render(context.new(values))


def name_and_kwargs(parser, token, example: str):
    """`{% tag "name" key=value … %}` parsed: (the name, the key=value arguments); shared with {% jinja %}."""
    bits = token.split_contents()
    tag = bits[0]
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{{% {tag} %}} needs a name: {example}")
    kwargs = token_kwargs(bits[2:], parser)
    if len(kwargs) != len(bits) - 2:
        raise template.TemplateSyntaxError(f"{{% {tag} %}} takes only key=value arguments: {token.contents}")
    return parser.compile_filter(bits[1]), kwargs


@register.tag("component")
def component(parser, token):
    name, kwargs = name_and_kwargs(parser, token, '{% component "card" heading=… %}')
    nodelist = parser.parse(("endcomponent",))
    parser.delete_first_token()
    return ComponentNode(name, kwargs, nodelist)


@register.simple_tag
def columns(*labels, numeric=""):
    """numeric: the positions (from 1, space-separated) of the right-aligned columns.

    Every heading a dict: for a plain string the table's `header.numeric` and `header.label` lookups
    fail, and Django's template engine then lists the string's attributes (dir()) to tell why."""
    right = {int(position) for position in numeric.split()}
    return [{"label": label, "numeric": index in right} for index, label in enumerate(labels, 1)]
