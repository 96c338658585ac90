"""The training side of the app: settings, the run on a QThread, live plots, and what a trained
model shows (predictions, confusion matrix, drawing, activations, export)."""
