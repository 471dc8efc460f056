package io.jenkins.plugins.gitopssync.sync;

import io.jenkins.plugins.gitopssync.engine.render.ChartRepositoryAuth;
import java.io.Serializable;
import java.util.List;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;

/**
 * What a chart's render gets from the build rather than from the job's configuration, resolved on the controller
 * and sent to the agent: the parameters with their {@code ${VARIABLES}} expanded, those that name a sensitive
 * variable (a credential bound with {@code withCredentials}, a password parameter) kept apart as secret, and the
 * chart repository account. Plain data; its string form shows no secret.
 *
 * @param parameters       {@code key=value}, expanded, not secret
 * @param secretParameters {@code key=value} whose value came from a sensitive variable
 * @param repositoryAuth   the chart repository account, or null
 */
@Restricted(NoExternalUse.class)
public record ChartInputs(List<String> parameters, List<String> secretParameters, ChartRepositoryAuth repositoryAuth)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final ChartInputs NONE = new ChartInputs(List.of(), List.of(), null);

    public ChartInputs {
        parameters = List.copyOf(parameters);
        secretParameters = List.copyOf(secretParameters);
    }

    @Override
    public String toString() {
        return "ChartInputs[parameters=" + parameters + ", secretParameters=" + secretParameters.size() // NOI18N
                + ", repositoryAuth=" + repositoryAuth + "]"; // NOI18N
    }
}
