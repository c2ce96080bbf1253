package wms.shopify.activity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import wms.shopify.platform.security.SignInLocked;

/**
 * Records in the Activity log each sign-in lock the platform announces ({@link SignInLocked}), as a security event
 * of the connector itself.
 */
@ApplicationScoped
public class LockedSignIns {

    @Inject
    ActivityLog log;

    void record(@Observes SignInLocked lock) {
        this.log.record("security", lock.message(), null);
    }
}
