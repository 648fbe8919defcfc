-- Every reported count and target holds its number, as written, in its evidence.
select
    announcement_url,
    fact_number,
    value_text,
    evidence
from {{ ref('stg_lake__text_facts') }}
where value_text is not null and strpos(evidence, value_text) = 0
