package wms.shopify.sandbox;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A top-level GraphQL error in Shopify's shape: a message and {@code extensions.code} (THROTTLED, MAX_COST_EXCEEDED,
 * BAD_REQUEST, INVALID_FIELD_ARGUMENTS, ...). Mutations throw it for what Shopify refuses before any user error.
 */
public final class AdminError extends RuntimeException implements GraphQLError {

    private final String code;
    private final Map<String, Object> extensions;
    private final List<Object> path;

    public AdminError(String code, String message) {
        this(code, message, Map.of());
    }

    public AdminError(String code, String message, Map<String, Object> moreExtensions) {
        this(code, message, moreExtensions, null);
    }

    private AdminError(String code, String message, Map<String, Object> moreExtensions, List<Object> path) {
        super(message, null, false, false);
        this.path = path;
        this.code = code;
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("code", code);
        all.putAll(moreExtensions);
        this.extensions = Map.copyOf(all);
    }

    /** The same error, reported at a result path (as Shopify does for errors raised by a field). */
    AdminError at(List<Object> resultPath) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(extensions);
        more.remove("code");
        return new AdminError(code, getMessage(), more, resultPath);
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    public String code() {
        return code;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(code);
    }

    @Override
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
