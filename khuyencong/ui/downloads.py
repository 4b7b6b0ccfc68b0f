"""Download buttons of a table shown on a page other than Data, in the Data page's formats and words."""

import streamlit as st

from khuyencong.i18n.labels import N_, t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# format -> (label key, help key, mime type, icon), in the Data page's order
BUTTONS = {
    "xlsx": (N_("data_download_xlsx"), N_("data_download_help"), XLSX, ":material/table_view:"),
    "csv": (N_("data_download_csv"), N_("data_download_csv_help"), "text/csv", ":material/description:"),
    "csv_vn": (N_("data_download_csv_vn"), N_("data_download_csv_vn_help"), "text/csv", ":material/description:"),
}


def table_downloads(files: dict, lang: str, key: str) -> None:
    """One row of buttons for render.data_files.table_files(...): Excel, CSV (,) and CSV (;)."""
    columns = st.columns(len(BUTTONS) + 1)
    for column, (kind, (label, help_key, mime, icon)) in zip(columns, BUTTONS.items()):
        name, build = files[kind]
        column.download_button(t(label, lang), build, file_name=name, mime=mime, key=f"{key}_{kind}",
                               on_click="ignore", icon=icon, help=t(help_key, lang), width="stretch")
