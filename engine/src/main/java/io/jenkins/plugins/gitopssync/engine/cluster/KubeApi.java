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
import java.util.concurrent.CompletableFuture;
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
    static final String JSON_TYPE = "application/json";

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
        ApiRequest patch = ApiRequest.write("PATCH", path(r, namespace, name) + q, "application/apply-patch+yaml",
                ObjectMaps.toJson(body), call("patch", r, namespace));
        Response resp = send(dryRun ? patch.dryRun() : patch);
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
            return withType(send(ApiRequest.read(path(r, namespace, name), call("get", r, namespace))).json(), r);
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
        Map<String, Object> list = send(listRequest(r, namespace, labelSelector)).json();
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
        ApiRequest req = listRequest(r, namespace, labelSelector);
        HttpResponse<InputStream> resp = exchange(req, InputStream.class);
        try (InputStream body = resp.body()) {
            if (!resp.isSuccessful()) {
                throw ApiErrors.answer(resp.code(), body.readAllBytes(), req.call());
            }
            return ListReader.read(body, r, keepJson);
        } catch (IOException e) {
            throw ApiException.unanswered("ConnectionFailed", "cannot read a LIST of " + r.groupResource() + " from "
                    + base + ": " + ApiErrors.connectionReason(e), req.call(), e);
        }
    }

    private ApiRequest listRequest(ResourceInfo r, String namespace, String labelSelector) {
        String p = path(r, namespace, null);
        if (labelSelector != null) {
            p += "?labelSelector=" + URLEncoder.encode(labelSelector, StandardCharsets.UTF_8);
        }
        return ApiRequest.read(p, call("list", r, namespace));
    }

    /** DELETE; false when it was already gone. */
    public boolean delete(ResourceInfo r, String namespace, String name, String propagationPolicy) {
        String body = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"" + propagationPolicy + "\"}";
        try {
            send(ApiRequest.write("DELETE", path(r, namespace, name), JSON_TYPE, body, call("delete", r, namespace)));
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
            send(ApiRequest.write("DELETE", path(r, namespace, name), JSON_TYPE, body, call("delete", r, namespace)));
        } catch (ApiException e) {
            if (!e.isNotFound() && !e.isConflict()) {
                throw e;
            }
        }
    }

    /** RFC 6902 JSON patch. */
    public Map<String, Object> jsonPatch(ResourceInfo r, String namespace, String name, String patch) {
        return withType(send(ApiRequest.write("PATCH", path(r, namespace, name), "application/json-patch+json", patch,
                call("patch", r, namespace))).json(), r);
    }

    /** POST: the object as created (a name generated from its generateName included). */
    public Map<String, Object> create(ResourceInfo r, String namespace, Map<String, Object> body) {
        return withType(send(ApiRequest.write("POST", path(r, namespace, null) + "?fieldManager=" + FIELD_MANAGER, JSON_TYPE,
                ObjectMaps.toJson(body), call("create", r, namespace))).json(), r);
    }

    /** The last {@code lines} lines of a container's log (the API server asks the pod's node for them). */
    public String podLog(String namespace, String pod, String container, int lines) {
        ResourceInfo pods = new ResourceInfo("", "v1", "Pod", "pods", true);
        String uri = path(pods, namespace, pod) + "/log?container=" + URLEncoder.encode(container, StandardCharsets.UTF_8)
                + "&tailLines=" + lines;
        return new String(send(ApiRequest.read(uri, call("get", pods, namespace)).accepting("text/plain, */*")).body,
                StandardCharsets.UTF_8);
    }

    /** PUT; the body's resourceVersion makes it conditional (409 when someone else wrote first). */
    public Map<String, Object> update(ResourceInfo r, String namespace, String name, Map<String, Object> body) {
        return withType(send(ApiRequest.write("PUT", path(r, namespace, name), JSON_TYPE, ObjectMaps.toJson(body),
                call("update", r, namespace))).json(), r);
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

    private static ApiException.Call call(String verb, ResourceInfo r, String namespace) {
        return new ApiException.Call(verb, r.groupResource(), namespace);
    }

    private Response send(ApiRequest req) {
        HttpResponse<byte[]> resp = exchange(req, byte[].class);
        if (resp.isSuccessful()) {
            return new Response(resp.code(), resp.body());
        }
        throw ApiErrors.answer(resp.code(), resp.body(), req.call());
    }

    /** One request, its response's body as {@code type}: the fence, the deadline and the client's timeouts applied. */
    private <T> HttpResponse<T> exchange(ApiRequest req, Class<T> type) {
        if (fence != null && req.writes()) {
            fence.beforeWrite(); // as late as possible: right before the request leaves
        }
        long timeoutMillis = TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS);
        if (deadlineNanos != NO_DEADLINE) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (left <= 0) {
                throw timedOut(req, null);
            }
            timeoutMillis = Math.min(timeoutMillis, left);
        }
        HttpClient http = access.client().getHttpClient();
        HttpRequest.Builder b = http.newHttpRequestBuilder().uri(req.uri()).header("Accept", req.accept());
        if (deadlineNanos != NO_DEADLINE) {
            // fabric8 bounds such a request with a timer that it cancels on completion, which costs two
            // exceptions with stack traces per request: only for the few that have a deadline; the others
            // are bounded by the client's call timeout and the wait below
            b.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        if (req.body() != null) {
            b.method(req.method(), req.contentType(), req.body());
        } else if (!"GET".equals(req.method())) {
            b.method(req.method(), JSON_TYPE, "");
        }
        // the client's own timeout, and a little more for its retries; with a deadline, not a moment past it
        return await(http.sendAsync(b.build(), type), req,
                deadlineNanos == NO_DEADLINE ? timeoutMillis + 10_000 : timeoutMillis);
    }

    private <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> call, ApiRequest req, long waitMillis) {
        try {
            return call.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.interrupted(req.call(), e);
        } catch (TimeoutException e) {
            call.cancel(true);
            if (deadlineNanos != NO_DEADLINE) {
                throw timedOut(req, e);
            }
            throw unreachable(req, e);
        } catch (ExecutionException e) {
            if (deadlineNanos != NO_DEADLINE && System.nanoTime() >= deadlineNanos) {
                throw timedOut(req, e);
            }
            throw unreachable(req, e);
        }
    }

    private ApiException unreachable(ApiRequest req, Exception cause) {
        return ApiException.unanswered("ConnectionFailed", "cannot reach the cluster at " + base + ": "
                + ApiErrors.connectionReason(cause), req.call(), cause);
    }

    private ApiException timedOut(ApiRequest req, Exception cause) {
        return ApiException.unanswered(ApiException.TIMED_OUT, "the cluster at " + base + " did not answer within the"
                + " time left", req.call(), cause);
    }
}
