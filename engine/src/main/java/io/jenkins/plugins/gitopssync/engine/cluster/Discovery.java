package io.jenkins.plugins.gitopssync.engine.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which kinds the cluster serves, at which versions, under which resource name and scope. Loaded with
 * aggregated discovery: two requests (/api and /apis) for the whole cluster, instead of one per group
 * version; servers without it get the legacy walk. Kinds defined by CRDs of the set being applied are
 * registered before their CRD is served, so planning can proceed.
 */
public final class Discovery {

    static final String ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** group/version/kind → info. */
    private final Map<String, ResourceInfo> byGvk = new ConcurrentHashMap<>();
    /** group/kind → info at the preferred (first listed) version. */
    private final Map<String, ResourceInfo> byGk = new ConcurrentHashMap<>();

    Discovery() {
    }

    /**
     * Loads discovery. This is the first request of every sync, so it also reports an unreachable
     * cluster or rejected credentials, before anything else happens.
     */
    public static Discovery load(ClusterAccess access) {
        Discovery d = new Discovery();
        JsonNode core = d.get(access, "/api");
        if (isAggregated(core)) {
            d.addAggregated(core);
            d.addAggregated(d.get(access, "/apis"));
        } else {
            d.loadLegacy(access);
        }
        return d;
    }

    /**
     * The server's version as it reports it ({@code v1.35.4}): one more request, made only for a chart, whose
     * {@code .Capabilities.KubeVersion} it becomes.
     */
    public static String serverVersion(ClusterAccess access) {
        String version = new Discovery().get(access, "/version").path("gitVersion").asText("");
        if (version.isEmpty()) {
            throw new SyncException("the cluster at " + access.serverUrl() + " reported no version (/version)");
        }
        return version;
    }

    /**
     * Everything served, as Helm's {@code --api-versions} takes it: each group/version ({@code apps/v1}, {@code v1})
     * and each group/version/Kind ({@code apps/v1/Deployment}), sorted.
     */
    public SortedSet<String> apiVersions() {
        SortedSet<String> out = new TreeSet<>();
        for (ResourceInfo r : byGvk.values()) {
            String gv = r.group().isEmpty() ? r.version() : r.group() + "/" + r.version();
            out.add(gv);
            out.add(gv + "/" + r.kind());
        }
        return out;
    }

    /** From the two aggregated discovery documents (/api and /apis), e.g. saved ones for offline planning. */
    public static Discovery parse(String coreJson, String apisJson) throws java.io.IOException {
        Discovery d = new Discovery();
        d.addAggregated(JSON.readTree(coreJson));
        d.addAggregated(JSON.readTree(apisJson));
        return d;
    }

