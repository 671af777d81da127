//! Dates and times. Being written.
