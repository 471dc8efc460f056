package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.cluster.AccessOptions;
import io.jenkins.plugins.gitopssync.engine.cluster.ClusterAccess;
import io.jenkins.plugins.gitopssync.engine.kubeconfig.KubeconfigPolicy;
import io.jenkins.plugins.gitopssync.engine.process.LocalProcessRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster: --kubeconfig and --context, else $KUBECONFIG, ~/.kube/config, or in-cluster. */
final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file. Default: $KUBECONFIG, then ~/.kube/config, then the in-cluster "
                    + "service account.")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context. Default: the current one.")
    String context;

    ClusterAccess connect(Environment env, Console console) {
        Path file = kubeconfigFile(env);
        if (file == null) {
            if (env.get("KUBERNETES_SERVICE_HOST") != null) {
                console.progress("cluster: in-cluster service account");
                return ClusterAccess.inCluster(access(env));
            }
            throw new SyncException("no cluster given: pass --kubeconfig FILE or set KUBECONFIG");
        }
        if (!Files.isRegularFile(file)) {
            throw new SyncException("kubeconfig not found: " + file);
        }
        // a misspelt --context is an error in the engine, not a quiet fall-back to the current context
        console.debug("cluster: kubeconfig " + file + (context == null ? "" : ", context " + context));
        return ClusterAccess.fromKubeconfigFile(file, context, access(env));
    }

    /** As kubectl would: exec plugins and files allowed, in this command's environment (proxies included). */
    private static AccessOptions access(Environment env) {
        return new AccessOptions(KubeconfigPolicy.TRUSTED, new LocalProcessRunner(env.variables()), "here");
    }

    private Path kubeconfigFile(Environment env) {
        if (kubeconfig != null) {
            return env.workingDirectory().resolve(kubeconfig).toAbsolutePath().normalize();
        }
        String fromEnv = env.get("KUBECONFIG");
        if (fromEnv != null) {
            // a list like kubectl's; the first entry is the one used
            return env.workingDirectory().resolve(fromEnv.split(File.pathSeparator)[0]);
        }
        Path home = env.home().resolve(".kube").resolve("config");
        return Files.isRegularFile(home) ? home : null;
    }
}
