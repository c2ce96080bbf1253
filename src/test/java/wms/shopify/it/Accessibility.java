package wms.shopify.it;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The accessibility check of the admin pages in the browser tests: axe-core (Deque's, from the test classpath) run
 * in the page the browser shows, against the WCAG 2.1 A and AA rules.
 */
final class Accessibility {

    private Accessibility() {}

    /**
     * The serious and critical violations axe finds on the page shown, one line each (rule, impact, the elements),
     * empty when there are none.
     */
    static List<String> seriousViolations(Browser browser) {
        browser.awaitSettled();
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser.driver());
        if (results.isErrored()) {
            throw new AssertionError("axe could not check the page: " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Accessibility::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "));
    }
}
