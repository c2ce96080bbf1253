package wms.shopify.stock.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbsoluteTargetTest {

    @Test
    void sellableLessOpenOrdersLessUnexplainedDropsNeverBelowZero() {
        assertEquals(15, AbsoluteTarget.of(15, 0, 0));
        assertEquals(12, AbsoluteTarget.of(15, 3, 0), "orders Shopify took and the WMS has not allocated");
        assertEquals(10, AbsoluteTarget.of(15, 3, -2), "a sale seen on Shopify whose order is not known yet");
        assertEquals(0, AbsoluteTarget.of(2, 5, 0));
        assertEquals(15, AbsoluteTarget.of(15, 0, 4), "an unexplained rise never adds stock the WMS does not have");
    }

    @Test
    void refusedEntriesAreFoundByTheirPositionInTheInput() {
        var errors = Json.createReader(new StringReader("""
                [{"field":["input","changes","3","locationId"],"message":"not stocked","code":"ITEM_NOT_STOCKED_AT_LOCATION"},
                 {"field":["input","reason"],"message":"bad","code":"INVALID_REASON"},
                 {"field":null,"message":"x","code":"OTHER"}]""")).readArray();
        assertEquals(Map.of(3, "ITEM_NOT_STOCKED_AT_LOCATION: not stocked"), StockPusher.positions(errors));
    }
}
