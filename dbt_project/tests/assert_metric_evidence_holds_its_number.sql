-- Every reported count's evidence holds its number as written (value_text), and value_text
-- reads as the value: Arabic digits with thousands separators and 万, or Chinese numerals.
with metrics as (
    select
        metric_id,
        value,
        value_text,
        evidence,
        {{ number_from_text('value_text') }} as value_read
    from {{ ref('fct_reported_metrics') }}
)

select *
from metrics
where
    value_text is null
    or strpos(evidence, value_text) = 0
    or value_read is null
    or abs(value_read - value) > 1e-6
