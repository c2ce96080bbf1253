package wms.shopify.plugins.control;

/** Thrown when a plugin code names no plugin the connector knows. */
public class UnknownPluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownPluginException(String code) {
        super("There is no plugin with the code '" + code + "'.");
    }
}
