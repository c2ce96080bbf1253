-- Long work shows its progress and can be cancelled (#21): Sync Products and the drift reconciliation keep, beside
-- their counts, how much there is to do (total, null while not known) and whether the admin asked them to stop
-- (cancel_requested, read at each batch boundary). A cancelled run ends CANCELLED with what it recorded kept.
alter table product_sync
    add column total integer,
    add column cancel_requested boolean not null default false,
    drop constraint product_sync_state_known,
    add constraint product_sync_state_known check (state in ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));

alter table stock_reconciliation
    add column levels_read integer not null default 0,
    add column total integer,
    add column cancel_requested boolean not null default false,
    drop constraint stock_reconciliation_state_known,
    add constraint stock_reconciliation_state_known
        check (state in ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));
