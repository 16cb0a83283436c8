"""The one-page prep brief of an interview."""
