package io.jenkins.plugins.gitopssync.engine.cluster;

import io.fabric8.kubernetes.client.Config;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.ExecConfig;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.ExecCredential;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.ExecCredentialPlugin;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigContext;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigNeeds;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fabric8 client configurations built from what the engine read itself, never by fabric8's own kubeconfig
 * loading: that would run a kubeconfig's exec command and read the files it names in this JVM's environment,
 * whatever the {@link io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy} says, and reload
 * {@code ~/.kube/config} to refresh a token. Each configuration starts from {@code Config.empty()}: nothing of
 * this process's own kubeconfig, system properties or environment gets in.
 */
final class ClientConfigs {

    /** Where a pod finds its service account (the kubelet mounts it there). */
    static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

    private ClientConfigs() {
    }

    /** A kubeconfig context, checked against the options' policy first: a refused one runs and reads nothing. */
    static Config fromContext(KubeconfigContext context, String what, AccessOptions options) {
        options.policy().check(KubeconfigNeeds.of(context), what, options.where());
        String server = context.server();
        if (server == null || server.isBlank()) {
            throw new SyncException(what + ": cluster '" + context.clusterName() + "' of context '" + context.name() + "' has no server");
        }
        Config config = base(server, options, string(context.cluster().get("proxy-url")));
        String ca = pem(context, context.cluster(), "certificate-authority", what);
        if (ca != null) {
            config.setCaCertData(ca);
        }
        if (Boolean.TRUE.equals(context.cluster().get("insecure-skip-tls-verify"))) {
            config.setTrustCerts(true);
            config.setDisableHostnameVerification(true);
        }
        if (context.namespace() != null) {
            config.setNamespace(context.namespace());
        }
        user(config, context, what, options);
        return config;
    }

    private static void user(Config config, KubeconfigContext context, String what, AccessOptions options) {
        Map<String, Object> user = context.user();
        String where = what + ", user '" + context.userName() + "'";
        String cert = pem(context, user, "client-certificate", what);
        String key = pem(context, user, "client-key", what);
        if (cert != null || key != null) {
            if (cert == null || key == null) {
                throw new SyncException(where + ": a client certificate needs both client-certificate and client-key");
            }
            config.setClientCertData(cert);
            config.setClientKeyData(key);
        }
        String token = string(user.get("token"));
        String tokenFile = string(user.get("tokenFile"));
        if (token != null) {
            config.setOauthToken(token);
        } else if (tokenFile != null) {
            Path file = resolve(context, tokenFile);
            config.setOauthTokenProvider(new RefreshingToken(() -> readToken(file, where)));
        }
        if (user.get("username") != null) {
            config.setUsername(string(user.get("username")));
            config.setPassword(string(user.get("password")));
        }
        ExecConfig exec = ExecConfig.of(user, where);
        if (exec != null) {
            exec(config, exec, context, options);
        }
        if (user.get("auth-provider") instanceof Map<?, ?> provider) {
            config.setOauthToken(authProviderToken(provider, where));
        }
        if (user.get("as") != null) {
            config.setImpersonateUsername(string(user.get("as")));
            if (user.get("as-groups") instanceof List<?> groups) {
                config.setImpersonateGroups(groups.stream().map(String::valueOf).toArray(String[]::new));
            }
        }
    }

    private static void exec(Config config, ExecConfig exec, KubeconfigContext context, AccessOptions options) {
        Map<String, Object> clusterInfo = new LinkedHashMap<>();
        clusterInfo.put("server", context.server());
        Object caData = context.cluster().get("certificate-authority-data");
        if (caData != null) {
            clusterInfo.put("certificate-authority-data", String.valueOf(caData));
        }
        ExecCredentialPlugin plugin = new ExecCredentialPlugin(exec, options.runner(), context.directory(), clusterInfo,
                context.userName(), Clock.systemUTC());
        // run now: a plugin that fails must fail the connection with its own message, before any request
        ExecCredential first = plugin.credential();
        if (first.token() != null) {
            config.setOauthTokenProvider(() -> plugin.credential().token());
        } else {
            config.setClientCertData(base64(first.clientCertificateData()));
            config.setClientKeyData(base64(first.clientKeyData()));
        }
    }

