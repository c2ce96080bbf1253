package wms.shopify.sandbox;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The app's access to protected customer data, a setting of the sandbox as it is of an app in the Partner Dashboard,
 * and what Shopify does without it (shopify.dev/docs/apps/launch/protected-customer-data). Level 0: no customer data,
 * so the Order object itself is refused. Level 1: orders, without the name, address, phone and email fields. Level 2:
 * each of those four as granted, one by one. "Responses will include only approved fields, and unapproved fields will
 * be redacted": in GraphQL an unapproved field is null with an error beside the data, worded as Shopify's example
 * request shows it ("This app is not approved to access the Customer object. See https://partners.shopify.com/...
 * /customer_data for more details.", with {@code path} and {@code locations}, no {@code extensions}); in a webhook
 * body it is null. A refused Order object comes back as an ACCESS_DENIED error "This app is not approved to access the
 * Order object..." (the wording apps have met, quoted in docs/sandbox.md).
 */
public final class ProtectedCustomerData {

    /** The protected customer fields, each approved separately at level 2. */
    public enum Field {
        NAME,
        ADDRESS,
        EMAIL,
        PHONE
    }

    /** A level (0, 1, 2) and, at level 2, the fields approved. */
    public record Access(int level, Set<Field> fields) {
        public Access {
            if (level < 0 || level > 2) {
                throw new IllegalArgumentException("protected customer data levels are 0, 1 and 2, not " + level);
            }
            fields = level == 2 ? Set.copyOf(fields) : Set.of();
        }

        /** Level 0: no customer data. */
        public static Access none() {
            return new Access(0, Set.of());
        }

        /** Level 1: customer data without name, address, phone and email. */
        public static Access level1() {
            return new Access(1, Set.of());
        }

        /** Level 2 with these fields approved. */
        public static Access level2(Field... fields) {
            return new Access(2, fields.length == 0 ? Set.of() : EnumSet.of(fields[0], fields));
        }

        /** Level 2 with every field: what a custom app has ("Always available"), the sandbox's default. */
        public static Access full() {
            return new Access(2, EnumSet.allOf(Field.class));
        }

        boolean allows(Field field) {
            return fields.contains(field);
        }
    }

    /** Context key of the sandbox's setting (this object) a GraphQL request runs with. */
    static final String CONTEXT = "customerDataAccess";

    /** GraphQL fields holding protected customer fields. */
    private static final Map<String, Field> GRAPHQL_FIELDS = Map.ofEntries(
            Map.entry("Order.email", Field.EMAIL),
            Map.entry("Order.phone", Field.PHONE),
            Map.entry("MailingAddress.firstName", Field.NAME),
            Map.entry("MailingAddress.lastName", Field.NAME),
            Map.entry("MailingAddress.name", Field.NAME),
            Map.entry("MailingAddress.address1", Field.ADDRESS),
            Map.entry("MailingAddress.address2", Field.ADDRESS),
            Map.entry("MailingAddress.city", Field.ADDRESS),
            Map.entry("MailingAddress.company", Field.ADDRESS),
            Map.entry("MailingAddress.zip", Field.ADDRESS),
            Map.entry("MailingAddress.phone", Field.PHONE));

    /** REST keys of an address (shipping_address) that are protected; country and province stay readable. */
    private static final Map<String, Field> REST_ADDRESS = Map.of(
            "first_name",
            Field.NAME,
            "last_name",
            Field.NAME,
            "name",
            Field.NAME,
            "company",
            Field.ADDRESS,
            "address1",
            Field.ADDRESS,
            "address2",
            Field.ADDRESS,
            "city",
            Field.ADDRESS,
            "zip",
            Field.ADDRESS,
            "phone",
            Field.PHONE);

    private static final Map<String, Field> REST_CUSTOMER =
            Map.of("email", Field.EMAIL, "first_name", Field.NAME, "last_name", Field.NAME, "phone", Field.PHONE);
    private static final Map<String, Field> REST_ORDER =
            Map.of("email", Field.EMAIL, "contact_email", Field.EMAIL, "phone", Field.PHONE);

    private final String detailsUrl;
    private volatile Access access = Access.full();

    ProtectedCustomerData(String clientId) {
        this.detailsUrl = "https://partners.shopify.com/sandbox/apps/" + clientId + "/customer_data";
    }

    public Access access() {
        return access;
    }

    /** Sets the app's approved access, as Shopify's review would; applies to every store and webhook from now on. */
    public void access(Access newAccess) {
        this.access = newAccess;
    }

    /** An order webhook's body with the fields the app may not read set to null (a copy; others pass unchanged). */
    Map<String, Object> redactWebhook(Map<String, Object> body) {
        Access now = access;
        if (now.fields().containsAll(EnumSet.allOf(Field.class)) || !body.containsKey("line_items")) {
            return body;
        }
        Map<String, Object> copy = redact(body, REST_ORDER, now);
        if (copy.get("shipping_address") instanceof Map<?, ?> address) {
            copy.put("shipping_address", redact(cast(address), REST_ADDRESS, now));
        }
        if (copy.get("billing_address") instanceof Map<?, ?> address) {
            copy.put("billing_address", redact(cast(address), REST_ADDRESS, now));
        }
        if (copy.get("customer") instanceof Map<?, ?> customer) {
            copy.put("customer", redact(cast(customer), REST_CUSTOMER, now));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> redact(Map<String, Object> body, Map<String, Field> protectedKeys, Access now) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        protectedKeys.forEach((key, field) -> {
            if (copy.containsKey(key) && !now.allows(field)) {
                copy.put(key, null);
            }
        });
        return copy;
    }

    /** The GraphQL side: refuses the Order object at level 0 and redacts unapproved fields with an error. */
    static final class Redaction extends SimplePerformantInstrumentation {

        @Override
        public DataFetcher<?> instrumentDataFetcher(
                DataFetcher<?> dataFetcher,
                InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            // Only order roots and protected fields are wrapped: every other field keeps its own fetcher.
            DataFetchingEnvironment at = parameters.getEnvironment();
            String parent = at.getParentType() instanceof GraphQLObjectType o ? o.getName() : "";
            String name = at.getField().getName();
            boolean orderRoot = parent.equals("QueryRoot") && (name.equals("order") || name.equals("orders"));
            Field field = GRAPHQL_FIELDS.get(parent + "." + name);
            if (!orderRoot && field == null) {
                return dataFetcher;
            }
            return env -> {
                ProtectedCustomerData setting = env.getGraphQlContext().get(CONTEXT);
                if (setting == null) {
                    return dataFetcher.get(env);
                }
                Access now = setting.access;
                String detailsUrl = setting.detailsUrl;
                if (now.level() == 0 && orderRoot) {
                    return refused(
                            env,
                            "This app is not approved to access the Order object. See " + detailsUrl
                                    + " for more details.",
                            true);
                }
                if (field != null && !now.allows(field)) {
                    return refused(
                            env,
                            "This app is not approved to access the Customer object. See " + detailsUrl
                                    + " for more details.",
                            false);
                }
                return dataFetcher.get(env);
            };
        }

        private static DataFetcherResult<Object> refused(
                DataFetchingEnvironment env, String message, boolean accessDenied) {
            GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(env).message(message);
            if (accessDenied) {
                error.extensions(Map.of("code", "ACCESS_DENIED"));
            }
            return DataFetcherResult.newResult().data(null).error(error.build()).build();
        }
    }
}
