"""The floor of any Streamlit page, for benchmarks/bench_page.py: a Year slider and its value.

A keypress on the slider reruns this script on the server and the page shows the new value:
nothing an app does can answer a step faster than this.
"""

import datetime

import streamlit as st

value = st.slider("Year", 1850, datetime.date.today().year, 1905, key="year")
st.write(value)
