"""mapcore.web: what a browser gets from an atlas, with no Streamlit in it.

`wire` is the data format (typed, documented in docs/architecture.md), `elements` the folium
elements, `publish` writes an edition's files for a server, `pack` the one-file classroom pack;
`static/` the browser's own scripts (Leaflet plugins and panels, one module system).
"""
