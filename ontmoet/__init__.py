"""Ontmoet: het platform voor sociale ontmoetingsplekken."""
