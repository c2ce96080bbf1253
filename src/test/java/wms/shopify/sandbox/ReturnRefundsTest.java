package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.control.AdminOperation;

/**
 * Refunds issued by {@code returnProcess}: {@code Return.suggestedFinancialOutcome} gives the amount of the returned
 * lines at their prices and the order's SALE to refund it against; {@code financialTransfer.issueRefund} with those
 * transactions makes one Refund on the order (the processed lines, the REFUND transactions) in the same mutation, and
 * an amount beyond what is refundable is refused with nothing processed. Without a financial transfer nothing is
 * refunded. The connector's own documents (ReturnRefundSuggestion, ReturnProcess) are the ones sent.
 */
class ReturnRefundsTest {

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(SandboxSettings.defaults());
        shop = sandbox.createShop("refunds.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 10);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theSuggestedRefundIsIssuedWithTheProcessingAsOneRefundOnTheOrder() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 3));
        Return aReturn = returned(order, 2);
        ReturnLineItem line = aReturn.returnLineItems().get(0);
        OrderTransaction sale = order.transactions().get(0);
        assertEquals("SALE", sale.kind());
        assertEquals(new BigDecimal("59.97"), sale.amount());

        JsonNode outcome = suggestion(aReturn, line, 2);
        assertEquals("39.98", outcome.at("/amount/presentmentMoney/amount").asText(), outcome.toString());
        assertEquals("USD", outcome.at("/amount/presentmentMoney/currencyCode").asText());
        assertEquals(1, outcome.get("suggestedTransactions").size());
        assertEquals(
                sale.id(),
                outcome.at("/suggestedTransactions/0/parentTransaction/id").asText());
        assertEquals(
                "39.98",
                outcome.at("/suggestedTransactions/0/amountSet/presentmentMoney/amount")
                        .asText());

        JsonNode processed = process(aReturn, line, 2, "39.98", sale.id());
        assertTrue(processed.get("userErrors").isEmpty(), processed.toString());

        assertEquals(1, order.refunds().size());
        Refund refund = order.refunds().get(0);
        assertEquals(new BigDecimal("39.98"), refund.totalRefunded());
        assertEquals(1, refund.refundLineItems().size());
        assertEquals(2, refund.refundLineItems().get(0).quantity());
        assertEquals(new BigDecimal("39.98"), refund.refundLineItems().get(0).subtotal());
        assertEquals(sale, refund.transactions().get(0).parentTransaction());
        assertEquals("REFUND", refund.transactions().get(0).kind());
        assertEquals("PARTIALLY_REFUNDED", order.displayFinancialStatus());
        assertEquals(2, line.processedQuantity());
        assertEquals(2, line.refundedQuantity());
        assertEquals(0, line.refundableQuantity());
        assertEquals(new BigDecimal("19.99"), order.refundable(sale));
    }

    @Test
    void moreThanIsRefundableIsRefusedAndNothingIsProcessed() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        Return aReturn = returned(order, 1);
        ReturnLineItem line = aReturn.returnLineItems().get(0);

        JsonNode refused =
                process(aReturn, line, 1, "25.00", order.transactions().get(0).id());
        assertEquals(
                "Refund amount exceeds the refundable amount of the transaction.",
                refused.at("/userErrors/0/message").asText(),
                refused.toString());
        assertTrue(refused.get("return").isNull());
        assertTrue(order.refunds().isEmpty());
        assertEquals(0, line.processedQuantity(), "all or nothing");
        assertEquals("PAID", order.displayFinancialStatus());
    }

    @Test
    void withoutAFinancialTransferNothingIsRefunded() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2));
        Return aReturn = returned(order, 1);
        ReturnLineItem line = aReturn.returnLineItems().get(0);

        JsonNode processed = process(aReturn, line, 1, null, null);
        assertTrue(processed.get("userErrors").isEmpty(), processed.toString());
        assertEquals(1, line.processedQuantity());
        assertTrue(order.refunds().isEmpty());
        assertEquals(0, line.refundedQuantity());
        assertEquals("PAID", order.displayFinancialStatus());
    }

    @Test
    void anUnpaidOrderHasNothingToRefund() throws Exception {
        Order order = shop.placeOrder(warehouse, false, Map.of("TS-S", 1));
        Return aReturn = returned(order, 1);
        JsonNode outcome = suggestion(aReturn, aReturn.returnLineItems().get(0), 1);
        assertEquals("0", outcome.at("/amount/presentmentMoney/amount").asText(), outcome.toString());
        assertTrue(outcome.get("suggestedTransactions").isEmpty());
    }

    /** The order fulfilled and a return of some of its units, approved. */
    private Return returned(Order order, int quantity) throws Exception {
        JsonNode fulfilled = admin.graphQl(
                "mutation($fo: ID!) { fulfillmentCreate(fulfillment: {lineItemsByFulfillmentOrder: "
                        + "[{fulfillmentOrderId: $fo}]}) { userErrors { message } } }",
                Map.of("fo", order.fulfillmentOrders().get(0).id()));
        assertTrue(fulfilled.at("/data/fulfillmentCreate/userErrors").isEmpty(), fulfilled.toString());
        String fulfillmentLine =
                order.fulfillments().get(0).fulfillmentLineItems().get(0).id();
        JsonNode created = admin.graphQl(
                "mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { return { id } "
                        + "userErrors { message } } }",
                Map.of(
                        "input",
                        Map.of(
                                "orderId",
                                order.id(),
                                "returnLineItems",
                                List.of(Map.of("fulfillmentLineItemId", fulfillmentLine, "quantity", quantity)))));
        assertTrue(created.at("/data/returnCreate/userErrors").isEmpty(), created.toString());
        return shop.find(created.at("/data/returnCreate/return/id").asText(), Return.class);
    }

    private JsonNode suggestion(Return aReturn, ReturnLineItem line, int quantity) throws Exception {
        JsonNode answer = admin.graphQl(
                AdminOperation.RETURN_REFUND_SUGGESTION.document(),
                Map.of("id", aReturn.id(), "lines", List.of(Map.of("id", line.id(), "quantity", quantity))));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer.at("/data/return/suggestedFinancialOutcome/financialTransfer");
    }

    private JsonNode process(Return aReturn, ReturnLineItem line, int quantity, String amount, String parentId)
            throws Exception {
        Map<String, Object> input = new java.util.LinkedHashMap<>();
        input.put("returnId", aReturn.id());
        input.put("returnLineItems", List.of(Map.of("id", line.id(), "quantity", quantity)));
        input.put("notifyCustomer", false);
        if (amount != null) {
            input.put(
                    "financialTransfer",
                    Map.of(
                            "issueRefund",
                            Map.of(
                                    "orderTransactions",
                                    List.of(Map.of(
                                            "transactionAmount",
                                            Map.of("amount", amount, "currencyCode", "USD"),
                                            "parentId",
                                            parentId)))));
        }
        JsonNode answer = admin.graphQl(AdminOperation.RETURN_PROCESS.document(), Map.of("input", input));
        assertTrue(answer.path("errors").isMissingNode(), answer.toString());
        return answer.at("/data/returnProcess");
    }
}
