package io.jenkins.plugins.gitopssync.engine.render;

import io.jenkins.plugins.gitopssync.engine.mask.SecretValues;
import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.process.ProcessResult;
import io.jenkins.plugins.gitopssync.engine.process.ProcessSpec;
import io.jenkins.plugins.gitopssync.engine.process.ProcessTimeoutException;
import io.jenkins.plugins.gitopssync.engine.process.Tools;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code helm} for one chart, through the tools' runner (a Jenkins build's launcher, or this process),
 * with the render's own Helm homes. Every failure is one line naming the chart, what ran and Helm's own
 * message, with the repository's and the workspace's absolute paths made relative and secret values masked.
 */
final class HelmCommand {

    static final String NEEDED = "helm v3.8 or later (or v4)";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private final Tools tools;
    private final HelmWorkspace workspace;
    private final List<String> secretValues;
    private final SecretValues secrets;
    private final String chart;
    private final List<Path> hiddenRoots;

    /**
     * @param chart       how messages name the chart: "chart NAME (PATH)"
     * @param hiddenRoots absolute directories shown relative in messages (the repository, the workspace)
     */
    HelmCommand(Tools tools, HelmWorkspace workspace, List<String> secretValues, String chart, List<Path> hiddenRoots) {
        this.tools = tools;
        this.workspace = workspace;
        this.secretValues = List.copyOf(secretValues);
        this.secrets = SecretValues.ofCredentials(secretValues);
        this.chart = chart;
        this.hiddenRoots = hiddenRoots;
    }

    String program() {
        return tools.helmCommand();
    }

    /** Refuses a helm that is too old (or not helm) with the version needed; returns the version it reports. */
    String checkVersion() {
        ProcessResult r = run("helm version", List.of("version", "--template", "{{.Version}}"), 64 * 1024, null);
        String reported = r.stdoutText().strip();
        Matcher m = VERSION.matcher(reported);
        if (!r.succeeded() || !m.lookingAt()) {
            throw new SyncException(chart + ": '" + program() + " version' did not report a version"
                    + (reported.isEmpty() ? "" : " ('" + firstLine(reported) + "')") + "; rendering a chart needs " + NEEDED);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 3 || (major == 3 && minor < 8)) {
            throw new SyncException(chart + ": " + program() + " is " + reported + ", too old; rendering a chart needs "
                    + NEEDED + " (install a newer helm, or name one with the helm option or " + Tools.HELM_ENV + ")");
        }
        return reported;
    }

    /**
     * Runs {@code helm ARGS} and returns its result when it succeeded.
     *
     * @param what how the failure message names the command ("helm template")
     */
    ProcessResult runOrFail(String what, List<String> args, long maxOutputBytes, String directory) {
        ProcessResult r = run(what, args, maxOutputBytes, directory);
        if (!r.succeeded()) {
            String fetch = fetchProblems(r.truncated() ? "" : r.stdoutText());
            throw new SyncException(chart + ": " + what + " failed: " + (fetch.isEmpty() ? "" : fetch + "; ")
                    + message(r.stderr()));
        }
        return r;
    }

    /**
     * Why a chart repository could not be read (a 401, a host that does not answer): Helm prints it on standard
     * output as a warning and then fails with a message that no longer says it.
     */
    private String fetchProblems(String stdout) {
        List<String> found = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("...Unable to get an update")) {
                found.add(line.substring(3).strip());
            } else if (!found.isEmpty() && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
                found.set(found.size() - 1, found.get(found.size() - 1) + " " + line.strip()); // its continuation
            }
        }
        return secrets.mask(relative(String.join("; ", found)));
    }

    private ProcessResult run(String what, List<String> args, long maxOutputBytes, String directory) {
        List<String> command = new ArrayList<>();
        command.add(program());
        command.addAll(args);
        // secret values go to Helm through files, never as arguments; a launcher that prints commands masks them anyway
        ProcessSpec spec = new ProcessSpec(command, directory, workspace.environment(), null, TIMEOUT, maxOutputBytes,
                secretValues);
        try {
            return tools.runner().run(spec);
        } catch (ProcessTimeoutException e) {
            throw new SyncException(chart + ": " + what + " did not finish within " + TIMEOUT.toMinutes() + " minutes");
        } catch (IOException e) {
            throw new SyncException(chart + ": " + notFound() + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(chart + ": interrupted while running " + what, e);
        }
    }

    private String notFound() {
        boolean named = !program().equals("helm");
        String how = named
                ? "helm could not be started at '" + program() + "' (named by the helm option or " + Tools.HELM_ENV + ")"
                : "helm could not be started from the PATH";
        return how + "; rendering a chart needs " + NEEDED + ". Install it where the sync runs, put it on the build's"
                + " PATH, or name it with the helm option or " + Tools.HELM_ENV;
    }

    /** Helm's own message in one line: from its "Error:" line on, paths relative, secrets masked. */
    String message(String stderr) {
        List<String> lines = stderr.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Error:")) {
                start = i;
                break;
            }
        }
        String text = String.join(" ", lines.subList(start, lines.size()));
        if (text.startsWith("Error: ")) {
            text = text.substring("Error: ".length());
        }
        return secrets.mask(relative(text.isEmpty() ? "no message" : text));
    }

    String relative(String text) {
        String out = text;
        for (Path root : hiddenRoots) {
            out = out.replace(root.toString() + "/", "").replace(root.toString(), ".");
        }
        return out;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
