"""The node editor: a QGraphicsScene that mirrors a studio Graph, and its view."""
