package wms.shopify.returns.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How received units are disposed of on Shopify: each receipt line takes the reverse fulfillment order lines of its
 * product's returned units with units left to dispose, RESTOCKED (at the given location) or NOT_RESTOCKED. And how an
 * attempt with an unclear outcome is judged from Shopify's disposed quantities: all of it applied, none of it, or
 * something else (then a person looks).
 */
public final class DisposalPlan {

    /** A line of a reverse fulfillment order as Shopify has it now. */
    public record ReverseLine(String id, String fulfillmentLineItemId, int totalQuantity, int disposed) {
        int left() {
            return this.totalQuantity - this.disposed;
        }
    }

    /** One disposition to send. */
    public record Disposal(String reverseLineId, int quantity, boolean restock) {}

    public record Plan(List<Disposal> disposals, String shortfall) {
        public boolean possible() {
            return this.shortfall == null;
        }

        public String planned() {
            Map<String, Integer> sums = new TreeMap<>();
            this.disposals.forEach(d -> sums.merge(d.reverseLineId(), d.quantity(), Integer::sum));
            return format(sums);
        }
    }

    /** The judgement of an unclear attempt. */
    public enum Verdict {
        APPLIED,
        NOT_APPLIED,
        UNKNOWN
    }

    private DisposalPlan() {}

    public static Plan plan(
            List<ReceiptLine> received, Map<String, String> productByFulfillmentLine, List<ReverseLine> reverse) {
        Map<String, Integer> left = new HashMap<>();
        reverse.forEach(r -> left.put(r.id(), r.left()));
        List<Disposal> disposals = new ArrayList<>();
        List<String> short_ = new ArrayList<>();
        for (ReceiptLine line : received) {
            int needed = line.quantity();
            for (ReverseLine r : reverse) {
                if (needed == 0) {
                    break;
                }
                int available = left.get(r.id());
                if (available > 0
                        && line.productCode().equals(productByFulfillmentLine.get(r.fulfillmentLineItemId()))) {
                    int take = Math.min(needed, available);
                    disposals.add(new Disposal(r.id(), take, line.restock()));
                    left.put(r.id(), available - take);
                    needed -= take;
                }
            }
            if (needed > 0) {
                short_.add(line.productCode() + ": " + needed + " of " + line.quantity());
            }
        }
        if (!short_.isEmpty()) {
            return new Plan(
                    List.of(),
                    "Shopify has fewer returned units left to process than received (" + String.join("; ", short_)
                            + "): processed on Shopify already, or not approved yet? Check the return on Shopify.");
        }
        return new Plan(disposals, null);
    }

    /** Shopify's disposed quantities per reverse line, as text. */
    public static String disposed(List<ReverseLine> reverse) {
        Map<String, Integer> sums = new TreeMap<>();
        reverse.forEach(r -> sums.put(r.id(), r.disposed()));
        return format(sums);
    }

    /** Whether an attempt that sent {@code planned} over {@code baseline} reached Shopify, from what it has now. */
    public static Verdict judge(String baseline, String planned, List<ReverseLine> now) {
        if (baseline == null || planned == null) {
            return Verdict.NOT_APPLIED;
        }
        Map<String, Integer> before = parse(baseline);
        Map<String, Integer> sent = parse(planned);
        Map<String, Integer> current = new HashMap<>();
        now.forEach(r -> current.put(r.id(), r.disposed()));
        Set<String> touched = sent.keySet();
        boolean same =
                touched.stream().allMatch(id -> current.getOrDefault(id, 0).equals(before.getOrDefault(id, 0)));
        boolean applied = touched.stream()
                .allMatch(id -> current.getOrDefault(id, 0) == before.getOrDefault(id, 0) + sent.get(id));
        return applied ? Verdict.APPLIED : same ? Verdict.NOT_APPLIED : Verdict.UNKNOWN;
    }

    static String format(Map<String, Integer> sums) {
        return sums.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    static Map<String, Integer> parse(String text) {
        Map<String, Integer> map = new HashMap<>();
        if (text == null || text.isBlank()) {
            return map;
        }
        for (String part : text.split(";")) {
            int eq = part.lastIndexOf('=');
            map.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
        }
        return map;
    }
}
