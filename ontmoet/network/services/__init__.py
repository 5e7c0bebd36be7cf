"""Every write of the knowledge network, each inside a transaction (one module per area)."""
