package io.jenkins.plugins.gitopssync.engine.cluster;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A token read from a file that is rotated under the process (a projected service account token, a
 * {@code tokenFile}): read again at most once a minute, as client-go does, since fabric8 asks before every request.
 */
final class RefreshingToken implements OAuthTokenProvider {

    private static final long REREAD_NANOS = Duration.ofMinutes(1).toNanos();

    private final Supplier<String> read;
    private String token;
    private long readAt;

    RefreshingToken(Supplier<String> read) {
        this.read = read;
    }

    @Override
    public synchronized String getToken() {
        long now = System.nanoTime();
        if (token == null || now - readAt > REREAD_NANOS) {
            token = read.get();
            readAt = now;
        }
        return token;
    }
}
