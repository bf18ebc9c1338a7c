"""Plans: what goes where, at what size; pure data, no file formats."""
