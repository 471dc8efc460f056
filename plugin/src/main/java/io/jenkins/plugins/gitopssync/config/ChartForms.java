package io.jenkins.plugins.gitopssync.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/** The form endpoints of a chart's options (the steps' and the trigger's descriptors delegate here). */
@Restricted(NoExternalUse.class)
public final class ChartForms {

    private ChartForms() {
    }

    /** Username/password credentials, for the chart repositories. */
    public static ListBoxModel repositoryCredentials(Item item, String current) {
        return GitOpsForms.credentials(item, null, current,
                CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class));
    }

    public static FormValidation checkValuesFiles(Item item, String value) {
        GitOpsForms.checkConfigure(item);
        return GitOpsForms.of(ChartChecks.valuesFiles(value));
    }

    public static FormValidation checkParameters(Item item, String value) {
        GitOpsForms.checkConfigure(item);
        return GitOpsForms.of(ChartChecks.parameters(value));
    }
}
