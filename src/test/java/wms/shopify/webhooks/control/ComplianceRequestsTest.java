package wms.shopify.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** How the ids in Shopify's privacy requests are read: numbers as Shopify documents them, strings, or global ids. */
class ComplianceRequestsTest {

    @Test
    void anIdIsReadAsAGlobalIdWhateverFormShopifySendsItIn() {
        assertEquals(
                "gid://shopify/Customer/207119551", ComplianceRequests.gid("Customer", Json.createValue(207119551L)));
        assertEquals("gid://shopify/Order/299938", ComplianceRequests.gid("Order", Json.createValue("299938")));
        assertEquals(
                "gid://shopify/Order/5", ComplianceRequests.gid("Order", Json.createValue(" gid://shopify/Order/5 ")));
    }

    @Test
    void aMissingOrEmptyIdNamesNobody() {
        assertNull(ComplianceRequests.gid("Customer", null));
        assertNull(ComplianceRequests.gid("Customer", JsonValue.NULL));
        assertNull(ComplianceRequests.gid("Customer", Json.createValue(" ")));
        assertNull(ComplianceRequests.gid("Customer", JsonValue.EMPTY_JSON_OBJECT));
    }
}
