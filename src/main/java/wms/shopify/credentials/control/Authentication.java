package wms.shopify.credentials.control;

import java.util.Optional;

/**
 * The outcome of authenticating an API call: the caller, or why it was refused. A value rather than an
 * exception, because a refusal is an ordinary answer (401), not a failure of the transaction it is decided in.
 *
 * @param caller who called, when accepted
 * @param refusal why the call is refused, when it is
 */
public record Authentication(Optional<ApiCaller> caller, Optional<ApiAuthenticationException.Reason> refusal) {

    static Authentication accepted(ApiCaller caller) {
        return new Authentication(Optional.of(caller), Optional.empty());
    }

    static Authentication refused(ApiAuthenticationException.Reason reason) {
        return new Authentication(Optional.empty(), Optional.of(reason));
    }
}
