"""Core's background work (django-tasks): delivering the outbox (core.mail)."""

from django_tasks import task

from . import mail


@task()
def deliver_mail(pk: int) -> bool:
    return mail.deliver(pk)
