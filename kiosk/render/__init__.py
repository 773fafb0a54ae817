"""`kiosk render`: a picture of every screen of an exhibition, and the accessibility audit of each.

A tool that drives the kiosk from outside, as a visitor meets it: the visitor screens of
`kiosk.app` and the closed screen of the operations overlays (`kiosk.ops.hours`), in every
accessibility mode, at the kiosk's screen size, without a display. It sits above both and
nothing in the kiosk itself imports it.
"""
