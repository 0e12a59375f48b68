create table orders (order_id string, amount decimal(10, 2), ts timestamp_ltz(3) metadata from 'timestamp', watermark for ts as ts - interval '5' second, primary key (order_id) not enforced) distributed by hash(order_id) into 4 buckets with ('changelog.mode' = 'upsert', 'value.format' = 'avro-registry');

insert into fct select window_start, window_end, count(*) as cnt from table(tumble(table orders, descriptor(ts), interval '1' minute)) group by window_start, window_end;

select * from (select *, row_number() over (partition by order_id order by `$rowtime` desc) as rn from orders) where rn = 1;

execute statement set begin insert into a select * from orders; insert into b select order_id from orders where amount > 'it''s'; end;
