package io.jenkins.plugins.gitopssync.sync;

import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * Sends the jars a sync runs on to an agent in one transfer, once per agent connection. Without it the
 * agent asks the controller for each of the few thousand classes the engine, fabric8 and Jackson load:
 * one round trip per class, measured at 8 to 13 s for the first sync on a freshly started agent on
 * loopback (and far more over a slow link), against about 1 s for the same sync once the classes are
 * loaded. The jars (about 8 MB) are sent once per connection, each to the agent-side twin of the class
 * loader that owns it on the controller (the engine to this plugin's, fabric8 to kubernetes-client-api's,
 * Jackson to jackson2-api's...), so every class is still defined by the loader it would have been, and
 * a library never ends up split across two loaders. An optimization only: a failure is logged and the
 * classes come one by one.
 */
@Restricted(NoExternalUse.class)
public final class AgentPreload {

    private static final Logger LOGGER = Logger.getLogger(AgentPreload.class.getName());

    /** One class of each jar used by every sync: the checkout, the engine, the client, HTTP, JSON, YAML. */
    static final List<String> CLASSES = List.of(
            "org.jenkinsci.plugins.gitclient.JGitAPIImpl",
            "org.eclipse.jgit.lib.Repository",
            "com.googlecode.javaewah.EWAHCompressedBitmap",
            "io.jenkins.plugins.gitopssync.engine.GitOpsSync",
            "io.fabric8.kubernetes.client.KubernetesClient",
            "io.fabric8.kubernetes.client.impl.KubernetesClientImpl",
            "io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory",
            "io.fabric8.kubernetes.api.model.HasMetadata",
            "io.fabric8.kubernetes.model.jackson.GoCompatibilityModule",
            "io.fabric8.kubernetes.api.model.Secret",
            "io.fabric8.kubernetes.api.model.coordination.v1.Lease",
            "io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition",
            "io.fabric8.kubernetes.api.model.apps.Deployment",
            "okhttp3.OkHttpClient",
            "okio.Buffer",
            "kotlin.Unit",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonFactory",
            "com.fasterxml.jackson.annotation.JsonProperty",
            "com.fasterxml.jackson.dataformat.yaml.YAMLFactory",
            "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
            "org.yaml.snakeyaml.Yaml",
            "org.snakeyaml.engine.v2.api.Load");

    /** The first of {@link #CLASSES} that only the checkout needs (the engine's, in a child JVM, are not sent). */
    private static final int CHECKOUT_CLASSES = 3;

    /** Channel property set once the jars are on that agent. */
    public static final String DONE = AgentPreload.class.getName() + ".done";
    /** Channel property set once the checkout's jars are on that agent. */
    public static final String CHECKOUT_DONE = AgentPreload.class.getName() + ".checkoutDone";

    private AgentPreload() {
    }

    /**
     * Preloads the jars on the agent behind {@code channel}, if not done yet on this connection.
     *
     * @param engine whether the engine runs in the agent's JVM too (false: a child JVM runs it; only the checkout's
     *               jars are sent)
     * @return the milliseconds it took, or -1 when nothing was sent (the controller, or sent already)
     */
    static long preload(VirtualChannel channel, boolean engine) {
        String done = engine ? DONE : CHECKOUT_DONE;
        if (!(channel instanceof Channel c) || c.getProperty(done) != null || c.getProperty(DONE) != null) {
            return -1; // the controller itself, or preloaded already on this connection
        }
        long start = System.nanoTime();
        ClassLoader ours = AgentPreload.class.getClassLoader();
        Map<ClassLoader, List<Class<?>>> byLoader = new LinkedHashMap<>();
        for (String name : engine ? CLASSES : CLASSES.subList(0, CHECKOUT_CLASSES)) {
            try {
                Class<?> k = Class.forName(name, false, ours);
                byLoader.computeIfAbsent(k.getClassLoader(), l -> new ArrayList<>()).add(k);
            } catch (ClassNotFoundException | LinkageError e) {
                LOGGER.log(Level.FINE, "not preloading the jar of {0}: {1}", new Object[] {name, e});
            }
        }
        try {
            for (Map.Entry<ClassLoader, List<Class<?>>> e : byLoader.entrySet()) {
                c.preloadJar(e.getKey(), e.getValue().toArray(new Class<?>[0]));
            }
            c.setProperty(done, Boolean.TRUE);
            return (System.nanoTime() - start) / 1_000_000;
        } catch (IOException e) {
            LOGGER.log(Level.FINE, "could not preload the sync's jars on " + c.getName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }
}
