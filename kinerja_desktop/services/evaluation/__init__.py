"""Evaluation: realisations, evidence, assessments, annual, completion."""
