package wms.shopify.stores.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The status lists other components' queries filter on come from the enum. */
class StoreStatusTest {

    @Test
    void onlyAConnectedStoreIsWorkedWith() {
        assertArrayEquals(new String[] {"CONNECTED"}, StoreStatus.names(StoreStatus::isConnected));
    }

    @Test
    void theNamesFollowTheTestGiven() {
        assertArrayEquals(new String[] {"CONNECTED", "TOKEN_PROBLEM"}, StoreStatus.names(StoreStatus::acceptsWebhooks));
    }
}
