"""Text fitting: font resolution, real-metric measurement, Chinese line breaking, and fitting."""
