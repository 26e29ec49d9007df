"""User interfaces: the terminal CLI (``policy-assistant``) and the Gradio page."""
