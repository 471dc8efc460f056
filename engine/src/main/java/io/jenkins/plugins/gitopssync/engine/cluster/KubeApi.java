package io.jenkins.plugins.gitopssync.engine.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The REST calls the engine makes, on plain maps, over fabric8's HTTP client (so the request counter and
 * the credentials apply). Raw calls rather than the typed DSL because the engine needs the status code
 * of a server-side apply (201 = created), the server's error causes, and exactly one request per call.
 */
public final class KubeApi {

    public static final String FIELD_MANAGER = "gitops-sync";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final long TIMEOUT_SECONDS = ClusterAccess.CALL_TIMEOUT.toSeconds();

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    private final ClusterAccess access;
    private final String base;
    private final WriteFence fence;
    private final long deadlineNanos;

    public KubeApi(ClusterAccess access) {
        this(access, null, NO_DEADLINE);
    }

    private KubeApi(ClusterAccess access, WriteFence fence, long deadlineNanos) {
        this.access = access;
        this.base = access.serverUrl().replaceAll("/+$", "");
        this.fence = fence;
        this.deadlineNanos = deadlineNanos;
    }

    /** The same API, asking {@code fence} before every write it sends. */
    public KubeApi fencedBy(WriteFence writeFence) {
        return new KubeApi(access, writeFence, deadlineNanos);
    }

    /**
     * The same API, each request bounded by the time left until {@code deadline} (System.nanoTime()): a
     * hanging API server cannot make a wait outlast its timeout. Past the deadline a request fails at once.
     */
    public KubeApi until(long deadline) {
        return new KubeApi(access, fence, Math.min(deadline, deadlineNanos));
    }

    public ClusterAccess access() {
        return access;
    }

    /** The result of a server-side apply: the object as stored (or as it would be, in a dry run). */
    public record Applied(boolean created, Map<String, Object> object) {
    }

    /** Server-side apply with our field manager and forced conflicts (we own the fields we declare). */
    public Applied apply(ResourceInfo r, String namespace, String name, Map<String, Object> body, boolean dryRun) {
        String q = "?fieldManager=" + FIELD_MANAGER + "&force=true" + (dryRun ? "&dryRun=All" : "");
        Response resp = send("PATCH", path(r, namespace, name) + q, "application/apply-patch+yaml", ObjectMaps.toJson(body),
                "patch", r, namespace);
        return new Applied(resp.code == 201, withType(resp.json(), r));
    }

    /**
     * A resourceVersion no stored object has (etcd's first write is revision 2; the store starts at 1). As
     * the precondition of a server-side apply it lets the apply create the object but not change one.
     */
    public static final String NOT_CREATED_YET = "1";

    /**
     * Server-side apply that the server refuses (409) unless the object still has {@code resourceVersion};
     * with {@link #NOT_CREATED_YET}, unless it does not exist yet. Either way the check and the write are
     * one step on the server, so nobody can write in between.
     */
    public Applied applyIfUnchanged(ResourceInfo r, String namespace, String name, Map<String, Object> body,
                                    String resourceVersion) {
        Map<String, Object> conditional = new LinkedHashMap<>(body);
        Map<String, Object> meta = new LinkedHashMap<>(ObjectMaps.child(body, "metadata"));
        meta.put("resourceVersion", resourceVersion);
        conditional.put("metadata", meta);
        return apply(r, namespace, name, conditional, false);
    }

