select
    source_id,
    url,
    sha256,
    row_number as source_row_number,
    stage,
    rule,
    reason,
    quarantined_at
from {{ source('lake', 'quarantine') }}
