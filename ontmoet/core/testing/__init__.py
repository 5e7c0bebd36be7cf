"""Test helpers shared by every app (imported by tests only)."""
