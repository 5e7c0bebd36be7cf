from django import template

from ontmoet.core.markdown import render_safe_markdown

register = template.Library()


@register.filter
def safe_markdown(text):
    """Message text as a safe Markdown subset; raw HTML never reaches the page."""
    return render_safe_markdown(text)
