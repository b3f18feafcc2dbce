"""Image inputs: safe decoding, the CLIP image encoder and per-route image scores."""
