"""Many screens, one exhibition: per-screen settings and health for monitoring."""
