package wms.shopify.credentials.control;

import wms.shopify.credentials.entity.ApiCredential;

/**
 * A credential just created, with the token the WMS sends: the only moment the secret exists outside the
 * caller's hands. It is shown to the admin once and never stored or logged.
 *
 * @param credential what is stored
 * @param token {@code <keyId>.<secret>}, the value of {@code Authorization: Bearer ...}
 */
public record IssuedCredential(ApiCredential credential, String token) {

    @Override
    public String toString() {
        return "IssuedCredential[keyId=" + this.credential.keyId() + ", token=<hidden>]";
    }
}
