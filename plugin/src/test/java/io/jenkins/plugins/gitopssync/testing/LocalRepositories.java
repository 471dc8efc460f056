package io.jenkins.plugins.gitopssync.testing;

import io.jenkins.plugins.gitopssync.config.GitOpsGlobalSettings;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(LocalRepositories.class)}: for each test (once its Jenkins runs: the JenkinsRule parameter of
 * its {@code @BeforeEach} starts it), the controller may check out repositories
 * on its own disk (the tests' repositories are local directories, and most of their builds run on the
 * built-in node); refused again after it, as in production.
 */
public final class LocalRepositories implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        GitOpsGlobalSettings.get().setAllowLocalRepositoriesOnController(true);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        GitOpsGlobalSettings.get().setAllowLocalRepositoriesOnController(false);
    }
}
