"""Drawing, filming and narrating the sample exhibition's media (see make_sample_media.py)."""
