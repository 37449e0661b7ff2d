//! Compare authorities' refusal patterns from a wide tags CSV (stub).
