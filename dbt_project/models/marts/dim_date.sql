select
    cast(d as date) as date_day,
    year(d) as year,
    quarter(d) as quarter,
    month(d) as month,
    day(d) as day_of_month,
    isodow(d) as iso_day_of_week,
    strftime(d, '%Y-%m') as year_month
from generate_series(date '2015-01-01', date '2030-12-31', interval 1 day) as t (d)
