package io.jenkins.plugins.gitopssync.engine.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * A connection to one cluster, counting the API requests made through it. Built from a kubeconfig
 * (file or content, optional context), a server URL + bearer token (+ CA certificate PEM), or the
 * in-cluster service account.
 */
public final class ClusterAccess implements AutoCloseable {

    /** The longest one attempt of one request may take (KubeApi waits a little longer, for retries). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

    private final KubernetesClient client;
    private final RequestCounter counter;

    ClusterAccess(KubernetesClient client, RequestCounter counter) {
        this.client = client;
        this.counter = counter;
    }

    public static ClusterAccess fromKubeconfigFile(Path kubeconfig, String context) {
        if (!Files.isReadable(kubeconfig)) {
            throw new SyncException("cannot read kubeconfig " + kubeconfig);
        }
        Config config;
        try {
            config = KubeconfigFile.read(kubeconfig.toAbsolutePath().toFile(), blankToNull(context));
        } catch (RuntimeException e) {
            throw new SyncException("invalid kubeconfig " + kubeconfig + contextSuffix(context) + ": "
                    + KubeconfigErrors.describe(e));
        }
        checkContext(config, context, "kubeconfig " + kubeconfig);
        return of(config);
    }

    public static ClusterAccess fromKubeconfigContent(String kubeconfigYaml, String context) {
        Config config;
        try {
            if (kubeconfigYaml == null || kubeconfigYaml.isBlank()) {
                throw new SyncException("the kubeconfig is empty");
            }
            config = KubeconfigFile.parse(kubeconfigYaml, blankToNull(context), null);
        } catch (SyncException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SyncException("invalid kubeconfig" + contextSuffix(context) + ": " + KubeconfigErrors.describe(e));
        }
        checkContext(config, context, "the kubeconfig");
        return of(config);
    }

    public static ClusterAccess fromToken(String serverUrl, String token, String caCertificatePem) {
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new SyncException("no API server URL given");
        }
        ConfigBuilder b = new ConfigBuilder(Config.empty()).withMasterUrl(serverUrl).withOauthToken(token);
        if (caCertificatePem != null && !caCertificatePem.isBlank()) {
            b.withCaCertData(Base64.getEncoder().encodeToString(caCertificatePem.getBytes(StandardCharsets.UTF_8)));
        }
        return of(b.build());
    }

    public static ClusterAccess inCluster() {
        if (System.getenv("KUBERNETES_SERVICE_HOST") == null) {
            throw new SyncException("not running inside a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set)");
        }
        // autoConfigure reads the service account token, CA and namespace mounted into the pod
        return of(Config.autoConfigure(null));
    }

    /** Wraps an existing configuration; the factories above all end here. */
    public static ClusterAccess of(Config config) {
        tune(config);
        RequestCounter counter = new RequestCounter();
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(config)
                .withKubernetesSerialization(ObjectMaps.SERIALIZATION)
                // named, not found through ServiceLoader: on a Jenkins agent the plugin's classes are
                // loaded remotely and service files may not be visible to fabric8's lookup
                .withHttpClientFactory(new BoundedCalls())
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("gitops-sync-request-counter",
                        new CountingInterceptor(counter)))
                .build();
        return new ClusterAccess(client, counter);
    }

    /**
     * fabric8 defaults allow 5 concurrent requests per host and 10 retries with exponential backoff:
     * the first throttles a parallel apply, the second makes an unreachable cluster take minutes to
     * report. fabric8 has no client-side QPS limiter, so nothing else needs raising.
     */
    private static void tune(Config config) {
        config.setMaxConcurrentRequests(128);
        config.setMaxConcurrentRequestsPerHost(64);
        config.setRequestRetryBackoffLimit(2);
        config.setRequestRetryBackoffInterval(200);
        config.setConnectionTimeout(10_000);
        config.setRequestTimeout(60_000);
        config.setUserAgent("gitops-sync/1.0.0");
    }

    public KubernetesClient client() {
        return client;
    }

    /** The API server's URL, for messages. */
    public String serverUrl() {
        return client.getConfiguration().getMasterUrl();
    }

    /** API requests made so far through this connection. */
    public long requestCount() {
        return counter.count();
    }

    /** API requests so far per HTTP method; a dry run or an apply is a PATCH. */
    public java.util.Map<String, Long> requestCountByMethod() {
        return counter.byMethod();
    }

    @Override
    public void close() {
        client.close();
    }

    /** fabric8 falls back to the current context when the named one is missing; a typo must not pick another cluster. */
    private static void checkContext(Config config, String context, String where) {
        if (context == null || context.isBlank()) {
            return;
        }
        String actual = config.getCurrentContext() == null ? null : config.getCurrentContext().getName();
        if (!context.equals(actual)) {
            String known = config.getContexts() == null ? "" : config.getContexts().stream()
                    .map(c -> c.getName()).sorted().collect(java.util.stream.Collectors.joining(", "));
            throw new SyncException("context " + context + " not found in " + where + " (contexts: "
                    + (known.isEmpty() ? "none" : known) + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String contextSuffix(String context) {
        return context == null || context.isBlank() ? "" : " (context " + context + ")";
    }

    /** fabric8's OkHttp client, each call bounded: its read timeout is off, so a hung server would hold a thread. */
    private static final class BoundedCalls extends OkHttpClientFactory {
        @Override
        protected void additionalConfig(okhttp3.OkHttpClient.Builder builder) {
            builder.callTimeout(CALL_TIMEOUT);
        }
    }

    /** Counts every attempt sent, including retries: that is what the API server sees. */
    private record CountingInterceptor(RequestCounter counter) implements Interceptor {
        @Override
        public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
            counter.increment(request.method());
        }
    }
}
