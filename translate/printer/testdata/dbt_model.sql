-- models/c360_fct_orders.sql
with orders as (select o.order_id, o.customer_id, cast(o.amount as decimal(10,2)) amount, o.order_ts from src_c360_orders o where o.status not in ('CANCELLED','FRAUD') and o.order_ts >= date_sub(current_date(), 30) and o.amount > 0),
/* latest customer row */
customers as (select * from (select c.*, row_number() over (partition by customer_id order by updated_ts desc) rn from src_c360_customers c) where rn = 1)
select /*+ BROADCAST(c) */ o.order_id, o.customer_id, -- key
  c.country_code, case when o.amount >= 1000 then 'large' when o.amount >= 100 then 'medium' else 'small' end as size_band,
  sum(o.amount) over (partition by o.customer_id order by o.order_ts rows between unbounded preceding and current row) running_total
from orders o left join customers c on c.customer_id = o.customer_id
lateral view explode(array(1, 2)) t as n
where (o.amount > 10 or o.amount < -1) and exists (select 1 from refunds r where r.order_id = o.order_id)
group by 1, 2, 3, 4, 5 having count(*) > 1
order by o.order_id desc nulls last
limit 100;

insert overwrite table c360_dim_customers partition (dt = '2024-01-01') select `customer id`, email from src union all select 1, 'x' from dual;

create table if not exists tmp.t (id bigint not null comment 'key', -- the key
 tags array<string>, attrs map<string, struct<a: int, b: string>>) using delta partitioned by (dt) tblproperties ('delta.appendOnly' = 'true');

merge into t using s on t.k = s.k when matched and s.op = 'D' then delete when matched then update set * when not matched then insert *;
