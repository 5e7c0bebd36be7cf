"""Background work for the knowledge network: runs in-process by default, in the worker in production."""

from django_tasks import task

from .models import DigestRun
from .services.digest import execute_run


@task()
def send_digest(run_id: int) -> int:
    run = execute_run(DigestRun.objects.get(pk=run_id))
    return run.sent
