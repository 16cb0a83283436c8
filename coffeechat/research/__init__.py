"""Research before an interview: pages and documents in, classified facts out."""
