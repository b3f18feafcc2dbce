"""Learning from labelled conversations: the dataset reader, `mmrouter fit` and `mmrouter eval`."""
