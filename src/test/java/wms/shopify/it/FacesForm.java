package wms.shopify.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Faces form submitted the way a browser submits it, for tests that need the raw HTTP answer (status, redirect):
 * every field the page rendered inside the form, with its rendered value, is sent, including the ones MyFaces needs
 * to see the form as submitted ({@code <formId>_SUBMIT}, {@code jakarta.faces.ViewState}). Only the pressed button
 * is added, as a browser does. Hand-assembled posts that miss one of these fields are silently re-rendered by Faces
 * without running the action.
 */
final class FacesForm {

    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT =
            Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)=\"([^\"]*)\"");
    /** The page's nonce, which PrimeFaces' script puts into every form as {@code primefaces.nonce} (its CSP mode). */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    /** Each field's values: a name a page renders several times (a picker's ticked checkboxes) has several. */
    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    private FacesForm() {}

    /** The form with this id as the page rendered it. */
    static FacesForm of(String page, String formId) {
        int start = page.indexOf("<form id=\"" + formId + "\"");
        if (start < 0) {
            throw new IllegalArgumentException("no form " + formId + " in the page:\n" + page);
        }
        String form = page.substring(start, page.indexOf("</form>", start));
        FacesForm result = new FacesForm();
        String nonce = nonce(page);
        if (nonce != null) {
            result.add("primefaces.nonce", nonce);
        }
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group(1));
            String type = attributes.getOrDefault("type", "text");
            boolean unchecked = (type.equals("checkbox") || type.equals("radio")) && !attributes.containsKey("checked");
            if (attributes.containsKey("name") && !type.equals("submit") && !unchecked) {
                result.add(attributes.get("name"), attributes.getOrDefault("value", "on"));
            }
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            String name = attributes(select.group(1)).get("name");
            Matcher option = OPTION.matcher(select.group(2));
            String chosen = null;
            while (option.find()) {
                Map<String, String> attributes = attributes(option.group(1));
                if (chosen == null || attributes.containsKey("selected")) {
                    chosen = attributes.get("value");
                    if (attributes.containsKey("selected")) {
                        break;
                    }
                }
            }
            result.add(name, chosen == null ? "" : chosen);
        }
        return result;
    }

    /** The nonce PrimeFaces gave the page, which a post back of its forms carries; null when there is none. */
    static String nonce(String page) {
        Matcher nonce = NONCE.matcher(page);
        return nonce.find() ? nonce.group(1) : null;
    }

    private void add(String name, String value) {
        this.fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** The field with this one value in place of what the page rendered. */
    FacesForm set(String name, String value) {
        this.fields.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    /** The urlencoded body of the form submitted by pressing the button with this name. */
    String submittedWith(String button, String buttonValue) {
        Map<String, List<String>> sent = new LinkedHashMap<>(this.fields);
        sent.put(button, List.of(buttonValue));
        StringBuilder body = new StringBuilder();
        sent.forEach((name, values) -> values.forEach(value -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return body.toString();
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1).toLowerCase(java.util.Locale.ROOT), unescape(attribute.group(2)));
        }
        return attributes;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
