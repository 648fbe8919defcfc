-- Star ratings (五星级 … 二星级) belong to green factories only.
select
    metric_id,
    designation_type_code,
    star_rating
from {{ ref('fct_reported_metrics') }}
where
    star_rating is not null
    and (designation_type_code is distinct from 'green_factory' or star_rating not between 2 and 5)
