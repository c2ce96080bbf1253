package wms.shopify.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikeTest {

    @Test
    void theTextIsFoundAnywhereInAnyCaseWithItsWildcardsTakenLiterally() {
        assertEquals("%#1001%", Like.anywhere(" #1001 "));
        assertEquals("%shop.myshopify.com%", Like.anywhere("Shop.MyShopify.com"));
        assertEquals("%50\\% off\\_now\\\\%", Like.anywhere("50% off_now\\"));
    }
}
