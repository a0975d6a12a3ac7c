"""The employee register: offices, employees, external penilai, register checks."""
