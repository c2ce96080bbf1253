package wms.shopify.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Positions in a feed the WMS reads with a cursor (orders, returns), given from a sequence without serialising the
 * writers, and the watermark below which a reader may hand positions out without ever skipping one.
 *
 * <p>Positions are taken in any order of commit, so a reader could see position 6 before position 5 commits and move
 * its cursor past 5. Hence: a writer takes its position while holding the feed's advisory lock <em>shared</em> until
 * its transaction ends (writers do not wait for each other, each commit is flushed in parallel). A reader first notes
 * the last position given ({@link #committedUpTo}), then takes the lock exclusively for an instant, which it gets only
 * once every writer that could hold a position up to that one has committed or rolled back; it then reads positions
 * up to the one noted. A writer's hold is short: its position is taken last in a transaction that calls nobody.
 */
@ApplicationScoped
public class FeedPositions {

    /**
     * One feed: its sequence and the key of its advisory lock.
     *
     * @param sequence the sequence's name (a constant of the feed's component, never input)
     * @param lock the advisory lock key, one per feed
     */
    public record Feed(String sequence, long lock) {

        public Feed {
            if (!sequence.matches("[a-z_]+")) {
                throw new IllegalArgumentException("Not a sequence name: " + sequence);
            }
        }
    }

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    /**
     * The next position of the feed, for the caller's transaction (which must be one: the shared lock is held until it
     * ends). Take it as late in the transaction as possible.
     */
    public long next(Feed feed) {
        Object next = this.entityManager
                .createNativeQuery("select nextval('" + feed.sequence() + "') from "
                        + "(select pg_advisory_xact_lock_shared(" + feed.lock() + ") offset 0) as writer")
                .getSingleResult();
        return ((Number) next).longValue();
    }

    /**
     * The highest position a reader may hand out now: every position up to it is committed (or was rolled back, and
     * never appears). Waits, for no longer than the commits of the writers in flight, for those to end.
     */
    public long committedUpTo(Feed feed) {
        Object[] last = (Object[]) this.entityManager
                .createNativeQuery("select last_value, is_called from " + feed.sequence())
                .getSingleResult();
        long given = Boolean.TRUE.equals(last[1]) ? ((Number) last[0]).longValue() : 0;
        // Session-level lock and unlock in one statement: released at once, whatever transaction the reader is in.
        this.entityManager
                .createNativeQuery("select pg_advisory_unlock(" + feed.lock() + ") from " + "(select pg_advisory_lock("
                        + feed.lock() + ") offset 0) as reader")
                .getSingleResult();
        return given;
    }
}
