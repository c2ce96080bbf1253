package wms.shopify.credentials.control;

import java.security.Principal;
import wms.shopify.credentials.entity.ApiScope;
import wms.shopify.platform.Published;

/**
 * Who is calling the WMS API: the credential the call was authenticated with. It is the principal of the
 * request, and names the caller in the activity log.
 *
 * @param keyId the credential's public key id
 * @param name the name the admin gave the credential
 * @param scope what the credential may do
 */
@Published
public record ApiCaller(String keyId, String name, ApiScope scope) implements Principal {

    /** How the activity log names this caller. */
    @Override
    public String getName() {
        return "WMS API key " + this.keyId + " (" + this.name + ")";
    }
}
