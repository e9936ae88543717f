"""Data files of the matcher (the Berlin gazetteer)."""
