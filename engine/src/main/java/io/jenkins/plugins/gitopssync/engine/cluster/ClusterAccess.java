package io.jenkins.plugins.gitopssync.engine.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.Kubeconfig;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigContext;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connection to one cluster, counting the API requests made through it. Built from a kubeconfig
 * (file or content, optional context), a server URL + bearer token (+ CA certificate PEM), or the
 * in-cluster service account, always through {@link ClientConfigs}: what a kubeconfig may make this
 * process do is the {@link AccessOptions}' policy, never fabric8's own kubeconfig loading.
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

    /** A kubeconfig file, as kubectl would use it (exec plugins and files allowed, this process's environment). */
    public static ClusterAccess fromKubeconfigFile(Path kubeconfig, String context) {
        return fromKubeconfigFile(kubeconfig, context, AccessOptions.local());
    }

    public static ClusterAccess fromKubeconfigFile(Path kubeconfig, String context, AccessOptions options) {
        if (!Files.isReadable(kubeconfig)) {
            throw new SyncException("cannot read kubeconfig " + kubeconfig);
        }
        String what = "kubeconfig " + kubeconfig;
        return fromKubeconfig(KubeconfigReader.read(kubeconfig), context, what, options);
    }

    /** A kubeconfig's content (a Jenkins credential), as kubectl would use it here. */
    public static ClusterAccess fromKubeconfigContent(String kubeconfigYaml, String context) {
        return fromKubeconfigContent(kubeconfigYaml, context, "the kubeconfig", AccessOptions.local());
    }

    /**
     * A kubeconfig's content, used only as far as {@code options}' policy allows: a refused one runs nothing and
     * reads nothing ({@link io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy.RefusedKubeconfigException}).
     *
     * @param what how messages name it ("the kubeconfig credential 'prod'")
     */
    public static ClusterAccess fromKubeconfigContent(String kubeconfigYaml, String context, String what, AccessOptions options) {
        return fromKubeconfig(KubeconfigReader.parse(kubeconfigYaml, what, null), context, what, options);
    }

    private static ClusterAccess fromKubeconfig(Kubeconfig kubeconfig, String context, String what, AccessOptions options) {
        return of(ClientConfigs.fromContext(KubeconfigContext.select(kubeconfig, context, what), what, options));
    }

    public static ClusterAccess fromToken(String serverUrl, String token, String caCertificatePem) {
        return fromToken(serverUrl, token, caCertificatePem, AccessOptions.local());
    }

    /** A server URL and a bearer token (and the CA's PEM); proxies from the options' environment. */
    public static ClusterAccess fromToken(String serverUrl, String token, String caCertificatePem, AccessOptions options) {
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new SyncException("no API server URL given");
        }
        return of(ClientConfigs.fromToken(serverUrl, token, caCertificatePem, options));
    }

    public static ClusterAccess inCluster() {
        return inCluster(AccessOptions.local());
    }

    /** The service account of the pod this runs in, when the options' policy allows it. */
    public static ClusterAccess inCluster(AccessOptions options) {
        return of(ClientConfigs.inCluster(options));
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
