"""Deciding a route: conversation parsing, the classifier and fitted head, the model choice, and the body/header mutations."""
