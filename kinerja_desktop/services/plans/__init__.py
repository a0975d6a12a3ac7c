"""Plans: the IKU catalogue and its templates, SKP with RHK and indicators, cascade."""
