package wms.shopify.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Enumeration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the JMS messaging engine answers: a connection is opened and the dead-letter queue is browsed.
 * The number of messages on the dead-letter queue is reported, since each one is work that failed for good.
 */
@Readiness
@ApplicationScoped
public class MessagingReadiness implements HealthCheck {

    /** Counting stops here so that a long dead-letter queue cannot make the probe slow. */
    private static final int DEAD_LETTER_COUNT_LIMIT = 1000;

    @Resource(lookup = "jms/wms")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/queue/dead-letter")
    Queue deadLetters;

    /** What an anonymous probe sees: UP or DOWN only ({@link #details()} for a signed-in admin). */
    @Override
    public HealthCheckResponse call() {
        return HealthDetails.bare(details());
    }

    /** The check with its details (for the admin only: they name the database and say why it is down). */
    public HealthCheckResponse details() {
        try (JMSContext context = this.connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
                QueueBrowser browser = context.createBrowser(this.deadLetters)) {
            Enumeration<?> messages = browser.getEnumeration();
            long deadLetterCount = 0;
            while (deadLetterCount < DEAD_LETTER_COUNT_LIMIT && messages.hasMoreElements()) {
                messages.nextElement();
                deadLetterCount++;
            }
            return HealthCheckResponse.named("messaging")
                    .up()
                    .withData(
                            "deadLetters",
                            deadLetterCount < DEAD_LETTER_COUNT_LIMIT
                                    ? String.valueOf(deadLetterCount)
                                    : "at least " + DEAD_LETTER_COUNT_LIMIT)
                    .build();
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return HealthCheckResponse.named("messaging")
                    .down()
                    .withData("reason", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
