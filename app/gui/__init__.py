"""The Qt user interface. Only this package imports Qt; it talks to app.services, never to a
database session directly."""
