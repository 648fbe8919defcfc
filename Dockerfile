# One image for every Airflow service (and the greenmfg CLI), from the pinned lock file.
FROM python:3.11-slim-bookworm
ENV PIP_NO_CACHE_DIR=1 AIRFLOW_HOME=/opt/airflow GREENMFG_HOME=/opt/greenmfg/data
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/greenmfg
COPY requirements.lock pyproject.toml ./
RUN pip install uv && uv pip install --system -r requirements.lock
COPY greenmfg greenmfg
COPY scrapers scrapers
RUN uv pip install --system --no-deps -e .
