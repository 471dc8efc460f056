package io.jenkins.plugins.gitopssync.engine.mask;

import io.jenkins.plugins.gitopssync.engine.SyncLog;

/** A log whose every line is masked with the sync's {@link SecretValues} before it is written. */
public final class MaskingLog implements SyncLog {

    private final SyncLog log;
    private final SecretValues secrets;

    public MaskingLog(SyncLog log, SecretValues secrets) {
        this.log = log;
        this.secrets = secrets;
    }

    @Override
    public void info(String message) {
        log.info(secrets.mask(message));
    }

    @Override
    public void warn(String message) {
        log.warn(secrets.mask(message));
    }

    @Override
    public void debug(String message) {
        log.debug(secrets.mask(message));
    }
}
