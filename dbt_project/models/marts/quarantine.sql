-- Everything that did not make it into the facts, and why.
select
    source_id,
    url,
    sha256,
    source_row_number,
    stage,
    rule,
    reason,
    quarantined_at
from {{ ref('stg_lake__quarantine') }}
