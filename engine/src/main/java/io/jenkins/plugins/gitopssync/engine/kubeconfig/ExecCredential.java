package io.jenkins.plugins.gitopssync.engine.kubeconfig;

import java.time.Instant;

/**
 * What an exec plugin returned: a bearer token, or a client certificate and key (PEM), and until when.
 * Holds secrets: {@link #toString()} shows none.
 *
 * @param expiration when to run the plugin again, or null for never
 */
public record ExecCredential(String token, String clientCertificateData, String clientKeyData, Instant expiration) {

    public boolean expiredAt(Instant now) {
        return expiration != null && !now.isBefore(expiration);
    }

    @Override
    public String toString() {
        return "ExecCredential[" + (token != null ? "token" : "client certificate") + ", expires " + expiration + "]";
    }
}
