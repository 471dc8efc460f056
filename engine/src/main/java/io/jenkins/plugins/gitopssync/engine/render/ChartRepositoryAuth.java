package io.jenkins.plugins.gitopssync.engine.render;

import java.io.Serializable;

/**
 * The account for the chart repositories a chart's dependencies come from (HTTP basic auth, or an OCI
 * registry's login). Given to Helm through a temporary repository and registry configuration, never on a
 * command line; the password is masked everywhere.
 */
public record ChartRepositoryAuth(String username, String password) implements Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "ChartRepositoryAuth[username=" + username + ", password=****]";
    }
}
