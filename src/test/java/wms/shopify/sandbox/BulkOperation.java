package wms.shopify.sandbox;

import java.time.Instant;

/** A bulk query: its status, and once COMPLETED the JSONL result's URL and counts. */
public final class BulkOperation extends ShopifyObject {

    private final String query;
    private String status = "CREATED";
    private String url;
    private long objectCount;
    private long rootObjectCount;
    private long fileSize;
    private Instant completedAt;

    BulkOperation(long id, String query, Instant at) {
        super("BulkOperation", id, at);
        this.query = query;
    }

    public String query() {
        return query;
    }

    public String status() {
        return status;
    }

    public String type() {
        return "QUERY";
    }

    public String errorCode() {
        return null;
    }

    public String url() {
        return url;
    }

    public String partialDataUrl() {
        return null;
    }

    public long objectCount() {
        return objectCount;
    }

    public long rootObjectCount() {
        return rootObjectCount;
    }

    public Long fileSize() {
        return url == null ? null : fileSize;
    }

    public Instant completedAt() {
        return completedAt;
    }

    boolean finished() {
        return completedAt != null;
    }

    void running() {
        status = "RUNNING";
    }

    void completed(String resultUrl, long objects, long rootObjects, long bytes, Instant at) {
        status = "COMPLETED";
        url = objects == 0 ? null : resultUrl;
        objectCount = objects;
        rootObjectCount = rootObjects;
        fileSize = bytes;
        completedAt = at;
        touch(at);
    }
}
