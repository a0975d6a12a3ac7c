"""The evaluation editor (realisations, evidence, ratings, approval) and the completion monitor."""
