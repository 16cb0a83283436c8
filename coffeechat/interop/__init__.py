"""Bring a network in (LinkedIn, vCard, CSV, JSON backup) and take everything out again."""
