package wms.shopify.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

/**
 * The server resources an in-container test works with, injected by the container into this bean of the test
 * deployment (Arquillian's own enrichers do not inject Jakarta resources into the test class on Liberty).
 * Dependent, so that its fields are read from the instance itself and not from a client proxy.
 */
@Dependent
public class InContainerResources {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Resource
    UserTransaction transaction;

    @Resource(lookup = "jms/wms")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/queue/activity")
    Queue activityQueue;
}
