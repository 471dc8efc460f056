package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.Messages;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.Channel;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import io.jenkins.plugins.gitopssync.config.SyncSpec;
import io.jenkins.plugins.gitopssync.engine.process.ProcessRunner;
import io.jenkins.plugins.gitopssync.engine.source.UrlRedaction;
import io.jenkins.plugins.gitopssync.engine.verify.TrustedKeys;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import io.jenkins.plugins.gitopssync.pages.SyncRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * One gitopsSync call, shared by the Pipeline step and the freestyle step: resolve credentials on the
 * controller, check the repository out on the agent, run the engine on the agent, record the result
 * on the build, log a summary and set the build result.
 */
@Restricted(NoExternalUse.class)
public final class SyncRunner {

    /** Folder of the workspace holding one checkout per ApplySet. */
    static final String CHECKOUT_DIR = ".gitops-sync";
    /** What starts every line the sync writes to the build log (data, not text: the same in every language). */
    static final String PREFIX = "[gitopsSync] "; // NOI18N

    private SyncRunner() {
    }

    /** What the caller gets back: the recorded sync, the address of its detail page, and what it meant for the build. */
    public record Outcome(SyncRecord record, String detailUrl, ResultPolicy.Decision decision) {
    }

    /**
     * @param env                the build's environment (a Pipeline step's context environment: withEnv, withCredentials,
     *                           PATH)
     * @param launcher           the build's launcher: every program the sync runs is started through it
     * @param sensitiveVariables variables the caller knows hold credentials (a Pipeline step's context); the
     *                           build's own sensitive parameters and variables are added here
     */
    public static Outcome run(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener,
                              SyncSpec options, Set<String> sensitiveVariables) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        List<String> problems = options.problems();
        if (!problems.isEmpty()) {
            throw new AbortException(Messages.SyncRunner_Problems(String.join(" ", problems)));
        }
        String applySet = options.applySetFor(run.getParent().getFullName());

        CredentialResolver credentials = CredentialResolver.forRun(run);
        StandardCredentials gitCredentials = credentials.git(options.credentialsId(), options.url());
        ClusterConnection connection = credentials.cluster(options);
        TrustedKeys trusted = options.verifyMode() == null ? null : credentials.trustedKeys(options);
        RenderSecrets renderSecrets = RenderCredentials.resolve(run, options);
        ChartInputs chart = chartInputs(run, env, options, credentials, sensitiveVariables);

        FilePath dir = workspace.child(CHECKOUT_DIR).child(applySet);
        WorkspaceCheckout.refuseLocalOnController(options.url(), !dir.isRemote()); // wherever the checkout runs
        log.println(PREFIX + Messages.SyncRunner_Fetching(UrlRedaction.redact(options.url()), options.refOrHead(), dir.getRemote()));
        GitOpsGlobalSettings settings = GitOpsGlobalSettings.get();
        boolean child = EngineJvmChoice.child(settings.getEngineJvm(), dir.getChannel(), launcher);
        ChildCheckout childCheckout = child ? ChildCheckoutChoice.of(options.url(), options.ref(), gitCredentials) : null;
        FilePath report = workspace.child(CHECKOUT_DIR).child(applySet + ".report.json");
        SyncOrder order = new SyncOrder(options, null, applySet, connection, trusted, BuildOrigin.of(run),
                renderSecrets, chart, report.getRemote());
        if (childCheckout == null) {
            order = checkoutHere(order, dir, gitCredentials, env, listener, !child);
        }
        SyncRecord record = child
                ? inChildJvm(order, childCheckout, dir, launcher, env, listener, settings.getEngineJvmHeapMegabytes())
                : dir.act(new AgentSync(order, listener,
                        exported(dir.getChannel(), new LauncherProcessRunner(launcher, env, dir, listener))));
        GitOpsSyncAction action = GitOpsSyncAction.attach(run, record);
        keepJsonReport(action, report, log);
        String detailUrl = detailUrl(run, action);
        SyncSummary.lines(record, detailUrl).forEach(log::println);

        ResultPolicy.Decision decision = ResultPolicy.decide(record, options.failOnDrift());
        switch (decision.outcome()) {
            case FAILURE -> throw new AbortException(decision.message());
            case UNSTABLE -> {
                log.println(PREFIX + Messages.SyncRunner_Unstable(decision.message()));
                run.setResult(Result.UNSTABLE);
            }
            case SUCCESS -> {
            }
        }
        return new Outcome(record, detailUrl, decision);
    }

    /**
     * The checkout in the agent's JVM, with git-client (the engine's child JVM does its own when it can).
     *
     * @param engine whether the engine runs in the agent's JVM too (its jars are then sent with the checkout's)
     */
    private static SyncOrder checkoutHere(SyncOrder order, FilePath dir, StandardCredentials gitCredentials, EnvVars env,
                                          TaskListener listener, boolean engine) throws IOException, InterruptedException {
        long preloadMillis = AgentPreload.preload(dir.getChannel(), engine);
        if (preloadMillis >= 0) {
            // once per agent connection, and slow over a slow link: said, so a slow first build is explained
            listener.getLogger().println(PREFIX + Messages.SyncRunner_JarsSent(String.valueOf(preloadMillis)));
        }
        SyncSpec options = order.options();
        long fetchStart = System.nanoTime();
        SyncOrder checkedOut = order.withRevision(
                WorkspaceCheckout.checkout(dir, options.url(), options.ref(), gitCredentials, env, listener));
        checkedOut.revisionLines(millisSince(fetchStart)).forEach(line -> listener.getLogger().println(PREFIX + line));
        return checkedOut;
    }

    private static SyncRecord inChildJvm(SyncOrder order, ChildCheckout checkout, FilePath dir, Launcher launcher, EnvVars env,
                                         TaskListener listener, int heapMegabytes) throws IOException, InterruptedException {
        listener.getLogger().println(PREFIX + Messages.ChildJvmSync_Running());
        return ChildJvmSync.run(order, checkout, dir, launcher, env, listener, heapMegabytes);
    }

    /** The runner as the agent sees it: a proxy calling back over the channel, or itself on the controller. */
    private static ProcessRunner exported(VirtualChannel channel, ProcessRunner runner) {
        return channel instanceof Channel c ? c.export(ProcessRunner.class, runner) : runner;
    }

    /** A chart's parameters (secret when they name a sensitive variable) and repository account. */
    private static ChartInputs chartInputs(Run<?, ?> run, EnvVars env, SyncSpec options, CredentialResolver credentials,
                                           Set<String> sensitiveVariables) throws AbortException {
        ChartInputs parameters = ChartParameters.split(options.parameters(), env,
                ChartParameters.sensitiveVariables(run, sensitiveVariables));
        return new ChartInputs(parameters.parameters(), parameters.secretParameters(),
                ChartCredentials.resolve(credentials, options.chartCredentialsId()));
    }

    /**
     * The engine's JSON report, copied once from the workspace into the build (served and paged by the action),
     * then removed from the workspace; a failure here only warns.
     */
    static void keepJsonReport(GitOpsSyncAction action, FilePath report, PrintStream log) throws InterruptedException {
        try {
            if (report.exists()) {
                action.keepReport(report);
                report.delete();
            }
        } catch (IOException e) {
            log.println(PREFIX + Messages.SyncRunner_ReportNotKept(e.getMessage()));
        }
    }

    private static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000;
    }

    static String detailUrl(Run<?, ?> run, GitOpsSyncAction action) {
        String root = Jenkins.get().getRootUrl();
        return (root == null ? "/" : root) + run.getUrl() + action.getUrlName() + "/";
    }
}
