# One image for every Airflow service (and the greenmfg CLI), from the pinned lock file.
FROM python:3.11-slim-bookworm
ENV PIP_NO_CACHE_DIR=1 AIRFLOW_HOME=/opt/airflow GREENMFG_HOME=/opt/greenmfg/data
# curl: healthchecks; antiword: .doc attachments
RUN apt-get update && apt-get install -y --no-install-recommends curl antiword && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/greenmfg
COPY requirements.lock pyproject.toml ./
RUN pip install uv && uv pip install --system -r requirements.lock
COPY greenmfg greenmfg
COPY scrapers scrapers
RUN uv pip install --system --no-deps -e .
RUN python -m greenmfg.docs_assets fetch
# The project itself (compose mounts dags/ and dbt_project/ over these for development)
COPY dags dags
COPY dbt_project dbt_project
COPY expectations expectations
COPY corpus corpus
COPY scripts scripts
