package wms.shopify.webhooks.entity;

/** What became of a webhook delivery, as the Activity page shows it. */
public enum WebhookOutcome {
    /** Stored and acknowledged; processing has not finished yet. */
    RECEIVED("Received"),
    /** The owning component acted on it. */
    PROCESSED("Processed"),
    /** Stored for a component that does not act on this topic yet (later versions do). */
    KEPT("Kept"),
    /** Processing failed; the note says why. */
    FAILED("Failed"),
    /** Not acted on: the body does not suit its topic or names another shop (a replay); the note says why. */
    REFUSED("Refused");

    private final String label;

    WebhookOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }
}
