package wms.shopify.returns.entity;

/** Where a Shopify return stands for the WMS. */
public enum ReturnState {
    /** Announced to the WMS (in the feed until acknowledged): the goods are expected. */
    EXPECTED,
    /** Every unit received and disposed of on Shopify. */
    RECEIVED,
    /** Closed on Shopify (by the connector with automatic closing, or by the merchant). */
    CLOSED,
    /** Cannot be announced (its lines cannot be read or mapped): the reason is in the note. */
    HELD
}
