package io.jenkins.plugins.gitopssync.engine.health;

import java.util.Map;

/** The health rule of one kind, applied to the live object. */
interface KindHealth {

    HealthStatus assess(Map<String, Object> obj);
}
