package io.jenkins.plugins.gitopssync.testing;

import io.jenkins.plugins.gitopssync.engine.report.JsonReportReader;
import io.jenkins.plugins.gitopssync.engine.report.ObjectResult;
import io.jenkins.plugins.gitopssync.pages.GitOpsSyncAction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Every object of a recorded sync, as the detail page reads them: from the build's JSON report. */
public final class SyncReports {

    private SyncReports() {
    }

    public static List<ObjectResult> objects(GitOpsSyncAction action) throws IOException {
        Path report = action.getRun().getRootDir().toPath().resolve("gitops-sync").resolve(action.getIndex() + ".json");
        return JsonReportReader.page(report, 0, Integer.MAX_VALUE, null).objects();
    }
}
