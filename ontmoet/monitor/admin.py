"""The monitor is managed in its own pages (scoped per province); the admin shows nothing of it.

Questionnaires, waves and responses belong to one province each, and the Django admin has no
scope: registering them here would let an administrator of one province see another's answers.
"""
