package io.jenkins.plugins.gitopssync.cli;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import io.jenkins.plugins.gitopssync.engine.report.JsonReport;
import io.jenkins.plugins.gitopssync.engine.report.SvgBadge;
import io.jenkins.plugins.gitopssync.engine.report.SyncResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --report FILE.json and --badge FILE.svg: written after the run, also when it failed. */
final class ReportOptions {

    @Option(names = "--report", paramLabel = "FILE.json", description = "Write the JSON report to FILE.")
    Path report;

    @Option(names = "--badge", paramLabel = "FILE.svg",
            description = "Write an SVG badge (gitops | synced, drift N, failed) to FILE.")
    Path badge;

    void write(SyncResult result, Environment env, Console console) {
        if (report != null) {
            writeFile(env, console, "report", report, JsonReport.toJson(result));
        }
        if (badge != null) {
            writeFile(env, console, "badge", badge, SvgBadge.forResult(result));
        }
    }

    void writeBadge(Environment env, Console console, String svg) {
        if (badge != null) {
            writeFile(env, console, "badge", badge, svg);
        }
    }

    void writeReport(Environment env, Console console, String json) {
        if (report != null) {
            writeFile(env, console, "report", report, json);
        }
    }

    private static void writeFile(Environment env, Console console, String what, Path file, String content) {
        Path target = env.workingDirectory().resolve(file).toAbsolutePath().normalize();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, content);
        } catch (IOException e) {
            throw new SyncException("cannot write the " + what + " " + target + ": " + e.getMessage(), e);
        }
        console.result(what + ": " + target);
    }
}
