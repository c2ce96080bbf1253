package wms.shopify.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles failed sign-ins to the admin pages, per account (the user name tried) and per client (the address the
 * attempt came from): after a few failures the account, or the client, is locked out for a growing period, during
 * which even the right password is refused. Every lock is logged and recorded in the Activity log (the activity component observes {@link SignInLocked}).
 */
@ApplicationScoped
public class SignInThrottle {

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

    @Inject
    Clock clock;

    @Inject
    Event<SignInLocked> locked;

    @Inject
    @ConfigProperty(name = "wms.sign-in.account-failures")
    int accountFailures;

    @Inject
    @ConfigProperty(name = "wms.sign-in.client-failures")
    int clientFailures;

    @Inject
    @ConfigProperty(name = "wms.sign-in.lock-seconds")
    long lockSeconds;

    @Inject
    @ConfigProperty(name = "wms.sign-in.longest-lock-seconds")
    long longestLockSeconds;

    private FailureThrottle accounts;
    private FailureThrottle clients;

    @PostConstruct
    void init() {
        this.accounts = FailureThrottle.of(this.accountFailures, this.lockSeconds, this.longestLockSeconds);
        this.clients = FailureThrottle.of(this.clientFailures, this.lockSeconds, this.longestLockSeconds);
    }

    /** How long a sign-in of this account from this client must still wait, if it must. */
    public Optional<Duration> lockedFor(String account, String client) {
        Optional<Duration> accountLock = this.accounts.lockedFor(accountKey(account), this.clock.instant());
        Optional<Duration> clientLock = this.clients.lockedFor(client, this.clock.instant());
        if (accountLock.isEmpty()) {
            return clientLock;
        }
        return clientLock.isEmpty() || accountLock.get().compareTo(clientLock.get()) >= 0 ? accountLock : clientLock;
    }

    /** Counts a failed sign-in; a lock it starts is logged and recorded in the Activity log. */
    public void failed(String account, String client) {
        this.accounts
                .failed(accountKey(account), this.clock.instant())
                .ifPresent(lock -> record("account '" + lock.key() + "' (the last attempt from " + client + ")", lock));
        this.clients.failed(client, this.clock.instant()).ifPresent(lock -> record("client " + lock.key(), lock));
    }

    /** A successful sign-in clears the account's failures (not the client's: it may try other accounts). */
    public void succeeded(String account) {
        this.accounts.succeeded(accountKey(account));
    }

    private void record(String who, FailureThrottle.Lock lock) {
        String message = "Sign-in locked for " + lock.length().toSeconds() + " s for " + who + " after "
                + lock.failures() + " failed sign-ins in a row";
        LOG.warning(message + ".");
        this.locked.fire(new SignInLocked(message));
    }

    /** User names are compared as the registry compares them, without case; bounded, so a key stays small. */
    static String accountKey(String account) {
        String name = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
