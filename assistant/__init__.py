"""The assistant: calculators, eligibility checks, answer engines and verification."""
