"""What the Airflow DAGs (dags/) are made of: stage tasks, the Cosmos dbt group, callbacks.

Imported by the DAG files at parse time, so every module keeps heavy imports inside functions.
"""

import os

# No usage telemetry from the workers (astronomer-cosmos posts to scarf.sh on every dbt task).
os.environ.setdefault("AIRFLOW__COSMOS__ENABLE_TELEMETRY", "False")
os.environ.setdefault("SCARF_NO_ANALYTICS", "true")
