"""Background work for the monitor: runs in-process by default, in the worker in production."""

from django_tasks import task

from .models import MailJob
from .services import run_mail_job_now


@task()
def run_mail_job(job_id: int, invitation_ids: list[int]) -> int:
    job = MailJob.objects.get(pk=job_id)
    return run_mail_job_now(job, invitation_ids).sent
