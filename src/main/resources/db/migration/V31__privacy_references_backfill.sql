-- Fills the references of V30 for the deliveries stored before it, 500 rows per transaction (this script runs
-- outside one transaction, see its .conf), so that a store with a million deliveries is not one huge update.
do $$
declare
    done_until bigint := 0;
    batch_end bigint;
begin
    loop
        select max(id) into batch_end
            from (select id from webhook_delivery where id > done_until order by id limit 500) batch;
        exit when batch_end is null;
        update webhook_delivery
            set order_ref = webhook_body_ref(topic, body, 'order'),
                customer_ref = webhook_body_ref(topic, body, 'customer')
            where id > done_until and id <= batch_end
              and (topic like 'orders/%' or topic like 'returns/%' or topic like 'customers/%');
        done_until := batch_end;
        commit;
    end loop;
end
$$;
