package wms.shopify.credentials.control;

import java.util.Optional;
import wms.shopify.credentials.entity.ApiCredential;

/**
 * Decides whether a presented credential is valid. Every path does the same work, one HMAC and one constant-time
 * comparison, whether the key id is unknown, the secret wrong, or the credential revoked, so the time an answer
 * takes does not tell an attacker which key ids exist.
 */
public final class CredentialCheck {

    private final SecretHasher hasher;
    /** Compared against when no credential has the presented key id, so that path costs the same. */
    private final ApiCredential decoy;

    public CredentialCheck(SecretHasher hasher) {
        this.hasher = hasher;
        this.decoy =
                new ApiCredential("decoy", "decoy", hasher.hash(hasher.newSecret()), "nobody", java.time.Instant.EPOCH);
    }

    /**
     * The credential the presented one proves, if it does.
     *
     * @param presented what the caller sent
     * @param stored the credential with the presented key id, if there is one
     * @throws ApiAuthenticationException REFUSED when the key id is unknown, the secret wrong or it is revoked
     */
    public ApiCredential verify(PresentedCredential presented, Optional<ApiCredential> stored) {
        ApiCredential candidate = stored.orElse(this.decoy);
        boolean secretMatches = candidate.secretHashMatches(this.hasher.hash(presented.secret()));
        if (stored.isEmpty() || !secretMatches || candidate.revoked()) {
            throw new ApiAuthenticationException(ApiAuthenticationException.Reason.REFUSED);
        }
        return candidate;
    }
}
