"""Configuration: the validated Config object, loaded from YAML, and its cross-field checks."""
