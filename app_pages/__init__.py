"""Streamlit pages: forms, layout and charts only. Domain logic lives in statutes/, classifier/ and quiz/."""
