package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kubeconfig user's {@code exec} credential plugin ({@code aws eks get-token}, {@code gke-gcloud-auth-plugin},
 * {@code kubelogin}, ...), as client-go runs it.
 *
 * @param command            the program
 * @param args               its arguments
 * @param env                variables it gets beside the caller's environment
 * @param apiVersion         the ExecCredential version it speaks ({@code client.authentication.k8s.io/v1} or
 *                           {@code v1beta1})
 * @param provideClusterInfo whether it is told the cluster (server, CA) in {@code KUBERNETES_EXEC_INFO}
 * @param installHint        what to tell a user whose machine lacks the program
 */
public record ExecConfig(String command, List<String> args, Map<String, String> env, String apiVersion,
                         boolean provideClusterInfo, String installHint) implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String V1 = "client.authentication.k8s.io/v1";
    public static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";

    public ExecConfig {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    /** The {@code user.exec} mapping of a kubeconfig, or null when the user has none. */
    public static ExecConfig of(Map<String, Object> user, String where) {
        if (!(user.get("exec") instanceof Map<?, ?> exec)) {
            return null;
        }
        String command = KubeconfigReader.string(exec.get("command"));
        if (command == null || command.isBlank()) {
            throw new SyncException(where + ": exec has no command");
        }
        List<String> args = new ArrayList<>();
        if (exec.get("args") instanceof List<?> list) {
            list.forEach(a -> args.add(String.valueOf(a)));
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (exec.get("env") instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m && m.get("name") != null) {
                    env.put(String.valueOf(m.get("name")), m.get("value") == null ? "" : String.valueOf(m.get("value")));
                }
            }
        }
        String apiVersion = KubeconfigReader.string(exec.get("apiVersion"));
        if (apiVersion == null) {
            throw new SyncException(where + ": exec of command " + command + " names no apiVersion (" + V1 + " or " + V1BETA1 + ")");
        }
        if (!apiVersion.equals(V1) && !apiVersion.equals(V1BETA1)) {
            throw new SyncException(where + ": exec apiVersion " + apiVersion + " is not supported (" + V1 + " or " + V1BETA1 + ")");
        }
        return new ExecConfig(command, args, env, apiVersion, Boolean.TRUE.equals(exec.get("provideClusterInfo")),
                KubeconfigReader.string(exec.get("installHint")));
    }
}
