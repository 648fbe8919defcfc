select
    source_id,
    source_name,
    issuer,
    level,
    region_code,
    start_urls
from {{ ref('stg_lake__sources') }}
