from .contacts import Aanspreekpunt, ContactKind, ContactMoment, MunicipalContact
from .digest import DigestPreference, DigestRun, DigestSend, Frequency
from .events import (
    ACTIVE_STATUSES,
    Audience,
    Event,
    EventKind,
    Registration,
    RegistrationAttempt,
    RegistrationChange,
    RegistrationStatus,
)
from .learning import Course, Enrolment, GroupDocument, LearningGroup, Material, Module, Post, Session, Theme
from .schemes import FundingScheme

__all__ = [
    "ACTIVE_STATUSES", "Aanspreekpunt", "Audience", "ContactKind", "ContactMoment", "Course", "DigestPreference",
    "DigestRun", "DigestSend", "Enrolment", "Event", "EventKind", "Frequency", "FundingScheme", "GroupDocument",
    "LearningGroup", "Material", "Module", "MunicipalContact", "Post", "Registration", "RegistrationAttempt",
    "RegistrationChange", "RegistrationStatus", "Session", "Theme",
]
