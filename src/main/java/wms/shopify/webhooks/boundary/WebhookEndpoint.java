package wms.shopify.webhooks.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import wms.shopify.shopify.control.ShopifyApp;
import wms.shopify.webhooks.control.WebhookHeaders;
import wms.shopify.webhooks.control.WebhookIntake;
import wms.shopify.webhooks.control.WebhookMetrics;
import wms.shopify.webhooks.control.WebhookRejectedException;

/**
 * The address Shopify delivers every webhook to. A servlet rather than a JAX-RS resource, so the body is read as
 * the exact bytes Shopify signed, with the size limit applied while reading. Answers: 200 stored or duplicate;
 * 401 bad signature; 400 malformed (headers missing, JSON not readable, nested past the parser's limit) or triggered
 * longer ago than the age limit (a replay); 404 unknown store; 413 too large; 415 not JSON; 503 when it cannot be
 * stored.
 */
@WebServlet("/shopify/webhooks")
public class WebhookEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WebhookEndpoint.class.getName());

    @Inject
    transient WebhookIntake intake;

    @Inject
    transient ShopifyApp app;

    @Inject
    transient WebhookMetrics metrics;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        try {
            take(request, response);
        } finally {
            this.metrics.answered(response.getStatus(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void take(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            answer(response, 415, "Webhooks are JSON (Content-Type: application/json).");
            return;
        }
        int limit = this.app.webhookMaxBytes();
        if (request.getContentLengthLong() > limit) {
            answer(response, 413, "The body is larger than " + limit + " bytes.");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(limit + 1);
        }
        if (body.length > limit) {
            answer(response, 413, "The body is larger than " + limit + " bytes.");
            return;
        }
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        try {
            WebhookIntake.Receipt receipt = this.intake.receive(new WebhookHeaders(headers), body);
            answer(response, 200, receipt.name().toLowerCase(java.util.Locale.ROOT));
        } catch (WebhookRejectedException e) {
            answer(response, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            // Not stored (database away, transaction failed): Shopify must deliver it again.
            LOG.log(Level.WARNING, "A webhook could not be stored and was answered 503 for Shopify to retry: " + e);
            answer(response, 503, "Not stored; deliver again later.");
        }
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }
}
