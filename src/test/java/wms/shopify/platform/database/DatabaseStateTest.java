package wms.shopify.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseStateTest {

    @Test
    void theReasonIsTheInnermostDatabaseOrNetworkCauseOnOneLine() {
        Exception failure = new RuntimeException(
                "Unable to obtain connection",
                new SQLException(
                        "DSRA0010E: SQL State = 08001",
                        new SQLException(
                                "Connection to localhost:5999 refused.\nCheck that the hostname is right.",
                                new ConnectException("Connection refused"))));
        assertEquals("Connection refused", DatabaseState.reasonOf(failure));
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        assertEquals("IllegalStateException", DatabaseState.reasonOf(new IllegalStateException()));
    }

    @Test
    void waitingSaysWhyAndHowOftenItRetries() {
        DatabaseState waiting = DatabaseState.waiting("Connection refused", 10);
        assertFalse(waiting.ready());
        assertEquals("Connection refused (retrying every 10 s)", waiting.reason());
        DatabaseState ready = DatabaseState.ready("3");
        assertTrue(ready.ready());
        assertNull(ready.reason());
        assertEquals("3", ready.schemaVersion());
    }
}
