package wms.shopify.stock.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.stock.control.RulesChangeView;
import wms.shopify.stock.control.StockRules;
import wms.shopify.stock.control.StockRulesInput;
import wms.shopify.stock.entity.StockRule;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Backing bean of the Stock rules page: one store's availability rules as rows of a plain form (a blank field is
 * not set), with Preview (what would change, nothing saved) and Save. The rows are read exactly as the WMS API's
 * body ({@link StockRulesInput}), so the page and the API refuse the same things with the same words.
 */
@Named
@ViewScoped
public class StockRulesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Blank rows offered for new rules. */
    static final int BLANK_ROWS = 3;

    @Inject
    StockRules rules;

    @Inject
    Stores stores;

    @Inject
    FacesContext faces;

    private Store store;
    private final List<Row> rows = new ArrayList<>();
    private transient RulesChangeView change;
    private List<String> locations = List.of();

    /** One rule as the form edits it: text fields, blank for not set. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private String location = "";
        private String product = "";
        private String productGroup = "";
        private String buffer = "";
        private String sharePercent = "";
        private String maximum = "";
        private String outOfStockBelow = "";
        private String bufferShownAs = StockRulesInput.HIDDEN;

        static Row of(StockRule rule) {
            Row row = new Row();
            row.location = text(rule.locationId());
            row.product = text(rule.productCode());
            row.productGroup = text(rule.productPrefix());
            row.buffer = text(rule.buffer());
            row.sharePercent = text(rule.sharePercent());
            row.maximum = text(rule.maximum());
            row.outOfStockBelow = text(rule.outOfStockBelow());
            row.bufferShownAs = rule.bufferAsSafetyStock() ? StockRulesInput.SAFETY_STOCK : StockRulesInput.HIDDEN;
            return row;
        }

        boolean blank() {
            return (location + product + productGroup + buffer + sharePercent + maximum + outOfStockBelow).isBlank()
                    && StockRulesInput.HIDDEN.equals(bufferShownAs);
        }

        private static String text(Object value) {
            return value == null ? "" : value.toString();
        }

        public String getLocation() {
            return location;
        }

        public void setLocation(String location) {
            this.location = location;
        }

        public String getProduct() {
            return product;
        }

        public void setProduct(String product) {
            this.product = product;
        }

        public String getProductGroup() {
            return productGroup;
        }

        public void setProductGroup(String productGroup) {
            this.productGroup = productGroup;
        }

        public String getBuffer() {
            return buffer;
        }

        public void setBuffer(String buffer) {
            this.buffer = buffer;
        }

        public String getSharePercent() {
            return sharePercent;
        }

        public void setSharePercent(String sharePercent) {
            this.sharePercent = sharePercent;
        }

        public String getMaximum() {
            return maximum;
        }

        public void setMaximum(String maximum) {
            this.maximum = maximum;
        }

        public String getOutOfStockBelow() {
            return outOfStockBelow;
        }

        public void setOutOfStockBelow(String outOfStockBelow) {
            this.outOfStockBelow = outOfStockBelow;
        }

        /** "hidden" or "safety_stock": how the buffer's units appear on Shopify. */
        public String getBufferShownAs() {
            return bufferShownAs;
        }

        public void setBufferShownAs(String bufferShownAs) {
            this.bufferShownAs =
                    bufferShownAs == null || bufferShownAs.isBlank() ? StockRulesInput.HIDDEN : bufferShownAs;
        }
    }

    /** Reads the store from the link ({@code ?store=<id>}) and its rules. */
    @PostConstruct
    void load() {
        Map<String, String> parameters = this.faces.getExternalContext().getRequestParameterMap();
        try {
            this.store =
                    this.stores.find(Long.parseLong(parameters.get("store"))).orElse(null);
        } catch (NumberFormatException e) {
            this.store = null;
        }
        if (this.store != null) {
            this.locations = this.rules.mappedLocations(this.store.id());
            this.rules.of(this.store.id()).forEach(rule -> this.rows.add(Row.of(rule)));
            for (int i = 0; i < BLANK_ROWS; i++) {
                this.rows.add(new Row());
            }
        }
    }

    public Store getStore() {
        return this.store;
    }

    public List<Row> getRows() {
        return this.rows;
    }

    public List<String> getLocations() {
        return this.locations;
    }

    public RulesChangeView getChange() {
        return this.change;
    }

    /** What saving would change; nothing is saved. */
    public String preview() {
        List<StockRule> read = read();
        if (read != null) {
            try {
                this.change = this.rules.preview(this.store.id(), read);
                message(FacesMessage.SEVERITY_INFO, "If saved: " + this.change.summary() + ".");
            } catch (InvalidRequestException e) {
                refused(e);
            }
        }
        return null;
    }

    public String save() {
        List<StockRule> read = read();
        if (read != null) {
            try {
                this.change = this.rules.save(
                        this.store.id(),
                        this.store.domain().value(),
                        read,
                        this.faces.getExternalContext().getRemoteUser());
                message(FacesMessage.SEVERITY_INFO, "Rules saved: " + this.change.summary() + ".");
            } catch (InvalidRequestException e) {
                refused(e);
            }
        }
        return null;
    }

    /** The filled rows as the API's body, read by the API's rules; null after showing what is wrong. */
    private List<StockRule> read() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        List<Integer> rowOf = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < this.rows.size(); i++) {
            Row row = this.rows.get(i);
            if (row.blank()) {
                continue;
            }
            JsonObjectBuilder rule = Json.createObjectBuilder();
            text(rule, "location", row.location);
            text(rule, "product", row.product);
            text(rule, "productGroup", row.productGroup);
            number(rule, "buffer", row.buffer, i, errors);
            if (!StockRulesInput.HIDDEN.equals(row.bufferShownAs)) {
                rule.add("bufferShownAs", row.bufferShownAs);
            }
            number(rule, "sharePercent", row.sharePercent, i, errors);
            number(rule, "maximum", row.maximum, i, errors);
            number(rule, "outOfStockBelow", row.outOfStockBelow, i, errors);
            array.add(rule);
            rowOf.add(i);
        }
        if (!errors.isEmpty()) {
            errors.forEach(error -> message(FacesMessage.SEVERITY_ERROR, error.field() + " " + error.message()));
            return null;
        }
        JsonObject body = Json.createObjectBuilder().add("rules", array).build();
        try {
            return StockRulesInput.read(body);
        } catch (InvalidRequestException e) {
            refused(e, rowOf);
            return null;
        }
    }

    private void refused(InvalidRequestException e) {
        List<Integer> rowOf = new ArrayList<>();
        for (int i = 0; i < this.rows.size(); i++) {
            if (!this.rows.get(i).blank()) {
                rowOf.add(i);
            }
        }
        refused(e, rowOf);
    }

    /** Each error, its rules[i] named as the row of the form it came from. */
    private void refused(InvalidRequestException e, List<Integer> rowOf) {
        this.change = null;
        for (FieldError error : e.errors()) {
            String field = error.field();
            java.util.regex.Matcher index = java.util.regex.Pattern.compile("^rules\\[(\\d+)\\]\\.?(.*)$")
                    .matcher(field);
            if (index.matches()) {
                int row = rowOf.get(Integer.parseInt(index.group(1))) + 1;
                field = "Row " + row + (index.group(2).isEmpty() ? "" : " " + index.group(2));
            }
            message(FacesMessage.SEVERITY_ERROR, field + ": " + error.message());
        }
    }

    private static void text(JsonObjectBuilder rule, String field, String value) {
        if (value != null && !value.isBlank()) {
            rule.add(field, value.trim());
        }
    }

    private static void number(JsonObjectBuilder rule, String field, String value, int row, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            rule.add(field, new java.math.BigDecimal(value.trim()));
        } catch (NumberFormatException e) {
            errors.add(new FieldError("Row " + (row + 1) + " " + field + ":", "must be a whole number"));
        }
    }

    private void message(FacesMessage.Severity severity, String text) {
        this.faces.addMessage(null, new FacesMessage(severity, text, null));
    }
}