    /** Legacy auth-providers (oidc, gcp, azure) carry a token they refreshed last; use it as it is. */
    private static String authProviderToken(Map<?, ?> provider, String where) {
        Object cfg = provider.get("config");
        Map<?, ?> values = cfg instanceof Map<?, ?> m ? m : Map.of();
        Object token = values.get("id-token") != null ? values.get("id-token") : values.get("access-token");
        if (token == null) {
            throw new SyncException(where + ": the auth-provider '" + provider.get("name") + "' holds no id-token or access-token;"
                    + " refresh it with kubectl first, or use an exec credential plugin (kubelogin, gke-gcloud-auth-plugin)");
        }
        return String.valueOf(token);
    }

    /** A server URL and a bearer token (and CA), as the plugin's token credential gives them. */
    static Config fromToken(String serverUrl, String token, String caCertificatePem, AccessOptions options) {
        Config config = base(serverUrl, options, null);
        config.setOauthToken(token);
        if (caCertificatePem != null && !caCertificatePem.isBlank()) {
            config.setCaCertData(base64(caCertificatePem));
        }
        return config;
    }

    /** The service account a pod runs as: its token re-read as the kubelet rotates it. */
    static Config inCluster(AccessOptions options) {
        options.policy().checkInCluster(options.where());
        Map<String, String> env = options.runner().environment();
        String host = env.get("KUBERNETES_SERVICE_HOST");
        if (host == null || host.isBlank()) {
            throw new SyncException("no cluster credential is configured and this is not a Kubernetes pod "
                    + "(KUBERNETES_SERVICE_HOST is not set): configure a kubeconfig or a token credential");
        }
        String port = env.getOrDefault("KUBERNETES_SERVICE_PORT", "443");
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        Config config = base("https://" + hostPart + ":" + port, options, null);
        Path account = Path.of(SERVICE_ACCOUNT_DIR);
        Path token = account.resolve("token");
        config.setOauthTokenProvider(new RefreshingToken(() -> readToken(token, "the in-cluster service account")));
        try {
            config.setCaCertData(base64(Files.readString(account.resolve("ca.crt"), StandardCharsets.UTF_8)));
            config.setNamespace(Files.readString(account.resolve("namespace"), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new SyncException("cannot read the in-cluster service account in " + account + ": " + e.getMessage(), e);
        }
        return config;
    }

    private static Config base(String server, AccessOptions options, String kubeconfigProxyUrl) {
        Config config = Config.empty();
        config.setMasterUrl(server);
        String proxy;
        try {
            proxy = ProxyChoice.forServer(server, kubeconfigProxyUrl, options.runner().environment());
        } catch (IllegalArgumentException e) {
            throw new SyncException("the API server URL " + server + " is not valid: " + e.getMessage());
        }
        if (proxy != null) {
            URI uri = URI.create(proxy);
            if (uri.getUserInfo() != null) {
                String[] userInfo = uri.getUserInfo().split(":", 2);
                config.setProxyUsername(userInfo[0]);
                config.setProxyPassword(userInfo.length > 1 ? userInfo[1] : "");
            }
            String bare = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            config.setHttpsProxy(bare);
            config.setHttpProxy(bare);
        }
        return config;
    }

    /** A PEM field as base64 data: {@code <field>-data} as written, or the file {@code <field>} names, read. */
    private static String pem(KubeconfigContext context, Map<String, Object> fields, String field, String what) {
        String data = string(fields.get(field + "-data"));
        if (data != null) {
            return data.replaceAll("\\s", "");
        }
        String file = string(fields.get(field));
        if (file == null) {
            return null;
        }
        Path path = resolve(context, file);
        try {
            return base64(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SyncException(what + ": cannot read " + field + " " + path + ": " + e.getMessage(), e);
        }
    }

    private static Path resolve(KubeconfigContext context, String file) {
        Path p = Path.of(file);
        return p.isAbsolute() || context.directory() == null ? p : context.directory().resolve(p).normalize();
    }

    private static String readToken(Path file, String where) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new SyncException(where + ": cannot read the token file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String string(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o);
    }
}
