"""Background work for the monitor: runs in-process by default, in the worker in production.

Built on `services` and never imported by it (no import cycle): a view that sends in the background
calls `start_mail_job` here, which records the job through the services and enqueues the sending.
"""

from django.db import transaction
from django_tasks import task

from .models import MailJob, Wave
from .services import run_mail_job_now, start_mail_job_record


@task()
def run_mail_job(job_id: int, invitation_ids: list[int]) -> int:
    job = MailJob.objects.get(pk=job_id)
    return run_mail_job_now(job, invitation_ids).sent


def start_mail_job(wave: Wave, kind: str, user=None) -> MailJob:
    """Send in the background (django-tasks); the progress page follows the job."""
    job = start_mail_job_record(wave, kind, user)
    transaction.on_commit(lambda: run_mail_job.enqueue(job.pk, job.invitation_ids))
    return job
