"""The served app: dashboard.py on Streamlit's own server, plus the Import page's sign-in endpoint and upload guard
(khuyencong/sign_in_routes.py). Serve it with `streamlit run app.py` (make run, make serve-many, the README's
loop): Streamlit sees the st.App below and runs it with the same config, flags and .streamlit/config.toml.
A server started with `streamlit run dashboard.py` shows the dashboard, but its Import page cannot sign anyone in.
"""

from streamlit.starlette import App

from khuyencong.sign_in_routes import middleware, routes

app = App("dashboard.py", routes=routes(), middleware=middleware())
