-- A star rating (五星级 … 二星级) qualifies green-factory counts only.
select
    announcement_url,
    fact_number,
    designation_type_code,
    star_rating
from {{ ref('stg_lake__text_facts') }}
where star_rating is not null and designation_type_code is distinct from 'green_factory'
