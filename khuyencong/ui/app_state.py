"""Objects shared by every page and session of the running app."""

import streamlit as st

from khuyencong.data.database import Database, database_path


@st.cache_resource(show_spinner=False)
def _database_at(path: str) -> Database:
    return Database(path)


def get_database() -> Database:
    """The process-wide read-only database (reopens itself when a new build is swapped in)."""
    return _database_at(str(database_path()))
