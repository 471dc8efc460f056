package io.jenkins.plugins.gitopssync.pages;

import hudson.model.Run;
import jenkins.model.RunAction2;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * An action of a build that reads the build it belongs to: Jenkins hands it over on attach and on load, so it is
 * never stored with the action.
 */
@Restricted(NoExternalUse.class)
public abstract class BuildAttachedAction implements RunAction2 {

    private transient Run<?, ?> run;

    /** The build, or null before Jenkins attached or loaded the action. */
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }
}
