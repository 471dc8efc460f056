package io.jenkins.plugins.gitopssync.testing;

import io.jenkins.plugins.gitopssync.sync.WorkspaceCheckout;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(LocalRepositories.class)}: for each test, the controller may check out repositories
 * on its own disk (the tests' repositories are local directories, and most of their builds run on the
 * built-in node); refused again after it, as in production.
 */
public final class LocalRepositories implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        WorkspaceCheckout.ALLOW_LOCAL_ON_CONTROLLER = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        WorkspaceCheckout.ALLOW_LOCAL_ON_CONTROLLER = false;
    }
}
