"""In-app help: the guide per view (``resources/help/<lang>/``) and the keyboard shortcuts."""
