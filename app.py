"""The classroom atlas: `streamlit run app.py`. The app itself is the `atlasapp` package."""

from atlasapp.shell import run

run(__file__)
