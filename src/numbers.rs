//! Numbers, quantities, money, percentages. Being written.
