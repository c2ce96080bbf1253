package wms.shopify.platform.api;

import java.util.List;

/**
 * A request whose content breaks the API's rules: answered 400 with every offending field, and nothing is
 * changed. Control classes throw it after checking a whole request, so the caller learns all errors at once.
 */
public class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " error(s) in the request; nothing was changed");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return this.errors;
    }
}
