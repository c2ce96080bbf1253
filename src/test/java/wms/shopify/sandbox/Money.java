package wms.shopify.sandbox;

import java.math.BigDecimal;
import java.util.Map;

/** Shopify's money shapes: {@code MoneyV2} and the {@code MoneyBag} of shop and presentment amounts. */
final class Money {

    private Money() {}

    static Map<String, Object> v2(BigDecimal amount) {
        return Map.of("amount", amount, "currencyCode", "USD");
    }

    static Map<String, Object> bag(BigDecimal amount) {
        return Map.of("shopMoney", v2(amount), "presentmentMoney", v2(amount));
    }
}
