"""The Streamlit layer: the sidebar shell (filters kept in the session and mirrored in the URL), the cached query
function handed to the figure modules (fetch.py), captions, chart downloads, presentation mode and the Import page's
password gate. The only package of the core that imports streamlit; pages/ use it, nothing below does."""
