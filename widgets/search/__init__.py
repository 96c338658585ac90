"""Hyperparameter search in the app: the space chosen where the values live (right-click →
"Search this…"), a dialog to set it up, a page that watches the trials, and "Apply best".
The search itself is studio.search, run on a worker thread."""
