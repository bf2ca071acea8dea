"""Modal screens: help, a one-line prompt, a yes/no question, the link picker."""
