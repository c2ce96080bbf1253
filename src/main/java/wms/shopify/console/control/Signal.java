package wms.shopify.console.control;

/** Red, amber or green: how a figure of the dashboard stands against its rule, in words as well as in colour. */
public enum Signal {
    GREEN("Green: fine"),
    AMBER("Amber: look soon"),
    RED("Red: act now");

    private final String label;

    Signal(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

    /** The CSS class the page colours it with (the label says the same in words). */
    public String styleClass() {
        return "signal-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The worse of two. */
    public Signal worst(Signal other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
