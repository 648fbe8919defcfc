select
    source_id,
    name as source_name,
    issuer,
    level,
    region_code,
    start_urls,
    loaded_at
from {{ source('lake', 'sources') }}