    /** GET; null when absent. */
    public Map<String, Object> get(ResourceInfo r, String namespace, String name) {
        try {
            return withType(send("GET", path(r, namespace, name), null, null, "get", r, namespace).json(), r);
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return null;
            }
            throw e;
        }
    }

    /** LIST in one namespace, or in all when namespace is null (cluster-scoped kinds: null). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(ResourceInfo r, String namespace, String labelSelector) {
        Map<String, Object> list = send("GET", listPath(r, namespace, labelSelector), null, null, "list", r, namespace)
                .json();
        List<Map<String, Object>> out = new ArrayList<>();
        if (list.get("items") instanceof List<?> items) {
            for (Object o : items) {
                out.add(withType((Map<String, Object>) o, r));
            }
        }
        return out;
    }

    /**
     * The same LIST read as it arrives, each item kept compact ({@link ListedObject}); the JSON only of the items
     * {@code keepJson} accepts: for reading many objects to keep few.
     */
    public List<ListedObject> listCompact(ResourceInfo r, String namespace, String labelSelector,
                                          Predicate<ListedObject> keepJson) {
        HttpResponse<InputStream> resp = exchange("GET", listPath(r, namespace, labelSelector), null, null, "list", r,
                namespace, "application/json", InputStream.class);
        try (InputStream body = resp.body()) {
            if (!resp.isSuccessful()) {
                throw ApiErrors.fromResponse(resp.code(), body.readAllBytes(), "list", r.groupResource(), namespace);
            }
            return ListReader.read(body, r, keepJson);
        } catch (IOException e) {
            throw new ApiException(0, "ConnectionFailed", "cannot read a LIST of " + r.groupResource() + " from " + base
                    + ": " + ApiErrors.connectionReason(e), null, "list", r.groupResource(), namespace, e);
        }
    }

    private String listPath(ResourceInfo r, String namespace, String labelSelector) {
        String p = path(r, namespace, null);
        if (labelSelector != null) {
            p += "?labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8);
        }
        return p;
    }

    /** DELETE; false when it was already gone. */
    public boolean delete(ResourceInfo r, String namespace, String name, String propagationPolicy) {
        String body = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"" + propagationPolicy + "\"}";
        try {
            send("DELETE", path(r, namespace, name), "application/json", body, "delete", r, namespace);
            return true;
        } catch (ApiException e) {
            if (e.isNotFound()) {
                return false;
            }
            throw e;
        }
    }

    /** DELETE only if the object still has that resourceVersion (no-op when gone or changed). */
    public void deleteIfUnchanged(ResourceInfo r, String namespace, String name, String resourceVersion) {
        String body = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"resourceVersion\":\""
                + resourceVersion + "\"}}";
        try {
            send("DELETE", path(r, namespace, name), "application/json", body, "delete", r, namespace);
        } catch (ApiException e) {
            if (!e.isNotFound() && !e.isConflict()) {
                throw e;
            }
        }
    }

    /** RFC 6902 JSON patch. */
    public Map<String, Object> jsonPatch(ResourceInfo r, String namespace, String name, String patch) {
        return withType(send("PATCH", path(r, namespace, name), "application/json-patch+json", patch, "patch", r, namespace)
                .json(), r);
    }

    /** POST: the object as created (a name generated from its generateName included). */
    public Map<String, Object> create(ResourceInfo r, String namespace, Map<String, Object> body) {
        return withType(send("POST", path(r, namespace, null) + "?fieldManager=" + FIELD_MANAGER, "application/json",
                ObjectMaps.toJson(body), "create", r, namespace).json(), r);
    }

    /** The last {@code lines} lines of a container's log (the API server asks the pod's node for them). */
    public String podLog(String namespace, String pod, String container, int lines) {
        ResourceInfo pods = new ResourceInfo("", "v1", "Pod", "pods", true);
        String uri = path(pods, namespace, pod) + "/log?container=" + URLEncoder.encode(container, StandardCharsets.UTF_8)
                + "&tailLines=" + lines;
        return new String(send("GET", uri, null, null, "get", pods, namespace, "text/plain, */*").body,
                StandardCharsets.UTF_8);
    }

    /** PUT; the body's resourceVersion makes it conditional (409 when someone else wrote first). */
    public Map<String, Object> update(ResourceInfo r, String namespace, String name, Map<String, Object> body) {
        return withType(send("PUT", path(r, namespace, name), "application/json", ObjectMaps.toJson(body), "update", r,
                namespace).json(), r);
    }

    private String path(ResourceInfo r, String namespace, String name) {
        StringBuilder sb = new StringBuilder(base);
        sb.append(r.group().isEmpty() ? "/api/" + r.version() : "/apis/" + r.group() + "/" + r.version());
        if (r.namespaced() && namespace != null && !namespace.isEmpty()) {
            sb.append("/namespaces/").append(namespace);
        }
        sb.append('/').append(r.plural());
        if (name != null) {
            sb.append('/').append(name);
        }
        return sb.toString();
    }

    /** LIST items and some responses lack apiVersion/kind; the normalizer and messages need them. */
    static Map<String, Object> withType(Map<String, Object> obj, ResourceInfo r) {
        if (obj == null) {
            return null;
        }
        if (!obj.containsKey("apiVersion") || !obj.containsKey("kind") || "List".equals(obj.get("kind"))) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("apiVersion", r.apiVersion());
            out.put("kind", r.kind());
            obj.forEach((k, v) -> {
                if (!k.equals("apiVersion") && !k.equals("kind")) {
                    out.put(k, v);
                }
            });
            return out;
        }
        return obj;
    }

    /** A JSON object from the API server; empty for an empty body. */
    static Map<String, Object> parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? new LinkedHashMap<>() : JSON.readValue(body, MAP);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable JSON from the API server: " + e.getMessage(), e);
        }
    }

    private record Response(int code, byte[] body) {
        Map<String, Object> json() {
            return parse(body);
        }
    }

    private Response send(String method, String uri, String contentType, String body, String verb, ResourceInfo r,
                          String namespace) {
        return send(method, uri, contentType, body, verb, r, namespace, "application/json");
    }

    private Response send(String method, String uri, String contentType, String body, String verb, ResourceInfo r,
                          String namespace, String accept) {
        HttpResponse<byte[]> resp = exchange(method, uri, contentType, body, verb, r, namespace, accept, byte[].class);
        if (resp.isSuccessful()) {
            return new Response(resp.code(), resp.body());
        }
        throw ApiErrors.fromResponse(resp.code(), resp.body(), verb, r.groupResource(), namespace);
    }

    /** One request, its response's body as {@code type}: the fence, the deadline and the client's timeouts applied. */
    private <T> HttpResponse<T> exchange(String method, String uri, String contentType, String body, String verb,
                                         ResourceInfo r, String namespace, String accept, Class<T> type) {
        if (fence != null && !"GET".equals(method) && !uri.contains("dryRun=All")) {
            fence.beforeWrite(); // as late as possible: right before the request leaves
        }
        String resource = r.groupResource();
        long timeoutMillis = TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS);
        if (deadlineNanos != NO_DEADLINE) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                throw timedOut(verb, resource, namespace, null);
            }
            timeoutMillis = Math.min(timeoutMillis, left);
        }
        HttpClient http = access.client().getHttpClient();
        HttpRequest.Builder b = http.newHttpRequestBuilder().uri(uri).header("Accept", accept);
        if (deadlineNanos != NO_DEADLINE) {
            // fabric8 bounds such a request with a timer that it cancels on completion, which costs two
            // exceptions with stack traces per request: only for the few that have a deadline; the others
            // are bounded by the client's call timeout and the wait below
            b.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        if (body != null) {
            b.method(method, contentType, body);
        } else if (!"GET".equals(method)) {
            b.method(method, "application/json", "");
        }
        // the client's own timeout, and a little more for its retries; with a deadline, not a moment past it
        long waitMillis = deadlineNanos == NO_DEADLINE ? timeoutMillis + 10_000 : timeoutMillis;
        java.util.concurrent.CompletableFuture<HttpResponse<T>> call = http.sendAsync(b.build(), type);
        try {
            return call.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(0, "Interrupted", "interrupted", null, verb, resource, namespace, e);
        } catch (TimeoutException e) {
            call.cancel(true);
            if (deadlineNanos != NO_DEADLINE) {
                throw timedOut(verb, resource, namespace, e);
            }
            throw new ApiException(0, "ConnectionFailed", "cannot reach the cluster at " + base + ": "
                    + ApiErrors.connectionReason(e), null, verb, resource, namespace, e);
        } catch (ExecutionException e) {
            if (deadlineNanos != NO_DEADLINE && System.nanoTime() >= deadlineNanos) {
                throw timedOut(verb, resource, namespace, e);
            }
            throw new ApiException(0, "ConnectionFailed", "cannot reach the cluster at " + base + ": "
                    + ApiErrors.connectionReason(e), null, verb, resource, namespace, e);
        }
    }

    private ApiException timedOut(String verb, String resource, String namespace, Exception cause) {
        return new ApiException(0, ApiException.TIMED_OUT, "the cluster at " + base + " did not answer within the time"
                + " left", null, verb, resource, namespace, cause);
    }
}
