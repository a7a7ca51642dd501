"""Resolution of mentions to real-world things: places and actors."""
