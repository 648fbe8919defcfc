"""What the Airflow DAGs (dags/) are made of: stage tasks, the dbt task group, callbacks.

Imported by the DAG files at parse time, so every module keeps heavy imports inside functions.
"""