    private JsonNode get(ClusterAccess access, String path) {
        String base = access.serverUrl().replaceAll("/+$", "");
        HttpClient http = access.client().getHttpClient();
        HttpRequest req = http.newHttpRequestBuilder().uri(base + path).header("Accept", ACCEPT).build();
        HttpResponse<String> resp;
        try {
            resp = http.sendAsync(req, String.class).get(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted while contacting the cluster at " + base);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new SyncException("cannot reach the cluster at " + base + ": " + ApiErrors.connectionReason(e), e);
        }
        if (resp.code() == 401) {
            throw new SyncException("the cluster at " + base + " rejected the credentials (401 Unauthorized)");
        }
        if (!resp.isSuccessful()) {
            throw new SyncException("discovery failed at " + base + path + ": HTTP " + resp.code() + " " + brief(resp.body()));
        }
        try {
            return JSON.readTree(resp.body());
        } catch (Exception e) {
            throw new SyncException("discovery at " + base + path + " returned unreadable JSON: " + e.getMessage(), e);
        }
    }

    private static String brief(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static boolean isAggregated(JsonNode n) {
        return "APIGroupDiscoveryList".equals(n.path("kind").asText());
    }

    private void addAggregated(JsonNode list) {
        for (JsonNode group : list.path("items")) {
            String groupName = group.path("metadata").path("name").asText("");
            for (JsonNode version : group.path("versions")) {
                String v = version.path("version").asText();
                for (JsonNode r : version.path("resources")) {
                    JsonNode rk = r.path("responseKind");
                    String kind = rk.path("kind").asText("");
                    if (kind.isEmpty()) {
                        continue;
                    }
                    register(new ResourceInfo(groupName, v, kind, r.path("resource").asText(),
                            "Namespaced".equals(r.path("scope").asText())));
                }
            }
        }
    }

    /** Servers before aggregated discovery (Kubernetes < 1.26 or disabled): one request per group version. */
    private void loadLegacy(ClusterAccess access) {
        var client = access.client();
        addLegacy("", "v1", client.getApiResources("v1"));
        for (APIGroup g : client.getApiGroups().getGroups()) {
            List<GroupVersionForDiscovery> versions = new ArrayList<>(g.getVersions());
            // preferred version first, so it wins for group/kind lookups
            versions.sort((a, b) -> a.getGroupVersion().equals(g.getPreferredVersion().getGroupVersion()) ? -1
                    : b.getGroupVersion().equals(g.getPreferredVersion().getGroupVersion()) ? 1 : 0);
            for (GroupVersionForDiscovery v : versions) {
                addLegacy(g.getName(), v.getVersion(), client.getApiResources(v.getGroupVersion()));
            }
        }
    }

    private void addLegacy(String group, String version, APIResourceList list) {
        if (list == null) {
            return;
        }
        for (APIResource r : list.getResources()) {
            if (r.getName().contains("/")) {
                continue; // subresource
            }
            register(new ResourceInfo(group, version, r.getKind(), r.getName(), Boolean.TRUE.equals(r.getNamespaced())));
        }
    }

    /** Adds a kind (e.g. from a CRD of the set being applied). Existing entries win. */
    public void register(ResourceInfo info) {
        byGvk.putIfAbsent(info.group() + "/" + info.version() + "/" + info.kind(), info);
        byGk.putIfAbsent(info.group() + "/" + info.kind(), info);
    }

    /**
     * Registers every served version of a CustomResourceDefinition (given as its object map).
     * Returns the infos added, empty when the map is not a usable CRD.
     */
    @SuppressWarnings("unchecked")
    public List<ResourceInfo> registerCrd(Map<String, Object> crd) {
        List<ResourceInfo> out = new ArrayList<>();
        if (!(crd.get("spec") instanceof Map<?, ?> spec)) {
            return out;
        }
        String group = String.valueOf(spec.get("group"));
        boolean namespaced = "Namespaced".equals(spec.get("scope"));
        if (!(spec.get("names") instanceof Map<?, ?> names) || names.get("kind") == null || names.get("plural") == null) {
            return out;
        }
        String kind = names.get("kind").toString();
        String plural = names.get("plural").toString();
        if (spec.get("versions") instanceof List<?> versions) {
            // served storage version first so that group/kind lookups prefer it
            List<Map<String, Object>> sorted = new ArrayList<>();
            for (Object o : versions) {
                if (o instanceof Map<?, ?> m && !Boolean.FALSE.equals(m.get("served"))) {
                    sorted.add((Map<String, Object>) m);
                }
            }
            sorted.sort((a, b) -> Boolean.compare(Boolean.TRUE.equals(b.get("storage")), Boolean.TRUE.equals(a.get("storage"))));
            for (Map<String, Object> v : sorted) {
                ResourceInfo info = new ResourceInfo(group, String.valueOf(v.get("name")), kind, plural, namespaced);
                register(info);
                out.add(info);
            }
        }
        return out;
    }

    public Optional<ResourceInfo> find(String group, String version, String kind) {
        return Optional.ofNullable(byGvk.get(group + "/" + version + "/" + kind));
    }

    /** The kind at the server's preferred version, for reading objects whatever version they were applied with. */
    public Optional<ResourceInfo> findGroupKind(String group, String kind) {
        return Optional.ofNullable(byGk.get(group + "/" + kind));
    }

    /** Parses "Kind.group" (kubectl's annotation form). */
    public Optional<ResourceInfo> findGroupKind(String groupKind) {
        int dot = groupKind.indexOf('.');
        return dot < 0 ? findGroupKind("", groupKind) : findGroupKind(groupKind.substring(dot + 1), groupKind.substring(0, dot));
    }

    public int size() {
        return byGvk.size();
    }
}
