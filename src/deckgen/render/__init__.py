"""Renderers: files written from a plan."""
