"""The office's own evaluation: office IKU realisations, IKM, organisation predikat, periods and
locks, the predikat distribution."""
