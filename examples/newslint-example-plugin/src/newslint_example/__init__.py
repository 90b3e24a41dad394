"""An example newslint plugin."""
