-- Replayed webhooks (security review, issue #15 item 2).
-- A delivery whose body does not suit its topic, or names another shop than its header, is refused at processing.
alter table webhook_delivery drop constraint webhook_delivery_outcome_known;
alter table webhook_delivery add constraint webhook_delivery_outcome_known
    check (outcome in ('RECEIVED', 'PROCESSED', 'KEPT', 'FAILED', 'REFUSED'));

-- The SHA-256 of the body as received: the same bytes sent again to the same store and topic under a new
-- X-Shopify-Webhook-Id (a replay, or a second subscription's copy) are a duplicate. Kept when a privacy request
-- erases the body, so an erased delivery cannot be replayed either.
alter table webhook_delivery add column body_digest bytea;

-- Deliveries stored before: the first of each identical (store, topic, body) gets the digest; bodies already
-- erased are left without one (their original bytes are gone).
update webhook_delivery d set body_digest = f.digest
from (select id, sha256(body) as digest,
             row_number() over (partition by store_id, topic, sha256(body) order by id) as n
      from webhook_delivery where body <> '{}'::bytea) f
where f.id = d.id and f.n = 1;

create unique index webhook_delivery_same_body on webhook_delivery (store_id, topic, body_digest);
